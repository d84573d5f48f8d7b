/** Formula text as Excel moves it: what a formula reads when it is copied or filled to another row. */

/** A relative A1 reference (`J3`, `$J3`) outside quotes; absolute rows (`$J$3`) and whole columns stay. */
const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/** `formula` as it reads `by` rows further down: what Excel writes when it fills or copies it there. */
export function shiftRows(formula: string, by: number): string {
  if (by === 0) return formula;
  // Text in double quotes and sheet names in single quotes are not references.
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(REFERENCE, (whole, column: string, absolute: string, row: string) =>
            absolute ? whole : `${column}${Number(row) + by}`,
          ),
    )
    .join("");
}

/**
 * A reference to sheet `name` inside formula text (`任务清单!A1`, `'进度填报'!B:B`), up to and with
 * its `!`: to find the formulas that read a sheet, or to point them at another.
 */
export function sheetReference(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quoted = escaped.replace(/'/g, "''");
  return new RegExp(`'${quoted}'!|(?<![\\w.\\u3400-\\u9fff'])${escaped}!`, "gi");
}
