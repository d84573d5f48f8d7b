export * from "./status";
export * from "./assess";
export * from "./rollup";
export * from "./sample";
export * from "./order";
