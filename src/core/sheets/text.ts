import { displayWidth } from "./cells";
import { BODY_SIZE, FONTS, STYLES, a4Print } from "./styles";
import type { CellStyle, RowPlan, SheetPlan } from "./types";

/**
 * Excel does not fit row heights to wrapped text when it opens a file, so rows carry heights
 * estimated from their text. A CJK character at 11 pt is about 2.1 width units in Excel's 宋体;
 * LibreOffice's substitute CJK fonts run wider and line-start punctuation rules push words down,
 * so the estimate counts 2.3 to leave no text cut off, at the price of a little air in Excel.
 */
const CJK_WIDTH_AT_11PT = 2.3;

export function lineHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.3 * 4) / 4;
}

/** Lines `text` takes in a column `width` units wide at `fontSize`, counting its own line breaks. */
export function wrappedLines(text: string, width: number, fontSize = BODY_SIZE): number {
  if (!text) return 1;
  const usable = Math.max(1, width);
  const scale = (fontSize / BODY_SIZE) * (CJK_WIDTH_AT_11PT / 2);
  // No character is wider than two units: short text fits on one line without measuring.
  if (text.length * 2 * scale <= usable && !text.includes("\n")) return 1;
  let lines = 0;
  for (const line of text.split("\n")) lines += Math.max(1, Math.ceil((displayWidth(line) * scale) / usable));
  return lines;
}

/** Height in points of a row whose tallest wrapped cell needs `lines` lines, with a little padding. */
export function rowHeight(lines: number, fontSize = BODY_SIZE): number {
  return lines * lineHeight(fontSize) + 4;
}

export interface TextLine {
  text: string;
  style?: CellStyle;
  /** Points of space above the line, as a blank row; default none. */
  spaceBefore?: number;
}

export interface TextSheetOptions {
  /**
   * Width of the text block in Excel units; lines wrap inside it. At most 80 for A4 portrait:
   * LibreOffice draws a unit about a fifth wider than Excel and does not shrink a one-column sheet.
   */
  width: number;
  orientation?: "portrait" | "landscape";
}

/**
 * A sheet of formatted text lines (the 通报, instructions): each line is one cell in column A, wide
 * enough to read and wrapped, with a height estimated from its text so Excel shows it whole.
 * No merged cells: Excel and LibreOffice size and print single wrapped cells more reliably.
 */
export function textSheetPlan(
  name: string,
  lines: readonly TextLine[],
  options: TextSheetOptions,
): SheetPlan {
  const rows: RowPlan[] = [];
  for (const line of lines) {
    if (line.spaceBefore) rows.push({ cells: [], height: line.spaceBefore });
    const style: CellStyle = {
      font: { name: FONTS.body, size: BODY_SIZE },
      wrap: true,
      vertical: "top",
      ...line.style,
    };
    const size = style.font?.size ?? BODY_SIZE;
    rows.push({
      cells: [line.text],
      style,
      height: rowHeight(wrappedLines(line.text, options.width, size), size),
    });
  }
  return {
    name,
    visibility: "visible",
    columns: [{ key: "text", header: "", width: options.width }],
    rows,
    print: a4Print(options.orientation ?? "portrait"),
    showGridLines: false,
  };
}

export const TEXT_STYLES = {
  title: { ...STYLES.title, wrap: true },
  body: { font: { name: FONTS.body, size: 12 }, wrap: true, vertical: "top" },
  note: { ...STYLES.note, wrap: true },
} satisfies Record<string, CellStyle>;
