import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { IRunOptions, ISectionOptions } from "docx";
import { chineseDate } from "../../core/model";
import type { NoticeDoc } from "../../core/report";
import { NOTICE_HEADINGS, NOTICE_TASK_COLUMNS, noticeTaskCells } from "../../core/report";
import {
  DOCUMENT_STYLES,
  FONT,
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  PAGE,
  SIZE,
  TEXT_HEIGHT,
  TEXT_WIDTH,
} from "./layout";
import { run as reportRun, widthInChars, type FontName } from "./render";

/** The sizes a notice is set in: the body's, and the 督办事项 table's (half-points). */
export interface NoticeScale {
  body: number;
  table: number;
}

/**
 * The notice's one page sets its body in 3号 on the standard's 22-line pitch when it fits, else a
 * step smaller (四号, 小四, 五号) at 1.3 lines, the table in 五号 and at last in 小五, as the 通报's
 * attachments: a 督办通知单 is a form, and a unit with six tasks behind should get it on one sheet.
 */
const SCALES: readonly NoticeScale[] = [
  { body: SIZE.body, table: SIZE.table },
  { body: 28, table: SIZE.table },
  { body: 24, table: SIZE.table },
  { body: SIZE.table, table: SIZE.table },
  { body: SIZE.table, table: SIZE.compactTable },
];

const CELL_MARGIN = { top: 20, bottom: 20, left: 60, right: 60 };
const tableLine = (size: number): number => Math.round(size * 10 * 1.15);
/** About 1.4 lines of 2号, as the 通报's title. */
const TITLE_LINE = SIZE.title * 14;
/** What LibreOffice's line breaking (no line may start with `，`) costs beyond the count of characters. */
const SLACK = 0.92;
/** The task column's share of the width at least, whatever the other columns hold. */
const TASK_COLUMN = 1;
const MIN_TASK_SHARE = 0.33;
const TARGET_COLUMN = 2;
const MIN_TARGET_CHARS = 6;
/** The short columns stop growing here and wrap: a long target must not squeeze the task. */
const MAX_SHORT_CHARS = 9;

/**
 * Width of a line in characters of its size. Latin letters and digits count 0.65, not a half: the
 * fonts that stand in for 仿宋_GB2312 draw digits wider, and `2024年12月31日` must not wrap.
 */
function printedChars(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) < 0x2000 ? 0.65 : 1;
  return width;
}

/** Half a character to spare, so a cell exactly as wide as its text does not wrap on rounding. */
const widthForChars = (chars: number, size: number): number =>
  Math.ceil((chars + 0.5) * size * 10) + CELL_MARGIN.left + CELL_MARGIN.right;

/**
 * The 督办事项 columns fitted to what they hold: each short column (编号, 目标, 时限, 状态) as wide as
 * its widest line, up to a limit; the task takes the rest.
 */
function columnWidths(notice: NoticeDoc, size: number): number[] {
  const rows = notice.tasks.map(noticeTaskCells);
  // Headers may wrap (目标及/完成情况); at least two characters, so `编号` and `状态` stay whole.
  const widest = (column: number): number =>
    Math.max(2, ...rows.flatMap((cells) => (cells[column] ?? "").split("\n").map(printedChars)));
  const widths = NOTICE_TASK_COLUMNS.map((_, i) =>
    i === TASK_COLUMN ? 0 : widthForChars(Math.min(MAX_SHORT_CHARS, Math.ceil(widest(i))), size),
  );
  const short = (): number => widths.reduce((sum, w, i) => (i === TASK_COLUMN ? sum : sum + w), 0);
  // Room for the task comes out of the target, which wraps as prose; a number, a date or a status
  // broken over two lines reads wrong.
  const deficit = Math.round(TEXT_WIDTH * MIN_TASK_SHARE) - (TEXT_WIDTH - short());
  if (deficit > 0) {
    const target = widths[TARGET_COLUMN] ?? 0;
    widths[TARGET_COLUMN] = Math.max(widthForChars(MIN_TARGET_CHARS, size), target - deficit);
  }
  widths[TASK_COLUMN] = TEXT_WIDTH - short();
  return widths;
}

/** The 通报's run (its fonts, XML-safe text, the 3号 spacing), at a size the page chose. */
const run = (
  text: string,
  font: FontName,
  size: number,
  options: Omit<IRunOptions, "text" | "font" | "size"> = {},
): TextRun => reportRun(text, font, { ...options, size });

/** The line height for a body size: the standard's pitch for 3号, 1.3 lines below it. */
function lineOf(size: number): number {
  return size === SIZE.body ? LINE_PITCH : Math.round(size * 10 * 1.3);
}

/** Characters of `size` on one line of the 版心. */
function charsPerLine(size: number): number {
  return size === SIZE.body ? 28 : Math.floor(TEXT_WIDTH / (size * 10));
}

function linesOf(text: string, perLine: number, indent = 0): number {
  return Math.max(1, Math.ceil((indent + printedChars(text)) / (perLine * SLACK)));
}

function cellLines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor((width - CELL_MARGIN.left - CELL_MARGIN.right) / (size * 10)));
  return text.split("\n").reduce((sum, line) => sum + linesOf(line, perLine), 0);
}

function tableHeight(notice: NoticeDoc, size: number): number {
  const widths = columnWidths(notice, size);
  const rows = [[...NOTICE_TASK_COLUMNS], ...notice.tasks.map(noticeTaskCells)];
  return rows.reduce(
    (sum, cells) =>
      sum +
      Math.max(...cells.map((cell, i) => cellLines(cell, widths[i] ?? 0, size))) * tableLine(size) +
      CELL_MARGIN.top +
      CELL_MARGIN.bottom,
    0,
  );
}

/** Estimated height of the page's text at a scale, in twips. */
function heightAt(notice: NoticeDoc, { body, table }: NoticeScale): number {
  const perLine = charsPerLine(body);
  const paragraphs = [notice.opening, ...notice.problems, notice.timeLimit, notice.feedback];
  const bodyLines = paragraphs.reduce((sum, text) => sum + linesOf(text, perLine, 2), 0);
  // Number, blank, 主送, four headings, and the 落款: a blank, the issuer and the date.
  const fixedLines = 3 + NOTICE_HEADINGS.length + 3;
  return TITLE_LINE + (bodyLines + fixedLines) * lineOf(body) + tableHeight(notice, table);
}

/** The largest scale whose page fits the 版心; the smallest when none does (the notice runs over). */
export function noticeScale(notice: NoticeDoc): NoticeScale {
  const smallest = SCALES[SCALES.length - 1] as NoticeScale;
  return SCALES.find((scale) => heightAt(notice, scale) <= TEXT_HEIGHT) ?? smallest;
}

function spacing(size: number): { line: number; lineRule: typeof LineRuleType.EXACT } {
  return { line: lineOf(size), lineRule: LineRuleType.EXACT };
}

function textParagraph(text: string, size: number, font: FontName = FONT.body): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: spacing(size),
    indent: { firstLine: size * 10 * 2 },
    children: [run(text, font, size)],
  });
}

function cell(
  text: string,
  width: number,
  size: number,
  font: FontName,
  align: "left" | "center",
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: CELL_MARGIN,
    children: text.split("\n").map(
      (line) =>
        new Paragraph({
          alignment: align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: tableLine(size), lineRule: LineRuleType.EXACT },
          children: [run(line, font, size)],
        }),
    ),
  });
}

/** Prose columns (任务, 目标) read from the left; the short ones are centred. */
const CENTRED = new Set([0, 3, 4]);

function tasksTable(notice: NoticeDoc, size: number): Table {
  const widths = columnWidths(notice, size);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: NOTICE_TASK_COLUMNS.map((h, i) => cell(h, widths[i] ?? 0, size, FONT.heading1, "center")),
  });
  const rows = notice.tasks.map(
    (task) =>
      new TableRow({
        cantSplit: true,
        children: noticeTaskCells(task).map((text, i) =>
          cell(text, widths[i] ?? 0, size, FONT.body, CENTRED.has(i) ? "center" : "left"),
        ),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: "fixed",
    rows: [header, ...rows],
  });
}

/** 落款 (GB/T 9704 7.3.5.1): the date four characters from the right, the issuer centred over it. */
function signature(notice: NoticeDoc, size: number): Paragraph[] {
  const date = chineseDate(notice.date);
  const char = size * 10;
  const issuerIndent = Math.max(0, 4 + (widthInChars(date) - widthInChars(notice.issuer)) / 2);
  const line = (text: string, indentChars: number): Paragraph =>
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.RIGHT,
      spacing: spacing(size),
      indent: { right: Math.round(indentChars * char) },
      children: [run(text, FONT.body, size)],
    });
  return [
    new Paragraph({ spacing: spacing(size), children: [] }),
    line(notice.issuer, issuerIndent),
    line(date, 4),
  ];
}

/** One unit's notice: its own section, so it starts on a new page. */
function noticeSection(notice: NoticeDoc, first: boolean): ISectionOptions {
  const scale = noticeScale(notice);
  const size = scale.body;
  const heading = (index: number): Paragraph =>
    new Paragraph({
      keepNext: true,
      spacing: spacing(size),
      indent: { firstLine: size * 10 * 2 },
      children: [run(NOTICE_HEADINGS[index] ?? "", FONT.heading1, size)],
    });
  return {
    properties: {
      ...(first ? {} : { type: SectionType.NEXT_PAGE }),
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: {
          top: PAGE.top,
          bottom: PAGE.bottom,
          left: PAGE.left,
          right: PAGE.right,
          footer: FOOTER_DISTANCE,
          header: HEADER_DISTANCE,
        },
      },
    },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: TITLE_LINE, lineRule: LineRuleType.EXACT },
        children: [run(notice.title, FONT.title, SIZE.title)],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: spacing(size),
        children: [run(notice.number, FONT.body, size)],
      }),
      new Paragraph({ spacing: spacing(size), children: [] }),
      new Paragraph({ spacing: spacing(size), children: [run(notice.recipient, FONT.body, size)] }),
      textParagraph(notice.opening, size),
      heading(0),
      tasksTable(notice, scale.table),
      heading(1),
      ...notice.problems.map((line) => textParagraph(line, size)),
      heading(2),
      textParagraph(notice.timeLimit, size),
      heading(3),
      textParagraph(notice.feedback, size),
      ...signature(notice, size),
    ],
  };
}

/** The notices as one Word document, each unit's on a page of its own (GB/T 9704 page and fonts). */
export function noticesDocument(notices: readonly NoticeDoc[]): Document {
  const period = notices[0]?.period.label ?? "";
  return new Document({
    title: `督办通知单（${period}）`,
    styles: DOCUMENT_STYLES,
    sections: notices.map((notice, index) => noticeSection(notice, index === 0)),
  });
}

/** Every unit's notice in one .docx, one page each. */
export function renderNoticesDocx(notices: readonly NoticeDoc[]): Promise<Uint8Array> {
  return Packer.pack(noticesDocument(notices), "uint8array");
}

/** One unit's notice alone, to send to that unit. */
export function renderNoticeDocx(notice: NoticeDoc): Promise<Uint8Array> {
  return renderNoticesDocx([notice]);
}
