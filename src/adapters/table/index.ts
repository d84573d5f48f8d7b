export * from "./read";
export * from "./docx";
