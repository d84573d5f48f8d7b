import type { PdfJs } from "./text";

/** pdf.js for Node: its legacy build, an ES module, imported as one (jest runs with vm modules for it). */
export async function loadPdfJsForNode(): Promise<PdfJs> {
  return await import("pdfjs-dist/legacy/build/pdf.mjs");
}
