/// <reference types="office-js" />
/**
 * The office's own task table in the open workbook → a CellGrid for src/core/adopt: the active
 * sheet's used range, or the selection. Two syncs whatever the size: the range's size and place
 * first (so a whole-sheet selection is refused before its cells travel), then its text as shown and
 * its merged areas together.
 */
import type { CellGrid, CellRange } from "../../core/adopt";
import { MAX_GRID_CELLS } from "../../core/adopt";
import type { ExcelCapabilities } from "./capabilities";

export type TableSource = "sheet" | "selection";

export type ExcelTableResult = { ok: true; grid: CellGrid } | { ok: false; message: string };

const CELL_ADDRESS = /(?:^|!)\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/;

const columnIndex = (letters: string): number =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** `Sheet1!A1:D1, Sheet1!E3:F3` → ranges relative to the table's first cell. */
export function mergedRanges(addresses: string, origin: { row: number; column: number }): CellRange[] {
  return addresses.split(/,\s*(?=(?:'[^']*(?:''[^']*)*'|[^',!]+)!)/).flatMap((part) => {
    const m = CELL_ADDRESS.exec(part.trim());
    if (!m) return [];
    const [left, top] = [columnIndex(m[1] ?? "A"), Number(m[2]) - 1];
    const [right, bottom] = m[3] ? [columnIndex(m[3]), Number(m[4]) - 1] : [left, top];
    return [
      {
        top: top - (origin.row - 1),
        left: left - (origin.column - 1),
        bottom: bottom - (origin.row - 1),
        right: right - (origin.column - 1),
      },
    ];
  });
}

export async function readTableFromWorkbook(
  context: Excel.RequestContext,
  source: TableSource,
  capabilities: Pick<ExcelCapabilities, "mergedAreas">,
): Promise<ExcelTableResult> {
  const { workbook } = context;
  workbook.load("name");
  const sheet = workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const range = source === "sheet" ? sheet.getUsedRangeOrNullObject(true) : workbook.getSelectedRange();
  range.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (range.isNullObject || range.rowCount === 0) {
    return { ok: false, message: `“${sheet.name}”工作表是空的：没有可读取的任务表。` };
  }
  if (range.rowCount * range.columnCount > MAX_GRID_CELLS) {
    return {
      ok: false,
      message: `${source === "sheet" ? `“${sheet.name}”工作表` : "所选区域"}有 ${range.rowCount} 行 × ${range.columnCount} 列，不像一张任务台账。请选中任务表所在的区域（从表头开始），再点“使用所选区域”。`,
    };
  }
  range.load("text");
  const merged = capabilities.mergedAreas ? range.getMergedAreasOrNullObject() : undefined;
  merged?.load("address");
  await context.sync();
  const origin = { row: range.rowIndex + 1, column: range.columnIndex + 1 };
  return {
    ok: true,
    grid: {
      name: workbook.name,
      sheet: sheet.name,
      rows: range.text.map((row) => row.map((cell) => String(cell))),
      merges: merged && !merged.isNullObject ? mergedRanges(merged.address, origin) : [],
      origin,
    },
  };
}
