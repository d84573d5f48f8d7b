import type { GridValue, SheetGrid, WorkbookPlan } from "../../src/core/sheets";

/** A plan's cells as a reader would get them back, without .xlsx bytes: dates as date cells, formulas as their results. */
export function gridsOf(plan: WorkbookPlan): SheetGrid[] {
  return plan.sheets.map((sheet) => ({
    name: sheet.name,
    visibility: sheet.visibility,
    rows: sheet.rows.map((row) =>
      row.cells.map((cell): GridValue => {
        if (cell === null || typeof cell !== "object") return cell;
        return cell.kind === "date" ? cell : (cell.result ?? null);
      }),
    ),
  }));
}
