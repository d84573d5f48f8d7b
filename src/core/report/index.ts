export * from "./types";
export * from "./phrases";
export * from "./build";
export * from "./text";
export * from "./sheet";
export * from "./html";
export * from "./notice";
export * from "./remind";
