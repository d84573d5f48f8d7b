import type { WriteOptions, WriteResult } from "../../adapters/excel";
import { readFileBytes } from "../files";
import { stubWorkbook } from "./workbooks";

/**
 * A workbook whose write reports the first of two requests and then waits until the test calls
 * `finish`: meanwhile the step shows its progress bar.
 */
export function pausedWorkbook() {
  let resolveWrite: (result: WriteResult) => void = () => undefined;
  const workbook = stubWorkbook({
    write: (_plan, options?: WriteOptions) =>
      new Promise((resolve) => {
        options?.onProgress?.({ done: 1, total: 2 });
        resolveWrite = resolve;
      }),
  });
  return { workbook, finish: (result: WriteResult) => resolveWrite(result) };
}

/** Excel refusing a write while it is busy, with the workbook as it was. */
export const EXCEL_BUSY: WriteResult = {
  ok: false,
  code: "excel-error",
  message: "写入台账时 Excel 报错：忙。",
  restored: true,
};

/** The host refuses the next clipboard write, as some webviews do without asking. */
export function refuseNextClipboardWrite(): void {
  jest
    .spyOn(navigator.clipboard, "writeText")
    .mockRejectedValueOnce(new DOMException("Write permission denied.", "NotAllowedError"));
}

/**
 * Catches what the pane offers as downloads: each Blob URL's blob and the file name its link asks
 * for, instead of jsdom's navigation. `bytes(i)` reads the i-th file.
 */
export function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      blobs.push(blob);
      return `blob:https://localhost:3000/${blobs.length}`;
    },
    revokeObjectURL: () => undefined,
  });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  const bytes = async (index: number): Promise<Uint8Array> => {
    const blob = blobs[index];
    if (!blob) throw new Error(`no download number ${index}`);
    return readFileBytes(blob);
  };
  return { names, bytes };
}
