import type { CellStyle, CellValue, DateCell, FormulaCell, RowPlan } from "./types";

/** `A`, `Z`, `AA`… for a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** 1-based column number of `A`, `AB`…; 0 for anything else. */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]+$/.test(letters)) return 0;
  let n = 0;
  for (const letter of letters) n = n * 26 + letter.charCodeAt(0) - 64;
  return n;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rangeAddress(
  firstRow: number,
  firstColumn: number,
  lastRow: number,
  lastColumn: number,
): string {
  return `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`;
}

/** `$H$2:$H$120`: an absolute range, for formulas that are copied down a column. */
export function absoluteRange(sheet: string, column: number, firstRow: number, lastRow: number): string {
  const letters = columnLetter(column);
  return `${quoteSheetName(sheet)}!$${letters}$${firstRow}:$${letters}$${lastRow}`;
}

/** Sheet names with anything but letters and digits are quoted in formulas; CJK names included. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Days from Excel's epoch (1899-12-30, which absorbs the 1900 leap-year bug) to an ISO date. */
export function excelSerial(iso: string): number {
  const [year = 1900, month = 1, day = 1] = iso.slice(0, 10).split("-").map(Number);
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
}

/** The ISO date of an Excel date serial; the time of day is dropped. */
export function isoFromExcelSerial(serial: number): string {
  return new Date(Math.round((Math.floor(serial) - 25_569) * 86_400_000)).toISOString().slice(0, 10);
}

/** Text Excel would read as a formula (or a sign) if it were typed or assigned through `range.values`. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

export function dateCell(iso: string): DateCell {
  return { kind: "date", iso };
}

export function formulaCell(formula: string, result?: number | string): FormulaCell {
  return result === undefined ? { kind: "formula", formula } : { kind: "formula", formula, result };
}

export function isFormulaCell(value: CellValue): value is FormulaCell {
  return typeof value === "object" && value !== null && value.kind === "formula";
}

/** Field-by-field union, later styles winning; fonts merge too so a row can embolden a column's font. */
export function mergeStyles(...styles: (CellStyle | undefined)[]): CellStyle {
  const merged: CellStyle = {};
  for (const style of styles) {
    if (!style) continue;
    const font = style.font ? { ...merged.font, ...style.font } : merged.font;
    Object.assign(merged, style);
    if (font) merged.font = font;
  }
  return merged;
}

export interface RowStyleBlock {
  firstRow: number;
  lastRow: number;
  style: CellStyle;
}

/**
 * Consecutive rows that share one row-style object, as blocks: a renderer that formats ranges
 * (Office.js) makes one call per block instead of one per row.
 */
export function rowStyleBlocks(rows: readonly RowPlan[]): RowStyleBlock[] {
  const blocks: RowStyleBlock[] = [];
  rows.forEach((row, index) => {
    if (!row.style) return;
    const last = blocks[blocks.length - 1];
    if (last && last.style === row.style && last.lastRow === index) last.lastRow = index + 1;
    else blocks.push({ firstRow: index + 1, lastRow: index + 1, style: row.style });
  });
  return blocks;
}

/** Display width in Excel units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one wide character: count its first half as two, its second as none.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    width += code >= 0x2e80 || (code >= 0x1100 && code <= 0x115f) ? 2 : 1;
  }
  return width;
}
