export * from "./grid";
export * from "./header";
export * from "./roles";
export * from "./adopt";
export * from "./ledger";
