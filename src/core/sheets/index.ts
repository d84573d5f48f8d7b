export * from "./types";
export * from "./cells";
export * from "./styles";
