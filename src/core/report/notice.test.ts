import { asPeriod, ledgerOf, ledgerRow, progressEntry } from "../../../test/helpers/ledger";
import type { Ledger } from "../model";
import { DEFAULT_ISSUER } from "../model";
import type { NoticeDoc, NoticeInput } from "./notice";
import { DEFAULT_NOTICE_DAYS, buildNotices, noticeTaskCells, noticesEarlierInYear } from "./notice";

const Q3 = asPeriod("2024-Q3");

// Q3 2024 ends on 30 September: 序时 for a task due at the year's end is 274/366 ≈ 74.9%.
function fixture(): Ledger {
  const rows = [
    ledgerRow({
      id: "r1",
      number: "1",
      task: "建设胸痛中心",
      metric: "胸痛中心",
      op: ">=",
      target: 20,
      unit: "家",
      deadline: "2024-12-31",
      leadUnits: ["医政处"],
      coUnits: ["财务处"],
    }),
    ledgerRow({
      id: "r2",
      number: "2",
      task: "出台疾控体系改革方案",
      metric: "",
      op: "milestone",
      deadline: "2024-06-30",
      leadUnits: ["疾控处", "医政处"],
    }),
    ledgerRow({
      id: "r3",
      number: "3",
      task: "建设示范社区卫生服务中心",
      metric: "示范中心",
      op: ">=",
      target: 10,
      unit: "家",
      deadline: "2024-12-31",
      leadUnits: ["疾控处"],
    }),
    ledgerRow({
      id: "r4",
      number: "4",
      task: "提高儿童健康管理率",
      metric: "儿童健康管理率",
      op: ">=",
      target: 90,
      unit: "%",
      deadline: "2024-12-31",
      leadUnits: ["妇幼处"],
      coUnits: ["医政处"],
    }),
    ledgerRow({
      id: "r5",
      number: "5",
      task: "开展妇幼健康专项行动",
      metric: "",
      op: "milestone",
      deadline: "2024-12-31",
      leadUnits: ["妇幼处"],
    }),
  ];
  const progress = [
    progressEntry({
      rowId: "r1",
      period: "2024-Q3",
      actual: 12,
      problems: "资金未到位。",
      reportedBy: "医政处",
    }),
    progressEntry({ rowId: "r2", period: "2024-Q3", status: "序时推进", progress: "起草中" }),
    progressEntry({ rowId: "r3", period: "2024-Q3", actual: 10 }),
    progressEntry({ rowId: "r4", period: "2024-Q3", actual: 60, problems: "人员不足", reportedBy: "医政处" }),
    progressEntry({ rowId: "r5", period: "2024-Q3", status: "未启动" }),
  ];
  return ledgerOf(rows, progress);
}

function notices(input: Partial<NoticeInput> = {}, ledger = fixture()): NoticeDoc[] {
  const built = buildNotices(ledger, { period: Q3, date: "2024-10-08", ...input });
  if (!built.ok) throw new Error(built.message);
  return built.notices;
}

describe("buildNotices", () => {
  test("one notice per lead unit with rows behind or overdue, worst first, numbered in that order", () => {
    const docs = notices();
    // 妇幼处 and 医政处 have none of their two rows on schedule (the tie goes by the ranking's order), 疾控处 one of two.
    expect(docs.map((d) => [d.unit, d.number])).toEqual([
      ["妇幼处", "督办〔2024〕第1号"],
      ["医政处", "督办〔2024〕第2号"],
      ["疾控处", "督办〔2024〕第3号"],
    ]);
    expect(docs.map((d) => d.sequence)).toEqual([1, 2, 3]);
    expect(docs[0]!.recipient).toBe("妇幼处：");
    expect(docs[0]!.title).toBe("督办通知单");
  });

  test("a row with two lead units is in each one's notice; a co-unit gets none for it and is named in the row", () => {
    const docs = notices();
    const byUnit = new Map(docs.map((d) => [d.unit, d]));
    expect(byUnit.get("医政处")!.tasks.map((t) => t.rowId)).toEqual(["r1", "r2"]);
    expect(byUnit.get("疾控处")!.tasks.map((t) => t.rowId)).toEqual(["r2"]);
    // 财务处 only assists r1; 医政处 assists r4 but gets its notice for its own rows only.
    expect(byUnit.has("财务处")).toBe(false);
    expect(byUnit.get("妇幼处")!.tasks.map((t) => t.rowId)).toEqual(["r4", "r5"]);
    expect(noticeTaskCells(byUnit.get("妇幼处")!.tasks[0]!)).toEqual([
      "4",
      "提高儿童健康管理率（配合单位：医政处）",
      "不低于90%\n完成60%",
      "2024年12月31日",
      "进度滞后",
    ]);
  });

  test("存在问题 says the status, the rate against 序时, the days overdue and what the unit reported", () => {
    const docs = notices();
    const yizheng = docs.find((d) => d.unit === "医政处")!;
    expect(yizheng.problems).toEqual([
      "1.胸痛中心：进度滞后，完成率60.0%，低于序时进度74.9%；你单位反映：资金未到位。",
      "2.出台疾控体系改革方案：逾期未完成，已超过完成时限100天。",
    ]);
    const fuyou = docs.find((d) => d.unit === "妇幼处")!;
    // A co-unit's words are said in its name.
    expect(fuyou.problems[0]).toBe(
      "1.儿童健康管理率：进度滞后，完成率66.7%，低于序时进度74.9%；医政处反映：人员不足。",
    );
    expect(fuyou.problems[1]).toBe("2.开展妇幼健康专项行动：尚未启动。");
  });

  test("the opening counts the groups present and never a zero", () => {
    const [fuyou, yizheng] = notices();
    expect(fuyou!.opening).toBe(
      "根据《测试工作要点》确定的目标任务和截至2024年9月底的推进情况，你单位牵头的任务中，未达到序时进度2项。现予督办，请抓紧整改。",
    );
    expect(yizheng!.opening).toContain("你单位牵头的任务中，未达到序时进度1项、逾期未完成1项。");
  });

  test("办理时限 is the date of issue plus ten calendar days unless told otherwise", () => {
    const [doc] = notices();
    expect(DEFAULT_NOTICE_DAYS).toBe(10);
    expect(doc!.replyBy).toBe("2024-10-18");
    expect(doc!.timeLimit).toBe("请于2024年10月18日前办理并反馈（自本通知印发之日起10日内）。");
    expect(notices({ dueInDays: 5 })[0]!.replyBy).toBe("2024-10-13");
    const [set] = notices({ replyBy: "2024-10-31" });
    expect(set!.timeLimit).toBe("请于2024年10月31日前办理并反馈（自本通知印发之日起23日内）。");
  });

  test("反馈要求 asks for 整改措施、完成时限、责任人 in writing, to the issuer", () => {
    const [doc] = notices({ issuer: "市卫生健康委督查科" });
    expect(doc!.feedback).toBe(
      "请你单位高度重视，认真分析滞后原因，于2024年10月18日前将上述任务的整改措施、完成时限、责任人书面报送市卫生健康委督查科；确实难以按期完成的，应说明原因。",
    );
    expect(doc!.issuer).toBe("市卫生健康委督查科");
  });

  test("the issuer comes from the caller, then 设置, and falls back to the default with a flag, never the document's", () => {
    const ledger = fixture();
    ledger.documents[0] = { ...ledger.documents[0]!, issuer: "市人民政府办公室" };
    const fallback = buildNotices(ledger, { period: Q3, date: "2024-10-08" });
    expect(fallback.ok && fallback.issuerIsDefault).toBe(true);
    expect(fallback.ok && fallback.notices.every((n) => n.issuer === DEFAULT_ISSUER)).toBe(true);
    const set = buildNotices(
      { ...ledger, reportSettings: { issuer: "市卫生健康委办公室" } },
      { period: Q3, date: "2024-10-08" },
    );
    expect(set.ok && !set.issuerIsDefault && set.notices[0]!.issuer).toBe("市卫生健康委办公室");
    const given = buildNotices(
      { ...ledger, reportSettings: { issuer: "市卫生健康委办公室" } },
      { period: Q3, date: "2024-10-08", issuer: "督查科" },
    );
    expect(given.ok && given.notices[0]!.issuer).toBe("督查科");
  });

  test("the numbers follow the period's year and the prefix; the same input numbers the same", () => {
    expect(notices({ numberPrefix: "卫健督" })[0]!.number).toBe("卫健督〔2024〕第1号");
    expect(notices()).toEqual(notices());
  });

  describe("numbers run through the year", () => {
    // Q2 ends on 30 June, 序时 182/366 ≈ 49.7%: 医政处 (2 of 20) and 疾控处 (1 of 10) lag; 妇幼处 does not.
    function withSecondQuarter(): Ledger {
      const ledger = fixture();
      ledger.progress.push(
        progressEntry({ rowId: "r1", period: "2024-Q2", actual: 2, reportedBy: "医政处" }),
        progressEntry({ rowId: "r3", period: "2024-Q2", actual: 1, reportedBy: "疾控处" }),
        progressEntry({ rowId: "r4", period: "2024-Q2", actual: 70, reportedBy: "妇幼处" }),
      );
      return ledger;
    }

    test("Q3's first number follows the notices Q2 gave", () => {
      const ledger = withSecondQuarter();
      const second = notices({ period: asPeriod("2024-Q2") }, ledger);
      expect(second.map((d) => [d.unit, d.number])).toEqual([
        ["疾控处", "督办〔2024〕第1号"],
        ["医政处", "督办〔2024〕第2号"],
      ]);
      expect(notices({}, ledger).map((d) => [d.unit, d.number, d.sequence])).toEqual([
        ["妇幼处", "督办〔2024〕第3号", 3],
        ["医政处", "督办〔2024〕第4号", 4],
        ["疾控处", "督办〔2024〕第5号", 5],
      ]);
    });

    test("a period with no reports gives no notices, and a new year starts again at 第1号", () => {
      const ledger = withSecondQuarter();
      expect(noticesEarlierInYear(ledger, asPeriod("2024-Q2"))).toBe(0);
      expect(noticesEarlierInYear(ledger, asPeriod("2024-Q4"))).toBe(5);
      expect(noticesEarlierInYear(ledger, asPeriod("2025-Q1"))).toBe(0);
    });

    test("an explicit first number wins over the count", () => {
      const docs = notices({ firstNumber: 12 }, withSecondQuarter());
      expect(docs.map((d) => d.number)).toEqual([
        "督办〔2024〕第12号",
        "督办〔2024〕第13号",
        "督办〔2024〕第14号",
      ]);
    });
  });

  test("nothing behind gives no notices; rows behind without a lead unit are counted", () => {
    const rows = [
      ledgerRow({ id: "a", op: ">=", target: 10, unit: "家", deadline: "2024-12-31" }),
      ledgerRow({ id: "b", op: ">=", target: 10, unit: "家", deadline: "2024-12-31", leadUnits: [] }),
    ];
    const built = buildNotices(
      ledgerOf(rows, [
        progressEntry({ rowId: "a", period: "2024-Q3", actual: 10 }),
        progressEntry({ rowId: "b", period: "2024-Q3", actual: 1 }),
      ]),
      { period: Q3, date: "2024-10-08" },
    );
    expect(built.ok && built.notices).toEqual([]);
    expect(built.ok && built.withoutLead).toBe(1);
  });

  test.each([
    [{ date: "10月8日" }, "invalid-date"],
    [{ dueInDays: 0 }, "invalid-days"],
    [{ dueInDays: 2.5 }, "invalid-days"],
    [{ replyBy: "2024-10-01" }, "invalid-reply-by"],
    [{ replyBy: "2024-13-01" }, "invalid-reply-by"],
    [{ firstNumber: 0 }, "invalid-first-number"],
    [{ firstNumber: 1.5 }, "invalid-first-number"],
  ] as const)("%j is refused as %s", (input, code) => {
    const built = buildNotices(fixture(), { period: Q3, date: "2024-10-08", ...input });
    expect(built.ok ? "ok" : built.code).toBe(code);
  });

  test("an empty ledger is refused", () => {
    const built = buildNotices(ledgerOf([], []), { period: Q3, date: "2024-10-08" });
    expect(built.ok ? "ok" : built.code).toBe("empty-ledger");
  });
});
