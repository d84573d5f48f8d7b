/**
 * Finding a task table's header in a sheet and giving each column a role, by the header vocabulary
 * of real 台账 (the parser's lexicon): one header row, or two when merged cells head sub-columns
 * (`责任单位` over `牵头单位 | 配合单位`), above which a sheet often has its source, 附件 and title rows.
 */

import type { ColumnRole, TableColumn } from "../model";
import { isHeader, roleOfHeader, withHelpers } from "../parse";
import { type CellGrid, MergeIndex, gridWidth } from "./grid";

export interface MappedColumn {
  /** 0-based grid column. */
  index: number;
  /** The header as a reader sees it: `责任单位/牵头单位` under a two-row header. */
  header: string;
  role: ColumnRole;
  /** For a target column headed by a year (`2025年`): the targets are due by its end. */
  year?: number;
  /** A merged cell of this column speaks for every row it spans (a 序号 over numbered items). */
  fillsDown?: boolean;
}

export interface ColumnMapping {
  /** The grid rows the header takes, 0-based and inclusive: one row, or two. */
  headerRows: { first: number; last: number };
  columns: MappedColumn[];
}

/** A header sits near the top: past this many rows a sheet holds no task table we would find. */
const HEADER_SCAN_ROWS = 30;
const DATA_NUMBER = /^\d{1,4}[.、]?$/;

/** A row's cells with each horizontally merged header cell repeated over the columns it spans. */
function spreadRow(grid: CellGrid, merges: MergeIndex, row: number, width: number): string[] {
  const cells: string[] = [];
  for (let c = 0; c < width; c++) {
    const own = (grid.rows[row]?.[c] ?? "").trim();
    const range = merges.at(row, c);
    cells.push(own || (range ? (grid.rows[range.top]?.[range.left] ?? "").trim() : ""));
  }
  return cells.map((cell) => cell.replace(/\s+/g, ""));
}

/**
 * A second header row: under the first, it names sub-columns with header words only (no row number,
 * no data), and names at least one the first row did not.
 */
function isSubHeader(upper: readonly string[], lower: readonly string[]): boolean {
  const own = lower.filter((cell, c) => cell !== "" && cell !== upper[c]);
  return (
    own.length > 0 &&
    own.every((cell) => roleOfHeader(cell) !== undefined && !DATA_NUMBER.test(cell)) &&
    !lower.some((cell) => DATA_NUMBER.test(cell))
  );
}

function rolesOf(headers: readonly string[], lower?: readonly string[]): ColumnRole[] {
  const roles = headers.map((header, c) => {
    const sub = lower?.[c];
    return (sub ? roleOfHeader(sub) : undefined) ?? roleOfHeader(header);
  });
  return withHelpers(lower ? lower.map((sub, c) => sub || (headers[c] ?? "")) : headers, roles).map(
    (role) => role ?? "ignore",
  );
}

/** The header and the role of each column, or undefined when no row of the top reads as a 台账 header. */
export function findHeader(grid: CellGrid): ColumnMapping | undefined {
  const width = gridWidth(grid);
  const height = Math.min(grid.rows.length, HEADER_SCAN_ROWS + 1);
  const merges = new MergeIndex(grid.merges, width, height);
  for (let r = 0; r < Math.min(grid.rows.length, HEADER_SCAN_ROWS); r++) {
    const upper = spreadRow(grid, merges, r, width);
    // A title merged across the table is one cell however many columns it spans.
    if (new Set(upper.filter(Boolean)).size < 2) continue;
    const lower = r + 1 < grid.rows.length ? spreadRow(grid, merges, r + 1, width) : undefined;
    if (lower && isSubHeader(upper, lower)) {
      const roles = rolesOf(upper, lower);
      if (isHeader(roles)) {
        const headers = upper.map((top, c) => {
          const sub = lower[c] ?? "";
          return sub && sub !== top ? (top ? `${top}/${sub}` : sub) : top;
        });
        return mappingOf(headers, roles, r, r + 1);
      }
    }
    const roles = rolesOf(upper);
    if (isHeader(roles)) return mappingOf(upper, roles, r, r);
  }
  return undefined;
}

function mappingOf(headers: readonly string[], roles: readonly ColumnRole[], first: number, last: number) {
  return {
    headerRows: { first, last },
    columns: headers.map((header, index) => ({ index, header, role: roles[index] ?? "ignore" })),
  };
}

/** The mapping with the roles the user chose (by column) and, before them, those remembered (by header). */
export function withChosenRoles(
  mapping: ColumnMapping,
  chosen: Readonly<Record<number, ColumnRole>> = {},
  remembered: readonly TableColumn[] = [],
): ColumnMapping {
  const byHeader = new Map(remembered.map((r) => [r.header, r.role]));
  return {
    ...mapping,
    columns: mapping.columns.map((column) => ({
      ...column,
      role: chosen[column.index] ?? byHeader.get(column.header) ?? column.role,
    })),
  };
}
