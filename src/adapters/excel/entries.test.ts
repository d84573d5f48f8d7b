// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

import { formulaCell, dateCell, excelSerial } from "../../core/sheets";
import { cellEntry, needsTextGuard } from "./entries";
import { typeInto } from "./testing/fakeExcel";

/** Text Excel would turn into something else if it were typed as it is. */
const RISKY = [
  "=SUM(A1:A3)",
  "=",
  "+86 10 1234",
  "-",
  "-3",
  "@home",
  "2024-09",
  "2024/6/30",
  "2024年9月",
  "2024-10-05 09:00",
  "85%",
  "１２３",
  "1,200",
  "1/3",
  "1e5",
  "TRUE",
  "false",
  "#N/A",
  "'quoted",
  "0012",
  // Excel in Chinese reads full-width signs at the start as their ASCII forms.
  "＝SUM(A1:A3)",
  "＋86 10 1234",
  "＠home",
  "－资金缺口",
];

describe("cell entries", () => {
  it.each(RISKY)("%s is typed so that Excel keeps it as the same text", (text) => {
    expect(needsTextGuard(text)).toBe(true);
    expect(typeInto(cellEntry(text))).toEqual({ value: text });
  });

  it("would have been changed by Excel without the guard, so the check above can fail", () => {
    for (const text of RISKY) expect(typeInto(text)).not.toEqual({ value: text });
  });

  it.each([
    "加强临床重点专科建设",
    "≥",
    "第1批",
    "10万人",
    "2024-Q3",
    "市卫生健康委、市财政局",
    "Excel 2024",
  ])("%s is plain text and goes as it is", (text) => {
    expect(needsTextGuard(text)).toBe(false);
    expect(cellEntry(text)).toBe(text);
    expect(typeInto(text)).toEqual({ value: text });
  });

  it("writes numbers and booleans as they are, dates as serials, formulas with their =, and leaves null cells alone", () => {
    expect(cellEntry(42.5)).toBe(42.5);
    expect(cellEntry(false)).toBe(false);
    expect(cellEntry(dateCell("2024-06-30"))).toBe(excelSerial("2024-06-30"));
    expect(cellEntry(formulaCell('COUNTIFS(A:A,"x")', 3))).toBe('=COUNTIFS(A:A,"x")');
    expect(cellEntry(null)).toBeNull();
  });
});
