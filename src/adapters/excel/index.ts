/// <reference types="office-js" />
/**
 * The Office.js adapter: the 台账 WorkbookPlan into the open workbook, and the ledger back out.
 *
 * For the task pane (写入台账 and the steps after it):
 *
 *     const capabilities = excelCapabilities();            // once, when the pane starts
 *     skippedFeatures(plan, capabilities)                   // warn before writing, if anything
 *     const result = await writePlanToExcel(plan, capabilities, { onProgress });
 *     if (!result.ok) show(result.message);                // Chinese, ready to show
 *     else result.skipped.forEach((s) => note(s.message)); // what this Excel could not set
 *
 *     const read = await readLedgerFromExcel();             // ReadLedgerResult + "excel-error"
 *     const forMerge = await readLedgerForMergeFromExcel(); // the same, with the 变更记录 records
 *     if (canCreateWorkbooks(Office.context.requirements)) await openAsNewWorkbook(xlsxBytes);
 *
 * `writeWorkbookPlan` and `readLedgerFromWorkbook` take a `RequestContext` for callers that are
 * already inside `Excel.run` (and for tests); this module is the only place `Excel.run` is called.
 */
import type { ReportSettings } from "../../core/model";
import type { WorkbookPlan } from "../../core/sheets";
import type { ExcelCapabilities } from "./capabilities";
import { detectCapabilities } from "./capabilities";
import type { ReadOptions, ReadWorkbookResult } from "./read";
import { readLedgerFromWorkbook } from "./read";
import type { LedgerForMergeResult } from "./roundtrip";
import { readLedgerForMerge } from "./roundtrip";
import type { SettingsWriteResult } from "./settings";
import type { ExcelTableResult, TableSource } from "./table";
import { readTableFromWorkbook } from "./table";
import { writeReportSettings } from "./settings";
import type { WriteOptions, WriteResult } from "./write";
import { writeWorkbookPlan } from "./write";

export {
  ALL_CAPABILITIES,
  detectCapabilities,
  skippedFeatures,
  type ExcelCapabilities,
  type RequirementSets,
  type SkippedFeature,
  type SkippedFeatureCode,
} from "./capabilities";
export { DEFAULT_REQUEST_BUDGET_BYTES, REQUEST_LIMIT_BYTES } from "./batches";
export { needsTextGuard } from "./entries";
export { writeReportSettings, type SettingsWriteResult } from "./settings";
export { readTableFromWorkbook, type ExcelTableResult, type TableSource } from "./table";
export {
  DEFAULT_CELLS_PER_READ,
  readLedgerFromWorkbook,
  readSheetGrids,
  type ReadOptions,
  type ReadWorkbookResult,
} from "./read";
export {
  canCreateWorkbooks,
  openAsNewWorkbook,
  readLedgerForMerge,
  toBase64,
  type LedgerForMergeResult,
} from "./roundtrip";
export {
  writeWorkbookPlan,
  type WriteFailureCode,
  type WriteOptions,
  type WriteProgress,
  type WriteResult,
} from "./write";

/** What the Excel running the pane supports, from `Office.context.requirements`; ask once. */
export function excelCapabilities(): ExcelCapabilities {
  return detectCapabilities(Office.context.requirements);
}

/** Writes `plan` into the open workbook in one `Excel.run`. */
export function writePlanToExcel(
  plan: WorkbookPlan,
  capabilities: ExcelCapabilities,
  options: WriteOptions = {},
): Promise<WriteResult> {
  return Excel.run((context) => writeWorkbookPlan(context, plan, capabilities, options));
}

/** Saves the 通报's settings into the open workbook's 设置 sheet in one `Excel.run`. */
export function writeReportSettingsToExcel(
  settings: ReportSettings | undefined,
): Promise<SettingsWriteResult> {
  return Excel.run((context) => writeReportSettings(context, settings));
}

/** The task table on the active sheet, or in the selection, in one `Excel.run`. */
export function readTableFromExcel(
  source: TableSource,
  capabilities: ExcelCapabilities,
): Promise<ExcelTableResult> {
  return Excel.run((context) => readTableFromWorkbook(context, source, capabilities));
}

/** Reads the ledger from the open workbook in one `Excel.run`. */
export function readLedgerFromExcel(options: Omit<ReadOptions, "sheets"> = {}): Promise<ReadWorkbookResult> {
  return Excel.run((context) => readLedgerFromWorkbook(context, options));
}

/** The ledger and its 变更记录 from the open workbook in one `Excel.run`, for 汇总. */
export function readLedgerForMergeFromExcel(
  options: Omit<ReadOptions, "sheets"> = {},
): Promise<LedgerForMergeResult> {
  return Excel.run((context) => readLedgerForMerge(context, options));
}
