/**
 * A column of formulas that differ only by their row, as the progress lines' are, is written as its
 * first cell and an AutoFill down (ExcelApi 1.9): the request then carries one formula instead of
 * thousands, so a large ledger is written in as few syncs as a small one. Runs are found by reading
 * the plan's formulas, never assumed: a cell that is not its first cell moved down is written as is.
 */
import type { SheetPlan } from "../../core/sheets";
import { rangeAddress, shiftRows } from "../../core/sheets";

/** Cells from `firstRow` to `lastRow` (1-based) of one column, all the first one's formula filled down. */
export interface FillRun {
  column: number;
  firstRow: number;
  lastRow: number;
}

function formulaAt(sheet: SheetPlan, row: number, column: number): string | undefined {
  const cell = sheet.rows[row - 1]?.cells[column - 1];
  return cell !== null && typeof cell === "object" && cell.kind === "formula" ? cell.formula : undefined;
}

/** The runs of at least two cells in each column of `sheet` that an AutoFill of their first cell draws. */
export function fillRuns(sheet: SheetPlan): FillRun[] {
  const runs: FillRun[] = [];
  const width = sheet.rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0);
  for (let column = 1; column <= width; column++) {
    let row = 1;
    while (row <= sheet.rows.length) {
      const first = formulaAt(sheet, row, column);
      if (first === undefined) {
        row++;
        continue;
      }
      let last = row;
      while (formulaAt(sheet, last + 1, column) === shiftRows(first, last + 1 - row)) last++;
      if (last > row) runs.push({ column, firstRow: row, lastRow: last });
      row = last + 1;
    }
  }
  return runs;
}

export function runAddress(run: FillRun): string {
  return rangeAddress(run.firstRow, run.column, run.lastRow, run.column);
}
