/**
 * An office's own task table, from a file, into CellGrids for src/core/adopt: an .xlsx through
 * ExcelJS (every sheet, merged cells kept), a .csv through Papa Parse (UTF-8 with or without BOM,
 * or GB18030 as Excel in Chinese Windows saves it), a .docx through mammoth (every table, merged
 * cells from its colspan/rowspan). Files from outside are checked before they are inflated.
 */
import type ExcelJS from "exceljs";
import Papa from "papaparse";
import type { CellGrid, CellRange } from "../../core/adopt";
import { chineseDate } from "../../core/model";
import type { GridValue } from "../../core/sheets";
import { MAX_DOCX_UNPACKED_BYTES, MAX_FILE_BYTES, decodeText, docxToHtml } from "../text/readDocument";
import { checkZip } from "../zip/check";
import { docxTables } from "./docx";

export type TableFileResult = { ok: true; grids: CellGrid[] } | { ok: false; message: string };

const refuse = (message: string): TableFileResult => ({ ok: false, message });

/** What the open sheet or a file shows in a cell: dates as a clerk writes them, numbers as typed. */
export function displayText(value: GridValue): string {
  if (value === null) return "";
  if (typeof value === "object") return chineseDate(value.iso);
  return String(value);
}

export async function readTableFile(bytes: Uint8Array, fileName: string): Promise<TableFileResult> {
  if (bytes.length === 0) return refuse(`“${fileName}”是空文件。`);
  if (bytes.length > MAX_FILE_BYTES) {
    return refuse(
      `“${fileName}”有 ${Math.round(bytes.length / 1048576)} MB，超过 50 MB 上限，不像是一张任务表。`,
    );
  }
  const lower = fileName.toLowerCase();
  const name = fileName.replace(/^.*[\\/]/, "");
  if (lower.endsWith(".csv")) return csvGrids(bytes, name);
  // ExcelJS is heavy: a Word table never loads it.
  const xlsx = lower.endsWith(".docx") ? undefined : await import("../xlsx/read.js");
  const other = xlsx?.otherFormat(bytes);
  if (other) return refuse(`无法打开“${name}”：${other}`);
  const checked = await checkZip(bytes, MAX_DOCX_UNPACKED_BYTES);
  if (checked === "too-large") {
    return refuse(
      `“${name}”解压后超过 ${MAX_DOCX_UNPACKED_BYTES / 1048576} MB，不像是一张任务表（可能是压缩炸弹），未打开。`,
    );
  }
  if (checked !== "ok") {
    return refuse(`“${name}”不是有效的 .xlsx、.docx 或 .csv 文件（文件可能已损坏）。`);
  }
  if (!xlsx) return docxGrids(bytes, name);
  return xlsxGrids(xlsx, bytes, name);
}

function csvGrids(bytes: Uint8Array, name: string): TableFileResult {
  const decoded = decodeText(bytes, name);
  if (!decoded.ok) return refuse(decoded.diagnostic.message);
  const text = decoded.text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const rows = parsed.data.map((row) => row.map((cell) => cell ?? ""));
  return { ok: true, grids: [{ name, rows, merges: [], origin: { row: 1, column: 1 } }] };
}

async function xlsxGrids(
  { loadWorkbook, worksheetGrid }: typeof import("../xlsx/read.js"),
  bytes: Uint8Array,
  name: string,
): Promise<TableFileResult> {
  const workbook = await loadWorkbook(bytes);
  if (!workbook)
    return refuse(`“${name}”不是有效的 .xlsx 工作簿（可能已损坏，或是旧版 .xls 格式，请另存为 .xlsx）。`);
  const grids = workbook.worksheets
    .filter((sheet) => sheet.state === "visible")
    .map((sheet): CellGrid => ({
      name,
      sheet: sheet.name,
      rows: worksheetGrid(sheet).rows.map((cells) => Array.from(cells ?? [], (v) => displayText(v ?? null))),
      merges: sheetMerges(sheet),
      origin: { row: 1, column: 1 },
    }));
  return { ok: true, grids };
}

/** ExcelJS keeps a sheet's merges as `A1:C2` strings in its model. */
function sheetMerges(sheet: ExcelJS.Worksheet): CellRange[] {
  return sheet.model.merges.flatMap((address) => {
    const range = parseRange(address);
    return range ? [range] : [];
  });
}

/** `B3:H40` → 0-based rows and columns; undefined for anything else. */
export function parseRange(address: string): CellRange | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(address.trim());
  if (!m) return undefined;
  const column = (letters: string): number =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [left, top] = [column(m[1] ?? "A"), Number(m[2]) - 1];
  const [right, bottom] = m[3] ? [column(m[3]), Number(m[4]) - 1] : [left, top];
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

async function docxGrids(bytes: Uint8Array, name: string): Promise<TableFileResult> {
  let html: string;
  try {
    html = (await docxToHtml(bytes)).value;
  } catch {
    return refuse(`“${name}”无法打开：文件可能已损坏，或不是 Word 文档。`);
  }
  const tables = docxTables(html);
  if (tables.length === 0) return refuse(`“${name}”中没有表格。如果任务写在正文里，请按政策文件导入。`);
  return {
    ok: true,
    grids: tables.map((table, k) => ({
      name,
      ...(tables.length > 1 && { sheet: `表${k + 1}` }),
      rows: table.rows,
      merges: table.merges,
      origin: { row: 1, column: 1 },
    })),
  };
}
