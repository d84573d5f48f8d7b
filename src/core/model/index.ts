export * from "./document";
export * from "./ledger";
