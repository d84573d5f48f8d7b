export * from "./render";
export * from "./layout";
export * from "./notice";
