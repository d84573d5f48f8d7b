import type { Ledger } from "../model";
import { DEFAULT_STATUS_OPTIONS, LEDGER_SCHEMA_VERSION } from "../model";
import { buildLedger } from "../plan";
import { assessLedger, rollupByUnit } from "../progress";
import type { CellValue, FormulaCell, SheetPlan } from ".";
import {
  PROGRESS_COLUMNS,
  buildWorkbookPlan,
  columnLetter,
  columnOf,
  isFormulaCell,
  readMetadata,
  textSheetPlan,
} from ".";
import { workPoints } from "../../../test/helpers/documents";
import { progressEntry, asPeriod } from "../../../test/helpers/ledger";

function ledger(): Ledger {
  const built = buildLedger([workPoints()], { period: asPeriod("2024-Q3") });
  if (!built.ok) throw new Error(built.message);
  return built.ledger;
}

function sheet(plan: ReturnType<typeof buildWorkbookPlan>, name: string): SheetPlan {
  const found = plan.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

const resultOf = (cell: CellValue | undefined): unknown =>
  cell !== undefined && isFormulaCell(cell) ? cell.result : cell;

const column = (key: (typeof PROGRESS_COLUMNS)[number]["key"]): number => columnOf(PROGRESS_COLUMNS, key) - 1;

describe("buildWorkbookPlan", () => {
  it("lays out the six sheets, _duban veryHidden, tables frozen under their headers", () => {
    const plan = buildWorkbookPlan(ledger());
    expect(plan.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["任务清单", "visible"],
      ["进度填报", "visible"],
      ["单位汇总", "visible"],
      ["通报", "visible"],
      ["设置", "visible"],
      ["_duban", "veryHidden"],
    ]);
    const tasks = sheet(plan, "任务清单");
    expect(tasks.freeze).toEqual({ rows: 2, columns: 1 });
    expect(tasks.rows[1]?.cells.slice(0, 5)).toEqual(["编号", "篇章", "任务", "工作措施", "指标"]);
    expect(tasks.rows).toHaveLength(2 + 4);
    expect(tasks.print).toMatchObject({
      paper: "A4",
      orientation: "landscape",
      repeatRows: { first: 2, last: 2 },
    });
  });

  it("writes dates as dates, comparisons as symbols and units joined with 、", () => {
    const row = sheet(buildWorkbookPlan(ledger()), "任务清单").rows[3]!.cells;
    expect(row.slice(0, 13)).toEqual([
      "1-2",
      "一、提升医疗服务能力",
      "加强临床重点专科建设",
      null,
      "县域就诊率",
      "≥",
      null,
      90,
      "%",
      { kind: "date", iso: "2024-06-30" },
      "文件明确",
      "市卫生健康委",
      "市发展改革委、市财政局",
    ]);
  });

  it("puts the current period first with a line per row, then earlier periods newest first", () => {
    const base = ledger();
    base.progress = [
      progressEntry({ rowId: "wp2024-T002", period: "2024-Q1", progress: "启动" }),
      progressEntry({ rowId: "wp2024-T001-I01", period: "2024-Q2", actual: 1, progress: "第一次" }),
      progressEntry({ rowId: "wp2024-T001-I01", period: "2024-Q2", actual: 2, progress: "更正" }),
      progressEntry({ rowId: "wp2024-T003-I01", period: "2024-Q3", actual: 200, progress: "偏高" }),
      progressEntry({ rowId: "gone", period: "2024-Q3", progress: "任务已删除" }),
    ];
    const progress = sheet(buildWorkbookPlan(base), "进度填报");
    const lines = progress.rows
      .slice(2)
      .map((r) => [
        r.cells[column("period")],
        r.cells[column("rowId")],
        r.cells[column("progress")],
        resultOf(r.cells[column("judgedStatus")]),
        resultOf(r.cells[column("counted")]),
      ]);
    expect(lines).toEqual([
      ["2024年第三季度", "wp2024-T001-I01", null, "未报送", 1],
      ["2024年第三季度", "wp2024-T001-I02", null, "未报送", 1],
      ["2024年第三季度", "wp2024-T002", null, "未报送", 1],
      ["2024年第三季度", "wp2024-T003-I01", "偏高", "序时推进", 1],
      // A line for a row no longer in 任务清单 has nothing to be judged against and is not counted.
      ["2024年第三季度", "gone", "任务已删除", "", 1],
      // Two reports for one row and period stay in order; only the last is counted in 单位汇总.
      ["2024年第二季度", "wp2024-T001-I01", "第一次", "进度滞后", 0],
      ["2024年第二季度", "wp2024-T001-I01", "更正", "进度滞后", 1],
      ["2024年第一季度", "wp2024-T002", "启动", "序时推进", 1],
    ]);
    expect(progress.table).toEqual({ headerRow: 2, firstDataRow: 3, lastDataRow: 10 });
    const letter = (key: (typeof PROGRESS_COLUMNS)[number]["key"]) => columnLetter(column(key) + 1);
    const status = letter("reportedStatus");
    expect(progress.validations?.[0]).toMatchObject({
      kind: "list",
      range: `${status}3:${status}10`,
      strict: true,
    });
    expect(progress.validations?.[0]?.values).not.toContain("未报送");
    expect(progress.conditionalFormats?.map((f) => f.range)).toEqual(
      (["reportedStatus", "judgedStatus", "alert"] as const).map(
        (k) => `${letter(k)}3:${letter(k)}10`,
      ),
    );
  });

  it("counts 单位汇总 with formulas over 进度填报 whose cached results are the core's figures", () => {
    const base = ledger();
    base.progress = [
      progressEntry({ rowId: "wp2024-T001-I01", period: "2024-Q3", actual: 5 }),
      progressEntry({ rowId: "wp2024-T002", period: "2024-Q3", status: "序时推进", progress: "推进中" }),
    ];
    const summary = sheet(buildWorkbookPlan(base), "单位汇总");
    expect(summary.rows[1]?.cells.slice(0, 2)).toEqual(["统计期间", "2024年第三季度"]);
    // Sections first: header, two sections, 合计, a blank row; then the units' table.
    expect(summary.rows.slice(3, 7).map((r) => r.cells[0])).toEqual([
      "篇章",
      "一、提升医疗服务能力",
      "二、强化公共卫生",
      "合计",
    ]);
    const unitHeader = 9;
    expect(summary.table).toEqual({ headerRow: unitHeader, firstDataRow: 10, lastDataRow: 14 });
    expect(summary.rows[unitHeader - 1]?.cells).toEqual([
      "单位",
      "牵头任务",
      "已完成",
      "序时推进",
      "进度滞后",
      "逾期未完成",
      "未启动",
      "未报送",
      "完成率",
      "序时推进率",
      "排名",
      "配合任务",
    ]);
    const assessed = assessLedger(base, asPeriod("2024-Q3"));
    const core = rollupByUnit(assessed, DEFAULT_STATUS_OPTIONS.rankMinTasks);
    const results = (cells: readonly CellValue[]): unknown[] =>
      cells.slice(1).map((c) => (isFormulaCell(c) ? c.result : c));
    core.forEach((unit, i) => {
      const cells = summary.rows[unitHeader + i]!.cells;
      expect(cells[0]).toBe(unit.unit);
      expect(results(cells)).toEqual([
        unit.lead.total,
        unit.lead["已完成"],
        unit.lead["序时推进"],
        unit.lead["进度滞后"],
        unit.lead["逾期未完成"],
        unit.lead["未启动"],
        unit.lead["未报送"],
        unit.lead.total ? unit.completeShare : "",
        unit.lead.total ? unit.onPaceShare : "",
        unit.rank ?? "",
        unit.co.total,
      ]);
    });
    const [tasks, complete] = summary.rows[unitHeader]!.cells.slice(1, 3) as FormulaCell[];
    const range = (key: (typeof PROGRESS_COLUMNS)[number]["key"]) => {
      const c = columnLetter(column(key) + 1);
      return `'进度填报'!$${c}$3:$${c}$6`;
    };
    // Lines of this period that are counted, judged, and led by the unit.
    expect(tasks!.formula).toBe(
      `SUMPRODUCT((${range("period")}=$B$2)*(${range("counted")}=1)*(${range("judgedStatus")}<>"")*ISNUMBER(FIND("、"&$A10&"、","、"&${range("leadUnits")}&"、")))`,
    );
    // Each status column counts the status named in its own header cell.
    expect(complete!.formula).toContain(`(${range("judgedStatus")}=C$9)`);
  });

  it("says plainly that no 通报 exists yet, or shows the one it is given", () => {
    const placeholder = sheet(buildWorkbookPlan(ledger()), "通报");
    expect(placeholder.rows.map((r) => r.cells[0]).filter(Boolean)).toEqual([
      "通报",
      "2024年第三季度尚未生成通报。",
      "各单位报送本期进度后生成通报，通报全文将显示在本表。",
    ]);
    const report = textSheetPlan("通报", [{ text: "关于2024年第三季度重点工作推进情况的通报" }], {
      width: 80,
    });
    expect(sheet(buildWorkbookPlan(ledger(), { reportSheet: report }), "通报")).toBe(report);
  });

  it("records the ledger's identity in _duban, readable back", () => {
    const base = ledger();
    const written = sheet(buildWorkbookPlan(base), "_duban");
    // _duban holds only plain values, so its cells are already what a reader finds.
    expect(written.rows.every((r) => r.cells.every((c) => c === null || typeof c !== "object"))).toBe(true);
    const metadata = readMetadata({
      ...written,
      rows: written.rows.map((r) => r.cells as (string | number | null)[]),
    });
    expect(metadata).toEqual({
      ok: true,
      metadata: {
        schemaVersion: LEDGER_SCHEMA_VERSION,
        unitAliases: {},
        id: base.id,
        title: base.title,
        year: 2024,
        periodKind: "quarter",
        period: asPeriod("2024-Q3"),
        documents: base.documents,
        rows: base.rows.map((r) => ({ id: r.id, taskId: r.taskId, docId: r.docId, number: r.number })),
        tableColumns: [],
      },
    });
  });
});

describe("readMetadata", () => {
  const grid = (rows: (string | number)[][]) => ({ name: "_duban", visibility: "veryHidden" as const, rows });
  const valid = [
    ["Duban", "…"],
    ["schemaVersion", 1],
    ["ledgerId", "abc"],
    ["year", 2024],
    ["periodKind", "month"],
    ["period", "2024-09"],
  ];

  it("refuses what Duban did not write, a newer schema and damage, in Chinese", () => {
    expect(readMetadata(undefined)).toMatchObject({ ok: false, code: "not-a-ledger" });
    expect(readMetadata(grid([["别的表"]]))).toMatchObject({ ok: false, code: "not-a-ledger" });
    expect(
      readMetadata(grid(valid.map((r) => (r[0] === "schemaVersion" ? ["schemaVersion", 9] : r)))),
    ).toMatchObject({ ok: false, code: "newer-schema" });
    expect(readMetadata(grid(valid.filter((r) => r[0] !== "period")))).toMatchObject({
      ok: false,
      code: "damaged-metadata",
    });
    expect(readMetadata(grid(valid))).toMatchObject({
      ok: true,
      metadata: { id: "abc", period: asPeriod("2024-09"), periodKind: "month", rows: [] },
    });
  });
});
