export * from "./form";
export * from "./split";
export * from "./read";
