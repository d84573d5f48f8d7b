export * from "./ledger";
export * from "./periods";
export * from "./progress";
export * from "./rewrite";
