/** The 通报 for a large ledger: 1,000 tasks of one row each, with monthly sample progress to September, through every renderer. */
import { Period } from "../src/core/model";
import { renderReportDocx } from "../src/adapters/docx";
import type { Ledger, LedgerRow, Op } from "../src/core/model";
import { sampleProgress } from "../src/core/progress";
import { buildReport, renderReportText, reportSheetPlan } from "../src/core/report";
import type { ReportDoc } from "../src/core/report";
import { printTable, timeIt } from "./measure";

const ROWS = 1000;
const UNITS = Array.from({ length: 30 }, (_, i) => `第${i + 1}责任处室`);
const OPS: Op[] = [">=", ">=", ">=", "<=", "=", "milestone"];

function largeLedger(): Ledger {
  const rows: LedgerRow[] = Array.from({ length: ROWS }, (_, i) => {
    const op = OPS[i % OPS.length] ?? ">=";
    return {
      id: `bench-${i}`,
      taskId: `bench-task-${i}`,
      docId: "bench",
      number: String(i + 1),
      section: `第${Math.floor(i / 100) + 1}部分 重点领域任务`,
      task: `推进第${i + 1}项重点任务落实落地`,
      metric: op === "milestone" ? "" : `第${i + 1}项指标`,
      ...(op === "milestone"
        ? { op }
        : { op, target: op === "=" ? 100 : 20 + (i % 50), unit: op === "=" ? "%" : "家" }),
      ...(i % 4 === 0 ? { deadline: "2024-06-30" } : {}),
      leadUnits: [UNITS[i % UNITS.length] ?? ""],
      coUnits: i % 3 === 0 ? [UNITS[(i + 7) % UNITS.length] ?? ""] : [],
      source: "",
    };
  });
  const ledger: Ledger = {
    schemaVersion: 1,
    id: "bench",
    title: "基准台账",
    year: 2024,
    periodKind: "month",
    period: Period.of("month", 2024, 9),
    unitAliases: {},
    documents: [{ id: "bench", title: "2024年全市卫生健康工作要点", year: 2024 }],
    rows,
    progress: [],
  };
  ledger.progress = sampleProgress(ledger, ledger.period, 1);
  return ledger;
}

export async function benchReport(): Promise<void> {
  const ledger = largeLedger();
  let report: ReportDoc | undefined;
  const build = await timeIt(() => {
    const result = buildReport(ledger, { period: Period.of("quarter", 2024, 3), date: "2024-10-08" });
    if (!result.ok) throw new Error(result.message);
    report = result.report;
  });
  if (!report) return;
  const built = report;
  const text = await timeIt(() => renderReportText(built));
  const sheet = await timeIt(() => reportSheetPlan(built));
  let bytes = 0;
  const docx = await timeIt(async () => {
    bytes = (await renderReportDocx(built)).length;
  }, 3);
  printTable(`通报：${ROWS} 行台账，${ledger.progress.length} 条月度填报（中位数）`, [
    ["步骤", "耗时（毫秒）"],
    ["判定状态、汇总并生成通报", build],
    ["纯文本", text],
    ["“通报”工作表（SheetPlan）", sheet],
    [`.docx（${(bytes / 1024).toFixed(0)} KB）`, docx],
  ]);
}
