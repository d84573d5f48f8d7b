/**
 * Adopting an office's own task table: the header found and each column mapped (header.ts), merged
 * cells resolved, and the rows read by the same grammar as prose — a 目标要求 cell's targets and a
 * 完成时限 cell's dates as the parser reads them in a document — into the same PlanDocument, so the
 * ledger, forms, statuses and 通报 work unchanged.
 */

import type { ColumnRole, Diagnostic, PlanDocument, Status, TableColumn, UnitDirectory } from "../model";
import { LineIndex, readStatusWord } from "../model";
import { MEASURE_UNIT_HEADER, cellFit, endsLikeUnit, parseDocument, targetSentence } from "../parse";
import {
  type CellGrid,
  MAX_GRID_CELLS,
  MergeIndex,
  cellText,
  unitCellText,
  columnLetter,
  gridWidth,
  rowPlace,
} from "./grid";
import { type ColumnMapping, findHeader, withChosenRoles } from "./header";
import { refineRoles } from "./refine";
import { COLUMN_ROLE_WORDS } from "./roles";

export interface AdoptOptions {
  /** Roles the user chose in 校对, by 0-based column; they win over everything else. */
  chosen?: Readonly<Record<number, ColumnRole>>;
  /** Roles the workbook remembers from last time, by header text. */
  remembered?: readonly TableColumn[];
  units?: UnitDirectory;
  fallbackYear?: number;
}

/** What one task's row says in the table's progress columns (进展情况, 完成情况). */
export interface AdoptedProgress {
  taskId: string;
  text: string;
  /** When the cell is a status word (`已完成`, `推进中`). */
  status?: Status;
}

export interface AdoptedTable {
  plan: PlanDocument;
  mapping: ColumnMapping;
  /** The text the plan was read from, one `|` row per table row; the plan's spans point into it. */
  text: string;
  /** Where each task is in the sheet (`“任务分解”工作表第5—7行`), by task ID. */
  places: Record<string, string>;
  progress: AdoptedProgress[];
  /** The plan's own and the table's: columns that hold what their role does not, merges read one way. */
  diagnostics: Diagnostic[];
}

export type AdoptErrorCode = "empty-table" | "table-too-large" | "no-header" | "no-task-column";

export type AdoptResult =
  { ok: true; table: AdoptedTable } | { ok: false; code: AdoptErrorCode; message: string };

/** Roles whose merged cell speaks for every row it spans: a unit or a deadline shared by the rows. */
const FILLS_DOWN: ReadonlySet<ColumnRole> = new Set([
  "section",
  "lead",
  "co",
  "responsible",
  "person",
  "deadline",
]);
const TEXT_ROLES: ReadonlySet<ColumnRole> = new Set(["task", "measures", "target"]);
const UNIT_ROLES: ReadonlySet<ColumnRole> = new Set(["lead", "co", "responsible"]);
/** Roles whose cells have a shape of their own, which a column of another kind would not match. */
const SHAPED_ROLES: ReadonlySet<ColumnRole> = new Set(["number", "lead", "co", "responsible", "deadline"]);
/** A footnote under the table ends it: `注：`, `填报人：`, `说明：`. */
const FOOTNOTE = /^(?:注|备注|说明|填报人|填表人|制表|审核人|联系人|联系电话)\s*[:：0-9１-９]/;
/** Rows above the header that are no title: the corpus's source line, 附件 labels, form furniture. */
const NOT_TITLE = /^(?:来源|source|附件\s*\d*$|附表|填报单位|单位[:：]|日期|时间[:：]|制表)/i;

export function adoptTable(grid: CellGrid, options: AdoptOptions = {}): AdoptResult {
  const width = gridWidth(grid);
  const cells = width * grid.rows.length;
  if (cells > MAX_GRID_CELLS) {
    return {
      ok: false,
      code: "table-too-large",
      message: `表格过大（${grid.rows.length} 行 × ${width} 列），不像一张任务台账。请只选择任务表所在的区域。`,
    };
  }
  if (!grid.rows.some((row) => row.some((cell) => cell.trim() !== ""))) {
    return { ok: false, code: "empty-table", message: "表格是空的：没有可读取的单元格。" };
  }
  const found = findHeader(grid);
  if (!found) {
    return {
      ok: false,
      code: "no-header",
      message:
        "没有找到任务表的表头：前30行中没有一行同时写有“工作任务”（或“重点任务”“任务内容”“目标要求”）和“牵头单位”“完成时限”“序号”等列名。请选择从表头开始的区域，或在表头中写明这些列名。",
    };
  }
  const merges = new MergeIndex(grid.merges, width, grid.rows.length);
  const chosen = options.chosen ?? {};
  const rememberedHeaders = new Set((options.remembered ?? []).map((column) => column.header));
  const kept = new Set([
    ...Object.keys(chosen).map(Number),
    ...found.columns.filter((column) => rememberedHeaders.has(column.header)).map((column) => column.index),
  ]);
  const mapping = refineRoles(withChosenRoles(found, chosen, options.remembered), grid, merges, kept);
  if (!mapping.columns.some((column) => TEXT_ROLES.has(column.role))) {
    return {
      ok: false,
      code: "no-task-column",
      message: "没有写任务内容的列：请在“列的对应”中把写任务内容的一列设为“任务”。",
    };
  }

  const diagnostics: Diagnostic[] = [];
  const rendered = renderTable(grid, mapping, merges, diagnostics);
  const roles = mapping.columns.map((column) => column.role);
  const plan = parseDocument(rendered.text, {
    columns: roles,
    sourceName: grid.sheet ? `${grid.name}（${grid.sheet}）` : grid.name,
    ...(options.units && { units: options.units }),
    ...(options.fallbackYear !== undefined && { fallbackYear: options.fallbackYear }),
  });
  const lines = new LineIndex(rendered.text);
  const places: Record<string, string> = {};
  const progress: AdoptedProgress[] = [];
  const progressColumns = mapping.columns.filter((column) => column.role === "progress");
  for (const task of plan.tasks) {
    const first = rendered.rowOfLine[lines.locate(task.span.start).line - 1];
    const last = rendered.rowOfLine[lines.locate(Math.max(task.span.start, task.span.end - 1)).line - 1];
    if (first === undefined || last === undefined) continue;
    places[task.id] = rowPlace(grid, first, last);
    const said = progressColumns.flatMap((column) =>
      rangeOf(first, last)
        .map((r) => cellText(grid.rows[r]?.[column.index] ?? ""))
        .filter(Boolean),
    );
    if (said.length === 0) continue;
    const text = said.join("；");
    const word = readStatusWord(text);
    progress.push({ taskId: task.id, text, ...(word && word.kind !== "unknown" && { status: word.status }) });
  }
  diagnostics.push(...mixedColumns(grid, mapping, rendered.bodyRows));
  return {
    ok: true,
    table: {
      plan,
      mapping,
      text: rendered.text,
      places,
      progress,
      diagnostics: [...plan.diagnostics, ...diagnostics],
    },
  };
}

const rangeOf = (first: number, last: number): number[] =>
  Array.from({ length: last - first + 1 }, (_, k) => first + k);

interface RenderedTable {
  text: string;
  /** For each line of the text, the grid row it renders. */
  rowOfLine: (number | undefined)[];
  /** The grid rows of the table's body, as rendered. */
  bodyRows: number[];
}

function renderTable(
  grid: CellGrid,
  mapping: ColumnMapping,
  merges: MergeIndex,
  diagnostics: Diagnostic[],
): RenderedTable {
  const lines: string[] = [];
  const rowOfLine: (number | undefined)[] = [];
  const bodyRows: number[] = [];
  const push = (line: string, row?: number): void => {
    lines.push(line);
    rowOfLine.push(row);
  };
  const width = mapping.columns.length;
  const title = titleAbove(grid, mapping.headerRows.first);
  if (title) {
    push(`# ${title}`);
    push("");
  }
  const headers = mapping.columns.map((column) => cellText(column.header));
  push(`| ${headers.join(" | ")} |`, mapping.headerRows.first);
  const headerKey = headers.join("|");
  const task = mapping.columns.find((column) => column.role === "task" || column.role === "measures");
  const measure = mapping.columns.find((column) => MEASURE_UNIT_HEADER.test(column.header));
  /** A category left blank under another (a merge flattened by .csv) continues it. */
  const categories = new Map<number, string>();
  for (let r = mapping.headerRows.last + 1; r < grid.rows.length; r++) {
    const resolved: string[] = [];
    for (let c = 0; c < width; c++) resolved.push(resolvedCell(grid, mapping, merges, r, c, diagnostics));
    // A name merged across the category and the task columns is a task without a category.
    const spansTask = mapping.columns.filter((column) => {
      const range = merges.at(r, column.index);
      return (
        column.role === "section" &&
        range?.top === r &&
        range.left === column.index &&
        mapping.columns.some(
          (c) => TEXT_ROLES.has(c.role) && c.index > column.index && c.index <= range.right,
        )
      );
    });
    for (const column of spansTask) {
      const task = mapping.columns.find((c) => TEXT_ROLES.has(c.role) && c.index > column.index);
      if (task) resolved[task.index] = resolved[column.index] ?? "";
      resolved[column.index] = "";
    }
    const rowHasText = resolved.some((text, c) => text !== "" && mapping.columns[c]?.role !== "section");
    for (const column of mapping.columns) {
      if (column.role !== "section" || spansTask.includes(column)) continue;
      const own = resolved[column.index] ?? "";
      if (own) categories.set(column.index, own);
      else if (rowHasText) resolved[column.index] = categories.get(column.index) ?? "";
    }
    const said = {
      task: task ? (resolved[task.index] ?? "") : "",
      unit: measure ? (resolved[measure.index] ?? "") : "",
    };
    const cells = resolved.map((text, c) => {
      const column = mapping.columns[c];
      // Progress is read off the grid itself; left out here, it changes month by month without
      // changing the ledger's identity (the hash of this text), so next month's table merges in.
      if (column?.role === "progress") return "";
      return column?.role === "target" && text
        ? targetSentence(text, column.year, said.task, said.unit)
        : text;
    });
    const filled = resolved.filter(Boolean);
    if (filled.length === 0) continue;
    if (filled.length === 1 && FOOTNOTE.test(filled[0] ?? "")) break;
    // A header repeated where the table ran onto a new page.
    if (resolved.map((cell) => cell.replace(/\s+/g, "")).join("|") === headerKey.replace(/\s+/g, ""))
      continue;
    bodyRows.push(r);
    push(`| ${cells.join(" | ")} |`, r);
  }
  return { text: `${lines.join("\n")}\n`, rowOfLine, bodyRows };
}

/** The table's own title: the last lone cell above the header that is not a source or 附件 line. */
function titleAbove(grid: CellGrid, headerRow: number): string | undefined {
  for (let r = headerRow - 1; r >= 0; r--) {
    const filled = (grid.rows[r] ?? []).map((cell) => cellText(cell)).filter(Boolean);
    if (filled.length === 1 && !NOT_TITLE.test(filled[0] ?? "")) return filled[0];
  }
  return undefined;
}

/**
 * A cell's text with merges resolved: a unit, deadline or category merged down speaks for every row
 * it spans; a number or task merged down makes the rows under it parts of one task, so they stay
 * empty there. A merge across columns counts in its first column only.
 */
function resolvedCell(
  grid: CellGrid,
  mapping: ColumnMapping,
  merges: MergeIndex,
  r: number,
  c: number,
  diagnostics: Diagnostic[],
): string {
  const role = mapping.columns[c]?.role ?? "ignore";
  const text = UNIT_ROLES.has(role) ? (value: string) => unitCellText(value, endsLikeUnit) : cellText;
  const own = text(grid.rows[r]?.[c] ?? "");
  const range = merges.at(r, c);
  if (!range) return own;
  if (range.top === r && range.left === c) {
    if (range.right > c) noteAcrossRoles(grid, mapping, range, diagnostics);
    return own;
  }
  if (range.left !== c || range.top === r) return "";
  const fills = FILLS_DOWN.has(role) || mapping.columns[c]?.fillsDown === true;
  return fills ? text(grid.rows[range.top]?.[range.left] ?? "") : "";
}

/** A merge across columns of different roles, short of a whole category row, is read one way and said so. */
function noteAcrossRoles(
  grid: CellGrid,
  mapping: ColumnMapping,
  range: { top: number; left: number; bottom: number; right: number },
  diagnostics: Diagnostic[],
): void {
  const spanned = mapping.columns
    .slice(range.left, range.right + 1)
    .filter((column) => column.role !== "ignore");
  const roles = new Set(spanned.map((column) => column.role));
  const wholeRow = range.left === 0 && range.right >= mapping.columns.length - 1;
  // A name across the category and the task columns is read as the task: understood, not doubtful.
  const categoryAndTask =
    spanned[0]?.role === "section" && spanned.slice(1).every((c) => TEXT_ROLES.has(c.role));
  if (roles.size < 2 || wholeRow || categoryAndTask) return;
  const first = spanned[0];
  if (!first) return;
  const address = `${columnLetter(grid.origin.column - 1 + range.left)}${grid.origin.row + range.top}:${columnLetter(grid.origin.column - 1 + range.right)}${grid.origin.row + range.bottom}`;
  diagnostics.push({
    code: "merged-cell-unresolved",
    severity: "warning",
    message: `${rowPlace(grid, range.top)}的合并单元格 ${address} 跨越${spanned.map((column) => `“${column.header}”`).join("")}几列，无法确定属于哪一列，已按“${first.header}”读取；请核对，必要时在原表中拆分单元格。`,
    at: { kind: "cell", sheet: grid.sheet ?? grid.name, cell: address },
  });
}

/** A column whose cells mostly do not look like its role (dates under 牵头单位, units under 责任领导). */
function mixedColumns(grid: CellGrid, mapping: ColumnMapping, bodyRows: readonly number[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const column of mapping.columns) {
    const role = column.role;
    const filled = bodyRows.map((r) => cellText(grid.rows[r]?.[column.index] ?? "")).filter(Boolean);
    if (filled.length < 3) continue;
    const misfits = filled.filter((cell) => cellFit(cell, role) < 0);
    const person = role === "person" && misfits.length > filled.length / 2;
    if (!person && !(SHAPED_ROLES.has(role) && misfits.length > filled.length * 0.4)) continue;
    const letter = columnLetter(grid.origin.column - 1 + column.index);
    found.push({
      code: "column-mixed-roles",
      severity: "warning",
      message: person
        ? `“${column.header}”列（${letter}列）写的多是单位而不是人员，却被当作“${COLUMN_ROLE_WORDS[role]}”忽略；如这些是责任单位，请把这一列改为“牵头单位”。`
        : `“${column.header}”列（${letter}列）有 ${misfits.length} 格不像“${COLUMN_ROLE_WORDS[role]}”（如“${(misfits[0] ?? "").slice(0, 20)}”）；请核对这一列的对应。`,
      at: {
        kind: "cell",
        sheet: grid.sheet ?? grid.name,
        cell: `${letter}${grid.origin.row + (bodyRows[0] ?? 0)}`,
      },
    });
  }
  return found;
}

/** A table as adopted and what it was adopted with, so that 校对 can change a column's role. */
export interface Adoption {
  grid: CellGrid;
  options: AdoptOptions;
  table: AdoptedTable;
}

export type AdoptionResult = ({ ok: true } & Adoption) | { ok: false; code: AdoptErrorCode; message: string };

/** The table read again with one column's role as the user chose it, the others' choices kept. */
export function withColumnRole(adoption: Adoption, column: number, role: ColumnRole): AdoptionResult {
  const options = { ...adoption.options, chosen: { ...adoption.options.chosen, [column]: role } };
  const result = adoptTable(adoption.grid, options);
  return result.ok ? { ok: true, grid: adoption.grid, options, table: result.table } : result;
}

/**
 * Of a workbook's sheets or a document's tables, the one that reads as the task table: the most
 * tasks wins. When none does, the first one's reason is given.
 */
export function bestAdoption(grids: readonly CellGrid[], options: AdoptOptions = {}): AdoptionResult {
  let best: { grid: CellGrid; table: AdoptedTable } | undefined;
  let firstFailure: Extract<AdoptResult, { ok: false }> | undefined;
  for (const grid of grids) {
    const result = adoptTable(grid, options);
    if (!result.ok) {
      firstFailure ??= result;
      continue;
    }
    if (!best || result.table.plan.tasks.length > best.table.plan.tasks.length)
      best = { grid, table: result.table };
  }
  if (best) return { ok: true, ...best, options };
  return firstFailure ?? { ok: false, code: "empty-table", message: "没有可读取的表格。" };
}

/**
 * A Word document with a task table and a text: read by its table unless its text holds more
 * tasks (a 实施方案 whose table is only its 主要指标).
 */
export function readsBetterAsTable(
  adoption: AdoptionResult | { ok: false; message: string },
  prose: PlanDocument,
): adoption is { ok: true } & Adoption {
  return adoption.ok && adoption.table.plan.tasks.length >= prose.tasks.length;
}
