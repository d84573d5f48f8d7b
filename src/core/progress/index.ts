export * from "./period";
export * from "./status";
export * from "./assess";
export * from "./rollup";
export * from "./sample";
