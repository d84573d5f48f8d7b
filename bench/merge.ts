/**
 * 汇总 of 30 returned 填报 workbooks into a 台账 of 600 rows with eight months of history: reading
 * the files (size checks, ExcelJS, the form reader), merging, and writing the ledger back with its
 * 变更记录. The forms are filled at the plan level and rendered to real .xlsx bytes beforehand.
 */
import { Period } from "../src/core/model";
import { readGrids, renderWorkbook } from "../src/adapters/xlsx";
import { readReturnedGrids } from "../src/adapters/xlsx/returned";
import type { Ledger, LedgerRow, ProgressEntry } from "../src/core/model";
import type { ReturnedFile } from "../src/core/roundtrip";
import {
  FORM_COLUMNS,
  FORM_SHEET_NAMES,
  mergeReturns,
  readReturnForm,
  splitLedger,
  withChangeLog,
} from "../src/core/roundtrip";
import type { CellValue, WorkbookPlan } from "../src/core/sheets";
import { buildWorkbookPlan, readLedger } from "../src/core/sheets";
import { printTable, timeIt } from "./measure";

const UNITS = Array.from({ length: 30 }, (_, i) => `第${i + 1}责任处室`);
const ROWS = 600;
const PERIOD = Period.of("month", 2024, 9);

function benchLedger(): Ledger {
  const rows: LedgerRow[] = Array.from({ length: ROWS }, (_, i) => ({
    id: `bench-${i}`,
    taskId: `bench-task-${i}`,
    docId: "bench",
    number: String(i + 1),
    section: `第${Math.floor(i / 60) + 1}部分`,
    task: `推进第${i + 1}项重点任务落实落地`,
    metric: `第${i + 1}项指标`,
    op: ">=",
    target: 20 + (i % 50),
    unit: "家",
    leadUnits: [UNITS[i % UNITS.length] ?? ""],
    coUnits: i % 3 === 0 ? [UNITS[(i + 7) % UNITS.length] ?? ""] : [],
    source: "",
  }));
  const progress: ProgressEntry[] = [];
  for (let month = 1; month <= 8; month++) {
    for (const row of rows) {
      progress.push({
        rowId: row.id,
        period: `2024-${String(month).padStart(2, "0")}`,
        actual: month * 2,
        progress: `第${month}月按计划推进`,
        problems: "",
        reportedBy: row.leadUnits[0] ?? "",
      });
    }
  }
  return {
    schemaVersion: 1,
    id: "bench",
    title: "基准台账",
    year: 2024,
    periodKind: "month",
    period: PERIOD,
    unitAliases: {},
    documents: [{ id: "bench", title: "2024年全市卫生健康工作要点", year: 2024 }],
    rows,
    progress,
  };
}

/** The form as its unit sends it back: every row with a number, a status and a sentence. */
function filled(plan: WorkbookPlan): WorkbookPlan {
  const at = (key: string): number => FORM_COLUMNS.findIndex((c) => c.key === key);
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) =>
      sheet.name !== FORM_SHEET_NAMES.progress
        ? sheet
        : {
            ...sheet,
            rows: sheet.rows.map((row, index) => {
              if (index < 2) return row;
              const cells: CellValue[] = [...row.cells];
              cells[at("actual")] = 18 + index;
              cells[at("reportedStatus")] = "序时推进";
              cells[at("progress")] = "已完成年度目标的九成，正在推进收尾工作";
              return { ...row, cells };
            }),
          },
    ),
  };
}

export async function benchMerge(): Promise<void> {
  const ledger = benchLedger();
  const split = splitLedger(ledger, PERIOD);
  if (!split.ok) throw new Error(split.message);
  const files = await Promise.all(
    split.forms.map(async (form) => ({
      name: form.fileName,
      bytes: await renderWorkbook(filled(form.plan)),
    })),
  );
  const ledgerBytes = await renderWorkbook(buildWorkbookPlan(ledger));

  let returned: ReturnedFile[] = [];
  const read = await timeIt(async () => {
    returned = [];
    for (const file of files) {
      const grids = await readReturnedGrids(file.bytes);
      if (!grids.ok) throw new Error(grids.message);
      const form = readReturnForm(grids.grids);
      returned.push({ fileName: file.name, read: form.ok ? form : { ok: false, message: form.message } });
    }
  }, 3);
  const readMaster = await timeIt(async () => {
    const grids = await readGrids(ledgerBytes);
    if (!grids.ok || !readLedger(grids.grids).ok) throw new Error("the bench ledger does not read back");
  }, 3);
  let result = mergeReturns(ledger, returned, { period: PERIOD, at: "2024-10-08T09:00:00+08:00" });
  const merge = await timeIt(() => {
    result = mergeReturns(ledger, returned, { period: PERIOD, at: "2024-10-08T09:00:00+08:00" });
  }, 3);
  const write = await timeIt(
    () => renderWorkbook(withChangeLog(buildWorkbookPlan(result.ledger), result.changes)),
    3,
  );
  const rows = split.forms.reduce((sum, form) => sum + form.rowCount, 0);
  printTable(
    `汇总 ${files.length} 个填报文件（${rows} 行）进 ${ROWS} 行、8 个月历史的台账，变更 ${result.changes.length} 处`,
    [
      ["步骤", "毫秒"],
      ["读取 30 个填报文件", read],
      ["读取台账", readMaster],
      ["合并", merge],
      ["写回台账（含变更记录）", write],
      ["合计", read + readMaster + merge + write],
    ],
  );
}
