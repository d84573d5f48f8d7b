import { excelSerial, isoFromExcelSerial } from "./cells";
import type { DateCell, SheetVisibility } from "./types";

/**
 * A sheet as readers find it: values only, row 1 first, column A first. ExcelJS and Office.js
 * adapters both produce this; formula cells give their results, errors their text (`#N/A`), dates a
 * DateCell when the reader knows the cell is a date (Office.js gives serial numbers instead, which
 * date columns also accept).
 */
export type GridValue = string | number | boolean | null | DateCell;

export interface SheetGrid {
  name: string;
  visibility: SheetVisibility;
  rows: readonly (readonly GridValue[] | undefined)[];
}

export function gridCell(grid: SheetGrid, row: number, column: number): GridValue {
  return grid.rows[row - 1]?.[column - 1] ?? null;
}

/** A cell as text: numbers in their shortest form, dates as ISO, empty as "". */
export function cellText(value: GridValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value.iso;
}

export function trimmedText(value: GridValue): string {
  return cellText(value).trim();
}

/** ISO date of a date cell, a date serial (Office.js), or text such as `2024-06-30`, `2024/6/30`, `2024年6月30日`. */
export function cellDate(value: GridValue): string | undefined {
  if (value === null || typeof value === "boolean") return undefined;
  if (typeof value === "object") return value.iso;
  if (typeof value === "number")
    return value > 0 && value < 2_958_466 ? isoFromExcelSerial(value) : undefined;
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(value);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}`;
  return isoFromExcelSerial(excelSerial(iso)) === iso ? iso : undefined;
}

/**
 * A number from a cell people may have typed into: numbers as they are; text such as `85`, `８５`,
 * `1,200` or `85%` as its number (a trailing % is the column's unit, not a scale); text with words
 * (`85（预计）`, `约5个`) as its leading number, or its only number. `exact` is false when words were
 * dropped, so the caller can keep the text.
 */
export function cellNumber(value: GridValue): { value: number; exact: boolean } | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? { value, exact: true } : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.replace(/[０-９．，－％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  const numbers = [...text.matchAll(/[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g)];
  const first = numbers[0];
  if (!first || (first.index !== 0 && numbers.length > 1)) return undefined;
  const number = Number(first[0].replace(/,/g, ""));
  if (!Number.isFinite(number)) return undefined;
  const rest = text.slice(first.index + first[0].length).trim();
  return { value: number, exact: first.index === 0 && (rest === "" || rest === "%") };
}
