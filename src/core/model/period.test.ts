import { Period, chineseDate, comparePeriodKeys, readDate, samePeriodKey } from "./period";

describe("Period", () => {
  test.each([
    ["2024-09", "month", 2024, 9],
    ["2024-9", "month", 2024, 9],
    ["2024-Q3", "quarter", 2024, 3],
    [" 2024-q1 ", "quarter", 2024, 1],
    ["2024年9月", "month", 2024, 9],
    ["2024年09月份", "month", 2024, 9],
    ["2024年第三季度", "quarter", 2024, 3],
    ["2024年三季度", "quarter", 2024, 3],
    ["2024年第4季度", "quarter", 2024, 4],
  ])("reads %j", (text, kind, year, index) => {
    const period = Period.parse(text)!;
    expect([period.kind, period.year, period.index]).toEqual([kind, year, index]);
  });

  test.each(["2024-13", "2024-00", "2024-Q5", "2024年第五季度", "", "第三季度", "2024"])(
    "rejects %j",
    (text) => {
      expect(Period.parse(text)).toBeUndefined();
    },
  );

  test.each([
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2023-02", "2023-02-01", "2023-02-28"],
    ["2100-02", "2100-02-01", "2100-02-28"],
    ["2000-02", "2000-02-01", "2000-02-29"],
    ["2024-Q1", "2024-01-01", "2024-03-31"],
    ["2024-Q2", "2024-04-01", "2024-06-30"],
    ["2024-Q4", "2024-10-01", "2024-12-31"],
  ])("%s runs from %s to %s", (text, start, end) => {
    const period = Period.parse(text)!;
    expect(period.start).toBe(start);
    expect(period.end).toBe(end);
  });

  test.each([
    ["2024-01", "2023-12"],
    ["2024-07", "2024-06"],
    ["2024-Q1", "2023-Q4"],
    ["2024-Q3", "2024-Q2"],
  ])("the period before %s is %s", (text, before) => {
    expect(Period.parse(text)!.previous().key).toBe(before);
  });

  test("a quarter spans its three months, a month spans itself", () => {
    expect(
      Period.parse("2024-Q3")!
        .months()
        .map((m) => m.key),
    ).toEqual(["2024-07", "2024-08", "2024-09"]);
    expect(
      Period.parse("2024-05")!
        .months()
        .map((m) => m.key),
    ).toEqual(["2024-05"]);
  });

  test("labels follow 通报 and office usage", () => {
    const q3 = Period.parse("2024-Q3")!;
    expect(q3.label).toBe("2024年第三季度");
    expect(q3.titleLabel).toBe("2024年第三季度");
    expect(q3.endLabel).toBe("2024年9月底");
    expect(q3.cutOffLabel).toBe("截至2024年9月30日");
    expect(q3.previousWord).toBe("上季度");
    expect(Period.parse("2024-11")!.titleLabel).toBe("2024年1-11月份");
    expect(Period.parse("2024-01")!.titleLabel).toBe("2024年1月份");
    expect(Period.parse("2024-09")!.label).toBe("2024年9月");
    expect(chineseDate("2024-10-08")).toBe("2024年10月8日");
  });

  test("a label reads back as the same period", () => {
    for (const period of [...Period.ofYear(2024, "month"), ...Period.ofYear(2024, "quarter")]) {
      expect(Period.parse(period.label)?.key).toBe(period.key);
    }
  });

  test("lists a year's months or quarters and finds the one containing a date", () => {
    expect(Period.ofYear(2024, "quarter").map(String)).toEqual(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
    expect(Period.ofYear(2024, "month")[8]?.key).toBe("2024-09");
    expect(Period.containing("2024-09-30", "quarter").key).toBe("2024-Q3");
    expect(Period.containing("2024-10-01", "quarter").key).toBe("2024-Q4");
    expect(Period.containing("2024-01-31", "month").key).toBe("2024-01");
  });

  test("orders stored periods by time, months before the quarter that ends with them, unreadable ones last", () => {
    const periods = ["2024-Q3", "2024-10", "garbage", "2024-09", "2023-Q4", "2024-Q1"];
    expect([...periods].sort(comparePeriodKeys)).toEqual([
      "2023-Q4",
      "2024-Q1",
      "2024-09",
      "2024-Q3",
      "2024-10",
      "garbage",
    ]);
  });

  test("stored keys compare by what they mean", () => {
    expect(samePeriodKey("2024-9", "2024-09")).toBe(true);
    expect(samePeriodKey("2024年第三季度", "2024-Q3")).toBe(true);
    expect(samePeriodKey("2024-Q3", "2024-09")).toBe(false);
    expect(Period.parse("2024-Q3")!.equals("2024年第三季度")).toBe(true);
    expect(JSON.stringify({ period: Period.parse("2024-Q3") })).toBe('{"period":"2024-Q3"}');
  });
});

describe("readDate", () => {
  it.each([
    ["2024年6月30日", "2024-06-30"],
    ["2024-06-30", "2024-06-30"],
    ["2024/6/30", "2024-06-30"],
    ["2024.6.30", "2024-06-30"],
    [" 2024 年 12 月 31 日 ", "2024-12-31"],
    ["6月30日", "2025-06-30"],
    ["2024年2月30日", undefined],
    ["年底", undefined],
    ["", undefined],
  ])("%s", (text, iso) => {
    expect(readDate(text, 2025)).toBe(iso);
  });
});
