import { gridsOf } from "../../../test/helpers/grids";
import { Period } from "../model";
import { buildWorkbookPlan, readLedger } from "../sheets";
import { assessLedger } from "../progress";
import { ledgerOverExisting } from "../plan";
import { adoptTable } from "./adopt";
import type { CellGrid } from "./grid";
import { IMPORTED_REPORTER, adoptedLedger, statedActual } from "./ledger";

const table: CellGrid = {
  name: "任务表.xlsx",
  sheet: "2024年",
  origin: { row: 1, column: 1 },
  merges: [],
  rows: [
    ["2024年重点工作任务分解表"],
    ["序号", "工作任务", "目标要求", "牵头单位", "配合单位", "完成时限", "进展情况"],
    ["1", "新建社区医院", "新建社区医院3家", "市卫健委", "市发改委", "2024年12月底", "已建成2家"],
    ["2", "开展免费体检", "", "市疾控中心", "", "2024年6月底", "已完成"],
    ["3", "推进家庭医生签约", "签约率达到45%", "基层科", "", "年底前", ""],
  ],
};

function adopted() {
  const result = adoptTable(table, { fallbackYear: 2024 });
  if (!result.ok) throw new Error(result.message);
  const built = adoptedLedger(result.table.plan, result.table, { period: Period.of("quarter", 2024, 3) });
  if (!built.ok) throw new Error(built.message);
  return built.ledger;
}

test("each row names the sheet row it came from", () => {
  expect(adopted().rows.map((r) => r.source)).toEqual([
    "任务表.xlsx（2024年）“2024年”工作表第3行",
    "任务表.xlsx（2024年）“2024年”工作表第4行",
    "任务表.xlsx（2024年）“2024年”工作表第5行",
  ]);
});

test("the progress column comes in as this period's reports, marked as imported", () => {
  const ledger = adopted();
  expect(ledger.progress).toEqual([
    expect.objectContaining({
      period: "2024-Q3",
      progress: "已建成2家",
      actual: 2,
      reportedBy: IMPORTED_REPORTER,
    }),
    expect.objectContaining({
      period: "2024-Q3",
      progress: "已完成",
      status: "已完成",
      reportedBy: IMPORTED_REPORTER,
    }),
  ]);
  const statuses = assessLedger(ledger, ledger.period).rows.map((r) => r.status);
  // 2 of 3 at the end of September is behind the pace of a year-long task (75%).
  expect(statuses).toEqual(["进度滞后", "已完成", "未报送"]);
});

test("the mapping travels in the workbook and is read back for next month", () => {
  const ledger = adopted();
  const read = readLedger(gridsOf(buildWorkbookPlan(ledger)));
  if (!read.ok) throw new Error(read.message);
  expect(read.ledger.tableColumns).toEqual(ledger.tableColumns);
  expect(read.ledger.tableColumns?.map((c) => c.role)).toEqual([
    "number",
    "task",
    "target",
    "lead",
    "co",
    "deadline",
    "progress",
  ]);
});

test.each([
  ["已建成2家", "家", 2],
  ["签约率42%", "%", 42],
  ["已培训1.2万人", "人", 12000],
  ["已建成2家，在建1家", "家", undefined],
  ["进展顺利", "家", undefined],
])("the amount in %s", (text, unit, amount) => {
  expect(statedActual(text, unit)).toBe(amount);
});

test("next month's table, its progress column moved on, is the same ledger: reports already there are kept", () => {
  const next: CellGrid = {
    ...table,
    rows: table.rows.map((row, r) => (r === 2 ? [...row.slice(0, 6), "已建成3家"] : row)),
  };
  const first = adopted();
  const result = adoptTable(next, { fallbackYear: 2024 });
  if (!result.ok) throw new Error(result.message);
  const q4 = adoptedLedger(result.table.plan, result.table, { period: Period.of("quarter", 2024, 4) });
  if (!q4.ok) throw new Error(q4.message);
  expect(q4.ledger.id).toBe(first.id);
  const merged = ledgerOverExisting(q4.ledger, { ok: true, ledger: first, diagnostics: [] });
  if (!merged.ok) throw new Error(merged.message);
  expect(merged.ledger.progress.map((p) => [p.period, p.progress])).toEqual([
    ["2024-Q3", "已建成2家"],
    ["2024-Q3", "已完成"],
    ["2024-Q4", "已建成3家"],
    ["2024-Q4", "已完成"],
  ]);
});
