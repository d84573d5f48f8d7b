import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { STATUSES, type Status } from "../../src/core/model";
import type { StatusCounts } from "../../src/core/progress";

/** The statuses 单位汇总 counts, in its columns' order: the core's list. */
export const COUNTED: readonly Status[] = STATUSES;

/** A copy of a workbook without cached formula results, so every number LibreOffice shows is one it calculated. */
export async function withoutCachedResults(path: string): Promise<Uint8Array> {
  const bytes = await readFile(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, date1904: false };
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export type Calculated = number | string | null;

/** What LibreOffice calculated (`cell.result`: ExcelJS's `cell.value` drops results of 0 and ""). */
export function calculated(cell: ExcelJS.Cell): Calculated {
  const value: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (value !== null && typeof value === "object" && "error" in value) {
    throw new Error(`${cell.address}: ${String(value.error)}`);
  }
  return typeof value === "number" || typeof value === "string" ? value : null;
}

export interface SummaryLine {
  name: string;
  values: Calculated[];
}

/** The 单位汇总's unit and section tables as LibreOffice calculated them: name and columns B onwards. */
export function summaryTables(workbook: ExcelJS.Workbook): { units: SummaryLine[]; sections: SummaryLine[] } {
  const sheet = workbook.getWorksheet("单位汇总");
  if (!sheet) throw new Error("no 单位汇总 sheet");
  const units: SummaryLine[] = [];
  const sections: SummaryLine[] = [];
  let table: SummaryLine[] | undefined;
  sheet.eachRow((row) => {
    const name = row.getCell(1).text;
    if (name === "单位") table = units;
    else if (name === "篇章") table = sections;
    else if (table && name && typeof calculated(row.getCell(2)) === "number") {
      table.push({ name, values: Array.from({ length: 11 }, (_, i) => calculated(row.getCell(i + 2))) });
    }
  });
  return { units, sections };
}

export function expectedCounts(counts: StatusCounts): Calculated[] {
  const rate = (part: number): Calculated => (counts.total > 0 ? part / counts.total : "");
  return [
    counts.total,
    ...COUNTED.map((s) => counts[s]),
    rate(counts["已完成"]),
    rate(counts["已完成"] + counts["序时推进"]),
  ];
}
