import { chineseDate } from "../model";
import { attachmentNoteLines, noteText } from "./text";
import type { ReportBlock, ReportDoc, ReportRun, ReportTable } from "./types";

/**
 * The fonts GB/T 9704 names, then the ones Windows and macOS have, so a paste into Word or WPS keeps
 * the intended names where the machine has them.
 */
const FONTS = {
  title: "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'SimSun', serif",
  body: "'仿宋_GB2312', 'FangSong_GB2312', 'FangSong', 'STFangsong', serif",
  heading1: "'黑体', 'SimHei', 'Heiti SC', sans-serif",
  heading2: "'楷体_GB2312', 'KaiTi_GB2312', 'KaiTi', 'STKaiti', serif",
} as const;

const BODY = `font-family: ${FONTS.body}; font-size: 16pt; line-height: 28pt; margin: 0;`;
const INDENTED = `${BODY} text-indent: 2em;`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}

function runHtml(run: ReportRun): string {
  const text = escapeHtml(run.text);
  if (run.role === "subheading") return `<span style="font-family: ${FONTS.heading2};">${text}</span>`;
  if (run.role === "item") return `<b>${text}</b>`;
  return text;
}

function blockHtml(block: ReportBlock): string {
  if (block.kind === "heading") {
    return `<p style="${INDENTED} font-family: ${FONTS.heading1};">${escapeHtml(block.text)}</p>`;
  }
  return `<p style="${INDENTED}">${block.runs.map(runHtml).join("")}</p>`;
}

function tableHtml(table: ReportTable): string {
  const cell = "border: 1px solid #000; padding: 2pt 4pt; font-size: 10.5pt;";
  const total = table.columns.reduce((sum, column) => sum + column.width, 0) || 1;
  const header = table.columns
    .map(
      (column) =>
        `<th style="${cell} width: ${Math.round((column.width / total) * 100)}%;">${escapeHtml(column.header)}</th>`,
    )
    .join("");
  const rows = table.rows.map((row) => {
    if (row.kind === "group") {
      return `<tr><td colspan="${table.columns.length}" style="${cell} font-weight: bold;">${escapeHtml(row.text)}</td></tr>`;
    }
    const cells = row.cells.map((value, index) => {
      const shade = row.shades?.[index];
      const colours = shade ? ` background-color: #${shade.fill}; color: #${shade.text};` : "";
      return `<td style="${cell} text-align: ${table.columns[index]?.align ?? "left"};${colours}">${escapeHtml(value)}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table style="border-collapse: collapse; width: 100%;"><thead><tr>${header}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/**
 * The 通报 as HTML for the clipboard: pasted into Word or WPS it keeps the title, the heading fonts,
 * the indents, the bold leads and the attachment tables, which plain text cannot carry.
 */
export function renderReportHtml(report: ReportDoc): string {
  const parts: string[] = [
    `<p style="font-family: ${FONTS.title}; font-size: 22pt; line-height: 36pt; text-align: center; margin: 0 0 28pt;">${report.titleLines.map(escapeHtml).join("<br>")}</p>`,
    `<p style="${BODY}">${escapeHtml(report.recipients)}</p>`,
    ...report.body.map(blockHtml),
  ];
  if (report.attachments.length > 0) {
    const lines = attachmentNoteLines(report.attachments.map((a) => a.title));
    parts.push(
      `<p style="${BODY}">&nbsp;</p>`,
      ...lines.map((line) => `<p style="${INDENTED}">${escapeHtml(line)}</p>`),
    );
  }
  parts.push(
    `<p style="${BODY}">&nbsp;</p>`,
    `<p style="${BODY} text-align: right; padding-right: 4em;">${escapeHtml(report.issuer)}</p>`,
    `<p style="${BODY} text-align: right; padding-right: 4em;">${escapeHtml(chineseDate(report.date))}</p>`,
  );
  if (report.note) parts.push(`<p style="${INDENTED}">${escapeHtml(noteText(report.note))}</p>`);
  report.attachments.forEach((attachment, index) => {
    parts.push(
      `<p style="${BODY} font-family: ${FONTS.heading1}; page-break-before: always;">附件${index + 1}</p>`,
      `<p style="${BODY} font-family: ${FONTS.title}; font-size: 18pt; text-align: center;">${escapeHtml(attachment.title)}</p>`,
      tableHtml(attachment.table),
    );
  });
  return `<div>${parts.join("")}</div>`;
}
