import { comparePeriods, periodContaining, periodsOfYear, sortProgress } from ".";

describe("periods", () => {
  it("lists a year's months or quarters", () => {
    expect(periodsOfYear(2024, "quarter")).toEqual(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
    expect(periodsOfYear(2024, "month")).toHaveLength(12);
    expect(periodsOfYear(2024, "month")[8]).toBe("2024-09");
  });

  it("finds the period containing a date", () => {
    expect(periodContaining("2024-09-30", "quarter")).toBe("2024-Q3");
    expect(periodContaining("2024-10-01", "quarter")).toBe("2024-Q4");
    expect(periodContaining("2024-01-31", "month")).toBe("2024-01");
  });

  it("orders periods by time, months before the quarter that ends with them, unreadable ones last", () => {
    const periods = ["2024-Q3", "2024-10", "garbage", "2024-09", "2023-Q4", "2024-Q1"];
    expect([...periods].sort(comparePeriods)).toEqual([
      "2023-Q4",
      "2024-Q1",
      "2024-09",
      "2024-Q3",
      "2024-10",
      "garbage",
    ]);
  });
});

describe("sortProgress", () => {
  it("sorts by period, then ledger order, keeping arrival order among duplicates", () => {
    const rows = [{ id: "b" }, { id: "a" }];
    const entry = (rowId: string, period: string, progress: string) => ({
      rowId,
      period,
      progress,
      problems: "",
      reportedBy: "",
    });
    const sorted = sortProgress(rows, [
      entry("a", "2024-Q2", "a2"),
      entry("zz", "2024-Q1", "unknown"),
      entry("a", "2024-Q1", "first"),
      entry("b", "2024-Q1", "b1"),
      entry("a", "2024-Q1", "second"),
    ]);
    expect(sorted.map((e) => e.progress)).toEqual(["b1", "first", "second", "unknown", "a2"]);
  });
});
