/// <reference types="office-js" />
/**
 * What the task pane's 分发 and 汇总 need from Office beyond writing and reading the ledger: the
 * ledger with the 变更记录 already in the workbook (a merge appends to it), and a 填报 workbook
 * opened as a new workbook where the host will not download files.
 */
import type { Diagnostic, Ledger } from "../../core/model";
import type { ChangeRecord } from "../../core/roundtrip";
import { CHANGE_LOG_SHEET, readChangeLog } from "../../core/roundtrip";
import type { SheetGrid } from "../../core/sheets";
import { SHEET_NAMES, readLedger } from "../../core/sheets";
import type { RequirementSets } from "./capabilities";
import type { ReadOptions, ReadWorkbookResult } from "./read";
import { readSheetGrids } from "./read";

export type LedgerForMergeResult =
  | { ok: true; ledger: Ledger; diagnostics: Diagnostic[]; changeLog: ChangeRecord[] }
  | Extract<ReadWorkbookResult, { ok: false }>;

const MERGE_SHEETS: readonly string[] = [
  SHEET_NAMES.metadata,
  SHEET_NAMES.tasks,
  SHEET_NAMES.progress,
  CHANGE_LOG_SHEET,
];

/** The ledger in the open workbook and the records of its 变更记录 sheet, read in one pass. */
export async function readLedgerForMerge(
  context: Excel.RequestContext,
  options: Omit<ReadOptions, "sheets"> = {},
): Promise<LedgerForMergeResult> {
  let grids: SheetGrid[];
  try {
    grids = await readSheetGrids(context, {
      ...options,
      sheets: (name) => MERGE_SHEETS.includes(name.trim()),
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, code: "excel-error", message: `读取工作簿时 Excel 报错：${detail}` };
  }
  const read = readLedger(grids);
  if (!read.ok) return read;
  return { ...read, changeLog: readChangeLog(grids) };
}

/** `Excel.createWorkbook` came with ExcelApi 1.8; Office 2019 and older cannot open a new workbook. */
export function canCreateWorkbooks(requirements: RequirementSets): boolean {
  return requirements.isSetSupported("ExcelApi", "1.8");
}

/** Bytes per `String.fromCharCode` call: well under every engine's argument limit. */
const BASE64_CHUNK = 0x8000;

/** Standard base64, as `Excel.createWorkbook` takes an .xlsx; `btoa` is in every Office webview. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + BASE64_CHUNK));
  }
  return btoa(binary);
}

/** Opens an .xlsx as a new workbook in a new Excel window (ExcelApi 1.8; see `canCreateWorkbooks`). */
export function openAsNewWorkbook(bytes: Uint8Array): Promise<void> {
  return Excel.createWorkbook(toBase64(bytes));
}
