/**
 * The 台账 workbook for 10,000 tasks with three quarters of sample progress: Duban's whole path
 * (PlanDocument → Ledger → WorkbookPlan → .xlsx) against bare ExcelJS writing the same cells, styles
 * and formulas from arrays prepared in advance. The ratio is what the layout-as-data design costs.
 */
import { Period } from "../src/core/model";
import ExcelJS from "exceljs";
import { renderWorkbook } from "../src/adapters/xlsx";
import type { Indicator, PlanDocument, Task } from "../src/core/model";
import { buildLedger } from "../src/core/plan";
import { sampleProgress } from "../src/core/progress";
import type { CellStyle, CellValue, WorkbookPlan } from "../src/core/sheets";
import { buildWorkbookPlan, excelSerial, mergeStyles } from "../src/core/sheets";
import { median, printTable } from "./measure";

const TASKS = 10_000;
const PERIOD = Period.of("quarter", 2024, 3);
const UNITS = Array.from({ length: 40 }, (_, i) => `第${i + 1}责任处室`);

function largeDocument(): PlanDocument {
  const tasks = Array.from({ length: TASKS }, (_, i): Task => {
    const id = `bench-T${i + 1}`;
    const indicator: Indicator = {
      id: `${id}-I1`,
      taskId: id,
      metric: `第${i + 1}项重点指标完成数`,
      op: i % 5 === 0 ? "<=" : ">=",
      value: 10 + (i % 90),
      unit: i % 2 ? "%" : "家",
      deadlineStated: i % 4 === 0,
      ...(i % 4 === 0 && { deadline: "2024-06-30" }),
      text: `第${i + 1}项重点指标达到${10 + (i % 90)}`,
      span: { start: 0, end: 1 },
    };
    return {
      id,
      number: String(i + 1),
      title: `推进第${i + 1}项重点任务落实落地，确保按期完成年度目标`,
      text: "",
      measures: "",
      section: `${Math.floor(i / 1000) + 1}、第${Math.floor(i / 1000) + 1}部分重点领域任务`,
      leadUnits: [UNITS[i % UNITS.length] ?? ""],
      coUnits: i % 3 === 0 ? [UNITS[(i + 7) % UNITS.length] ?? "", UNITS[(i + 11) % UNITS.length] ?? ""] : [],
      jointLead: false,
      implementingUnits: [],
      indicators: i % 10 === 9 ? [] : [indicator],
      mentionedUnits: [],
      span: { start: 0, end: 1 },
    };
  });
  return {
    id: "bench",
    title: "2024年全市卫生健康工作要点",
    horizon: "2024-12-31",
    year: 2024,
    kind: "work-points",
    sections: [],
    tasks,
    indicators: [],
    diagnostics: [],
  };
}

/** Duban's path, from the parsed document to bytes. */
async function dubanWorkbook(
  document: PlanDocument,
  progress: ReturnType<typeof sampleProgress>,
): Promise<Uint8Array> {
  const built = buildLedger([document], { period: PERIOD });
  if (!built.ok) throw new Error(built.message);
  return renderWorkbook(buildWorkbookPlan({ ...built.ledger, progress: progress ?? [] }));
}

interface BareSheet {
  name: string;
  state: "visible" | "veryHidden";
  widths: number[];
  rows: ExcelJS.CellValue[][];
  rowStyles: (Partial<ExcelJS.Style> | undefined)[];
  heights: (number | undefined)[];
}

function bareStyle(style: CellStyle): Partial<ExcelJS.Style> {
  return {
    ...(style.font && {
      font: {
        ...(style.font.name !== undefined && { name: style.font.name }),
        ...(style.font.size !== undefined && { size: style.font.size }),
        ...(style.font.bold !== undefined && { bold: style.font.bold }),
      },
    }),
    ...(style.fill && { fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } } }),
    alignment: {
      ...(style.horizontal && { horizontal: style.horizontal }),
      ...(style.vertical && { vertical: style.vertical }),
      ...(style.wrap !== undefined && { wrapText: style.wrap }),
    },
    ...(style.numberFormat && { numFmt: style.numberFormat }),
    ...(style.border && {
      border: {
        top: { style: "thin", color: { argb: `FF${style.border}` } },
        bottom: { style: "thin", color: { argb: `FF${style.border}` } },
        left: { style: "thin", color: { argb: `FF${style.border}` } },
        right: { style: "thin", color: { argb: `FF${style.border}` } },
      },
    }),
  };
}

function bareValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || typeof value !== "object") return value;
  if (value.kind === "date") return excelSerial(value.iso);
  return { formula: value.formula, result: value.result ?? 0, date1904: false };
}

/** The same cells as plain arrays and one style per row kind, prepared before the clock starts. */
function bareSheets(plan: WorkbookPlan): BareSheet[] {
  return plan.sheets.map((sheet) => {
    const styles = new Map<CellStyle | undefined, Partial<ExcelJS.Style> | undefined>();
    return {
      name: sheet.name,
      state: sheet.visibility === "veryHidden" ? "veryHidden" : "visible",
      widths: sheet.columns.map((c) => c.width),
      rows: sheet.rows.map((row) => row.cells.map(bareValue)),
      rowStyles: sheet.rows.map((row) => {
        if (!styles.has(row.style))
          styles.set(row.style, row.style ? bareStyle(mergeStyles(row.style)) : undefined);
        return styles.get(row.style);
      }),
      heights: sheet.rows.map((row) => row.height),
    };
  });
}

async function bareWorkbook(sheets: readonly BareSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.state });
    worksheet.columns = sheet.widths.map((width) => ({ width }));
    sheet.rows.forEach((values, i) => {
      const row = worksheet.addRow(values);
      const height = sheet.heights[i];
      if (height !== undefined) row.height = height;
      const style = sheet.rowStyles[i];
      if (style) row.eachCell({ includeEmpty: true }, (cell) => (cell.style = style));
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export async function benchLedger(): Promise<void> {
  const document = largeDocument();
  const built = buildLedger([document], { period: PERIOD });
  if (!built.ok) throw new Error(built.message);
  const progress = sampleProgress(built.ledger, PERIOD, 1);
  const plan = buildWorkbookPlan({ ...built.ledger, progress: progress ?? [] });
  const prepared = bareSheets(plan);
  const cells = plan.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.cells.length, 0), 0);

  // Alternate the two so both see the same machine load and the same heap; medians of three each
  // after a warm-up. Duban goes first, so the peak memory after its first run is its own.
  const bareRuns: number[] = [];
  const dubanRuns: number[] = [];
  let bareBytes = 0;
  let dubanBytes = 0;
  let dubanPeak = 0;
  for (let run = 0; run < 4; run++) {
    let start = performance.now();
    dubanBytes = (await dubanWorkbook(document, progress)).length;
    if (run > 0) dubanRuns.push(performance.now() - start);
    if (run === 0) dubanPeak = process.resourceUsage().maxRSS * 1024;
    start = performance.now();
    bareBytes = (await bareWorkbook(prepared)).length;
    if (run > 0) bareRuns.push(performance.now() - start);
  }
  const bareMs = median(bareRuns);
  const dubanMs = median(dubanRuns);

  printTable(
    `台账工作簿：${TASKS} 项任务，${built.ledger.rows.length} 行，示例进度 ${progress?.length ?? 0} 条，共 ${cells} 个单元格`,
    [
      ["写法", "耗时 ms（中位数）", "各次 ms", "文件大小"],
      [
        "ExcelJS 直接写同样的单元格",
        bareMs,
        bareRuns.map((t) => t.toFixed(0)).join(" / "),
        megabytes(bareBytes),
      ],
      [
        "Duban：建台账 + 版式 + 渲染",
        dubanMs,
        dubanRuns.map((t) => t.toFixed(0)).join(" / "),
        megabytes(dubanBytes),
      ],
    ],
  );
  process.stdout.write(
    `  比值 Duban / ExcelJS = ${(dubanMs / bareMs).toFixed(2)}（目标 < 1.5）；Duban 首次运行后的峰值内存（RSS，含测试数据）${megabytes(dubanPeak)}\n`,
  );
}
