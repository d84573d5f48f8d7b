/**
 * The writers of the corpus's task tables: .xlsx with ExcelJS (real merged cells), .docx with
 * `docx` (a real Word table, columnSpan/rowSpan), .csv in UTF-8 (or in GBK through iconv-lite, as
 * Excel saves a CSV on Chinese Windows). Used by ./make.ts (the tuning set) and ./make-held-out.ts.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import {
  AlignmentType,
  Document,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Cell, Merge, TableSpec } from "./tables";

const FIXED_DATE = new Date("2025-01-01T00:00:00Z");

function width(spec: TableSpec): number {
  return Math.max(...spec.grid.map((row) => row.length));
}

function mergeAt(spec: TableSpec, r: number, c: number): Merge | undefined {
  return spec.merges.find((mg) => r >= mg.top && r <= mg.bottom && c >= mg.left && c <= mg.right);
}

function text(cell: Cell): string {
  return cell === null ? "" : String(cell);
}

function isHeaderRow(spec: TableSpec, r: number): boolean {
  return r < spec.headerRows || (spec.repeatedHeaderRows ?? []).includes(r);
}

async function writeXlsx(spec: TableSpec, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(spec.sheet ?? "Sheet1", {
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const cols = width(spec);
  const thin: Partial<ExcelJS.Border> = { style: "thin" };
  ws.getCell(1, 1).value = `来源：${spec.source}`;
  let row = 2;
  for (const line of spec.before) {
    const cell = ws.getCell(row, 1);
    cell.value = line;
    cell.font = { bold: true, size: 14 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    ws.mergeCells(row, 1, row, cols);
    ws.getRow(row).height = line.includes("\n") ? 40 : 24;
    row += 1;
  }
  const first = row;
  spec.grid.forEach((cells, r) => {
    for (let c = 0; c < cols; c += 1) {
      const cell = ws.getCell(first + r, c + 1);
      const value = cells[c] ?? null;
      if (value !== null && value !== "") cell.value = value;
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      cell.alignment = { vertical: "middle", wrapText: true };
      if (isHeaderRow(spec, r)) {
        cell.font = { bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      }
    }
  });
  for (const mg of spec.merges) {
    ws.mergeCells(first + mg.top, mg.left + 1, first + mg.bottom, mg.right + 1);
  }
  const widths = Array.from({ length: cols }, (_, c) =>
    Math.min(60, Math.max(8, ...spec.grid.map((cells) => text(cells[c] ?? null).length * 1.6))),
  );
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  spec.grid.forEach((cells, r) => {
    // Row height for wrapped cells (a CJK character is about two width units).
    const lines = Math.max(
      1,
      ...cells.map((cell, c) =>
        mergeAt(spec, r, c)
          ? 1
          : text(cell)
              .split("\n")
              .reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 2) / (widths[c] ?? 8))), 0),
      ),
    );
    if (lines > 1) ws.getRow(first + r).height = 15 * lines;
  });
  await wb.xlsx.writeFile(path);
}

function paragraphs(value: Cell, bold: boolean): Paragraph[] {
  return text(value)
    .split("\n")
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}

async function writeDocx(spec: TableSpec, path: string): Promise<void> {
  const cols = width(spec);
  const rows = spec.grid.map((cells, r) => {
    const header = isHeaderRow(spec, r);
    const out: TableCell[] = [];
    for (let c = 0; c < cols; c += 1) {
      const mg = mergeAt(spec, r, c);
      if (mg && (mg.top !== r || mg.left !== c)) continue;
      out.push(
        new TableCell({
          children: paragraphs(cells[c] ?? null, header),
          verticalAlign: VerticalAlign.CENTER,
          ...(mg && mg.right > mg.left ? { columnSpan: mg.right - mg.left + 1 } : {}),
          ...(mg && mg.bottom > mg.top ? { rowSpan: mg.bottom - mg.top + 1 } : {}),
        }),
      );
    }
    return new TableRow({ children: out, tableHeader: r < spec.headerRows });
  });
  const longest = Array.from({ length: cols }, (_, c) =>
    Math.min(40, Math.max(4, ...spec.grid.map((cells) => text(cells[c] ?? null).length))),
  );
  const total = longest.reduce((a, b) => a + b, 0);
  const columnWidths = longest.map((n) => Math.round((13900 * n) / total));
  const titleLine = spec.titleLine ?? spec.before.length - 1;
  const before = spec.before.map(
    (line, i) =>
      new Paragraph({
        children: [new TextRun({ text: line, bold: i === titleLine })],
        ...(i === titleLine ? { alignment: AlignmentType.CENTER } : {}),
      }),
  );
  const doc = new Document({
    creator: "",
    title: "",
    description: "",
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ children: [new TextRun(`来源：${spec.source}`)] }),
          ...before,
          new Table({ rows, columnWidths, width: { size: 13900, type: WidthType.DXA } }),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function writeCsv(spec: TableSpec, path: string): void {
  const cols = width(spec);
  const pad = (cells: string[]): string[] =>
    spec.excelCsv ? [...cells, ...Array<string>(Math.max(0, cols - cells.length)).fill("")] : cells;
  const lines = [
    pad([`来源：${spec.source}`]),
    ...spec.before.map((line) => pad([line])),
    ...spec.grid.map((cells) => pad(cells.map(text))),
  ].map((cells) => cells.map(csvField).join(","));
  const body = lines.join("\r\n") + "\r\n";
  // Excel on Chinese Windows saves a CSV in GBK, without a BOM.
  if (spec.encoding === "gbk") {
    const bytes = iconv.encode(body, "gbk");
    if (iconv.decode(bytes, "gbk") !== body) throw new Error(`${spec.name}: a character has no GBK code`);
    writeFileSync(path, bytes);
  } else writeFileSync(path, (spec.excelCsv ? "\uFEFF" : "") + body, "utf8");
}

/** One table into `dir`, named and formatted as its spec says; returns the path written. */
export async function writeTable(spec: TableSpec, dir: string): Promise<string> {
  const path = join(dir, `${spec.name}.${spec.format}`);
  if (spec.format === "xlsx") await writeXlsx(spec, path);
  else if (spec.format === "docx") await writeDocx(spec, path);
  else writeCsv(spec, path);
  return path;
}
