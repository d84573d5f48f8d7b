import {
  cellDate,
  cellNumber,
  columnLetter,
  columnNumber,
  displayWidth,
  excelSerial,
  isoFromExcelSerial,
  looksLikeFormula,
  mergeStyles,
  quoteSheetName,
  readReportedAt,
  rowStyleBlocks,
  showReportedAt,
  wrappedLines,
} from ".";

describe("cell helpers", () => {
  it("converts column letters both ways", () => {
    for (const [n, letters] of [
      [1, "A"],
      [26, "Z"],
      [27, "AA"],
      [52, "AZ"],
      [703, "AAA"],
    ] as const) {
      expect(columnLetter(n)).toBe(letters);
      expect(columnNumber(letters)).toBe(n);
    }
  });

  it("quotes sheet names that are not plain identifiers", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("进度填报")).toBe("'进度填报'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
  });

  it("maps ISO dates to Excel serials and back, whatever the time zone", () => {
    expect(excelSerial("1900-03-01")).toBe(61);
    expect(excelSerial("2024-06-30")).toBe(45473);
    expect(isoFromExcelSerial(45473)).toBe("2024-06-30");
    expect(isoFromExcelSerial(45473.75)).toBe("2024-06-30");
  });

  it("flags text Excel would read as a formula", () => {
    expect(["=1", "+1", "-1", "@a"].every(looksLikeFormula)).toBe(true);
    expect(["1", "甲=乙", " =1"].some(looksLikeFormula)).toBe(false);
  });

  it("measures CJK text as two units a character", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("卫生健康")).toBe(8);
    expect(displayWidth("𠀀a")).toBe(3);
    expect(wrappedLines("短", 10)).toBe(1);
    expect(wrappedLines("一二三四五六七八九十", 10)).toBe(3);
    expect(wrappedLines("一\n二", 10)).toBe(2);
  });

  it("merges styles field by field, fonts included, and groups rows that share a style", () => {
    expect(
      mergeStyles({ font: { name: "宋体", size: 11 }, wrap: true }, { font: { bold: true }, wrap: false }),
    ).toEqual({
      font: { name: "宋体", size: 11, bold: true },
      wrap: false,
    });
    const body = { wrap: true };
    const header = { wrap: false };
    expect(
      rowStyleBlocks([
        { cells: [], style: header },
        { cells: [], style: body },
        { cells: [], style: body },
        { cells: [] },
        { cells: [], style: body },
      ]),
    ).toEqual([
      { firstRow: 1, lastRow: 1, style: header },
      { firstRow: 2, lastRow: 3, style: body },
      { firstRow: 5, lastRow: 5, style: body },
    ]);
  });
});

describe("reading cells people typed", () => {
  it("reads numbers from text, keeping whether words were dropped", () => {
    expect(cellNumber(85)).toEqual({ value: 85, exact: true });
    expect(cellNumber("８５")).toEqual({ value: 85, exact: true });
    expect(cellNumber("1,200")).toEqual({ value: 1200, exact: true });
    expect(cellNumber("85%")).toEqual({ value: 85, exact: true });
    expect(cellNumber("-3.5")).toEqual({ value: -3.5, exact: true });
    expect(cellNumber("85（预计）")).toEqual({ value: 85, exact: false });
    expect(cellNumber("约5个")).toEqual({ value: 5, exact: false });
    expect(cellNumber("1至2个")).toEqual({ value: 1, exact: false });
    expect(cellNumber("约1至2个")).toBeUndefined();
    expect(cellNumber("已完成")).toBeUndefined();
    expect(cellNumber(null)).toBeUndefined();
  });

  it("reads dates from date cells, serials and the ways people write them", () => {
    expect(cellDate({ kind: "date", iso: "2024-06-30" })).toBe("2024-06-30");
    expect(cellDate(45473)).toBe("2024-06-30");
    expect(cellDate("2024/6/30")).toBe("2024-06-30");
    expect(cellDate("2024年6月30日")).toBe("2024-06-30");
    expect(cellDate("2024-02-30")).toBeUndefined();
    expect(cellDate("年底")).toBeUndefined();
  });

  it("shows 报送时间 as Beijing wall-clock time and reads it back", () => {
    expect(showReportedAt("2024-10-05T09:00:00+08:00")).toBe("2024-10-05 09:00");
    expect(readReportedAt("2024-10-05 09:00")).toBe("2024-10-05T09:00:00+08:00");
    expect(showReportedAt("2024-10-05T09:00:30Z")).toBe("2024-10-05T09:00:30Z");
    expect(readReportedAt("10月5日")).toBe("10月5日");
  });
});
