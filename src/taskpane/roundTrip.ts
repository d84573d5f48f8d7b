/// <reference types="office-js" />
/** The Office side of the 分发/汇总 step, from the adapter: what App hands to `RoundTrip`. */
import { canCreateWorkbooks, openAsNewWorkbook, readLedgerForMergeFromExcel } from "../adapters/excel";
import type { RoundTripWorkbook } from "./components/RoundTrip/RoundTrip";
import type { WorkbookAccess } from "./workbook";

/** The open workbook for 分发 and 汇总; new workbooks only where Excel can create them (ExcelApi 1.8). */
export function officeRoundTrip(workbook: Pick<WorkbookAccess, "writePlan">): RoundTripWorkbook {
  return {
    readLedger: () => readLedgerForMergeFromExcel(),
    writeLedger: (plan, options) => workbook.writePlan(plan, options),
    ...(canCreateWorkbooks(Office.context.requirements) && { openAsWorkbook: openAsNewWorkbook }),
  };
}
