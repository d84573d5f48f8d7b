import { gridsOf } from "../../../test/helpers/grids";
import { workPoints } from "../../../test/helpers/documents";
import { Period, UnitDirectory } from "../model";
import { buildLedger } from "../plan";
import { PROGRESS_COLUMNS, TASK_COLUMNS, buildWorkbookPlan, columnOf, readLedger } from ".";
import type { GridValue, SheetGrid } from ".";
import { assessLedger } from "../progress";
import { ledgerOf, ledgerRow, progressEntry } from "../../../test/helpers/ledger";

function ledgerGrids(units?: UnitDirectory): { grids: SheetGrid[]; leadColumn: number } {
  const built = buildLedger([workPoints()], { today: "2024-08-15", ...(units && { units }) });
  if (!built.ok) throw new Error(built.message);
  return { grids: gridsOf(buildWorkbookPlan(built.ledger)), leadColumn: columnOf(TASK_COLUMNS, "leadUnits") };
}

function setCell(grid: SheetGrid | undefined, row: number, column: number, value: string): void {
  const cells = grid?.rows[row - 1];
  if (!cells) throw new Error(`no row ${row}`);
  (cells as (string | number | null)[])[column - 1] = value;
}

describe("readLedger and the unit directory", () => {
  test("a unit typed in Excel by another of its names reads back as the same unit", () => {
    const { grids, leadColumn } = ledgerGrids();
    const tasks = grids.find((g) => g.name === "任务清单");
    setCell(tasks, 3, leadColumn, "市卫健委");
    setCell(tasks, 4, leadColumn, "市卫生\u202e健康委员会");
    const read = readLedger(grids);
    if (!read.ok) throw new Error(read.message);
    expect(read.ledger.rows[0]?.leadUnits).toEqual(["市卫生健康委"]);
    expect(read.ledger.rows[1]?.leadUnits).toEqual(["市卫生健康委"]);
  });

  test("the office's own aliases travel in _duban and apply when the ledger is read again", () => {
    const { grids, leadColumn } = ledgerGrids(
      new UnitDirectory({ 市政务服务和大数据管理局: ["市大数据局"] }),
    );
    setCell(
      grids.find((g) => g.name === "任务清单"),
      3,
      leadColumn,
      "市大数据局",
    );
    const read = readLedger(grids);
    if (!read.ok) throw new Error(read.message);
    expect(read.ledger.unitAliases).toEqual({ 市政务服务和大数据管理局: ["市大数据局"] });
    expect(read.ledger.rows[0]?.leadUnits).toEqual(["市政务服务和大数据管理局"]);
  });

  test("期间 reads as written by people: 2024年第三季度 or 2024-Q3", () => {
    const { grids } = ledgerGrids();
    const progress = grids.find((g) => g.name === "进度填报");
    setCell(progress, 3, columnOf(PROGRESS_COLUMNS, "period"), "2024-Q3");
    setCell(progress, 3, columnOf(PROGRESS_COLUMNS, "actual"), "1");
    setCell(progress, 4, columnOf(PROGRESS_COLUMNS, "actual"), "2");
    const read = readLedger(grids);
    if (!read.ok) throw new Error(read.message);
    expect(read.ledger.progress.map((e) => [e.period, e.actual])).toEqual([
      ["2024-Q3", 1],
      ["2024-Q3", 2],
    ]);
  });
});

describe("the 设置 sheet read back", () => {
  const ledger = {
    ...ledgerOf(
      [ledgerRow({ id: "r1", op: ">=", target: 100, deadline: "2024-12-31" })],
      [progressEntry({ rowId: "r1", period: "2024-Q3", actual: 70 })],
    ),
    period: Period.of("quarter", 2024, 3),
  };
  const withSetting = (label: string, value: GridValue): SheetGrid[] =>
    gridsOf(buildWorkbookPlan(ledger)).map((grid) =>
      grid.name !== "设置"
        ? grid
        : {
            ...grid,
            rows: grid.rows.map((cells) =>
              cells?.[0] === label ? [label, value, ...cells.slice(2)] : cells,
            ),
          },
    );
  const read = (grids: SheetGrid[]) => {
    const result = readLedger(grids);
    if (!result.ok) throw new Error(result.message);
    return result;
  };

  test("thresholds as the office set them, shares read from percentages", () => {
    const { ledger: back } = read(withSetting("完成阈值", "95%"));
    expect(back.statusOptions?.completeAt).toBeCloseTo(0.95);
  });

  test("a 本期期末 moved inside the period judges the period at that day, as the formulas do", () => {
    // 70 of 100 is behind 序时 at 30 September (274/366) but on schedule at 31 August (244/366).
    expect(assessLedger(read(gridsOf(buildWorkbookPlan(ledger))).ledger, ledger.period).rows[0]?.status).toBe(
      "进度滞后",
    );
    const { ledger: back, diagnostics } = read(withSetting("本期期末", { kind: "date", iso: "2024-08-31" }));
    expect(back.statusOptions?.periodEnd).toBe("2024-08-31");
    expect(diagnostics.map((d) => d.code)).toContain("changed-setting");
    expect(assessLedger(back, back.period).rows[0]?.status).toBe("序时推进");
    // Written again, the workbook keeps the day.
    const again = read(gridsOf(buildWorkbookPlan(back)));
    expect(again.ledger.statusOptions?.periodEnd).toBe("2024-08-31");
  });

  test("an unreadable setting falls back to the default with a warning naming the cell", () => {
    const { ledger: back, diagnostics } = read(withSetting("黄色预警幅度", "一成"));
    expect(back.statusOptions?.amberGap).toBe(0.1);
    expect(diagnostics.find((d) => d.code === "unreadable-setting")?.at).toMatchObject({
      kind: "cell",
      sheet: "设置",
    });
  });
});
