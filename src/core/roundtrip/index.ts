export * from "./form";
export * from "./split";
export * from "./read";
export * from "./changeLog";
export * from "./merge";
