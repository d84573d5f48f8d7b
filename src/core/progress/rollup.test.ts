import { ledgerOf, ledgerRow, progressEntry, asPeriod } from "../../../test/helpers/ledger";
import type { LedgerRow, ProgressEntry } from "../model";
import type { PeriodAssessment } from "./assess";
import { assessLedger } from "./assess";
import { compareWithPrevious, countStatuses, rollupBySection, rollupByUnit } from "./rollup";

function assess(rows: LedgerRow[], progress: ProgressEntry[], period: string): PeriodAssessment {
  const result = assessLedger(ledgerOf(rows, progress), asPeriod(period));
  return result;
}

const rows = [
  ledgerRow({
    id: "a",
    section: "一、医疗",
    op: ">=",
    target: 10,
    deadline: "2024-12-31",
    leadUnits: ["医政处"],
    coUnits: ["财务处"],
  }),
  ledgerRow({
    id: "b",
    section: "一、医疗",
    op: ">=",
    target: 10,
    deadline: "2024-12-31",
    leadUnits: ["医政处", "疾控处"],
  }),
  ledgerRow({
    id: "c",
    section: "二、公卫",
    op: ">=",
    target: 10,
    deadline: "2024-12-31",
    leadUnits: ["疾控处"],
    coUnits: ["医政处"],
  }),
  ledgerRow({
    id: "d",
    section: "二、公卫",
    op: ">=",
    target: 10,
    deadline: "2024-12-31",
    leadUnits: ["妇幼处"],
  }),
  ledgerRow({
    id: "e",
    section: "一、医疗",
    op: ">=",
    target: 10,
    deadline: "2024-12-31",
    leadUnits: ["基层处"],
  }),
];

// Q2 2024: 序时 is 182/366, just under half.
const q2 = [
  progressEntry({ rowId: "a", period: "2024-Q2", actual: 10 }), // 已完成
  progressEntry({ rowId: "b", period: "2024-Q2", actual: 5 }), // 序时推进
  progressEntry({ rowId: "c", period: "2024-Q2", actual: 2 }), // 进度滞后
  progressEntry({ rowId: "e", period: "2024-Q2", actual: 5 }), // 序时推进; d sends nothing
];
const q1 = [
  progressEntry({ rowId: "a", period: "2024-Q1", actual: 1 }), // 进度滞后
  progressEntry({ rowId: "b", period: "2024-Q1", actual: 3 }), // 序时推进
  progressEntry({ rowId: "c", period: "2024-Q1", actual: 3 }), // 序时推进
];

describe("roll-ups", () => {
  const current = assess(rows, [...q1, ...q2], "2024-Q2");

  test("counts every status", () => {
    expect(countStatuses(current.rows)).toEqual({
      total: 5,
      已完成: 1,
      序时推进: 2,
      进度滞后: 1,
      逾期未完成: 0,
      未启动: 0,
      未报送: 1,
      groups: { complete: 1, onPace: 2, behind: 1, overdue: 0, unreported: 1 },
    });
  });

  test("by unit, lead and co separately, joint leads each count the row", () => {
    const units = rollupByUnit(current);
    const byName = new Map(units.map((u) => [u.unit, u]));
    expect(byName.get("医政处")?.lead).toMatchObject({ total: 2, 已完成: 1, 序时推进: 1 });
    expect(byName.get("医政处")?.co).toMatchObject({ total: 1, 进度滞后: 1 });
    expect(byName.get("疾控处")?.lead).toMatchObject({ total: 2, 序时推进: 1, 进度滞后: 1 });
    expect(byName.get("财务处")?.lead.total).toBe(0);
  });

  test("ranks by on-schedule share, then complete share; ties share a rank; assistants come last unranked", () => {
    const units = rollupByUnit(current);
    expect(units.map((u) => [u.unit, u.rank])).toEqual([
      ["医政处", 1], // 2/2 on schedule, 1/2 complete
      ["基层处", 2], // 1/1 on schedule, 0 complete
      ["疾控处", 3], // 1/2
      ["妇幼处", 4], // 0/1
      ["财务处", undefined],
    ]);
    const tied = rollupByUnit(
      assess(
        [ledgerRow({ id: "x", leadUnits: ["乙"] }), ledgerRow({ id: "y", leadUnits: ["甲"] })],
        [
          progressEntry({ rowId: "x", period: "2024-Q2", status: "序时推进" }),
          progressEntry({ rowId: "y", period: "2024-Q2", status: "序时推进" }),
        ],
        "2024-Q2",
      ),
    );
    expect(tied.map((u) => u.rank)).toEqual([1, 1]);
  });

  test("by section, in ledger order", () => {
    const sections = rollupBySection(current);
    expect(sections.map((s) => [s.section, s.counts.total, s.counts["已完成"]])).toEqual([
      ["一、医疗", 3, 1],
      ["二、公卫", 2, 0],
    ]);
  });

  test("change against the previous period", () => {
    const previous = assess(rows, [...q1, ...q2], "2024-Q1");
    const change = compareWithPrevious(current, previous);
    expect(change?.previousPeriod.key).toBe("2024-Q1");
    expect(change?.newlyComplete.map((r) => r.row.id)).toEqual(["a"]);
    expect(change?.newlyBehind.map((r) => r.row.id)).toEqual(["c"]);
    // "a" went from behind to complete: newly complete, and not counted again as caught up.
    expect(change?.caughtUp.map((r) => r.row.id)).toEqual([]);
  });

  test("no change is claimed against a period nobody reported for", () => {
    const empty = assess(rows, q2, "2024-Q1");
    expect(compareWithPrevious(current, empty)).toBeUndefined();
  });
});
