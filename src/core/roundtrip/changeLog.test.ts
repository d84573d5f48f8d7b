import { ledgerOf, ledgerRow, asPeriod } from "../../../test/helpers/ledger";
import { buildWorkbookPlan } from "../sheets";
import type { ChangeRecord } from "./changeLog";
import { CHANGE_LOG_SHEET, beijingTimestamp, changeLogSheet, withChangeLog } from "./changeLog";

const record = (item: string): ChangeRecord => ({
  at: "2024-10-08T09:00:00+08:00",
  fileName: "填报-2024年第三季度-甲局.xlsx",
  unit: "甲局",
  rowId: "r1",
  number: "1",
  item,
  field: "完成值",
  old: "",
  new: "8",
});

describe("变更记录", () => {
  it("shows Beijing time and gives long rows the height their wrapped text needs", () => {
    expect(beijingTimestamp(new Date("2024-10-08T01:00:00Z"))).toBe("2024-10-08T09:00:00+08:00");
    const sheet = changeLogSheet([record("短"), record("很长的任务名称".repeat(10))]);
    expect(sheet.rows[1]?.cells[0]).toBe("2024-10-08 09:00");
    expect(sheet.rows[2]?.height ?? 0).toBeGreaterThan(sheet.rows[1]?.height ?? 0);
  });

  it("goes into the ledger workbook before the hidden _duban, once, and only when there are changes", () => {
    const plan = buildWorkbookPlan({
      ...ledgerOf([ledgerRow({ id: "r1" })], []),
      period: asPeriod("2024-Q3"),
    });
    expect(withChangeLog(plan, [])).toBe(plan);
    const once = withChangeLog(plan, [record("任务")]);
    const twice = withChangeLog(once, [record("任务"), record("任务")]);
    expect(twice.sheets.map((s) => s.name).slice(-2)).toEqual([CHANGE_LOG_SHEET, "_duban"]);
    expect(twice.sheets.filter((s) => s.name === CHANGE_LOG_SHEET)).toHaveLength(1);
    expect(twice.sheets.find((s) => s.name === CHANGE_LOG_SHEET)?.rows).toHaveLength(3);
  });
});
