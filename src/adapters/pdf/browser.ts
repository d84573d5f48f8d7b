import type { PdfJs } from "./text";

/** Where webpack copies pdf.js's worker, beside the task pane's page. */
export const PDF_WORKER_FILE = "pdf.worker.min.js";

interface PdfJsModule extends PdfJs {
  GlobalWorkerOptions: { workerSrc: string };
}

/** pdf.js for the task pane: fetched only when a PDF is opened, its worker from the add-in's own files. */
export async function loadPdfJsForBrowser(): Promise<PdfJs> {
  const pdfjs = (await import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist")) as unknown as PdfJsModule;
  pdfjs.GlobalWorkerOptions.workerSrc = new URL(PDF_WORKER_FILE, document.baseURI).href;
  return pdfjs;
}
