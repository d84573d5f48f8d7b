/**
 * A ledger written over the workbook it replaces keeps what the office added there: its own sheets,
 * columns it added beside Duban's tables (put back on the same rows by the rows' IDs, wherever the
 * rows now are), notes on Duban's cells, what it wrote below a table, and the latest 通报 when the
 * plan brings none. Everything else on Duban's sheets is Duban's and is drawn anew from the plan.
 */
import ExcelJS from "exceljs";
import type { KeptAdditions, SheetCarry, SheetPlan, WorkbookPlan } from "../../core/sheets";
import {
  NOTHING_KEPT,
  UNPLACED_HEADING,
  carryOver,
  keepsOverPlaceholder,
  sheetReference,
  shiftRows,
} from "../../core/sheets";
import { zipEntryNames } from "../zip/check";
import { loadWorkbook, worksheetGrid } from "./read";
import { applyWorkbookOptions, writeSheet } from "./write";

interface KeptCell {
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
  note?: ExcelJS.Comment | string;
  row: number;
}

/** The cells to carry from an old sheet, taken before it is removed: added ones whole, notes of Duban's. */
interface SheetAdditions {
  carry: SheetCarry;
  /** By `row:column` of the new sheet. */
  cells: Map<string, KeptCell>;
  notes: Map<string, ExcelJS.Comment | string>;
  widths: Map<number, number>;
}

/** Tab order: ExcelJS keeps it on each worksheet and sorts by it, but its typings leave it out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };
const ordered = (sheet: ExcelJS.Worksheet): Ordered => sheet as Ordered;

function keptCell(cell: ExcelJS.Cell, row: number): KeptCell {
  // A shared formula reads through `formula` as its own row's; the copy must not point at a master.
  const value: ExcelJS.CellValue =
    cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula, result: cell.result } : cell.value;
  return { value, style: { ...cell.style }, ...(cell.note !== undefined && { note: cell.note }), row };
}

function hasContent(cell: ExcelJS.Cell): boolean {
  return (cell.value !== null && cell.value !== undefined && cell.value !== "") || cell.note !== undefined;
}

function captureAdditions(old: ExcelJS.Worksheet, plan: SheetPlan): SheetAdditions | undefined {
  const carry = carryOver(worksheetGrid(old), plan);
  if (!carry) return undefined;
  const additions: SheetAdditions = { carry, cells: new Map(), notes: new Map(), widths: new Map() };
  const take = (from: number, to: number, column: number, at: number): void => {
    const cell = old.getCell(from, column);
    if (hasContent(cell)) additions.cells.set(`${to}:${at}`, keptCell(cell, from));
  };
  for (const column of carry.added) {
    const width = old.getColumn(column.from).width;
    if (width !== undefined) additions.widths.set(column.to, width);
    for (const { from, to } of [...carry.rows, ...carry.unplaced]) take(from, to, column.from, column.to);
  }
  for (const column of carry.own) {
    for (const { from, to } of carry.rows) {
      const note = old.getCell(from, column.from).note;
      if (note !== undefined) additions.notes.set(`${to}:${column.to}`, note);
    }
  }
  for (const { from, to } of carry.below) {
    old.getRow(from).eachCell((cell, column) => take(from, to, column, column));
  }
  return additions;
}

function put(sheet: ExcelJS.Worksheet, row: number, column: number, kept: KeptCell): void {
  const cell = sheet.getCell(row, column);
  const value = kept.value;
  cell.value =
    value !== null && typeof value === "object" && "formula" in value && typeof value.formula === "string"
      ? { ...value, formula: shiftRows(value.formula, row - kept.row) }
      : value;
  cell.style = kept.style;
  if (kept.note !== undefined) cell.note = kept.note;
}

function applyAdditions(
  sheet: ExcelJS.Worksheet,
  plan: SheetPlan,
  { carry, cells, notes, widths }: SheetAdditions,
  kept: KeptAdditions,
): void {
  for (const [place, cell] of cells) {
    const [row = 0, column = 0] = place.split(":").map(Number);
    put(sheet, row, column, cell);
  }
  for (const [column, width] of widths) sheet.getColumn(column).width = width;
  for (const [place, note] of notes) {
    const [row = 0, column = 0] = place.split(":").map(Number);
    sheet.getCell(row, column).note = note;
  }
  if (carry.unplacedHeadingRow > 0) sheet.getCell(carry.unplacedHeadingRow, 1).value = UNPLACED_HEADING;
  kept.columns.push(...carry.added.map((c) => `${plan.name}：${c.header}`));
  kept.notes += notes.size;
  kept.rowsBelow += carry.below.length;
  kept.unplaced += carry.unplaced.length;
}

/** Formulas on an office's sheet that read Duban's sheets: they keep reading the new ones. */
function formulasReading(sheet: ExcelJS.Worksheet, planned: readonly SheetPlan[]): number {
  const patterns = planned.map((p) => sheetReference(p.name));
  let count = 0;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula && patterns.some((p) => new RegExp(p).test(cell.formula)))
        count++;
    }),
  );
  return count;
}

/** Parts of a workbook ExcelJS does not carry through a load and save, by the folders that hold them. */
const LOST_PARTS: readonly { pattern: RegExp; label: string }[] = [
  { pattern: /^xl\/charts\//, label: "图表" },
  { pattern: /^xl\/pivotTables\//, label: "数据透视表" },
  { pattern: /^xl\/slicers\//, label: "切片器" },
  { pattern: /^xl\/vbaProject\.bin$/, label: "宏" },
  { pattern: /^xl\/ctrlProps\//, label: "表单控件" },
];

/** What rewriting `earlier` would lose, for the CLI to say before it writes (names in Chinese). */
export function partsLostOnRewrite(earlier: Uint8Array): string[] {
  const names = zipEntryNames(earlier);
  return LOST_PARTS.filter(({ pattern }) => names.some((n) => pattern.test(n))).map((p) => p.label);
}

/**
 * Renders `plan` over `earlier`, the workbook it replaces, keeping what the office added (see the
 * file's comment). When `earlier` cannot be opened, the plan is drawn on its own and nothing is kept.
 */
export async function renderWorkbookOver(
  plan: WorkbookPlan,
  earlier: Uint8Array,
): Promise<{ bytes: Uint8Array; kept: KeptAdditions }> {
  const kept: KeptAdditions = { ...NOTHING_KEPT, sheets: [], columns: [] };
  const workbook = (await loadWorkbook(earlier)) ?? new ExcelJS.Workbook();
  const planned = new Map(plan.sheets.map((s) => [s.name.toLowerCase(), s]));
  const additions = new Map<string, SheetAdditions>();
  const orders = new Map<string, number>();
  for (const sheet of [...workbook.worksheets]) {
    const mine = planned.get(sheet.name.toLowerCase());
    if (!mine) {
      kept.sheets.push(sheet.name);
      kept.formulas += formulasReading(sheet, plan.sheets);
      continue;
    }
    if (keepsOverPlaceholder(worksheetGrid(sheet), mine)) {
      kept.report = true;
      continue;
    }
    const found = captureAdditions(sheet, mine);
    if (found) additions.set(mine.name, found);
    orders.set(mine.name, ordered(sheet).orderNo);
    workbook.removeWorksheet(sheet.id);
  }
  for (const { name } of plan.names ?? []) {
    for (const range of workbook.definedNames.getRanges(name).ranges)
      workbook.definedNames.remove(range, name);
  }
  let nextOrder = Math.max(0, ...workbook.worksheets.map((s) => ordered(s).orderNo), ...orders.values()) + 1;
  for (const sheet of plan.sheets) {
    if (sheet.placeholder && kept.report) continue;
    const written = await writeSheet(workbook, sheet);
    ordered(written).orderNo = orders.get(sheet.name) ?? nextOrder++;
    const added = additions.get(sheet.name);
    if (added) applyAdditions(written, sheet, added, kept);
  }
  applyWorkbookOptions(workbook, plan);
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), kept };
}
