/// <reference types="office-js" />
/**
 * CellStyle → Office.js range format calls. Each style becomes the few property sets it needs, so a
 * block of 10,000 rows that shares one style costs the same as one row.
 */
import type { CellStyle, HorizontalAlign, Rgb, VerticalAlign } from "../../core/sheets";
import { CALL_BYTES, jsonBytes } from "./batches";

/** A format call applied to a range the caller makes, with its estimated request size. */
export interface FormatCall {
  bytes: number;
  apply(range: Excel.Range): void;
}

/** Rows and columns of the range a style goes on: inside borders only exist between cells. */
export interface RangeShape {
  rows: number;
  columns: number;
}

const color = (rgb: Rgb): string => `#${rgb.toUpperCase()}`;

const HORIZONTAL: Record<HorizontalAlign, "Left" | "Center" | "Right"> = {
  left: "Left",
  center: "Center",
  right: "Right",
};

const VERTICAL: Record<VerticalAlign, "Top" | "Center" | "Bottom"> = {
  top: "Top",
  middle: "Center",
  bottom: "Bottom",
};

type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/** Thin lines on every side of every cell, as ExcelJS draws a border on each cell. */
function borderEdges(shape: RangeShape): BorderEdge[] {
  const edges: BorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (shape.rows > 1) edges.push("InsideHorizontal");
  if (shape.columns > 1) edges.push("InsideVertical");
  return edges;
}

/** The calls that give a range `style`; fields the style leaves out keep what the range has. */
export function styleCalls(style: CellStyle, shape: RangeShape): FormatCall[] {
  const calls: FormatCall[] = [];
  const call = (value: unknown, apply: (range: Excel.Range) => void): void => {
    calls.push({ bytes: CALL_BYTES + jsonBytes(value), apply });
  };
  const { font } = style;
  if (font?.name !== undefined) {
    const name = font.name;
    call(name, (r) => (r.format.font.name = name));
  }
  if (font?.size !== undefined) {
    const size = font.size;
    call(size, (r) => (r.format.font.size = size));
  }
  if (font?.bold !== undefined) {
    const bold = font.bold;
    call(bold, (r) => (r.format.font.bold = bold));
  }
  if (font?.italic !== undefined) {
    const italic = font.italic;
    call(italic, (r) => (r.format.font.italic = italic));
  }
  if (font?.color !== undefined) {
    const fontColor = color(font.color);
    call(fontColor, (r) => (r.format.font.color = fontColor));
  }
  if (style.fill !== undefined) {
    const fill = color(style.fill);
    call(fill, (r) => (r.format.fill.color = fill));
  }
  if (style.horizontal !== undefined) {
    const horizontal = HORIZONTAL[style.horizontal];
    call(horizontal, (r) => (r.format.horizontalAlignment = horizontal));
  }
  if (style.vertical !== undefined) {
    const vertical = VERTICAL[style.vertical];
    call(vertical, (r) => (r.format.verticalAlignment = vertical));
  }
  // As in the ExcelJS writer, `wrap: false` leaves Excel's default (not wrapped) alone.
  if (style.wrap) call(true, (r) => (r.format.wrapText = true));
  if (style.numberFormat !== undefined) {
    // A 1×1 array is applied to every cell of the range, whatever its size.
    const numberFormat = [[style.numberFormat]];
    call(numberFormat, (r) => (r.numberFormat = numberFormat));
  }
  if (style.border !== undefined) {
    const borderColor = color(style.border);
    for (const edge of borderEdges(shape)) {
      call([edge, borderColor], (r) => {
        const border = r.format.borders.getItem(edge);
        border.style = "Continuous";
        border.weight = "Thin";
        border.color = borderColor;
      });
    }
  }
  if (style.locked !== undefined) {
    const locked = style.locked;
    call(locked, (r) => (r.format.protection.locked = locked));
  }
  return calls;
}

/**
 * Excel width units (the `<col width>` ExcelJS writes) → points for `format.columnWidth`. A unit is
 * 7 pixels with Excel's default 11-pt body font, and a pixel is ¾ point.
 */
export function columnWidthPoints(width: number): number {
  return Math.round(width * 7) * 0.75;
}
