import { UNPLACED_HEADING, carryOver } from "./carry";
import type { SheetGrid } from "./grid";
import type { SheetPlan } from "./types";

/** A two-column table keyed by 行ID, rows as given, starting at row 2 under a header. */
function plan(ids: readonly string[]): SheetPlan {
  return {
    name: "任务清单",
    visibility: "visible",
    columns: [
      { key: "task", header: "任务" },
      { key: "rowId", header: "行ID" },
    ].map((c) => ({ ...c, width: 10 })),
    rows: [{ cells: ["任务", "行ID"] }, ...ids.map((id) => ({ cells: [`任务${id}`, id] }))],
    table: { headerRow: 1, firstDataRow: 2, lastDataRow: 1 + ids.length },
    rowKey: ["行ID"],
  };
}

const grid = (rows: (string | null)[][]): SheetGrid => ({ name: "任务清单", visibility: "visible", rows });

describe("carryOver", () => {
  it("follows each row by its key, keeps added columns after the plan's, and rows below as far below", () => {
    const old = grid([
      ["督办人", "任务", "行ID"],
      ["张", "任务a", "a"],
      ["李", "任务b", "b"],
      ["王", "任务c", "c"],
      [null, null, null],
      ["注：每月更新", null, null],
    ]);
    const carry = carryOver(old, plan(["c", "a", "d"]));
    expect(carry).toEqual({
      sheet: "任务清单",
      added: [{ header: "督办人", from: 1, to: 3 }],
      own: [
        { header: "任务", from: 2, to: 1 },
        { header: "行ID", from: 3, to: 2 },
      ],
      rows: [
        { from: 1, to: 1 },
        { from: 2, to: 3 },
        { from: 4, to: 2 },
      ],
      // The plan has one row more than the old table: what stood two rows below it still does.
      below: [{ from: 6, to: 6 }],
      unplaced: [{ from: 3, to: 9 }],
      unplacedHeadingRow: 8,
    });
    expect(UNPLACED_HEADING).toMatch(/已不在台账中/);
  });

  it("tells rows of the same key apart by their order, and places nothing without the key column", () => {
    const old = grid([
      ["行ID", "备注"],
      ["a", "第一"],
      ["a", "第二"],
    ]);
    expect(carryOver(old, plan(["a", "a"]))?.rows).toEqual([
      { from: 1, to: 1 },
      { from: 2, to: 2 },
      { from: 3, to: 3 },
    ]);
    expect(carryOver(grid([["任务", "备注"]]), plan(["a"]))).toBeUndefined();
  });
});
