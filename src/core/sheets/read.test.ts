import { gridsOf } from "../../../test/helpers/grids";
import { workPoints } from "../../../test/helpers/documents";
import { UnitDirectory } from "../model";
import { buildLedger } from "../plan";
import { PROGRESS_COLUMNS, TASK_COLUMNS, buildWorkbookPlan, columnOf, readLedger } from ".";
import type { SheetGrid } from ".";

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
