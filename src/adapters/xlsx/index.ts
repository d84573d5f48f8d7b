export * from "./write";
export * from "./read";
export * from "./over";
