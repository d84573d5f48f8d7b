import { chineseDate } from "../model";
import type { CellStyle, ColumnPlan, ConditionalFormatPlan, RowPlan, SheetPlan } from "../sheets";
import {
  FONTS,
  SHEET_NAMES,
  STYLES,
  TEXT_STYLES,
  a4Print,
  columnLetter,
  mergeStyles,
  rangeAddress,
  rowHeight,
  alertRules,
  statusRules,
  wrappedLines,
} from "../sheets";
import { INDENT, attachmentNoteLines, noteText } from "./text";
import type { ReportBlock, ReportDoc, ReportTable } from "./types";

/** Width of the text block in Excel units: about 30 characters of 12 pt Chinese, as on an A4 page. */
const TEXT_BLOCK_WIDTH = 80;
const TEXT_SIZE = 12;
const TABLE_SIZE = 10;

const STYLE = {
  title: TEXT_STYLES.title,
  body: TEXT_STYLES.body,
  heading: mergeStyles(TEXT_STYLES.body, { font: { name: FONTS.heading } }),
  signature: mergeStyles(TEXT_STYLES.body, { horizontal: "right" }),
  tableHeader: mergeStyles(STYLES.header, { font: { size: TABLE_SIZE } }),
  tableBody: mergeStyles(STYLES.body, { font: { size: TABLE_SIZE }, wrap: true }),
  tableGroup: mergeStyles(STYLES.body, { font: { size: TABLE_SIZE, bold: true }, wrap: true }),
} satisfies Record<string, CellStyle>;

/** Each table's relative widths scaled to the text block. */
function scaledWidths(table: ReportTable): number[] {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  return table.columns.map((column) => Math.round((column.width / total) * TEXT_BLOCK_WIDTH * 10) / 10);
}

/** One column grid for every table: each column as wide as the widest table column it holds. */
function columnGrid(tables: readonly ReportTable[]): number[] {
  const grid: number[] = [];
  for (const widths of tables.map(scaledWidths)) {
    widths.forEach((width, index) => (grid[index] = Math.max(grid[index] ?? 0, width)));
  }
  return grid.length > 0 ? grid : [TEXT_BLOCK_WIDTH];
}

function blockText(block: ReportBlock): string {
  return INDENT + (block.kind === "heading" ? block.text : block.runs.map((run) => run.text).join(""));
}

/**
 * The 通报 worksheet: the text in the first columns (merged across the width of the text block, so it
 * reads like the document), then each attachment as a real table that can be sorted, filtered and
 * copied. Rows carry heights estimated from their text, since Excel does not fit merged rows.
 */
export function reportSheetPlan(report: ReportDoc): SheetPlan {
  const grid = columnGrid(report.attachments.map((a) => a.table));
  let textColumns = 1;
  while (
    textColumns < grid.length &&
    grid.slice(0, textColumns).reduce((a, b) => a + b, 0) < TEXT_BLOCK_WIDTH - 1
  ) {
    textColumns++;
  }
  const textWidth = grid.slice(0, textColumns).reduce((a, b) => a + b, 0);

  const rows: RowPlan[] = [];
  const merges: string[] = [];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const spanRow = (columns: number): void => {
    if (columns > 1) merges.push(rangeAddress(rows.length, 1, rows.length, columns));
  };
  const text = (value: string, style: CellStyle, size = TEXT_SIZE): void => {
    rows.push({ cells: [value], style, height: rowHeight(wrappedLines(value, textWidth, size), size) });
    spanRow(textColumns);
  };
  const blank = (): void => void rows.push({ cells: [], height: rowHeight(1, TEXT_SIZE) });

  text(report.title, STYLE.title, 16);
  blank();
  text(report.recipients, STYLE.body);
  for (const block of report.body)
    text(blockText(block), block.kind === "heading" ? STYLE.heading : STYLE.body);
  if (report.attachments.length > 0) {
    blank();
    for (const line of attachmentNoteLines(report.attachments.map((a) => a.title)))
      text(INDENT + line, STYLE.body);
  }
  blank();
  text(report.issuer, STYLE.signature);
  text(chineseDate(report.date), STYLE.signature);
  if (report.note) text(INDENT + noteText(report.note), STYLE.body);

  report.attachments.forEach((attachment, index) => {
    const { table } = attachment;
    const width = table.columns.length;
    blank();
    blank();
    text(`附件${index + 1}`, STYLE.heading);
    rows.push({ cells: [attachment.title], style: STYLE.title, height: rowHeight(1, 16) });
    spanRow(width);
    rows.push({
      cells: table.columns.map((c) => c.header),
      style: STYLE.tableHeader,
      height: rowHeight(
        Math.max(...table.columns.map((c, i) => wrappedLines(c.header, grid[i] ?? 0, TABLE_SIZE))),
        TABLE_SIZE,
      ),
    });
    const firstDataRow = rows.length + 1;
    for (const row of table.rows) {
      if (row.kind === "group") {
        rows.push({
          cells: [row.text],
          style: STYLE.tableGroup,
          height: rowHeight(wrappedLines(row.text, textWidth, TABLE_SIZE), TABLE_SIZE),
        });
        spanRow(width);
        continue;
      }
      const lines = Math.max(...row.cells.map((cell, i) => wrappedLines(cell, grid[i] ?? 0, TABLE_SIZE)));
      rows.push({
        cells: row.cells,
        style: STYLE.tableBody,
        cellStyles: table.columns.map((c) => ({ horizontal: c.align })),
        height: rowHeight(lines, TABLE_SIZE),
      });
    }
    if (rows.length >= firstDataRow) {
      // Only a cell that holds nothing but a status or a warning word matches: the 状态 and 预警 columns.
      conditionalFormats.push({
        range: rangeAddress(firstDataRow, 1, rows.length, width),
        rules: [...statusRules(), ...alertRules()],
      });
    }
  });

  const columns: ColumnPlan[] = grid.map((width, index) => ({
    key: columnLetter(index + 1),
    header: "",
    width,
  }));
  return {
    name: SHEET_NAMES.report,
    visibility: "visible",
    columns,
    rows,
    merges,
    conditionalFormats,
    print: a4Print("portrait"),
    showGridLines: false,
  };
}
