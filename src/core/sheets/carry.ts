/**
 * What an office added to one of Duban's table sheets, and where it goes when the sheet is drawn
 * anew from a plan: columns it added beside the table (put back on the same rows by the rows' keys,
 * wherever those rows now are), what it wrote below the table, and added cells whose row has left the
 * ledger (kept under a heading). Both writers (ExcelJS, Office.js) move the cells; this decides where.
 */
import { isFormulaCell } from "./cells";
import { cellText, type SheetGrid } from "./grid";
import type { CellValue, SheetPlan } from "./types";

/** A column as it stood in the old sheet (`from`) and stands in the new one (`to`), 1-based. */
export interface ColumnMove {
  header: string;
  from: number;
  to: number;
}

/** A row of the old sheet and the row it lands on, 1-based. */
export interface RowMove {
  from: number;
  to: number;
}

export interface SheetCarry {
  sheet: string;
  /** Columns the office added beside the table, in the order they stood; their header cells move too. */
  added: ColumnMove[];
  /** Duban's own columns in both sheets, so notes on their cells follow their rows. */
  own: ColumnMove[];
  /** The header row and each data row whose key the plan still has. */
  rows: RowMove[];
  /** Rows below the old table that hold something, as far below the new table. */
  below: RowMove[];
  /** Data rows with an added cell whose key the plan no longer has. */
  unplaced: RowMove[];
  /** Where the heading over `unplaced` goes; 0 when nothing is unplaced. */
  unplacedHeadingRow: number;
}

export const UNPLACED_HEADING = "以下是原表中添加的内容，其所在的任务已不在台账中：";

/** Row keys of a table's data rows, made unique by their order among rows of the same key. */
function keysOf(keyOf: (row: number) => string, first: number, last: number): Map<number, string> {
  const seen = new Map<string, number>();
  const keys = new Map<number, string>();
  for (let row = first; row <= last; row++) {
    const base = keyOf(row);
    if (base === "") continue;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    keys.set(row, `${base}#${n}`);
  }
  return keys;
}

const joinKey = (parts: readonly string[]): string => parts.join("|").replace(/^\|+$/, "");

function planKeyOf(plan: SheetPlan): (row: number) => string {
  const columns = (plan.rowKey ?? []).map((h) => plan.columns.findIndex((c) => c.header === h));
  const text = (value: CellValue | undefined): string =>
    value === undefined || isFormulaCell(value) ? "" : cellText(value).trim();
  return (row) => joinKey(columns.map((c) => text(plan.rows[row - 1]?.cells[c])));
}

/**
 * Where what the office added to `old` goes in the sheet `plan` draws; undefined when the plan's
 * sheet has no keyed table or `old` lacks its key columns (then nothing can be placed by row).
 */
export function carryOver(old: SheetGrid, plan: SheetPlan): SheetCarry | undefined {
  const table = plan.table;
  if (!table || !plan.rowKey) return undefined;
  const text = (row: number, column: number): string =>
    cellText(old.rows[row - 1]?.[column - 1] ?? null).trim();
  const headers = new Map<string, number>();
  (old.rows[table.headerRow - 1] ?? []).forEach((_, index) => {
    const header = text(table.headerRow, index + 1);
    if (header && !headers.has(header)) headers.set(header, index + 1);
  });
  const keyColumns = plan.rowKey.map((h) => headers.get(h));
  if (keyColumns.some((c) => c === undefined)) return undefined;
  const oldKeyOf = (row: number): string => joinKey(keyColumns.map((c) => text(row, c ?? 1)));

  let lastData = table.headerRow;
  for (let row = table.firstDataRow; row <= old.rows.length; row++) if (oldKeyOf(row) !== "") lastData = row;
  const oldKeys = keysOf(oldKeyOf, table.firstDataRow, lastData);
  const newRows = new Map(
    [...keysOf(planKeyOf(plan), table.firstDataRow, table.lastDataRow)].map(([row, key]) => [key, row]),
  );

  const planColumns = new Map(plan.columns.map((c, i) => [c.header, i + 1]));
  const added: ColumnMove[] = [];
  const own: ColumnMove[] = [];
  for (const [header, from] of headers) {
    const mine = planColumns.get(header);
    if (mine !== undefined) own.push({ header, from, to: mine });
    else added.push({ header, from, to: plan.columns.length + 1 + added.length });
  }

  const rows: RowMove[] = [{ from: table.headerRow, to: table.headerRow }];
  const unplaced: RowMove[] = [];
  const hasAddedCell = (row: number): boolean => added.some((c) => text(row, c.from) !== "");
  for (const [row, key] of oldKeys) {
    const to = newRows.get(key);
    if (to !== undefined) rows.push({ from: row, to });
    else if (hasAddedCell(row)) unplaced.push({ from: row, to: 0 });
  }
  const below: RowMove[] = [];
  for (let row = lastData + 1; row <= old.rows.length; row++) {
    if ((old.rows[row - 1] ?? []).some((_, i) => text(row, i + 1) !== "")) {
      below.push({ from: row, to: table.lastDataRow + (row - lastData) });
    }
  }
  let next = Math.max(table.lastDataRow, ...below.map((m) => m.to));
  const unplacedHeadingRow = unplaced.length > 0 ? (next += 2) : 0;
  for (const move of unplaced) move.to = ++next;
  return { sheet: plan.name, added, own, rows, below, unplaced, unplacedHeadingRow };
}

/** Whether the office added anything a rewrite must carry (notes aside, which only some readers see). */
export function carriesAnything(carry: SheetCarry): boolean {
  return carry.added.length > 0 || carry.below.length > 0 || carry.unplaced.length > 0;
}

/** Whether a sheet the workbook has should stay rather than give way to `plan`'s placeholder for it. */
export function keepsOverPlaceholder(old: SheetGrid, plan: SheetPlan): boolean {
  const mark = plan.placeholder?.mark;
  if (mark === undefined) return false;
  return !old.rows.some((row) => row?.some((value) => cellText(value ?? null).trim() === mark));
}

/** What a rewrite kept of the office's additions, for the pane and the CLI to say. */
export interface KeptAdditions {
  /** Sheets of the office's own that a rewritten file carried over. */
  sheets: string[];
  /** Columns added beside Duban's tables: `任务清单：督办人`. */
  columns: string[];
  /** Notes on Duban's cells, carried to the same rows. */
  notes: number;
  /** Rows of the office's own below a table. */
  rowsBelow: number;
  /** Added cells whose task has left the ledger, kept under a heading below the table. */
  unplaced: number;
  /** The 通报 sheet as it was, since the plan brings no new one. */
  report: boolean;
  /** Formulas on the office's own sheets that read Duban's sheets, kept pointing at the new ones. */
  formulas: number;
}

export const NOTHING_KEPT: KeptAdditions = {
  sheets: [],
  columns: [],
  notes: 0,
  rowsBelow: 0,
  unplaced: 0,
  report: false,
  formulas: 0,
};

/** `kept` as a sentence (empty when the office had added nothing). */
export function keptSentence(kept: KeptAdditions): string {
  const parts = [
    ...kept.sheets.map((name) => `工作表“${name}”`),
    ...kept.columns.map((column) => `“${column.replace("：", "”中的“")}”列`),
    ...(kept.notes > 0 ? [`${kept.notes} 条批注`] : []),
    ...(kept.rowsBelow > 0 ? [`表格下方 ${kept.rowsBelow} 行`] : []),
    ...(kept.report ? ["“通报”表"] : []),
  ];
  const sentences = parts.length > 0 ? [`保留了原有的${parts.join("、")}。`] : [];
  if (kept.formulas > 0) sentences.push(`其他工作表中引用台账的 ${kept.formulas} 个公式仍指向台账。`);
  if (kept.unplaced > 0) {
    sentences.push(`另有 ${kept.unplaced} 行添加的内容所在任务已不在台账中，移到了表格下方。`);
  }
  return sentences.join("");
}
