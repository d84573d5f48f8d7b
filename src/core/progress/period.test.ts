import {
  chineseDate,
  monthsOf,
  parsePeriod,
  periodEnd,
  periodEndLabel,
  periodStart,
  periodTitleLabel,
  previousPeriod,
  quarterOfMonth,
  formatPeriod,
} from "./period";

describe("periods", () => {
  test.each([
    ["2024-09", { kind: "month", year: 2024, index: 9 }],
    ["2024-Q3", { kind: "quarter", year: 2024, index: 3 }],
    [" 2024-q1 ", { kind: "quarter", year: 2024, index: 1 }],
  ])("parses %s", (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });

  test.each(["2024-13", "2024-00", "2024-Q5", "2024年9月", "", "2024-9"])("rejects %j", (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  test.each([
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2023-02", "2023-02-01", "2023-02-28"],
    ["2100-02", "2100-02-01", "2100-02-28"],
    ["2000-02", "2000-02-01", "2000-02-29"],
    ["2024-Q1", "2024-01-01", "2024-03-31"],
    ["2024-Q2", "2024-04-01", "2024-06-30"],
    ["2024-Q4", "2024-10-01", "2024-12-31"],
  ])("%s runs from %s to %s", (text, start, end) => {
    const period = parsePeriod(text)!;
    expect(periodStart(period)).toBe(start);
    expect(periodEnd(period)).toBe(end);
  });

  test.each([
    ["2024-01", "2023-12"],
    ["2024-07", "2024-06"],
    ["2024-Q1", "2023-Q4"],
    ["2024-Q3", "2024-Q2"],
  ])("the period before %s is %s", (text, before) => {
    expect(formatPeriod(previousPeriod(parsePeriod(text)!))).toBe(before);
  });

  test("a quarter spans its three months, a month spans itself", () => {
    expect(monthsOf(parsePeriod("2024-Q3")!).map(formatPeriod)).toEqual(["2024-07", "2024-08", "2024-09"]);
    expect(monthsOf(parsePeriod("2024-05")!).map(formatPeriod)).toEqual(["2024-05"]);
    expect(formatPeriod(quarterOfMonth(parsePeriod("2024-09")!))).toBe("2024-Q3");
    expect(formatPeriod(quarterOfMonth(parsePeriod("2024-10")!))).toBe("2024-Q4");
  });

  test("labels follow 通报 usage", () => {
    expect(periodTitleLabel(parsePeriod("2024-Q3")!)).toBe("2024年第三季度");
    expect(periodTitleLabel(parsePeriod("2024-11")!)).toBe("2024年1-11月份");
    expect(periodTitleLabel(parsePeriod("2024-01")!)).toBe("2024年1月份");
    expect(periodEndLabel(parsePeriod("2024-Q3")!)).toBe("2024年9月底");
    expect(chineseDate("2024-10-08")).toBe("2024年10月8日");
  });
});
