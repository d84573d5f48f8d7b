/**
 * Returned 填报 workbooks come from outside by email, so they are checked before ExcelJS inflates
 * them: the size of the file, that it is a zip at all, the uncompressed sizes its central directory
 * declares, and what the entries really inflate to, counted in a stream that stops at the limit. Formula cells read as their `=…` text: a unit's typed formula is kept as
 * text, never trusted for a computed value.
 */
import ExcelJS from "exceljs";
import type { GridValue, SheetGrid } from "../../core/sheets";
import { loadWorkbook, worksheetGrid } from "./read";

export interface ReturnedFileLimits {
  /** Largest file accepted, in bytes. A unit's form is tens of kilobytes. */
  maxBytes: number;
  /** Largest sum of the uncompressed sizes the zip directory declares. */
  maxUncompressedBytes: number;
}

export const DEFAULT_RETURNED_LIMITS: ReturnedFileLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
};

export type ReturnedGridsResult =
  | { ok: true; grids: SheetGrid[] }
  | { ok: false; code: "not-xlsx" | "damaged" | "too-large"; message: string };

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const LOCAL_FILE_SIGNATURE = 0x04034b50;
const END_OF_DIRECTORY_SIGNATURE = 0x06054b50;
const DIRECTORY_ENTRY_SIGNATURE = 0x02014b50;
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const END_OF_DIRECTORY_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** ZIP64 markers: sizes or counts too large for the classic fields. */
const ZIP64_COUNT = 0xffff;
const ZIP64_SIZE = 0xffffffff;

interface ZipEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

type Directory = { ok: true; entries: ZipEntry[] } | { ok: false; code: "damaged" | "too-large" };

/** The zip's central directory, read without inflating anything. */
function readDirectory(bytes: Uint8Array): Directory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - END_OF_DIRECTORY_SIZE - MAX_COMMENT);
  let end = -1;
  for (let i = bytes.length - END_OF_DIRECTORY_SIZE; i >= lowest; i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, code: "damaged" };
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === ZIP64_COUNT || directoryOffset === ZIP64_SIZE) return { ok: false, code: "too-large" };
  if (directoryOffset + directorySize > end) return { ok: false, code: "damaged" };
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY_SIGNATURE)
      return { ok: false, code: "damaged" };
    const declaredSize = view.getUint32(at + 24, true);
    if (declaredSize === ZIP64_SIZE) return { ok: false, code: "too-large" };
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize,
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { ok: true, entries };
}

const STORED = 0;
const DEFLATED = 8;

/**
 * Inflates every entry only to count its bytes, stopping as soon as the total passes the limit:
 * a zip's declared sizes can lie, and ExcelJS would inflate everything into memory at once.
 */
async function inflatedSizeWithin(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limit: number,
): Promise<"ok" | "damaged" | "too-large"> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const header = entry.localHeader;
    if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_FILE_SIGNATURE) return "damaged";
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    if (start + entry.compressedSize > bytes.length) return "damaged";
    if (entry.method === STORED) {
      total += entry.compressedSize;
    } else if (entry.method === DEFLATED) {
      const data = bytes.slice(start, start + entry.compressedSize);
      const reader = new Blob([data])
        .stream()
        .pipeThrough(new DecompressionStream("deflate-raw"))
        .getReader();
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          total += chunk.value.byteLength;
          if (total > limit) {
            await reader.cancel();
            return "too-large";
          }
        }
      } catch {
        return "damaged";
      }
    } else {
      return "damaged";
    }
    if (total > limit) return "too-large";
  }
  return "ok";
}

/** The refusal of a file of `size` bytes, or undefined when the size is acceptable: callers holding
 * only a file's size (the task pane's picker) check it before reading the file into memory. */
export function refuseOversized(
  size: number,
  limits: ReturnedFileLimits = DEFAULT_RETURNED_LIMITS,
): Extract<ReturnedGridsResult, { ok: false }> | undefined {
  if (size <= limits.maxBytes) return undefined;
  return {
    ok: false,
    code: "too-large",
    message: `文件过大（${megabytes(size)}，上限 ${megabytes(limits.maxBytes)}），不像是填报文件，未读取。`,
  };
}

/** Checks the file before inflating it, then reads every sheet's values, formulas as their text. */
export async function readReturnedGrids(
  bytes: Uint8Array,
  limits: ReturnedFileLimits = DEFAULT_RETURNED_LIMITS,
): Promise<ReturnedGridsResult> {
  const oversized = refuseOversized(bytes.length, limits);
  if (oversized) return oversized;
  const startsWith = (signature: readonly number[]): boolean => signature.every((b, i) => bytes[i] === b);
  const isZip =
    bytes.length >= 4 &&
    new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === LOCAL_FILE_SIGNATURE;
  if (!isZip) {
    return {
      ok: false,
      code: "not-xlsx",
      message: startsWith(OLE2_SIGNATURE)
        ? "这是旧版 .xls 格式的文件，请在 Excel 或 WPS 中另存为 .xlsx 后再报送。"
        : "这不是 .xlsx 工作簿，请报送由 Duban 分发的“填报-…”文件。",
    };
  }
  const tooLarge: ReturnedGridsResult = {
    ok: false,
    code: "too-large",
    message: `文件解压后过大（超过 ${megabytes(limits.maxUncompressedBytes)}），不像是填报文件，未读取。`,
  };
  const damaged: ReturnedGridsResult = {
    ok: false,
    code: "damaged",
    message: "文件已损坏（压缩包不完整），无法读取，请让报送单位重新保存后再发送。",
  };
  const directory = readDirectory(bytes);
  if (!directory.ok) return directory.code === "too-large" ? tooLarge : damaged;
  const declared = directory.entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > limits.maxUncompressedBytes) return tooLarge;
  const inflated = await inflatedSizeWithin(bytes, directory.entries, limits.maxUncompressedBytes);
  if (inflated !== "ok") return inflated === "too-large" ? tooLarge : damaged;
  const workbook = await loadWorkbook(bytes);
  if (!workbook) {
    return {
      ok: false,
      code: "damaged",
      message: "文件已损坏，无法作为 .xlsx 工作簿打开，请让报送单位重新保存后再发送。",
    };
  }
  return { ok: true, grids: workbook.worksheets.map(gridWithFormulaText) };
}

function gridWithFormulaText(worksheet: ExcelJS.Worksheet): SheetGrid {
  const grid = worksheetGrid(worksheet);
  const rows: GridValue[][] = grid.rows.map((cells) => [...(cells ?? [])]);
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const line = (rows[rowNumber - 1] ??= []);
      line[columnNumber - 1] = `=${cell.formula}`;
    });
  });
  return { ...grid, rows };
}
