/**
 * Roles the header alone does not give, read off the body by the shapes real task tables share:
 * a 序号 column under a header spanning it and the task (`具体要求` over `1 | 对行政规范性文件…`);
 * a first text column that is the rows' category (merged down, repeated, or left of the 序号);
 * the target years of a 主要目标 table (`2022年 | 2025年 | 2027年`), the first of three its base.
 * Roles the user chose are never changed.
 */

import type { ColumnRole } from "../model";
import { yearColumns } from "../parse";
import type { CellGrid } from "./grid";
import { MergeIndex } from "./grid";
import type { ColumnMapping, MappedColumn } from "./header";

const TEXT_ROLES: ReadonlySet<ColumnRole> = new Set(["task", "measures", "target"]);
const NUMBER_LIKE = /^(?:\d{1,4}|[一二三四五六七八九十]{1,3})[.、．]?$/;
/** A category with its numeral: `一、完善交通基础设施`, `（二）提升防洪能力`. */
const CATEGORY_CELL = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)\S{2,}/;
/** An item numbered inside its cell: `1.文化中心北路`. */
const ITEM_NUMBER = /^\d{1,3}[.、．]\S/;

export function refineRoles(
  mapping: ColumnMapping,
  grid: CellGrid,
  merges: MergeIndex,
  chosen: ReadonlySet<number>,
): ColumnMapping {
  const free = (column: MappedColumn): boolean => !chosen.has(column.index);
  const body = bodyRows(grid, mapping.headerRows.last + 1);
  let columns = numberByContent(mapping.columns, grid, body, free);
  columns = categoriesUnderNumber(columns, grid, body, free);
  columns = numberOverItems(columns, grid, merges, body);
  columns = categoryColumn(columns, grid, merges, body, free);
  columns = yearTargets(columns, free);
  return { ...mapping, columns };
}

const bodyRows = (grid: CellGrid, first: number): number[] =>
  grid.rows.flatMap((row, r) => (r >= first && row.some((cell) => cell.trim() !== "") ? [r] : []));

const cell = (grid: CellGrid, r: number, c: number): string => (grid.rows[r]?.[c] ?? "").trim();

/** A column of row numbers the header did not name: most of its cells are numerals. */
function numberByContent(
  columns: MappedColumn[],
  grid: CellGrid,
  body: readonly number[],
  free: (c: MappedColumn) => boolean,
): MappedColumn[] {
  if (columns.some((c) => c.role === "number")) return columns;
  const numbered = columns.find((column) => {
    if (!free(column) || column.role === "lead" || column.role === "co") return false;
    const filled = body.map((r) => cell(grid, r, column.index)).filter(Boolean);
    return (
      filled.length >= 3 && filled.filter((text) => NUMBER_LIKE.test(text)).length / filled.length >= 0.8
    );
  });
  return numbered ? columns.map((c) => (c === numbered ? { ...c, role: "number" } : c)) : columns;
}

/** `一、完善交通基础设施` under 序号: the column numbers categories, not rows. */
function categoriesUnderNumber(
  columns: MappedColumn[],
  grid: CellGrid,
  body: readonly number[],
  free: (c: MappedColumn) => boolean,
): MappedColumn[] {
  const number = columns.find((c) => c.role === "number" && free(c));
  if (!number) return columns;
  const filled = body.map((r) => cell(grid, r, number.index)).filter(Boolean);
  const categories = filled.filter((text) => CATEGORY_CELL.test(text));
  if (filled.length === 0 || categories.length / filled.length < 0.6) return columns;
  return columns.map((c) => (c === number ? { ...c, role: "section" } : c));
}

/**
 * A 序号 merged down over rows whose text cells number their own items (`1.文化中心北路`,
 * `2.乐业路`): each row is a task, numbered as the merged cell is.
 */
function numberOverItems(
  columns: MappedColumn[],
  grid: CellGrid,
  merges: MergeIndex,
  body: readonly number[],
): MappedColumn[] {
  const number = columns.find((c) => c.role === "number");
  if (!number) return columns;
  const texts = columns.filter((c) => TEXT_ROLES.has(c.role));
  const itemised = body.some((r) => {
    const range = merges.at(r, number.index);
    if (!range || range.top !== r || range.bottom === r) return false;
    const spanned = body.filter((k) => k >= range.top && k <= range.bottom);
    const items = spanned.filter((k) => texts.some((c) => ITEM_NUMBER.test(cell(grid, k, c.index))));
    return items.length >= 2;
  });
  return itemised ? columns.map((c) => (c === number ? { ...c, fillsDown: true } : c)) : columns;
}

/**
 * The first of two text columns holds categories when a row that has its own number and its own
 * text in the second column shares the first column's cell with another row (merged down, the
 * same words again, or left blank under them), or when it stands left of the 序号.
 */
function categoryColumn(
  columns: MappedColumn[],
  grid: CellGrid,
  merges: MergeIndex,
  body: readonly number[],
  free: (c: MappedColumn) => boolean,
): MappedColumn[] {
  const texts = columns.filter((column) => TEXT_ROLES.has(column.role));
  const [first, second] = texts;
  if (!first || !second || !free(first)) return columns;
  const number = columns.find((column) => column.role === "number");
  const ownNumber = (r: number): boolean =>
    !number ||
    cell(grid, r, number.index) !== "" ||
    (number.fillsDown === true && merges.at(r, number.index) !== undefined);
  const shared = body.some((r, k) => {
    if (k === 0 || !ownNumber(r) || cell(grid, r, second.index) === "") return false;
    const range = merges.at(r, first.index);
    const above = cell(grid, body[k - 1] ?? r, first.index);
    const here = cell(grid, r, first.index);
    return (range !== undefined && range.top < r) || here === "" || here === above;
  });
  const leftOfNumber = number !== undefined && first.index < number.index;
  if (!shared && !leftOfNumber) return columns;
  return columns.map((c) => (c === first ? { ...c, role: "section" } : c));
}

/** The year columns of a 主要目标 table, by the rule the text tables follow too. */
function yearTargets(columns: MappedColumn[], free: (c: MappedColumn) => boolean): MappedColumn[] {
  const plan = yearColumns(
    columns.map((c) => c.header),
    columns.map((c) => c.role),
    (k) => columns[k] !== undefined && free(columns[k]),
  );
  return columns.map((column, k) => {
    const change = plan[k];
    if (!change) return column;
    return { ...column, role: change.role, ...(change.year !== undefined && { year: change.year }) };
  });
}
