import { ledgerOf, ledgerRow, progressEntry, asPeriod } from "../../../test/helpers/ledger";
import type { Ledger } from "../model";
import { ALERT_COLOURS, DEFAULT_ISSUER, DEFAULT_STATUS_OPTIONS, PACE_RATE_WORD } from "../model";
import type { ReportInput } from "./build";
import { buildReport } from "./build";
import { renderReportText } from "./text";
import type { ReportDoc, ReportTable } from "./types";

/** The fixture's units lead one or two rows each: below the default minimum for a rank. */
const rankEveryUnit = { ...DEFAULT_STATUS_OPTIONS, rankMinTasks: 1 };

// Q3 2024 ends on 30 September: 序时 for a task due at the year's end is 274/366 ≈ 74.9%.
function fixture(): Ledger {
  const rows = [
    ledgerRow({
      id: "r1",
      section: "一、医疗服务",
      task: "建设胸痛中心",
      metric: "胸痛中心",
      op: ">=",
      target: 20,
      unit: "家",
      deadline: "2024-12-31",
      leadUnits: ["医政处"],
    }),
    ledgerRow({
      id: "r2",
      section: "一、医疗服务",
      task: "建设卒中中心",
      metric: "卒中中心",
      op: ">=",
      target: 20,
      unit: "家",
      deadline: "2024-12-31",
      leadUnits: ["医政处"],
    }),
    ledgerRow({
      id: "r3",
      section: "一、医疗服务",
      task: "建设示范社区卫生服务中心",
      metric: "示范中心",
      op: ">=",
      target: 20,
      unit: "家",
      deadline: "2024-12-31",
      leadUnits: ["疾控处"],
    }),
    ledgerRow({
      id: "r4",
      section: "二、公共卫生",
      task: "出台疾控体系改革方案",
      metric: "",
      op: "milestone",
      deadline: "2024-06-30",
      leadUnits: ["疾控处"],
    }),
    ledgerRow({
      id: "r5",
      section: "二、公共卫生",
      task: "提高儿童健康管理率",
      metric: "儿童健康管理率",
      op: ">=",
      target: 90,
      unit: "%",
      deadline: "2024-12-31",
      leadUnits: ["妇幼处"],
    }),
    ledgerRow({
      id: "r6",
      section: "二、公共卫生",
      task: "控制孕产妇死亡率",
      metric: "孕产妇死亡率",
      op: "<=",
      target: 10,
      unit: "/10万",
      deadline: "2024-12-31",
      leadUnits: ["基层处"],
    }),
    ledgerRow({
      id: "r7",
      section: "二、公共卫生",
      task: "建设紧密型县域医共体",
      metric: "医共体",
      op: ">=",
      target: 5,
      unit: "个",
      deadline: "2024-12-31",
      leadUnits: ["基层处"],
      coUnits: ["医政处"],
    }),
    ledgerRow({
      id: "r8",
      section: "二、公共卫生",
      task: "推广中医适宜技术",
      metric: "",
      op: "milestone",
      deadline: "2024-12-31",
      leadUnits: ["中医处"],
    }),
  ];
  const q2 = [
    progressEntry({ rowId: "r1", period: "2024-Q2", actual: 10 }),
    progressEntry({ rowId: "r2", period: "2024-Q2", actual: 10 }),
    progressEntry({ rowId: "r3", period: "2024-Q2", actual: 12 }),
    progressEntry({ rowId: "r7", period: "2024-Q2", actual: 1 }),
  ];
  const q3 = [
    progressEntry({ rowId: "r1", period: "2024-Q3", actual: 20 }),
    progressEntry({ rowId: "r2", period: "2024-Q3", actual: 16 }),
    progressEntry({ rowId: "r3", period: "2024-Q3", actual: 12, problems: "用地审批未完成。" }),
    progressEntry({ rowId: "r4", period: "2024-Q3", status: "序时推进", progress: "方案已起草" }),
    progressEntry({ rowId: "r6", period: "2024-Q3", actual: 8 }),
    progressEntry({ rowId: "r7", period: "2024-Q3", actual: 0 }),
  ];
  const ledger = ledgerOf(rows, [...q2, ...q3]);
  ledger.documents = [
    { id: "doc", title: "2024年全市卫生健康工作要点", year: 2024, issuer: "市卫生健康委员会" },
  ];
  return ledger;
}

function build(input: Partial<ReportInput> = {}, ledger = fixture()): ReportDoc {
  const result = buildReport(ledger, { period: asPeriod("2024-Q3"), date: "2024-10-08", ...input });
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

function bodyText(report: ReportDoc): string {
  return renderReportText(report);
}

describe("buildReport", () => {
  test("titles name the period and the scope", () => {
    expect(build().title).toBe("关于2024年第三季度重点工作推进情况的通报");
    expect(build({ scope: "全市卫生健康" }).title).toBe(
      "关于2024年第三季度全市卫生健康重点工作推进情况的通报",
    );
    expect(build({ period: asPeriod("2024-11") }).title).toBe("关于2024年1-11月份重点工作推进情况的通报");
  });

  test("the opening names the source document and ends with the fixed formula", () => {
    const opening = bodyText(build()).split("\n")[3] ?? "";
    expect(opening).toContain("《2024年全市卫生健康工作要点》");
    expect(opening).toContain("截至2024年9月底");
    expect(opening.endsWith("现将有关情况通报如下：")).toBe(true);
    expect(bodyText(build({ opening: "根据市委督查工作安排" }))).toContain(
      "根据市委督查工作安排。现将有关情况通报如下：",
    );
  });

  test("the four parts come in order", () => {
    const headings = build()
      .body.filter((b) => b.kind === "heading")
      .map((b) => (b.kind === "heading" ? b.text : ""));
    expect(headings).toEqual(["一、总体情况", "二、各单位推进情况", "三、存在问题", "四、下步工作要求"]);
  });

  test("总体情况 gives counts and one-decimal shares that match the roll-up", () => {
    const report = build();
    expect(report.figures.counts).toEqual({
      total: 8,
      已完成: 2,
      序时推进: 1,
      进度滞后: 1,
      逾期未完成: 1,
      未启动: 1,
      未报送: 2,
      groups: { complete: 2, onPace: 1, behind: 2, overdue: 1, unreported: 2 },
    });
    const text = bodyText(report);
    expect(text).toContain("列入本次通报的目标任务共8项。");
    expect(text).toContain("已完成2项、占比25.0%；达到序时进度1项、占比12.5%");
    expect(text).toContain(
      "未达到序时进度2项、占比25.0%（其中未启动1项）；逾期未完成1项、占比12.5%；未报送2项、占比25.0%。",
    );
  });

  test("change since the previous period", () => {
    const report = build();
    expect(report.figures.change).toEqual({
      previousPeriod: asPeriod("2024-Q2"),
      newlyComplete: 2,
      newlyBehind: 2,
      caughtUp: 0,
    });
    expect(bodyText(report)).toContain(
      "与上季度相比，新增完成2项，新增未达到序时进度或逾期2项；已完成和达到序时进度的任务占比与上季度持平（37.5%）。",
    );
    const withoutHistory = fixture();
    withoutHistory.progress = withoutHistory.progress.filter((e) => e.period === "2024-Q3");
    expect(bodyText(build({}, withoutHistory))).not.toContain("与上季度相比");
  });

  test("a monthly report names the months and compares with the month before", () => {
    const ledger = ledgerOf(
      [ledgerRow({ id: "m", op: ">=", target: 12, unit: "个" })],
      [
        progressEntry({ rowId: "m", period: "2024-08", actual: 8 }),
        progressEntry({ rowId: "m", period: "2024-09", actual: 12 }),
      ],
    );
    ledger.periodKind = "month";
    const text = bodyText(build({ period: asPeriod("2024-09") }, ledger));
    expect(text).toContain("关于2024年1-9月份重点工作推进情况的通报");
    expect(text).toContain("截至2024年9月底");
    expect(text).toContain("与上月相比，新增完成1项；已完成和达到序时进度的任务占比与上月持平（100.0%）。");
  });

  test("units: commended, and those behind named worst first with their own tasks", () => {
    const report = build();
    expect(report.figures.commendedUnits).toEqual(["医政处"]);
    expect(report.figures.namedUnits).toEqual(["疾控处", "基层处"]);
    const text = bodyText(report);
    expect(text).toContain("医政处牵头的2项任务全部完成或达到序时进度。");
    expect(text).not.toContain("予以通报表扬");
    expect(text).toContain(
      "1.疾控处：牵头2项，序时推进率0.0%；“建设示范社区卫生服务中心”进度滞后，“出台疾控体系改革方案”逾期未完成。",
    );
    expect(text).toContain("2.基层处：牵头2项，序时推进率50.0%；“建设紧密型县域医共体”尚未启动。");
    expect(bodyText(build({ praise: true }))).toContain("全部完成或达到序时进度，予以通报表扬。");
  });

  test("存在问题 quotes targets back and names the lead units that did not report", () => {
    const report = build();
    const text = bodyText(report);
    expect(text).toContain(
      "建设示范社区卫生服务中心：示范中心（目标：不少于20家，完成12家），牵头单位：疾控处。",
    );
    expect(text).toContain("建设紧密型县域医共体（目标：不少于5个，完成0个），尚未启动，牵头单位：基层处。");
    expect(text).toContain("出台疾控体系改革方案（时限：2024年6月30日），牵头单位：疾控处。");
    expect(report.figures.missingUnits).toEqual(["妇幼处", "中医处"]);
    expect(text).toContain(
      "共2项任务本期未报送进展（详见附件1）。其中，妇幼处、中医处等2个单位本期未报送任何进展（涉及任务2项）。",
    );
    expect(text).toContain("疾控处反映（建设示范社区卫生服务中心）：用地审批未完成。");
  });

  test("a single unit with something on schedule is the only place named", () => {
    const ledger = fixture();
    ledger.progress = ledger.progress.filter((e) => e.rowId !== "r2" && e.rowId !== "r6");
    expect(bodyText(build({ status: rankEveryUnit }, ledger))).toContain(
      "（详见附件3）。医政处位列第1名（牵头2项，序时推进率50.0%）。",
    );
  });

  test("a row without a lead unit says so", () => {
    const ledger = fixture();
    ledger.rows = ledger.rows.map((row) => (row.id === "r3" ? { ...row, leadUnits: [] } : row));
    const text = bodyText(build({}, ledger));
    expect(text).toContain("（目标：不少于20家，完成12家），牵头单位未明确。");
    expect(text).toContain("1.牵头单位反映（建设示范社区卫生服务中心）：用地审批未完成。");
  });

  test("long lists stop at the limit and point to the attachment", () => {
    const text = bodyText(build({ listLimit: 1 }));
    expect(text).toContain("另有1项（详见附件1）。");
    expect(text).toContain("另有1个单位（详见附件3）。");
  });

  test("下步工作要求 is numbered 一是…；二是…。 and can be replaced", () => {
    const defaults = bodyText(build({ issuer: "市卫生健康委办公室" }));
    expect(defaults).toMatch(/一是[^；]+；二是[^；]+；三是[^；]*市卫生健康委办公室将对[^；]+。\n/);
    const custom = bodyText(build({ requirements: ["抓好整改。", "按时报送"] }));
    expect(custom).toContain("一是抓好整改；二是按时报送。");
  });

  test("落款 is the office's setting, never the policy document's issuer; the date has no leading zeros", () => {
    const result = buildReport(fixture(), { period: asPeriod("2024-Q3"), date: "2024-10-08" });
    if (!result.ok) throw new Error(result.message);
    expect(result.issuerIsDefault).toBe(true);
    expect(result.report.issuer).toBe(DEFAULT_ISSUER);
    const text = bodyText(result.report);
    expect(text).not.toContain("市卫生健康委员会");
    expect(text).toContain(`${DEFAULT_ISSUER}对截至2024年9月底各项目标任务推进情况进行了调度`);
    expect(text).toContain(`\n${DEFAULT_ISSUER}\n2024年10月8日\n`);

    const set = fixture();
    set.reportSettings = { issuer: "市卫生健康委办公室", recipients: "委机关各处室", scope: "全市卫生健康" };
    const fromSettings = buildReport(set, { period: asPeriod("2024-Q3"), date: "2024-10-08" });
    if (!fromSettings.ok) throw new Error(fromSettings.message);
    expect(fromSettings.issuerIsDefault).toBe(false);
    expect(fromSettings.report.issuer).toBe("市卫生健康委办公室");
    expect(fromSettings.report.recipients).toBe("委机关各处室：");
    expect(fromSettings.report.title).toBe("关于2024年第三季度全市卫生健康重点工作推进情况的通报");
    expect(build({ issuer: "委督查室" }, set).issuer).toBe("委督查室");
  });

  test("a 附注 is printed in brackets under the date", () => {
    expect(build().note).toBeUndefined();
    expect(bodyText(build({ note: "本通报由示例数据生成" }))).toContain(
      "\n2024年10月8日\n　　（本通报由示例数据生成）\n",
    );
  });

  test("the attachments: rows behind apart from rows on schedule, grouped by 篇章; then the ranking", () => {
    const [attention, meets, ranking] = build().attachments;
    expect(attention?.title).toBe("未达到序时进度、逾期未完成和未报送任务明细表");
    expect(meets?.title).toBe("已完成和达到序时进度任务明细表");
    expect(attention?.table.columns.map((c) => c.header)).toEqual([
      "编号",
      "任务",
      "目标",
      "完成情况",
      "状态",
      "责任单位",
    ]);
    const ids = (table: ReportTable | undefined): string[] =>
      (table?.rows ?? []).flatMap((r) => (r.kind === "row" ? [r.cells[0] ?? ""] : [`[${r.text}]`]));
    expect(ids(attention?.table)).toEqual(["[一、医疗服务]", "r3", "[二、公共卫生]", "r4", "r5", "r7", "r8"]);
    expect(ids(meets?.table)).toEqual(["[一、医疗服务]", "r1", "r2", "[二、公共卫生]", "r6"]);
    const r3 = attention?.table.rows.find((r) => r.kind === "row" && r.cells[0] === "r3");
    expect(r3?.kind === "row" ? r3.cells : []).toEqual([
      "r3",
      "建设示范社区卫生服务中心",
      "示范中心不少于20家；时限：2024年12月31日",
      "完成12家（完成率60.0%）。",
      "进度滞后",
      "疾控处",
    ]);
    // The status cell carries the 预警 colour.
    expect(r3?.kind === "row" ? r3.shades?.[4] : undefined).toEqual(ALERT_COLOURS["红"]);
    const r7 = attention?.table.rows.find((r) => r.kind === "row" && r.cells[0] === "r7");
    expect(r7?.kind === "row" ? r7.cells[5] : "").toBe("基层处；配合：医政处");
    const rankingRows = (report: ReportDoc): string[][] =>
      (report.attachments.at(-1)?.table.rows ?? []).map((r) =>
        r.kind === "row" ? [r.cells[0] ?? "", r.cells[1] ?? "", r.cells[2] ?? "", r.cells[9] ?? ""] : [],
      );
    expect(ranking?.table.columns[9]?.header).toBe(PACE_RATE_WORD);
    expect(rankingRows(build({ status: rankEveryUnit }))).toEqual([
      ["1", "医政处", "2", "100.0%"],
      ["2", "基层处", "2", "50.0%"],
      ["3", "疾控处", "2", "0.0%"],
      ["3", "妇幼处", "1", "0.0%"],
      ["3", "中医处", "1", "0.0%"],
    ]);
    // Units leading fewer rows than the setting are listed, unranked.
    expect(rankingRows(build()).map((r) => r[0])).toEqual(["—", "—", "—", "—", "—"]);
    expect(bodyText(build())).toContain(
      "　　附件：1.未达到序时进度、逾期未完成和未报送任务明细表\n　　　　　2.已完成和达到序时进度任务明细表\n　　　　　3.各单位重点工作推进情况排名表\n",
    );
  });

  test("problems with the input come back as data", () => {
    expect(buildReport(fixture(), { period: asPeriod("2024-Q3"), date: "2024-10-32" })).toMatchObject({
      ok: false,
      code: "invalid-date",
    });
    expect(buildReport(ledgerOf([], []), { period: asPeriod("2024-Q3"), date: "2024-10-08" })).toMatchObject({
      ok: false,
      code: "empty-ledger",
    });
  });

  test("a period with every task on schedule says so instead of listing problems", () => {
    const ledger = ledgerOf(
      [ledgerRow({ id: "a", op: ">=", target: 1 })],
      [progressEntry({ rowId: "a", period: "2024-Q1", actual: 1 })],
    );
    expect(bodyText(build({ period: asPeriod("2024-Q1") }, ledger))).toContain(
      "未发现进度滞后、逾期未完成和未报送的情况",
    );
  });
});

test("numbered leads are marked for bold print, second-level headings for 楷体", () => {
  const runs = build().body.flatMap((b) => (b.kind === "paragraph" ? b.runs : []));
  expect(runs.filter((r) => r.role === "item").map((r) => r.text)).toContain("1.疾控处：");
  expect(runs.filter((r) => r.role === "subheading").map((r) => r.text)).toContain("（一）总体排名。");
  expect(build().titleLines).toEqual(["关于2024年第三季度", "重点工作推进情况的通报"]);
});

test("the overview and the section lines count 未达到序时进度 alike when a row is overdue", () => {
  const ledger = ledgerOf(
    [
      ledgerRow({ id: "late", section: "一、医疗服务", op: "milestone", deadline: "2024-06-30" }),
      ledgerRow({ id: "done", section: "二、公共卫生", op: ">=", target: 1 }),
    ],
    [
      progressEntry({ rowId: "late", period: "2024-Q3", progress: "推进中" }),
      progressEntry({ rowId: "done", period: "2024-Q3", actual: 1 }),
    ],
  );
  const text = bodyText(build({ period: asPeriod("2024-Q3") }, ledger));
  expect(text).toContain("已完成1项、占比50.0%；逾期未完成1项、占比50.0%。");
  // The section line names the overdue row as overdue, not as 未达到序时进度.
  expect(text).toContain("“医疗服务”1项，逾期未完成1项；“公共卫生”1项，已完成1项。");
  expect(text).not.toMatch(/“医疗服务”1项[^；。]*未达到序时进度/);
});
