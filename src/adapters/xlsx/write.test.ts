import ExcelJS from "exceljs";
import type { SheetPlan, WorkbookPlan } from "../../core/sheets";
import { STYLES, a4Print, statusRules } from "../../core/sheets";
import { renderWorkbook } from ".";

// Read back through properties ExcelJS has but its typings leave out.
declare module "exceljs" {
  interface Worksheet {
    conditionalFormattings: ConditionalFormattingOptions[];
    sheetProtection: (Partial<WorksheetProtection> & { sheet?: boolean }) | null;
  }
}

async function rendered(sheet: SheetPlan): Promise<ExcelJS.Worksheet> {
  const plan: WorkbookPlan = { title: "测试", creator: "Duban", sheets: [sheet], recalculateOnOpen: true };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderWorkbook(plan)).buffer as ArrayBuffer);
  return workbook.worksheets[0]!;
}

const form: SheetPlan = {
  name: "填报",
  visibility: "visible",
  columns: [
    { key: "task", header: "任务", width: 20, style: { wrap: true } },
    { key: "actual", header: "完成值", width: 9, style: { numberFormat: "General" }, input: true },
    { key: "status", header: "状态", width: 10, input: true },
    { key: "id", header: "行ID", width: 12, hidden: true },
  ],
  rows: [
    { cells: ["任务", "完成值", "状态", "行ID"], style: STYLES.header },
    { cells: ["甲", 3, "已完成", "r1"], style: STYLES.body, height: 30 },
    { cells: ["乙", null, null, "r2"], style: STYLES.body, cellStyles: [{ font: { bold: true } }] },
  ],
  freeze: { rows: 1, columns: 1 },
  autoFilter: "A1:D3",
  conditionalFormats: [{ range: "C2:C3", rules: statusRules() }],
  validations: [
    {
      kind: "list",
      range: "C2:C3",
      values: ["已完成", "序时推进"],
      allowBlank: true,
      strict: true,
      error: { title: "无效", message: "请选择" },
    },
  ],
  print: a4Print("landscape", { first: 1, last: 1 }),
  protection: { allowSort: true, allowAutoFilter: true, allowFormatColumns: false, allowFormatRows: true },
};

describe("renderWorkbook", () => {
  it("writes the sheet's list validation over its whole range and its status colours as rules", async () => {
    const sheet = await rendered(form);
    expect(sheet.getCell("C3").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"已完成,序时推进"'],
      errorStyle: "error",
      error: "请选择",
    });
    const rules = sheet.conditionalFormattings.flatMap((f) => f.rules);
    expect(rules).toHaveLength(6);
    expect(rules[0]).toMatchObject({ type: "cellIs", operator: "equal", formulae: ['"已完成"'] });
  });

  it("freezes, filters, hides the ID column and sets heights and cell styles", async () => {
    const sheet = await rendered(form);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:D3");
    expect(sheet.getColumn(4).hidden).toBe(true);
    expect(sheet.getColumn(1).width).toBe(20);
    expect(sheet.getRow(2).height).toBe(30);
    expect(sheet.getCell("A3").font).toMatchObject({ name: "宋体", bold: true });
    expect(sheet.getCell("A1").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFDDEBF7" } });
    expect(sheet.getCell("B3").border?.top).toMatchObject({ style: "thin" });
  });

  it("prints on A4 across one page width with the header row repeated and page numbers", async () => {
    const sheet = await rendered(form);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
    expect(sheet.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
  });

  it("protects a sheet with its input columns left editable", async () => {
    const sheet = await rendered(form);
    expect(sheet.sheetProtection).toMatchObject({ sheet: true, sort: true, autoFilter: true });
    // Not allowed is the file format's default, so ExcelJS reads it back as absent.
    expect(sheet.sheetProtection).not.toHaveProperty("formatColumns", true);
    expect(sheet.getCell("B2").protection).toMatchObject({ locked: false });
    expect(sheet.getCell("C3").protection).toMatchObject({ locked: false });
    expect(sheet.getCell("A2").protection?.locked).not.toBe(false);
  });
});
