import { asPeriod, ledgerOf, ledgerRow, progressEntry } from "../../../test/helpers/ledger";
import type { Ledger } from "../model";
import { DEFAULT_STATUS_OPTIONS } from "../model";
import type { RemindInput, ReminderList } from "./remind";
import {
  REMIND_SHEET_NAME,
  buildReminders,
  remindSheetPlan,
  remindWorkbookPlan,
  reminderText,
  remindersFor,
  renderRemindersText,
} from "./remind";

// Judged at the end of Q3 2024; reminders counted from 8 October.
function fixture(): Ledger {
  const rows = [
    ledgerRow({
      id: "soon",
      number: "1",
      task: "建设胸痛中心",
      metric: "胸痛中心",
      op: ">=",
      target: 20,
      unit: "家",
      deadline: "2024-10-15",
      leadUnits: ["医政处"],
      coUnits: ["财务处"],
    }),
    ledgerRow({
      id: "later",
      number: "2",
      task: "建设卒中中心",
      metric: "卒中中心",
      op: ">=",
      target: 20,
      unit: "家",
      deadline: "2024-10-20",
      leadUnits: ["医政处"],
    }),
    ledgerRow({
      id: "far",
      number: "3",
      task: "建设创伤中心",
      metric: "创伤中心",
      op: ">=",
      target: 20,
      unit: "家",
      deadline: "2024-12-31",
      leadUnits: ["医政处"],
    }),
    ledgerRow({
      id: "done",
      number: "4",
      task: "出台改革方案",
      metric: "",
      op: "milestone",
      deadline: "2024-10-10",
      leadUnits: ["疾控处"],
    }),
    ledgerRow({
      id: "late",
      number: "5",
      task: "出台疾控体系改革方案",
      metric: "",
      op: "milestone",
      deadline: "2024-06-30",
      leadUnits: ["疾控处"],
    }),
    ledgerRow({
      id: "today",
      number: "6",
      task: "开展专项行动",
      metric: "",
      op: "milestone",
      deadline: "2024-10-08",
      leadUnits: [],
    }),
  ];
  const progress = [
    progressEntry({ rowId: "soon", period: "2024-Q3", actual: 12 }),
    progressEntry({ rowId: "done", period: "2024-Q3", status: "已完成" }),
    progressEntry({ rowId: "late", period: "2024-Q3", status: "序时推进" }),
  ];
  return {
    ...ledgerOf(rows, progress),
    period: asPeriod("2024-Q3"),
    statusOptions: DEFAULT_STATUS_OPTIONS,
  };
}

function reminders(input: Partial<RemindInput> = {}, ledger = fixture()): ReminderList {
  const built = buildReminders(ledger, { date: "2024-10-08", ...input });
  if (!built.ok) throw new Error(built.message);
  return built.reminders;
}

describe("buildReminders", () => {
  test("rows not complete due within 临期提醒天数 of the date, per unit, co-units too; overdue apart", () => {
    const list = reminders();
    expect(list.days).toBe(DEFAULT_STATUS_OPTIONS.dueSoonDays);
    expect(list.until).toBe("2024-10-23");
    const units = list.units.map((g) => ({
      unit: g.unit,
      dueSoon: g.dueSoon.map((i) => [i.row.id, i.role, i.daysLeft]),
      overdue: g.overdue.map((i) => [i.row.id, i.daysLeft]),
    }));
    // 医政处's first deadline is the soonest; 疾控处 has only an overdue row; 已完成 and far-off rows are out.
    expect(units).toEqual([
      {
        unit: "医政处",
        dueSoon: [
          ["soon", "牵头", 7],
          ["later", "牵头", 12],
        ],
        overdue: [],
      },
      { unit: "财务处", dueSoon: [["soon", "配合", 7]], overdue: [] },
      { unit: "疾控处", dueSoon: [], overdue: [["late", -100]] },
    ]);
    expect(list.withoutLead.map((i) => i.row.id)).toEqual(["today"]);
  });

  test("the window is a setting: the 设置 sheet's, or the caller's", () => {
    const ledger = fixture();
    const narrow = reminders({}, { ...ledger, statusOptions: { ...DEFAULT_STATUS_OPTIONS, dueSoonDays: 7 } });
    expect(narrow.units[0]!.dueSoon.map((i) => i.row.id)).toEqual(["soon"]);
    const wide = reminders({ days: 90 });
    expect(wide.units[0]!.dueSoon.map((i) => i.row.id)).toEqual(["soon", "later", "far"]);
  });

  test("each unit's message: what falls due and when, what is overdue, by when to report; no zero counts", () => {
    const list = reminders();
    expect(reminderText(list.units[0]!, list)).toBe(
      [
        "【催办】医政处：",
        "你单位牵头的以下2项任务将于2024年10月15日至2024年10月20日陆续到期，目前尚未完成：",
        "1.建设胸痛中心（目标：不少于20家，完成12家），时限2024年10月15日，剩余7天，当前状态：进度滞后；",
        "2.建设卒中中心（目标：不少于20家），时限2024年10月20日，剩余12天，当前状态：未报送。",
        "请于2024年10月11日前报送进展。",
        "",
      ].join("\n"),
    );
    expect(reminderText(list.units[1]!, list)).toContain(
      "你单位配合的以下1项任务将于2024年10月15日到期，目前尚未完成：",
    );
    const late = reminderText(list.units[2]!, list);
    expect(late).toContain(
      "你单位牵头的以下1项任务已超过完成时限，仍未完成：\n1.出台疾控体系改革方案，时限2024年6月30日，已逾期100天，当前状态：逾期未完成。",
    );
    expect(late).not.toContain("到期，");
    expect(renderRemindersText(list)).not.toMatch(/(^|[^\d])0项/);
    expect(renderRemindersText(list).split("【催办】")).toHaveLength(4);
  });

  test("one unit's list, and the date to report by", () => {
    const list = remindersFor(reminders({ replyBy: "2024-10-12" }), "疾控处");
    expect(list.units.map((g) => g.unit)).toEqual(["疾控处"]);
    expect(renderRemindersText(list)).toContain("请于2024年10月12日前报送进展。");
  });

  test.each([
    [{ date: "2024/10/08" }, "invalid-date"],
    [{ days: -1 }, "invalid-days"],
    [{ replyBy: "2024-10-01" }, "invalid-reply-by"],
  ] as const)("%j is refused as %s", (input, code) => {
    const built = buildReminders(fixture(), { date: "2024-10-08", ...input });
    expect(built.ok ? "ok" : built.code).toBe(code);
  });
});

describe("remindSheetPlan", () => {
  test("the 催办清单: the due rows, then the overdue ones under their own label, with the eight columns", () => {
    const plan = remindSheetPlan(reminders());
    expect(plan.name).toBe(REMIND_SHEET_NAME);
    expect(plan.columns.map((c) => c.header)).toEqual([
      "单位",
      "编号",
      "任务",
      "目标",
      "时限",
      "剩余天数",
      "当前状态",
      "牵头/配合",
    ]);
    const firstCells = plan.rows.map((r) => r.cells[0]);
    expect(firstCells[0]).toBe("催办清单");
    expect(firstCells).toContain("一、临近完成时限（15日内到期）（3项）");
    expect(firstCells).toContain("二、已超过完成时限仍未完成（1项）");
    const soon = plan.rows.find((r) => r.cells[1] === "1" && r.cells[0] === "医政处")!;
    expect(soon.cells).toEqual([
      "医政处",
      "1",
      "建设胸痛中心",
      "不少于20家",
      { kind: "date", iso: "2024-10-15" },
      7,
      "进度滞后",
      "牵头",
    ]);
    const late = plan.rows.find((r) => r.cells[1] === "5")!;
    expect(late.cells[5]).toBe(-100);
    expect(late.cells[3]).toBe("按时限完成");
    // The status column is coloured in both parts.
    expect(plan.conditionalFormats).toHaveLength(2);
    expect(plan.conditionalFormats!.every((f) => f.range.startsWith("G"))).toBe(true);
  });

  test("a part with no rows is left out, and the workbook holds the sheet alone", () => {
    const list = reminders({ days: 0 });
    const plan = remindSheetPlan({ ...list, units: list.units.filter((g) => g.overdue.length > 0) });
    const labels = plan.rows
      .map((r) => r.cells[0])
      .filter((c) => typeof c === "string" && /^[一二]、/.test(c));
    expect(labels).toEqual(["一、已超过完成时限仍未完成（1项）"]);
    expect(remindWorkbookPlan(list).sheets.map((s) => s.name)).toEqual([REMIND_SHEET_NAME]);
  });
});
