import { chineseDate } from "../model";
import type { ReportBlock, ReportDoc, ReportTable } from "./types";

/** Two full-width spaces: the first-line indent of Chinese official prose. */
export const INDENT = "　　";

function blockText(block: ReportBlock): string {
  return block.kind === "heading" ? block.text : block.runs.map((run) => run.text).join("");
}

/** 附注 as printed: in full-width brackets. */
export function noteText(note: string): string {
  return `（${note}）`;
}

/** `附件：1.…` with later items lined up under the first number, as GB/T 9704 sets them. */
export function attachmentNoteLines(titles: readonly string[]): string[] {
  return titles.map((title, index) => `${index === 0 ? "附件：" : "　　　"}${index + 1}.${title}`);
}

function tableLines(table: ReportTable): string[] {
  const cell = (value: string): string => value.replace(/[\t\r\n]+/g, " ");
  return [
    table.columns.map((c) => cell(c.header)).join("\t"),
    ...table.rows.map((row) => (row.kind === "group" ? cell(row.text) : row.cells.map(cell).join("\t"))),
  ];
}

/**
 * The 通报 as plain text for the clipboard and `--text`: paragraphs indented with full-width spaces,
 * tables tab-separated so they paste into Excel or a Word table.
 */
export function renderReportText(report: ReportDoc): string {
  const lines: string[] = [report.title, "", report.recipients];
  for (const block of report.body) lines.push(INDENT + blockText(block));
  if (report.attachments.length > 0) {
    lines.push("");
    lines.push(...attachmentNoteLines(report.attachments.map((a) => a.title)).map((line) => INDENT + line));
  }
  lines.push("", report.issuer, chineseDate(report.date));
  if (report.note) lines.push(INDENT + noteText(report.note));
  report.attachments.forEach((attachment, index) => {
    lines.push("", "", `附件${index + 1}`, "", attachment.title, "", ...tableLines(attachment.table));
  });
  return `${lines.join("\n")}\n`;
}
