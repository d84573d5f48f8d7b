/** Files in and out of the task pane through the browser: no Office calls. */

/** The bytes of a file the person picked; FileReader rather than Blob.arrayBuffer(): every Office webview has it. */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Offers bytes as a download through a Blob URL. Browsers and Excel on the web save it; some
 * desktop Excel webviews silently drop it, which no script can detect, so the pane says so.
 */
function download(fileName: string, bytes: Uint8Array, type: string): void {
  const copy = new Uint8Array(bytes);
  const url = URL.createObjectURL(new Blob([copy.buffer], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadXlsx(fileName: string, bytes: Uint8Array): void {
  download(fileName, bytes, XLSX_TYPE);
}

export function downloadDocx(fileName: string, bytes: Uint8Array): void {
  download(fileName, bytes, DOCX_TYPE);
}
