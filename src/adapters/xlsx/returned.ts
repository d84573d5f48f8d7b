/**
 * Returned 填报 workbooks come from outside by email, so they are checked before ExcelJS inflates
 * them: the size of the file, then the zip itself (`zip/check.ts`). Formula cells read as their
 * `=…` text: a unit's typed formula is kept as text, never trusted for a computed value.
 */
import ExcelJS from "exceljs";
import type { GridValue, SheetGrid } from "../../core/sheets";
import { checkZip } from "../zip/check";
import { loadWorkbook, otherFormat, worksheetGrid } from "./read";

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
  const other = otherFormat(bytes);
  if (other) return { ok: false, code: "not-xlsx", message: `${other}请报送由督办台账分发的“填报-…”文件。` };
  const checked = await checkZip(bytes, limits.maxUncompressedBytes);
  if (checked === "not-zip") {
    return {
      ok: false,
      code: "not-xlsx",
      message: "这不是 .xlsx 工作簿，请报送由督办台账分发的“填报-…”文件。",
    };
  }
  if (checked === "too-large") return tooLarge;
  if (checked === "damaged") return damaged;
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
