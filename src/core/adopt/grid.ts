/**
 * A table as a sheet holds it: rows of cell text, and the ranges merged across rows or columns.
 * Every reader (the open worksheet through Office.js, an .xlsx through ExcelJS, a .csv, a Word table)
 * produces this one shape, so the header is found and the columns are mapped in one place.
 */

export interface CellRange {
  /** 0-based, inclusive, in the grid's own rows and columns. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellGrid {
  /** The file or workbook the table came from, for the ledger's 来源 column. */
  name: string;
  /** The worksheet, for a workbook's table. */
  sheet?: string;
  /** Cell text as people see it, row by row; rows may be ragged. */
  rows: string[][];
  merges: CellRange[];
  /** Where `rows[0][0]` sits in the sheet, 1-based, so rows are named as the sheet numbers them. */
  origin: { row: number; column: number };
}

/** Past this a table is no 台账 but a data dump, and the pane would stall reading it. */
export const MAX_GRID_CELLS = 400_000;

export function gridWidth(grid: Pick<CellGrid, "rows">): number {
  return grid.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
}

/** `A`, `Z`, `AA`: a 0-based column index as the sheet letters it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The sheet's own number of a grid row. */
export function sheetRowNumber(grid: Pick<CellGrid, "origin">, row: number): number {
  return grid.origin.row + row;
}

/** `“任务分解”工作表第5行` or `第5行`: where a row of the table is, as a clerk would look for it. */
export function rowPlace(grid: Pick<CellGrid, "origin" | "sheet">, first: number, last = first): string {
  const sheet = grid.sheet ? `“${grid.sheet}”工作表` : "";
  const [a, b] = [sheetRowNumber(grid, first), sheetRowNumber(grid, last)];
  return a === b ? `${sheet}第${a}行` : `${sheet}第${a}—${b}行`;
}

/**
 * For each cell covered by a merge, the range covering it; read once so that looking a cell up does
 * not scan every merge.
 */
export class MergeIndex {
  private readonly byCell = new Map<number, CellRange>();

  constructor(
    merges: readonly CellRange[],
    private readonly width: number,
    height: number,
  ) {
    // Clipped to the grid: a merge over whole columns must not cost a million entries.
    for (const range of merges) {
      for (let r = Math.max(0, range.top); r <= Math.min(range.bottom, height - 1); r++)
        for (let c = Math.max(0, range.left); c <= Math.min(range.right, width - 1); c++)
          this.byCell.set(r * width + c, range);
    }
  }

  at(row: number, column: number): CellRange | undefined {
    return this.byCell.get(row * this.width + column);
  }
}

/**
 * A cell of unit names written on several lines: a line that does not end as a name ends
 * (`区综合行政` over `执法局`) is the first part of a name broken by the cell's width.
 */
export function unitCellText(value: string, endsLikeUnit: (name: string) => boolean): string {
  const names: string[] = [];
  for (const line of value
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const last = names.at(-1);
    if (last !== undefined && !endsLikeUnit(last) && !/[、，,；;]$/.test(last))
      names[names.length - 1] = last + line;
    else names.push(line);
  }
  return names
    .join("、")
    .replace(/[、，,；;]、/g, (m) => m.charAt(0))
    .replace(/\|/g, "｜");
}

/** Cell text with its line breaks and the characters a `|` row cannot hold made safe. */
export function cellText(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .reduce(
      (joined, line) =>
        !joined ? line : /[。；;，,：:、]$/.test(joined) ? joined + line : `${joined}；${line}`,
      "",
    )
    .replace(/\|/g, "｜");
}

/** The part of a grid a range covers (`使用所选区域`, `--range`), still addressed as the sheet is. */
export function cropGrid(grid: CellGrid, range: CellRange): CellGrid {
  const top = Math.max(0, range.top - (grid.origin.row - 1));
  const left = Math.max(0, range.left - (grid.origin.column - 1));
  const bottom = range.bottom - (grid.origin.row - 1);
  const right = range.right - (grid.origin.column - 1);
  const rows = grid.rows.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
  const merges = grid.merges
    .filter((m) => m.bottom >= top && m.top <= bottom && m.right >= left && m.left <= right)
    .map((m) => ({
      top: Math.max(m.top, top) - top,
      left: Math.max(m.left, left) - left,
      bottom: Math.min(m.bottom, bottom) - top,
      right: Math.min(m.right, right) - left,
    }));
  return { ...grid, rows, merges, origin: { row: grid.origin.row + top, column: grid.origin.column + left } };
}
