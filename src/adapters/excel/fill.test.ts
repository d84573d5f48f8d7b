import { buildWorkbookPlan, SHEET_NAMES } from "../../core/sheets";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fillRuns } from "./fill";
import { shiftRows } from "../../core/sheets";
import { ledgerFromSeed } from "./testing/ledgers";

const SEED = readFileSync(join(__dirname, "../../../seeds/002_864f5150332c02db.txt"), "utf8");

describe("shiftRows", () => {
  test.each([
    ["$J3*2", 2, "$J5*2"],
    ["J3+K3", 1, "J4+K4"],
    ["$J$3+J$3", 5, "$J$3+J$3"],
    ["INDEX('任务清单'!$B:$B,$Y3)", 1, "INDEX('任务清单'!$B:$B,$Y4)"],
    ['IF($K3="A1","B2",$K3)', 1, 'IF($K4="A1","B2",$K4)'],
    ["'Q3 表'!A1", 1, "'Q3 表'!A2"],
    ["LOG10($A3)+DubanCompleteAt", 1, "LOG10($A4)+DubanCompleteAt"],
    ["SUM(A3:A9)", 2, "SUM(A5:A11)"],
  ])("%s moved %i rows down reads %s", (formula, by, moved) => {
    expect(shiftRows(formula, by)).toBe(moved);
  });
});

describe("fillRuns", () => {
  test("finds each formula column of 进度填报 as runs whose cells are the first one moved down", () => {
    const plan = buildWorkbookPlan(ledgerFromSeed(SEED, 40));
    const progress = plan.sheets.find((s) => s.name === SHEET_NAMES.progress)!;
    const runs = fillRuns(progress);
    expect(runs.length).toBeGreaterThan(10);
    let covered = 0;
    for (const run of runs) {
      const first = progress.rows[run.firstRow - 1]?.cells[run.column - 1];
      if (first === null || typeof first !== "object" || first.kind !== "formula")
        throw new Error("no formula");
      for (let row = run.firstRow; row <= run.lastRow; row++) {
        const cell = progress.rows[row - 1]?.cells[run.column - 1];
        expect(cell).toMatchObject({
          kind: "formula",
          formula: shiftRows(first.formula, row - run.firstRow),
        });
        covered++;
      }
    }
    const formulas = progress.rows.flatMap((r) =>
      r.cells.filter((c) => c !== null && typeof c === "object" && c.kind === "formula"),
    ).length;
    // Nearly every formula is drawn by a fill; the rest are single cells.
    expect(covered / formulas).toBeGreaterThan(0.95);
  });

  test("breaks a run where a formula is not its neighbour's moved down", () => {
    const formula = (text: string) => ({ kind: "formula" as const, formula: text, result: 0 });
    const sheet = {
      name: "t",
      visibility: "visible" as const,
      columns: [],
      rows: [formula("A1+1"), formula("A2+1"), formula("B3+1"), formula("B4+1"), "text", formula("A6+1")].map(
        (cell) => ({ cells: [cell] }),
      ),
    };
    expect(fillRuns(sheet)).toEqual([
      { column: 1, firstRow: 1, lastRow: 2 },
      { column: 1, firstRow: 3, lastRow: 4 },
    ]);
  });
});
