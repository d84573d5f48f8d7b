import { ledgerOf, ledgerRow, progressEntry, asPeriod } from "../../../test/helpers/ledger";
import type { CellValue, RowPlan } from "../sheets";
import { alertRules, statusRules } from "../sheets";
import { buildReport } from "./build";
import { reportSheetPlan } from "./sheet";
import { INDENT } from "./text";
import type { ReportDoc } from "./types";

function report(): ReportDoc {
  const ledger = ledgerOf(
    [
      ledgerRow({ id: "a", section: "一、医疗", op: ">=", target: 20, unit: "家", leadUnits: ["医政处"] }),
      ledgerRow({ id: "b", section: "二、公卫", op: ">=", target: 20, unit: "家", leadUnits: ["疾控处"] }),
      ledgerRow({ id: "c", section: "二、公卫", op: "milestone", leadUnits: ["妇幼处"] }),
    ],
    [
      progressEntry({ rowId: "a", period: "2024-Q3", actual: 20 }),
      progressEntry({ rowId: "b", period: "2024-Q3", actual: 3, progress: "进展".repeat(60) }),
    ],
  );
  const result = buildReport(ledger, {
    period: asPeriod("2024-Q3"),
    date: "2024-10-08",
    issuer: "市卫生健康委办公室",
  });
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

const firstCell = (row: RowPlan | undefined): CellValue | undefined => row?.cells[0];

describe("reportSheetPlan", () => {
  const doc = { ...report(), note: "示例数据" };
  const sheet = reportSheetPlan(doc);
  const texts = sheet.rows.map(firstCell);

  test("is the 通报 sheet, text without grid lines, printed on A4", () => {
    expect(sheet.name).toBe("通报");
    expect(sheet.showGridLines).toBe(false);
    expect(sheet.print?.paper).toBe("A4");
  });

  test("prints the same words as the other renderers, in order", () => {
    const expected = [
      doc.title,
      doc.recipients,
      ...doc.body.map((b) => INDENT + (b.kind === "heading" ? b.text : b.runs.map((r) => r.text).join(""))),
      "　　附件：1.未达到序时进度、逾期未完成和未报送任务明细表",
      "　　　　　2.已完成和达到序时进度任务明细表",
      "　　　　　3.各单位重点工作推进情况排名表",
      "市卫生健康委办公室",
      "2024年10月8日",
      "　　（示例数据）",
      "附件1",
      "未达到序时进度、逾期未完成和未报送任务明细表",
      "编号",
    ];
    const present = texts.filter((t): t is string => typeof t === "string");
    expect(present.slice(0, expected.length)).toEqual(expected);
  });

  test("text rows span the text block; tables use one column per field", () => {
    const columns = sheet.columns.length;
    expect(columns).toBe(11);
    const width = sheet.columns.slice(0, 6).reduce((sum, c) => sum + c.width, 0);
    expect(width).toBeGreaterThanOrEqual(79);
    expect(sheet.merges).toContain("A1:F1");
    const header = sheet.rows.find((r) => r.cells[0] === "编号");
    expect(header?.cells).toEqual(["编号", "任务", "目标", "完成情况", "状态", "责任单位"]);
    const ranking = sheet.rows.find((r) => r.cells[0] === "排名");
    expect(ranking?.cells).toHaveLength(11);
  });

  test("group rows span their table; long cells get taller rows", () => {
    const groupIndex = sheet.rows.findIndex((r) => r.cells[0] === "二、公卫");
    expect(sheet.merges).toContain(`A${groupIndex + 1}:F${groupIndex + 1}`);
    const short = sheet.rows.find((r) => r.cells[1] === "任务a");
    const long = sheet.rows.find((r) => r.cells[1] === "任务b");
    expect(long?.height ?? 0).toBeGreaterThan(short?.height ?? 0);
  });

  test("statuses are coloured by conditional formats over each table, not by fills", () => {
    expect(sheet.conditionalFormats).toHaveLength(3);
    const detail = sheet.conditionalFormats?.[0];
    const first = sheet.rows.findIndex((r) => r.cells[0] === "编号") + 2;
    expect(detail?.range.startsWith(`A${first}:F`)).toBe(true);
    expect(detail?.rules).toEqual([...statusRules(), ...alertRules()]);
    const filled = sheet.rows.filter((row) => row.style?.fill !== undefined).map(firstCell);
    expect(filled).toEqual(["编号", "编号", "排名"]);
  });
});
