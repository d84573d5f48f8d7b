/**
 * The workbook the pane works on, as the steps see it. Components take it from `WorkbookContext`
 * instead of calling Office.js, so tests hand in a scripted workbook and a plain browser gets none.
 */
import { createContext, useContext } from "react";
import type { WorkbookPlan } from "../core/sheets";
import type { ExcelCapabilities, ReadWorkbookResult, WriteOptions, WriteResult } from "../adapters/excel";
import { excelCapabilities, readLedgerFromExcel, writePlanToExcel } from "../adapters/excel";

export interface WorkbookAccess {
  /** What this Excel supports, asked once. */
  capabilities: ExcelCapabilities;
  writePlan(plan: WorkbookPlan, options?: Pick<WriteOptions, "onProgress">): Promise<WriteResult>;
  readLedger(): Promise<ReadWorkbookResult>;
}

/** The open Excel workbook through the Office.js adapter; only when the pane runs in Excel. */
export function officeWorkbook(): WorkbookAccess {
  const capabilities = excelCapabilities();
  return {
    capabilities,
    writePlan: (plan, options) => writePlanToExcel(plan, capabilities, options),
    readLedger: () => readLedgerFromExcel(),
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
