import {
  AlignmentType,
  Document,
  LineRuleType,
  DocumentGridType,
  PageOrientation,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  ShadingType,
  WidthType,
} from "docx";
import type { IRunOptions, ISectionOptions } from "docx";
import type { ReportBlock, ReportDoc, ReportRun, ReportTable } from "../../core/report";
import { attachmentNoteLines, noteText } from "../../core/report";
import { chineseDate } from "../../core/model";
import {
  CHAR_PITCH,
  BODY_CHARACTER_SPACING,
  DOCUMENT_STYLES,
  FONT,
  FOOTER_DISTANCE,
  LINE_PITCH,
  PAGE,
  SIZE,
  TEXT_WIDTH,
  HEADER_DISTANCE,
  LANDSCAPE_PAGE,
  LANDSCAPE_FOOTER_DISTANCE,
  LANDSCAPE_TEXT_WIDTH,
} from "./layout";

export type FontName = (typeof FONT)[keyof typeof FONT];

/** Drops the characters XML 1.0 cannot carry; a unit's pasted text sometimes has them. */
function xmlSafe(text: string): string {
  let safe = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    const allowed =
      (code >= 0x20 && code !== 0xfffe && code !== 0xffff) || char === "\t" || char === "\n" || char === "\r";
    if (allowed) safe += char;
  }
  return safe;
}

/**
 * A run in one of the standard's fonts. 3号 runs (the default size) get the spacing that puts 28
 * characters on a line.
 */
export function run(text: string, font: FontName, options: Omit<IRunOptions, "text" | "font"> = {}): TextRun {
  const bodySize = options.size === undefined || options.size === SIZE.body;
  return new TextRun({
    text: xmlSafe(text),
    font: { ascii: font, hAnsi: font, eastAsia: font, cs: font },
    ...(bodySize ? { characterSpacing: BODY_CHARACTER_SPACING } : {}),
    ...options,
  });
}

/** Width in characters of the grid: CJK and full-width count 1, ASCII 1/2. */
export function widthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return width;
}

const indentChars = (chars: number): number => Math.round(chars * CHAR_PITCH);

/**
 * First line indented two characters. Aligned left rather than justified: full-width characters
 * already fill the line, and LibreOffice drops a comma that hangs at the end of a justified line.
 */
function bodyParagraph(children: TextRun[], keepNext = false): Paragraph {
  return new Paragraph({
    children,
    keepNext,
    alignment: AlignmentType.LEFT,
    indent: { firstLineChars: 200, firstLine: indentChars(2) },
  });
}

const blankLine = (keepNext = false): Paragraph => new Paragraph({ keepNext, children: [] });

function runFor(part: ReportRun): TextRun {
  switch (part.role) {
    case "subheading":
      return run(part.text, FONT.heading2);
    case "item":
      return run(part.text, FONT.body, { bold: true });
    default:
      return run(part.text, FONT.body);
  }
}

function blockParagraph(block: ReportBlock, keepNext: boolean): Paragraph {
  if (block.kind === "heading") return bodyParagraph([run(block.text, FONT.heading1)], true);
  return bodyParagraph(block.runs.map(runFor), keepNext);
}

const TITLE_STYLE_ID = "GongwenTitle";
/** About 1.4 lines of 2号, the spacing titles are set at in practice. */
const TITLE_LINE_HEIGHT = SIZE.title * 14;

/**
 * Styles the docx package cannot express through its options, written as Word XML:
 * - Normal states 3号 仿宋 itself, for programs that read the body size from Normal rather than
 *   from the document defaults.
 * - The title leaves the line grid (w:snapToGrid off), so each title line is one line of its own
 *   height instead of two grid lines.
 */
const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
    <w:name w:val="Normal"/>
    <w:qFormat/>
    <w:rPr>
      <w:rFonts w:ascii="${FONT.body}" w:hAnsi="${FONT.body}" w:eastAsia="${FONT.body}" w:cs="${FONT.body}"/>
      <w:sz w:val="${SIZE.body}"/><w:szCs w:val="${SIZE.body}"/>
    </w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="${TITLE_STYLE_ID}">
    <w:name w:val="公文标题"/>
    <w:basedOn w:val="Normal"/>
    <w:pPr><w:snapToGrid w:val="0"/><w:jc w:val="center"/></w:pPr>
  </w:style>
</w:styles>`;

/** The title in 2号 小标宋, centred; broken where the report says a line may break when it is too long for one. */
function titleParagraph(report: ReportDoc): Paragraph {
  // One character to spare: renderers add a little space where digits meet Chinese.
  const fitsOneLine = (widthInChars(report.title) + 1) * (SIZE.title / 2) * 20 <= TEXT_WIDTH;
  const lines = fitsOneLine ? [report.title] : report.titleLines;
  return new Paragraph({
    style: TITLE_STYLE_ID,
    alignment: AlignmentType.CENTER,
    spacing: { line: TITLE_LINE_HEIGHT, lineRule: LineRuleType.EXACT },
    children: lines.map((line, index) =>
      run(line, FONT.title, { size: SIZE.title, break: index > 0 ? 1 : 0 }),
    ),
  });
}

/**
 * `附件：1.…` two characters in; the later numbers line up under the first through the full-width
 * spaces the note lines carry, and a long name wraps to the numbers' column.
 */
function attachmentNote(titles: readonly string[]): Paragraph[] {
  return attachmentNoteLines(titles).map(
    (line) =>
      new Paragraph({
        keepNext: true,
        alignment: AlignmentType.LEFT,
        children: [run(line, FONT.body)],
        indent: { left: indentChars(5), hanging: indentChars(3) },
      }),
  );
}

/**
 * 落款 for a sealed document (GB/T 9704 7.3.5.1): the date four characters from the right, the
 * issuer centred over the date.
 */
function signature(issuer: string, isoDate: string, noteFollows: boolean): Paragraph[] {
  const date = chineseDate(isoDate);
  const dateIndent = 4;
  const issuerIndent = Math.max(0, dateIndent + (widthInChars(date) - widthInChars(issuer)) / 2);
  return [
    blankLine(true),
    blankLine(true),
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.RIGHT,
      indent: { right: indentChars(issuerIndent) },
      children: [run(issuer, FONT.body)],
    }),
    new Paragraph({
      keepNext: noteFollows,
      alignment: AlignmentType.RIGHT,
      indent: { right: indentChars(dateIndent) },
      children: [run(date, FONT.body)],
    }),
  ];
}

/** `— 1 —` in 4号 宋体, one character in from the outer edge: right on odd pages, left on even. */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const size = SIZE.pageNumber;
  const oneChar = size * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            size,
            font: {
              ascii: FONT.pageNumber,
              hAnsi: FONT.pageNumber,
              eastAsia: FONT.pageNumber,
              cs: FONT.pageNumber,
            },
          }),
        ],
      }),
    ],
  });
}

/** Table text sits on single lines of its own size: off the body's grid, so rows stay compact. */
function cellParagraphs(
  text: string,
  font: FontName,
  align: "left" | "center",
  { bold = false, keepNext = false }: { bold?: boolean; keepNext?: boolean } = {},
): Paragraph[] {
  return text.split(/\r?\n/).map(
    (line) =>
      new Paragraph({
        keepNext,
        alignment: align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: TABLE_LINE_HEIGHT, lineRule: LineRuleType.EXACT },
        children: [run(line, font, { size: SIZE.compactTable, bold })],
      }),
  );
}

/** A little more than the 小五 character's own height. */
const TABLE_LINE_HEIGHT = Math.round(SIZE.compactTable * 10 * 1.2);
const CELL_MARGIN = { top: 20, bottom: 20, left: 50, right: 50 };

function attachmentTable(table: ReportTable): Table {
  const totalWeight = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / totalWeight) * LANDSCAPE_TEXT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map(
      (column, index) =>
        new TableCell({
          width: { size: widths[index] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins: CELL_MARGIN,
          children: cellParagraphs(column.header, FONT.heading1, "center"),
        }),
    ),
  });
  const rows = table.rows.map((row) =>
    row.kind === "group"
      ? new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: table.columns.length,
              margins: CELL_MARGIN,
              // A 篇章 heading stays with its first task instead of ending a page.
              children: cellParagraphs(row.text, FONT.body, "left", { bold: true, keepNext: true }),
            }),
          ],
        })
      : new TableRow({
          cantSplit: true,
          children: row.cells.map((cell, index) => {
            const shade = row.shades?.[index];
            return new TableCell({
              width: { size: widths[index] ?? 0, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              margins: CELL_MARGIN,
              ...(shade && { shading: { type: ShadingType.CLEAR, color: "auto", fill: shade.fill } }),
              children: cellParagraphs(cell, FONT.body, table.columns[index]?.align ?? "left"),
            });
          }),
        }),
  );
  return new Table({
    width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: "fixed",
    rows: [header, ...rows],
  });
}

/** `附件1` at the left in 黑体, the table's title centred in 小标宋, then the table: each on a new page. */
function attachmentPages(report: ReportDoc): (Paragraph | Table)[] {
  return report.attachments.flatMap((attachment, index) => [
    new Paragraph({ pageBreakBefore: index > 0, children: [run(`附件${index + 1}`, FONT.heading1)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [run(attachment.title, FONT.title, { size: SIZE.attachmentTitle })],
    }),
    attachmentTable(attachment.table),
  ]);
}

const footers = { default: pageNumberFooter("odd"), even: pageNumberFooter("even") };
const page = {
  size: { width: PAGE.width, height: PAGE.height },
  margin: {
    top: PAGE.top,
    bottom: PAGE.bottom,
    left: PAGE.left,
    right: PAGE.right,
    footer: FOOTER_DISTANCE,
    header: HEADER_DISTANCE,
  },
};

const landscapePage = {
  size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
  margin: { ...LANDSCAPE_PAGE, footer: LANDSCAPE_FOOTER_DISTANCE, header: HEADER_DISTANCE },
};

/** The 通报 as a Word document laid out to GB/T 9704-2012. */
export function reportDocument(report: ReportDoc): Document {
  const main: ISectionOptions = {
    properties: {
      page,
      grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
    },
    footers,
    children: [
      titleParagraph(report),
      blankLine(),
      new Paragraph({ children: [run(report.recipients, FONT.body)] }),
      // The last paragraph, the attachment note and the 落款 keep together: GB/T 9704 allows no
      // page that carries the 落款 without text of the body.
      ...report.body.map((block, index) => blockParagraph(block, index === report.body.length - 1)),
      ...(report.attachments.length > 0
        ? [blankLine(true), ...attachmentNote(report.attachments.map((a) => a.title))]
        : []),
      ...signature(report.issuer, report.date, report.note !== undefined),
      ...(report.note ? [bodyParagraph([run(noteText(report.note), FONT.body)])] : []),
    ],
  };
  // Attachments are wide tables: a landscape section of their own, off the body's 3号 line grid.
  const attachments: ISectionOptions = {
    properties: { type: SectionType.NEXT_PAGE, page: landscapePage },
    footers,
    children: attachmentPages(report),
  };
  return new Document({
    title: report.title,
    evenAndOddHeaderAndFooters: true,
    externalStyles: STYLES_XML,
    styles: DOCUMENT_STYLES,
    sections: report.attachments.length > 0 ? [main, attachments] : [main],
  });
}

export function renderReportDocx(report: ReportDoc): Promise<Uint8Array> {
  return Packer.pack(reportDocument(report), "uint8array");
}
