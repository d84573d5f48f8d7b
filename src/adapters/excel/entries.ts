/**
 * Plan cells → what Office.js is given to type into the sheet. `range.formulas` parses every string
 * as if a person typed it: `=…`, `+…`, `-…` and `@…` become formulas, `2024-09` a date, `85%` a
 * number, `TRUE` a boolean. The plan's strings are always literal text (see `CellValue`), so strings
 * Excel would reinterpret get a leading apostrophe: Excel stores the rest as text, does not show the
 * apostrophe, and `range.values` reads the text back without it — the same cell ExcelJS writes.
 */
import type { CellValue } from "../../core/sheets";
import { excelSerial, looksLikeFormula } from "../../core/sheets";

/** One cell of a 2-D `range.formulas` write; `null` leaves the cell as it is (blank on a new sheet). */
export type CellEntry = string | number | boolean | null;

const LITERALS = /^\s*(?:true|false|#null!|#div\/0!|#value!|#ref!|#name\?|#num!|#n\/a|#spill!|#calc!)\s*$/i;

/**
 * Words Excel accepts inside numbers, dates and times (`1e5`, `9:30 AM`, `1-Sep`, `2024年9月`);
 * what remains after removing them, digits and number punctuation is a real word that keeps the text.
 */
const NUMBER_WORDS =
  /年|月|日|时|分|秒|上午|下午|am|pm|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|[eap]/gi;

/** Full-width digits and signs, which Excel in Chinese converts like their ASCII forms. */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Whether Excel would store `text` as something other than that text when typed. Errs towards
 * yes: an apostrophe too many is invisible, one too few turns `2024-09` into a date or `=A1` into a
 * formula. A leading apostrophe of the text itself needs one more, or Excel would swallow it.
 */
export function needsTextGuard(text: string): boolean {
  if (text === "") return false;
  const plain = halfWidth(text);
  if (looksLikeFormula(plain) || text.startsWith("'")) return true;
  if (LITERALS.test(plain)) return true;
  if (!/\d/.test(plain)) return false;
  return plain.replace(/[\d\s.,:/%()'$¥€£+-]/g, "").replace(NUMBER_WORDS, "") === "";
}

export function cellEntry(value: CellValue): CellEntry {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return needsTextGuard(value) ? `'${value}` : value;
  if (value.kind === "date") return excelSerial(value.iso);
  // The cached result cannot be written through Office.js: Excel calculates the formula itself.
  return `=${value.formula}`;
}
