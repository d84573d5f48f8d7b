import type { Status } from "../model";
import { ALERTS, ALERT_COLOURS } from "../model";
import type { CellStyle, ConditionalRule, HighlightStyle, PrintPlan } from "./types";

/**
 * Fonts every Chinese Windows, WPS and Mac Office knows by these names; LibreOffice maps them to the
 * CJK fonts the machine has (Noto CJK on Debian) through fontconfig.
 */
export const FONTS = {
  body: "宋体",
  heading: "黑体",
} as const;

export const BODY_SIZE = 11;

const GRID = "A6A6A6";

export const STYLES = {
  /** Table header: bold 黑体 on a pale blue band, centred and wrapped. */
  header: {
    font: { name: FONTS.heading, size: BODY_SIZE, bold: false, color: "1F1F1F" },
    fill: "DDEBF7",
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: GRID,
  },
  /** Table body: thin grid, text top-aligned so wrapped rows read from the top. */
  body: {
    font: { name: FONTS.body, size: BODY_SIZE },
    vertical: "top",
    border: GRID,
  },
  /** A sheet's title line above its table. */
  title: {
    font: { name: FONTS.heading, size: 16 },
    horizontal: "center",
    vertical: "middle",
  },
  /** A note under a title: the period, the cut-off, how the sheet is computed. */
  note: {
    font: { name: FONTS.body, size: 10, color: "595959" },
    horizontal: "left",
    vertical: "middle",
  },
  /** A total or subtotal row. */
  total: {
    font: { name: FONTS.heading, size: BODY_SIZE },
    fill: "F2F2F2",
    vertical: "top",
    border: GRID,
  },
} satisfies Record<string, CellStyle>;

export const COLUMN_STYLES = {
  text: { wrap: true, horizontal: "left" },
  short: { horizontal: "center", wrap: true },
  number: { horizontal: "right", numberFormat: "General" },
  integer: { horizontal: "center", numberFormat: "0" },
  percent: { horizontal: "center", numberFormat: "0.0%" },
  date: { horizontal: "center", numberFormat: "yyyy-mm-dd" },
  id: { horizontal: "left", font: { name: "Consolas", size: 9, color: "808080" } },
} satisfies Record<string, CellStyle>;

/** Excel's own Good / Neutral / Bad palette, which officials already read as green, amber and red. */
const GREEN: HighlightStyle = { fill: "C6EFCE", fontColor: "006100" };
const AMBER: HighlightStyle = { fill: "FFEB9C", fontColor: "9C5700" };
const RED: HighlightStyle = { fill: "FFC7CE", fontColor: "9C0006" };
const GREY: HighlightStyle = { fill: "EDEDED", fontColor: "595959" };

export const STATUS_COLOURS: Record<Status, HighlightStyle> = {
  已完成: GREEN,
  序时推进: GREEN,
  进度滞后: AMBER,
  未启动: AMBER,
  逾期未完成: RED,
  未报送: GREY,
};

/** 三色预警 by conditional formatting on the 预警 column: the colours the pane and the 通报 use too. */
export function alertRules(): ConditionalRule[] {
  return ALERTS.map((alert) => ({
    kind: "textEquals",
    text: alert,
    style: { fill: ALERT_COLOURS[alert].fill, fontColor: ALERT_COLOURS[alert].text },
  }));
}

/** An inferred deadline, set apart so it is not read as the document's. */
export const INFERRED_STYLE: HighlightStyle = { fontColor: "7F7F7F", fill: "F2F2F2" };

export function statusRules(): ConditionalRule[] {
  return Object.entries(STATUS_COLOURS).map(([text, style]) => ({ kind: "textEquals", text, style }));
}

/** A count of overdue or lagging rows above zero shows in red or amber in the summary. */
export const ALERT_RED = RED;
export const ALERT_AMBER = AMBER;

/** A4, a header band repeated on every page, page numbers at the foot; margins in points (0.7in ≈ 50pt). */
export function a4Print(
  orientation: PrintPlan["orientation"],
  repeatRows?: PrintPlan["repeatRows"],
): PrintPlan {
  return {
    paper: "A4",
    orientation,
    fitToWidth: true,
    ...(repeatRows && { repeatRows }),
    margins: { top: 50, bottom: 50, left: 36, right: 36, header: 22, footer: 22 },
    centerHorizontally: true,
    footer: "第 &P 页，共 &N 页",
  };
}
