/**
 * .xlsx bytes → SheetGrids (values only) with ExcelJS; src/core/sheets turns the grids into a Ledger,
 * the same way it does for grids read through Office.js.
 */
import ExcelJS from "exceljs";
import type { GridValue, ReadLedgerResult, SheetGrid, SheetVisibility } from "../../core/sheets";
import { readLedger } from "../../core/sheets";

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A number shown as a percentage (someone typed `85%`) is read as its text, so `85%` stays 85 in a % column. */
function numberValue(value: number, numberFormat: string | undefined): GridValue {
  if (numberFormat?.includes("%")) return `${Number((value * 100).toPrecision(12))}%`;
  return value;
}

function gridValue(value: ExcelJS.CellValue, numberFormat: string | undefined): GridValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return numberValue(value, numberFormat);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return { kind: "date", iso: isoDate(value) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value)
    return typeof value.text === "string" ? value.text : gridValue(value.text, numberFormat);
  if ("error" in value) return value.error;
  return null;
}

/**
 * A formula cell gives its cached result. `cell.result`, not `cell.value.result`: ExcelJS's value
 * getter drops falsy results, so a count of 0 would read as empty.
 */
function cellGridValue(cell: ExcelJS.Cell): GridValue {
  if (cell.type !== ExcelJS.ValueType.Formula) return gridValue(cell.value, cell.numFmt);
  const result: unknown = cell.result;
  if (result === undefined) return null;
  if (typeof result === "object" && result !== null && "error" in result) return String(result.error);
  // Only typed numbers get the percent reading; a formula's result is the number it computed.
  return gridValue(result as ExcelJS.CellValue, undefined);
}

const VISIBILITY: Record<string, SheetVisibility> = {
  visible: "visible",
  hidden: "hidden",
  veryHidden: "veryHidden",
};

export function worksheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const rows: GridValue[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: GridValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Merged cells repeat their master's value; only the master holds it.
      if (cell.isMerged && cell.master !== cell) return;
      cells[columnNumber - 1] = cellGridValue(cell);
    });
    rows[rowNumber - 1] = Array.from(cells, (v) => v ?? null);
  });
  return { name: worksheet.name, visibility: VISIBILITY[worksheet.state] ?? "visible", rows };
}

export type GridsResult =
  { ok: true; grids: SheetGrid[] } | { ok: false; code: "unreadable-workbook"; message: string };

/** Opens .xlsx bytes with ExcelJS; undefined when they are not a workbook it can read. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook | undefined> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    return workbook;
  } catch {
    return undefined;
  }
}

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * What a file that is not an .xlsx is, when its first bytes say so: saved as .xls, .ods or .et from
 * WPS, or a document sent in place of a workbook. The message says what to do; undefined otherwise.
 */
export function otherFormat(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 120));
  if (OLE2_SIGNATURE.every((b, i) => bytes[i] === b)) {
    return "这是旧版 .xls（或 WPS 的 .et）格式的文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再用。";
  }
  if (head.startsWith("PK") && head.includes("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) {
    return "这是 OpenDocument（.ods）格式的表格，请在 LibreOffice、WPS 或 Excel 中“另存为” .xlsx 格式（Excel 2007-365）后再用。";
  }
  if (head.startsWith("PK") && head.includes("mimetypeapplication/vnd.oasis.opendocument.text")) {
    return "这是 OpenDocument（.odt）文字文档，不是工作簿。";
  }
  if (head.startsWith("%PDF")) return "这是 PDF 文件，不是工作簿。";
  return undefined;
}

export async function readGrids(bytes: Uint8Array): Promise<GridsResult> {
  const other = otherFormat(bytes);
  if (other) return { ok: false, code: "unreadable-workbook", message: `无法打开这个文件：${other}` };
  const workbook = await loadWorkbook(bytes);
  if (!workbook) {
    return {
      ok: false,
      code: "unreadable-workbook",
      message:
        "无法打开这个文件：它不是有效的 .xlsx 工作簿（可能已损坏，或是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx）。",
    };
  }
  return { ok: true, grids: workbook.worksheets.map(worksheetGrid) };
}

export type ReadWorkbookResult =
  ReadLedgerResult | { ok: false; code: "unreadable-workbook"; message: string };

/** A 台账 .xlsx back into its Ledger, with diagnostics for everything read other than as written. */
export async function readLedgerWorkbook(bytes: Uint8Array): Promise<ReadWorkbookResult> {
  const read = await readGrids(bytes);
  if (!read.ok) return read;
  return readLedger(read.grids);
}
