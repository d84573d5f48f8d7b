export * from "./period";
export * from "./status";
export * from "./assess";
export * from "./rollup";
