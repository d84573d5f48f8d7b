import type { LedgerRow, Op, Status } from "../model";
import { ledgerOf, ledgerRow, progressEntry, asPeriod } from "../../../test/helpers/ledger";
import { assessLedger } from "./assess";
import type { StatusOptions } from "./status";
import { DEFAULT_STATUS_OPTIONS, judgeRow } from "./status";

interface Case {
  name: string;
  period: string;
  op?: Op;
  target?: number;
  deadline?: string;
  actual?: number;
  reported?: Status;
  words?: string;
  year?: number;
  documentDate?: string;
  baseline?: number;
  options?: Partial<StatusOptions>;
  expected: Status;
}

const NO_REPORT = Symbol("no report");

/** One row, one report (or none), one period: every rule of the design's status table at its edges. */
const cases: (Case & { report?: typeof NO_REPORT })[] = [
  // Numeric rows against 序时进度. Q2 2024 ends on day 182 of 366.
  { name: "at 序时 exactly", period: "2024-Q2", op: ">=", target: 366, actual: 182, expected: "序时推进" },
  { name: "one below 序时", period: "2024-Q2", op: ">=", target: 366, actual: 181, expected: "进度滞后" },
  { name: "target reached", period: "2024-Q2", op: ">=", target: 20, actual: 20, expected: "已完成" },
  { name: "target exceeded", period: "2024-Q1", op: ">", target: 20, actual: 31, expected: "已完成" },
  { name: "全覆盖 at 100%", period: "2024-Q3", op: "=", target: 100, actual: 100, expected: "已完成" },
  { name: "nothing done yet", period: "2024-Q1", op: ">=", target: 20, actual: 0, expected: "未启动" },
  // Deadline edges.
  {
    name: "deadline today, short of target: still within time, 序时 is 100%",
    period: "2024-Q2",
    op: ">=",
    target: 20,
    deadline: "2024-06-30",
    actual: 19,
    expected: "进度滞后",
  },
  {
    name: "deadline today, target met",
    period: "2024-Q2",
    op: ">=",
    target: 20,
    deadline: "2024-06-30",
    actual: 20,
    expected: "已完成",
  },
  {
    name: "deadline the day before the period's end",
    period: "2024-Q2",
    op: ">=",
    target: 20,
    deadline: "2024-06-29",
    actual: 19,
    expected: "逾期未完成",
  },
  {
    name: "deadline passed with nothing done is overdue, not 未启动",
    period: "2024-Q3",
    op: ">=",
    target: 5,
    deadline: "2024-06-30",
    actual: 0,
    expected: "逾期未完成",
  },
  {
    name: "deadline passed but target met",
    period: "2024-Q4",
    op: ">=",
    target: 5,
    deadline: "2024-06-30",
    actual: 5,
    expected: "已完成",
  },
  // Leap years: February 2024 ends on day 60 of 366, February 2023 on day 59 of 365.
  {
    name: "leap February at 序时",
    period: "2024-02",
    op: ">=",
    target: 366,
    actual: 60,
    expected: "序时推进",
  },
  {
    name: "leap February below 序时",
    period: "2024-02",
    op: ">=",
    target: 366,
    actual: 59,
    expected: "进度滞后",
  },
  {
    name: "common February at 序时",
    year: 2023,
    period: "2023-02",
    op: ">=",
    target: 365,
    actual: 59,
    expected: "序时推进",
  },
  {
    name: "common February below 序时",
    year: 2023,
    period: "2023-02",
    op: ">=",
    target: 365,
    actual: 58,
    expected: "进度滞后",
  },
  {
    name: "deadline 29 February, reported in the leap month",
    period: "2024-02",
    op: ">=",
    target: 10,
    deadline: "2024-02-29",
    actual: 9,
    expected: "进度滞后",
  },
  // No deadline: the end of the document's year. Q3 ends on day 274 of 366.
  {
    name: "due at the year's end, at 序时",
    period: "2024-Q3",
    op: ">=",
    target: 366,
    actual: 274,
    expected: "序时推进",
  },
  {
    name: "due at the year's end, below 序时",
    period: "2024-Q3",
    op: ">=",
    target: 366,
    actual: 273,
    expected: "进度滞后",
  },
  {
    name: "due at the year's end, last quarter short of target: year not over on its last day",
    period: "2024-Q4",
    op: ">=",
    target: 10,
    actual: 9,
    expected: "进度滞后",
  },
  // Ceilings (`控制在…以下`): completion is target / actual.
  { name: "ceiling kept", period: "2024-Q2", op: "<=", target: 10, actual: 8, expected: "已完成" },
  { name: "ceiling met exactly", period: "2024-Q2", op: "<=", target: 10, actual: 10, expected: "已完成" },
  { name: "ceiling at zero actual", period: "2024-Q2", op: "<", target: 10, actual: 0, expected: "已完成" },
  {
    name: "ceiling exceeded, 10/12 is above 序时 in Q3",
    period: "2024-Q3",
    op: "<=",
    target: 10,
    actual: 12,
    expected: "序时推进",
  },
  {
    name: "ceiling exceeded on the deadline's period",
    period: "2024-Q4",
    op: "<=",
    target: 10,
    actual: 12,
    expected: "进度滞后",
  },
  {
    name: "ceiling exceeded after the deadline",
    period: "2024-Q3",
    op: "<=",
    target: 10,
    deadline: "2024-06-30",
    actual: 12,
    expected: "逾期未完成",
  },
  // Milestones and rows without a number: the unit's chosen status and the date.
  { name: "milestone done", period: "2024-Q2", op: "milestone", reported: "已完成", expected: "已完成" },
  {
    name: "milestone under way",
    period: "2024-Q2",
    op: "milestone",
    reported: "序时推进",
    expected: "序时推进",
  },
  {
    name: "milestone not started",
    period: "2024-Q2",
    op: "milestone",
    reported: "未启动",
    expected: "未启动",
  },
  {
    name: "milestone said to lag",
    period: "2024-Q2",
    op: "milestone",
    reported: "进度滞后",
    expected: "进度滞后",
  },
  {
    name: "milestone called overdue before its deadline",
    period: "2024-Q2",
    op: "milestone",
    reported: "逾期未完成",
    expected: "进度滞后",
  },
  {
    name: "milestone under way after its deadline",
    period: "2024-Q3",
    op: "milestone",
    deadline: "2024-06-30",
    reported: "序时推进",
    expected: "逾期未完成",
  },
  {
    name: "milestone done after its deadline",
    period: "2024-Q3",
    op: "milestone",
    deadline: "2024-06-30",
    reported: "已完成",
    expected: "已完成",
  },
  {
    name: "milestone on its deadline's period, under way",
    period: "2024-Q2",
    op: "milestone",
    deadline: "2024-06-30",
    reported: "序时推进",
    expected: "序时推进",
  },
  { name: "words without a status", period: "2024-Q2", words: "已召开推进会", expected: "序时推进" },
  { name: "row without a target", period: "2024-Q2", op: ">=", reported: "已完成", expected: "已完成" },
  {
    name: "numeric row reported by status only",
    period: "2024-Q2",
    op: ">=",
    target: 20,
    reported: "进度滞后",
    expected: "进度滞后",
  },
  {
    name: "the number outranks the chosen status",
    period: "2024-Q2",
    op: ">=",
    target: 20,
    actual: 5,
    reported: "已完成",
    expected: "进度滞后",
  },
  // Nothing reported.
  { name: "no entry", period: "2024-Q2", op: ">=", target: 20, report: NO_REPORT, expected: "未报送" },
  { name: "an empty entry", period: "2024-Q2", op: ">=", target: 20, expected: "未报送" },
  { name: "unit chose 未报送", period: "2024-Q2", op: "milestone", reported: "未报送", expected: "未报送" },
  // The plan starts on the document's date when that is later than 1 January: 2 Feb to 31 Dec is
  // 334 days, of which 150 have passed by 30 June.
  {
    name: "document dated 2 February, at 序时",
    period: "2024-Q2",
    documentDate: "2024-02-02",
    op: ">=",
    target: 334,
    actual: 150,
    expected: "序时推进",
  },
  {
    name: "document dated 2 February, below 序时",
    period: "2024-Q2",
    documentDate: "2024-02-02",
    op: ">=",
    target: 334,
    actual: 149,
    expected: "进度滞后",
  },
  // Thresholds are settings.
  {
    name: "within a 5-point pace tolerance",
    period: "2024-Q2",
    op: ">=",
    target: 100,
    actual: 45,
    options: { paceTolerance: 0.05 },
    expected: "序时推进",
  },
  {
    name: "beyond a 5-point pace tolerance",
    period: "2024-Q2",
    op: ">=",
    target: 100,
    actual: 44,
    options: { paceTolerance: 0.05 },
    expected: "进度滞后",
  },
  {
    name: "complete at 95% when the office says so",
    period: "2024-Q2",
    op: ">=",
    target: 100,
    actual: 95,
    options: { completeAt: 0.95 },
    expected: "已完成",
  },
];

describe("status rules", () => {
  test.each(cases)("$name → $expected", (c) => {
    const year = c.year ?? Number(c.period.slice(0, 4));
    const row: LedgerRow = ledgerRow({
      id: "r1",
      ...(c.op ? { op: c.op } : {}),
      ...(c.target !== undefined ? { target: c.target } : {}),
      // buildLedger gives a row without a stated deadline the plan's horizon, here the year's end.
      deadline: c.deadline ?? `${year}-12-31`,
      ...(c.baseline !== undefined ? { baseline: c.baseline } : {}),
    });
    const entries =
      c.report === NO_REPORT
        ? []
        : [
            progressEntry({
              rowId: "r1",
              period: c.period,
              ...(c.actual !== undefined ? { actual: c.actual } : {}),
              ...(c.reported ? { status: c.reported } : {}),
              progress: c.words ?? "",
            }),
          ];
    const result = assessLedger(ledgerOf([row], entries, year, c.documentDate), asPeriod(c.period), {
      ...DEFAULT_STATUS_OPTIONS,
      ...c.options,
    });
    expect(result.rows[0]?.status).toBe(c.expected);
  });
});

describe("judgeRow", () => {
  const row = (fields: Partial<LedgerRow>): LedgerRow => ledgerRow({ id: "r", ...fields });
  const report = (actual: number) => ({
    rowId: "r",
    period: "2024-Q2",
    actual,
    progress: "",
    problems: "",
    reportedBy: "",
  });
  const schedule = { planStart: "2024-01-01", periodEnd: "2024-06-30" };

  test("序时进度 counts days inclusively and clamps to 0–1", () => {
    const expected = (planStart: string, deadline: string, periodEnd: string) =>
      judgeRow(row({ op: ">=", target: 10, deadline }), undefined, { planStart, periodEnd }).expected;
    expect(expected("2024-01-01", "2024-12-31", "2024-12-31")).toBe(1);
    expect(expected("2024-01-01", "2024-12-31", "2024-01-01")).toBeCloseTo(1 / 366);
    expect(expected("2024-03-01", "2024-12-31", "2024-02-29")).toBe(0);
    expect(expected("2024-01-01", "2024-06-30", "2024-09-30")).toBe(1);
    // 2024-02-02 to 2025-12-31 is 699 days; 150 of them have passed on 2024-06-30.
    expect(expected("2024-02-02", "2025-12-31", "2024-06-30")).toBeCloseTo(150 / 699, 10);
  });

  test("a row without any deadline has no 序时进度: nothing is due yet", () => {
    const judgement = judgeRow(row({ op: ">=", target: 20 }), report(1), schedule);
    expect(judgement.expected).toBeUndefined();
    expect(judgement.status).toBe("序时推进");
  });

  test.each([
    [">=", 20, undefined, 12, 0.6],
    ["=", 100, undefined, 85, 0.85],
    ["<=", 10, undefined, 12, 10 / 12],
    ["<=", 10, undefined, 5, 2],
    ["<=", 0, undefined, 0, 1],
    [">=", 90, 60, 75, 0.5],
    [">=", 90, 60, 60, 0],
    ["<=", 10, 30, 20, 0.5],
    ["<=", 10, 30, 35, -0.25],
  ] as const)(
    "%s %d from baseline %s with actual %d → completion %d",
    (op, target, baseline, actual, expected) => {
      const judged = judgeRow(
        row({ op, target, deadline: "2024-12-31", ...(baseline !== undefined && { baseline }) }),
        report(actual),
        schedule,
      );
      expect(judged.completion).toBeCloseTo(expected, 10);
    },
  );

  test("no completion for milestones, missing or zero targets", () => {
    for (const fields of [{ op: "milestone", target: 5 }, { op: ">=" }, { op: ">=", target: 0 }] as const) {
      expect(judgeRow(row(fields), report(5), schedule).completion).toBeUndefined();
    }
  });

  test("reports the figures, the alert and the check it judged by", () => {
    const judgement = judgeRow(row({ op: ">=", target: 20, deadline: "2024-12-31" }), report(12), schedule);
    expect(judgement).toEqual({
      status: "序时推进",
      completion: 0.6,
      expected: 182 / 366,
      deadlinePassed: false,
      alert: "绿",
      check: "",
    });
  });

  test("a status the number contradicts is kept and flagged", () => {
    const judgement = judgeRow(
      row({ op: ">=", target: 20, deadline: "2024-12-31" }),
      { ...report(5), status: "已完成" },
      schedule,
    );
    expect(judgement.status).toBe("进度滞后");
    expect(judgement.check).toBe("填报状态与完成值不符");
  });

  test("a numeric row reported by status alone is flagged", () => {
    const entry = { ...report(0), status: "序时推进" as const };
    delete (entry as { actual?: number }).actual;
    const judgement = judgeRow(row({ op: ">=", target: 20, deadline: "2024-12-31" }), entry, schedule);
    expect(judgement.check).toBe("只报了状态，未报完成值");
  });

  test.each([
    ["绿", 0.5, "2024-12-31"],
    ["黄", 0.45, "2024-12-31"],
    ["红", 0.3, "2024-12-31"],
    ["蓝", 0.99, "2024-07-10"],
    ["红", 0.5, "2024-06-01"],
    ["完成", 1, "2024-12-31"],
  ] as const)("三色预警 %s at completion %d due %s", (alert, share, deadline) => {
    const judgement = judgeRow(row({ op: ">=", target: 100, deadline }), report(share * 100), schedule);
    expect(judgement.alert).toBe(alert);
  });
});
