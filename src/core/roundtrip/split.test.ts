import ExcelJS from "exceljs";
import { ledgerOf, ledgerRow, progressEntry, asPeriod } from "../../../test/helpers/ledger";
import { renderWorkbook } from "../../adapters/xlsx";
import { readReturnedGrids } from "../../adapters/xlsx/returned";
import type { Ledger } from "../model";
import type { SheetPlan } from "../sheets";
import { FORM_COLUMNS, FORM_SHEET_NAMES } from "./form";
import { readReturnForm } from "./read";
import { formFileName, responsibleUnits, splitLedger } from "./split";

function sampleLedger(): Ledger {
  return {
    ...ledgerOf(
      [
        ledgerRow({ id: "r1", number: "1", target: 10, unit: "家", leadUnits: ["甲局"], coUnits: ["乙局"] }),
        ledgerRow({ id: "r2", number: "2", leadUnits: ["乙局"] }),
        ledgerRow({ id: "r3", number: "3", leadUnits: ["丙局"], coUnits: ["甲局"] }),
      ],
      [
        progressEntry({
          rowId: "r1",
          period: "2024-Q2",
          actual: 4,
          status: "序时推进",
          progress: "上期进展",
          reportedBy: "甲局",
        }),
        progressEntry({
          rowId: "r1",
          period: "2024-Q3",
          actual: 6,
          progress: "本期已报",
          reportedBy: "甲局",
        }),
      ],
    ),
    period: asPeriod("2024-Q3"),
  };
}

function sheet(plan: { sheets: readonly SheetPlan[] }, name: string): SheetPlan {
  const found = plan.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

const column = (key: string): number => FORM_COLUMNS.findIndex((c) => c.key === key);

describe("splitLedger", () => {
  it("gives each lead or co unit one form with only its rows, in ledger order", () => {
    const ledger = sampleLedger();
    expect(responsibleUnits(ledger)).toEqual(["甲局", "乙局", "丙局"]);
    const split = splitLedger(ledger, asPeriod("2024-Q3"));
    if (!split.ok) throw new Error(split.message);
    expect(split.deadline).toBe("2024-10-05");
    const rowsOf = (unit: string): unknown[] => {
      const form = split.forms.find((f) => f.unit === unit);
      const progress = sheet(form!.plan, FORM_SHEET_NAMES.progress);
      return progress.rows.slice(2).map((r) => r.cells[column("rowId")]);
    };
    expect(rowsOf("甲局")).toEqual(["r1", "r3"]);
    expect(rowsOf("乙局")).toEqual(["r1", "r2"]);
    expect(rowsOf("丙局")).toEqual(["r3"]);
    expect(split.forms.map((f) => f.fileName)).toEqual([
      "填报-2024年第三季度-甲局.xlsx",
      "填报-2024年第三季度-乙局.xlsx",
      "填报-2024年第三季度-丙局.xlsx",
    ]);
  });

  it("shows the previous period for reference and the unit's own report so far, protects all but the inputs", () => {
    const split = splitLedger(sampleLedger(), asPeriod("2024-Q3"), {
      sendTo: "市卫健委办公室",
      deadline: "2024-10-08",
    });
    if (!split.ok) throw new Error(split.message);
    const form = split.forms[0]!;
    const progress = sheet(form.plan, FORM_SHEET_NAMES.progress);
    const first = progress.rows[2]!.cells;
    expect(first[column("previousActual")]).toBe(4);
    expect(first[column("previousStatus")]).toBe("序时推进");
    expect(first[column("previousProgress")]).toBe("上期进展");
    expect(first[column("actual")]).toBe(6);
    expect(first[column("role")]).toBe("牵头");
    expect(progress.rows[3]!.cells[column("role")]).toBe("配合");
    expect(progress.protection).toBeDefined();
    expect(FORM_COLUMNS.filter((c) => c.input).map((c) => c.header)).toEqual([
      "起始值",
      "完成值",
      "状态",
      "进展情况",
      "存在问题",
    ]);
    const headerStyles = progress.rows[1]?.cellStyles ?? [];
    expect(FORM_COLUMNS.filter((_, i) => headerStyles[i]?.fill !== undefined).map((c) => c.key)).toEqual([
      "baseline",
      "actual",
      "reportedStatus",
      "progress",
      "problems",
    ]);
    expect(progress.validations?.[0]).toMatchObject({ kind: "list", strict: true });
    expect(progress.validations?.[0]?.values).not.toContain("未报送");
    expect(FORM_COLUMNS.find((c) => c.key === "rowId")?.hidden).toBe(true);
    const instructions = sheet(form.plan, FORM_SHEET_NAMES.instructions)
      .rows.flatMap((r) => (typeof r.cells[0] === "string" ? [r.cells[0]] : []))
      .join("\n");
    expect(instructions).toContain("填报单位：甲局");
    expect(instructions).toContain("2024年10月8日前");
    expect(instructions).toContain("市卫健委办公室");
    expect(sheet(form.plan, "_duban").visibility).toBe("veryHidden");
    expect(sheet(form.plan, FORM_SHEET_NAMES.instructions).protection).toEqual(progress.protection);
  });

  it("refuses a period of the wrong kind and a ledger without units, with Chinese messages", () => {
    expect(splitLedger(sampleLedger(), asPeriod("2024-09"))).toMatchObject({
      ok: false,
      code: "invalid-period",
    });
    expect(splitLedger(sampleLedger(), asPeriod("2024-Q3"), { deadline: "10月5日" })).toMatchObject({
      ok: false,
      code: "invalid-deadline",
    });
    const orphan = { ...sampleLedger(), rows: [ledgerRow({ id: "x", leadUnits: [] })] };
    expect(splitLedger(orphan, asPeriod("2024-Q3"))).toMatchObject({ ok: false, code: "no-units" });
  });

  it("names files safely for Windows and keeps them apart", () => {
    expect(formFileName(asPeriod("2024-Q3"), 'A/B:C*"?<>|局. ')).toBe(
      "填报-2024年第三季度-A_B_C______局.xlsx",
    );
    const ledger = {
      ...sampleLedger(),
      rows: [ledgerRow({ id: "a", leadUnits: ["甲/局"] }), ledgerRow({ id: "b", leadUnits: ["甲:局"] })],
    };
    const split = splitLedger(ledger, asPeriod("2024-Q3"));
    if (!split.ok) throw new Error(split.message);
    expect(split.forms.map((f) => f.fileName)).toEqual([
      "填报-2024年第三季度-甲_局.xlsx",
      "填报-2024年第三季度-甲_局-2.xlsx",
    ]);
  });

  it("takes names that differ only by direction or other invisible characters for one unit", () => {
    const ledger = {
      ...sampleLedger(),
      rows: [
        ledgerRow({ id: "a", leadUnits: ["市医保局"] }),
        ledgerRow({ id: "b", leadUnits: ["市医\u202e保局"], coUnits: ["\u2066市财政局\u2069"] }),
      ],
    };
    const split = splitLedger(ledger, asPeriod("2024-Q3"));
    if (!split.ok) throw new Error(split.message);
    expect(split.forms.map((f) => [f.unit, f.fileName, f.rowCount])).toEqual([
      ["市医保局", "填报-2024年第三季度-市医保局.xlsx", 2],
      ["市财政局", "填报-2024年第三季度-市财政局.xlsx", 1],
    ]);
  });

  it("writes an .xlsx with the input cells unlocked, the rest locked, and reads back as the unit's form", async () => {
    const split = splitLedger(sampleLedger(), asPeriod("2024-Q3"));
    if (!split.ok) throw new Error(split.message);
    const bytes = await renderWorkbook(split.forms[0]!.plan);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const worksheet = workbook.getWorksheet(FORM_SHEET_NAMES.progress)!;
    const protection = (worksheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    expect(protection?.sheet).toBe(true);
    const cell = (key: string): ExcelJS.Cell => worksheet.getRow(3).getCell(column(key) + 1);
    expect(cell("actual").protection?.locked).toBe(false);
    expect(cell("problems").protection?.locked).toBe(false);
    expect(cell("item").protection?.locked).not.toBe(false);
    expect(worksheet.getRow(2).getCell(column("actual") + 1).protection?.locked).not.toBe(false);
    expect(worksheet.getColumn(column("rowId") + 1).hidden).toBe(true);
    expect(workbook.getWorksheet("_duban")?.state).toBe("veryHidden");

    const grids = await readReturnedGrids(bytes);
    if (!grids.ok) throw new Error(grids.message);
    const read = readReturnForm(grids.grids);
    if (!read.ok) throw new Error(read.message);
    expect(read.form).toMatchObject({
      ledgerId: "ledger",
      unit: "甲局",
      period: asPeriod("2024-Q3"),
      missingRows: [],
    });
    expect(read.form.entries.map((e) => [e.rowId, e.actual, e.progress])).toEqual([
      ["r1", 6, "本期已报"],
      ["r3", undefined, ""],
    ]);
  });
});
