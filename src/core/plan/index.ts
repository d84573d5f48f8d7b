export * from "./ledger";
export * from "./rewrite";
