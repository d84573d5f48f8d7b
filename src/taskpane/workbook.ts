/**
 * The workbook the pane works on, as the steps see it. Components take it from `WorkbookContext`
 * instead of calling Office.js, so tests hand in a scripted workbook and a plain browser gets none.
 */
import { createContext, useContext } from "react";
import type { WorkbookPlan } from "../core/sheets";
import type { ReportSettings } from "../core/model";
import type {
  ExcelCapabilities,
  ExcelTableResult,
  ReadWorkbookResult,
  SettingsWriteResult,
  TableSource,
  WriteOptions,
  WriteResult,
} from "../adapters/excel";
import {
  excelCapabilities,
  readLedgerFromExcel,
  readTableFromExcel,
  writePlanToExcel,
  writeReportSettingsToExcel,
} from "../adapters/excel";

export interface WorkbookAccess {
  /** What this Excel supports, asked once. */
  capabilities: ExcelCapabilities;
  writePlan(plan: WorkbookPlan, options?: Pick<WriteOptions, "onProgress">): Promise<WriteResult>;
  readLedger(): Promise<ReadWorkbookResult>;
  /** 发文单位, 主送单位 and 通报范围 into 设置's cells, leaving the rest of the sheet as it is. */
  writeReportSettings(settings: ReportSettings | undefined): Promise<SettingsWriteResult>;
  /** The office's own task table: the active sheet's, or the selection's. */
  readTable(source: TableSource): Promise<ExcelTableResult>;
}

/** The open Excel workbook through the Office.js adapter; only when the pane runs in Excel. */
export function officeWorkbook(): WorkbookAccess {
  const capabilities = excelCapabilities();
  return {
    capabilities,
    writePlan: (plan, options) => writePlanToExcel(plan, capabilities, options),
    readLedger: () => readLedgerFromExcel(),
    writeReportSettings: (settings) => writeReportSettingsToExcel(settings),
    readTable: (source) => readTableFromExcel(source, capabilities),
  };
}

/** Undefined outside Excel: the steps that need the workbook say so. */
export const WorkbookContext = createContext<WorkbookAccess | undefined>(undefined);

export function useWorkbook(): WorkbookAccess | undefined {
  return useContext(WorkbookContext);
}

/** A rejected promise's reason as text people can read, for the message bars. */
export function reasonText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
