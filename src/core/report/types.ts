import type { Period } from "../model";
import type { StatusCounts } from "../progress";

/**
 * The 通报 as a tree, rendered three ways (plain text, the 通报 worksheet, .docx). Blocks carry the
 * document's own numbering (`一、`, `（一）`, `1.`) in their text, so every renderer prints the same words
 * and only decides how they look.
 */
export interface ReportDoc {
  /** `关于2024年第三季度…重点工作推进情况的通报` */
  title: string;
  /** The title cut where a line may break without splitting a word, for print on more than one line. */
  titleLines: string[];
  /** 主送, ending with a full-width colon. */
  recipients: string;
  /** The opening and the four numbered parts. */
  body: ReportBlock[];
  /** Listed after the body as `附件：1.…` and printed after the 落款, one per page. */
  attachments: ReportAttachment[];
  /** 落款: the issuing office. */
  issuer: string;
  /** ISO date of issue; renderers print it as `2024年10月8日`. */
  date: string;
  /** 附注 (GB/T 9704 7.3.6): printed in brackets under the date, e.g. that the figures are sample data. */
  note?: string;
  /** The figures the words were written from, for checks and for the UI. */
  figures: ReportFigures;
}

/** `一、总体情况`: a first-level heading on a line of its own (黑体 in print). */
export interface ReportHeading {
  kind: "heading";
  text: string;
}

/** A body paragraph, first line indented two characters. */
export interface ReportParagraph {
  kind: "paragraph";
  runs: ReportRun[];
}

export type ReportBlock = ReportHeading | ReportParagraph;

/**
 * A stretch of text. `subheading` is a second-level heading (`（一）…`, 楷体 in print) that may stand
 * alone or lead into its paragraph; `item` is a numbered lead (`1.疾控处：`), third level, bold in print.
 */
export interface ReportRun {
  text: string;
  role?: "subheading" | "item";
}

export interface ReportTableColumn {
  header: string;
  /** Relative width; renderers scale the widths to the space they have. */
  width: number;
  /** Short cells (numbers, statuses) are centred; prose is left-aligned. */
  align: "left" | "center";
}

/** A cell's colours, `RRGGBB`: the 预警 colours the sheet and the pane show. */
export interface ReportShade {
  fill: string;
  text: string;
}

export type ReportTableRow =
  /** A 篇章 heading row spanning the table. */
  { kind: "group"; text: string } | { kind: "row"; cells: string[]; shades?: (ReportShade | undefined)[] };

export interface ReportTable {
  columns: ReportTableColumn[];
  rows: ReportTableRow[];
}

export interface ReportAttachment {
  /** `重点工作任务推进情况明细表`: printed after `附件：1.`, no punctuation after it. */
  title: string;
  table: ReportTable;
}

export interface ReportFigures {
  period: Period;
  /** The cut-off date (the period's last day), ISO. */
  periodEnd: string;
  counts: StatusCounts;
  /** Against the previous period, when anyone reported for it. */
  change?: { previousPeriod: Period; newlyComplete: number; newlyBehind: number; caughtUp: number };
  /** Lead units, in ranking order, of rows nobody reported: those that sent nothing, then those that sent some. */
  missingUnits: string[];
  /** Every unit that leads rows, in ranking order: its rank (absent when too small to rank) and its denominator. */
  ranking: { unit: string; rank?: number; led: number; onSchedule: number }[];
  /** Units all of whose led rows are complete or on schedule. */
  commendedUnits: string[];
  /** Units with led rows behind schedule or overdue, worst first. */
  namedUnits: string[];
}
