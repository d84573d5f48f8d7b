import { ledgerOf, ledgerRow, progressEntry, asPeriod } from "../../../test/helpers/ledger";
import type { Ledger } from "../model";
import type { PeriodAssessment } from "./assess";
import { assessLedger, planStartOf } from "./assess";
import { DEFAULT_STATUS_OPTIONS } from "./status";

function assess(ledger: Ledger, period: string, options = DEFAULT_STATUS_OPTIONS): PeriodAssessment {
  const result = assessLedger(ledger, asPeriod(period), options);
  return result;
}

const row = ledgerRow({ id: "r1", op: ">=", target: 90 });

describe("one period, several reports", () => {
  test("reports of another period, even its months, do not stand in for it", () => {
    const ledger = ledgerOf([row], [progressEntry({ rowId: "r1", period: "2024-08", actual: 50 })]);
    expect(assess(ledger, "2024-Q3").rows[0]?.status).toBe("未报送");
  });

  test("an empty later report does not hide an earlier one", () => {
    const ledger = ledgerOf(
      [row],
      [
        progressEntry({ rowId: "r1", period: "2024-Q3", actual: 80 }),
        progressEntry({ rowId: "r1", period: "2024-Q3" }),
      ],
    );
    expect(assess(ledger, "2024-Q3").rows[0]?.entry?.actual).toBe(80);
  });

  test("of two reports for the same period the later one counts", () => {
    const ledger = ledgerOf(
      [row],
      [
        progressEntry({ rowId: "r1", period: "2024-Q3", actual: 50 }),
        progressEntry({ rowId: "r1", period: "2024-Q3", actual: 90 }),
      ],
    );
    expect(assess(ledger, "2024-Q3").rows[0]?.status).toBe("已完成");
  });
});

describe("completion carries forward", () => {
  const ledger = ledgerOf(
    [row, ledgerRow({ id: "r2", op: ">=", target: 10 })],
    [
      progressEntry({ rowId: "r1", period: "2024-Q1", actual: 95 }),
      progressEntry({ rowId: "r2", period: "2024-Q1", actual: 5 }),
    ],
  );

  test("a row complete earlier stays complete without a new report", () => {
    const [first, second] = assess(ledger, "2024-Q2").rows;
    expect(first).toMatchObject({ status: "已完成", carried: true });
    expect(second).toMatchObject({ status: "未报送", carried: false });
  });

  test("unless the office turns it off", () => {
    const rows = assess(ledger, "2024-Q2", { ...DEFAULT_STATUS_OPTIONS, carryCompletion: false }).rows;
    expect(rows[0]?.status).toBe("未报送");
  });
});

describe("assessLedger", () => {
  test("each period is judged by its own report, never an earlier one", () => {
    const ledger = ledgerOf([row], [progressEntry({ rowId: "r1", period: "2024-Q1", actual: 1 })]);
    expect(assess(ledger, "2024-Q2").rows[0]).toMatchObject({ status: "未报送", carried: false });
  });

  test("the last report of the period speaks for the row", () => {
    const ledger = ledgerOf(
      [row],
      [
        progressEntry({ rowId: "r1", period: "2024-Q2", actual: 1, reportedBy: "甲" }),
        progressEntry({ rowId: "r1", period: "2024-Q2", actual: 2, reportedBy: "乙" }),
      ],
    );
    expect(assess(ledger, "2024-Q2").rows[0]?.entry?.reportedBy).toBe("乙");
  });

  test("anyReport tells whether the period has any report", () => {
    const ledger = ledgerOf([row], [progressEntry({ rowId: "r1", period: "2024-Q2", actual: 1 })]);
    expect(assess(ledger, "2024-Q2").anyReport).toBe(true);
    expect(assess(ledger, "2024-Q1").anyReport).toBe(false);
  });

  test("the plan starts on 1 January or on the document's later date", () => {
    expect(planStartOf({ year: 2024 }, 2024)).toBe("2024-01-01");
    expect(planStartOf({ year: 2024, date: "2024-02-02" }, 2024)).toBe("2024-02-02");
    expect(planStartOf({ year: 2024, date: "2023-12-20" }, 2024)).toBe("2024-01-01");
    expect(planStartOf({ year: 2024, date: "2024-02-30" }, 2024)).toBe("2024-01-01");
    expect(planStartOf(undefined, 2025)).toBe("2025-01-01");
  });
});
