export * from "./diagnostics";
export * from "./document";
export * from "./ids";
export * from "./ledger";
export * from "./period";
export * from "./status";
export * from "./text";
export * from "./units";
