import { asPeriod, ledgerOf, ledgerRow, progressEntry } from "../../../test/helpers/ledger";
import type { Ledger, LedgerRow, ProgressEntry } from "../model";
import { DEFAULT_STATUS_OPTIONS, PACE_RATE_WORD } from "../model";
import type { ReportInput } from "./build";
import { buildReport } from "./build";
import { INDENT, renderReportText } from "./text";
import type { ReportDoc } from "./types";

/** Faults a 督查科 reader found in the 通报, each pinned by the sentence that now reads right. */

const Q3 = asPeriod("2024-Q3");

function report(ledger: Ledger, input: Partial<ReportInput> = {}): ReportDoc {
  const result = buildReport(ledger, { period: Q3, date: "2024-10-08", ...input });
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

const text = (ledger: Ledger, input: Partial<ReportInput> = {}): string =>
  renderReportText(report(ledger, input));

/** A numeric row due at the year's end: 15 of 20 by 30 September is on schedule (序时 74.9%). */
function row(
  id: string,
  leadUnits: string[],
  coUnits: string[] = [],
  extra: Partial<LedgerRow> = {},
): LedgerRow {
  return ledgerRow({
    id,
    task: `任务${id}`,
    metric: `指标${id}`,
    op: ">=",
    target: 20,
    unit: "家",
    deadline: "2024-12-31",
    leadUnits,
    coUnits,
    ...extra,
  });
}

const sent = (rowId: string, actual: number, extra: Partial<ProgressEntry> = {}): ProgressEntry =>
  progressEntry({ rowId, period: "2024-Q3", actual, ...extra });

describe("未报送", () => {
  // Four rows, co-units on two of them; one report taken by phone names its unit, one names none.
  const rows = [
    row("1", ["甲局"], ["丁局", "戊局"]),
    row("2", ["乙局"], ["戊局"]),
    row("3", ["丙局"], ["丁局"]),
    row("4", ["甲局"]),
  ];

  it("names only the lead units of rows nobody reported, never a co-unit, with counts from the same rows", () => {
    const ledger = ledgerOf(rows, [sent("1", 15, { reportedBy: "甲局" }), sent("2", 15)]);
    const built = report(ledger);
    expect(built.figures.missingUnits).toEqual(["丙局", "甲局"]);
    const said = renderReportText(built).split("附件：")[0] ?? "";
    expect(said).toContain(
      "共2项任务本期未报送进展（详见附件1）。其中，丙局本期未报送任何进展（涉及任务1项）；甲局（缺报1项）报送不全。",
    );
    for (const co of ["丁局", "戊局"]) expect(said).not.toMatch(new RegExp(`${co}[^。]*未报送`));
    expect(said).not.toContain("乙局本期未报送");
    expect(built.figures.counts.groups.unreported).toBe(2);
  });

  it("a unit whose every row was reported is not missing, whoever typed the report", () => {
    const ledger = ledgerOf(rows, [
      sent("1", 15),
      sent("2", 15),
      sent("3", 15, { reportedBy: "丁局" }),
      sent("4", 15),
    ]);
    const built = report(ledger);
    expect(built.figures.missingUnits).toEqual([]);
    expect(renderReportText(built)).not.toContain("未按时报送");
  });
});

describe("ranking", () => {
  /** `n` rows led by `unit`, `onSchedule` of them at 15 of 20 and the rest at 5 of 20. */
  function unitRows(
    unit: string,
    n: number,
    onSchedule: number,
  ): { rows: LedgerRow[]; progress: ProgressEntry[] } {
    const rows = Array.from({ length: n }, (_, i) => row(`${unit}-${i}`, [unit]));
    return { rows, progress: rows.map((r, i) => sent(r.id, i < onSchedule ? 15 : 5)) };
  }
  function ledgerOfUnits(...units: [string, number, number][]): Ledger {
    const parts = units.map(([unit, n, on]) => unitRows(unit, n, on));
    return ledgerOf(
      parts.flatMap((p) => p.rows),
      parts.flatMap((p) => p.progress),
    );
  }

  it("names every unit tied for a place, states the rule and each unit's denominator", () => {
    const ledger = ledgerOfUnits(
      ["甲局", 3, 3],
      ["乙局", 3, 3],
      ["丙局", 4, 4],
      ["丁局", 5, 5],
      ["戊局", 4, 2],
    );
    const said = text(ledger);
    expect(said).toContain(
      `按各单位牵头任务的${PACE_RATE_WORD}（已完成和达到序时进度的任务占牵头任务的比例）排名，${PACE_RATE_WORD}相同的按完成率，仍相同的并列；牵头任务不足3项的单位不参与排名（详见附件3）。`,
    );
    // Four tied for first fill the places the sentence names; the fifth is in the attachment.
    expect(said).toContain(
      `丁局、丙局、甲局、乙局并列第1名（分别牵头5项、4项、3项、3项，${PACE_RATE_WORD}均为100.0%）。`,
    );
    expect(said).not.toContain("前3名");
    const ranks = report(ledger).figures.ranking.map((u) => [u.unit, u.rank, u.led]);
    expect(ranks).toEqual([
      ["丁局", 1, 5],
      ["丙局", 1, 4],
      ["甲局", 1, 3],
      ["乙局", 1, 3],
      ["戊局", 5, 4],
    ]);
  });

  it("a unit with one task on schedule does not outrank the unit with 22", () => {
    const ledger = ledgerOfUnits(["委机关", 22, 20], ["小单位", 1, 1]);
    const built = report(ledger);
    expect(built.figures.ranking).toEqual([
      { unit: "委机关", rank: 1, led: 22, onSchedule: 20 },
      { unit: "小单位", led: 1, onSchedule: 1 },
    ]);
    expect(renderReportText(built)).toContain(
      `参与排名的仅委机关（牵头22项，${PACE_RATE_WORD}90.9%）。另有1个单位牵头任务不足3项，未参与排名。`,
    );
    // The rule is a setting: at 1 every leading unit is ranked, and the sentence drops the exception.
    const everyone = text(ledger, { status: { ...DEFAULT_STATUS_OPTIONS, rankMinTasks: 1 } });
    expect(everyone).toContain("仍相同的并列（详见附件3）。小单位位列第1名（牵头1项");
  });
});

describe("wording an office would keep", () => {
  const rows = [
    row("1", ["甲局"]),
    row("2", ["甲局"]),
    row("3", ["乙局"], [], { task: "推进医联体建设", metric: "" }),
    row("4", ["乙局", "丙局", "丁局"], [], { task: "加强人才队伍建设", metric: "" }),
  ];
  const ledger = ledgerOf(rows, [
    progressEntry({ rowId: "1", period: "2024-Q2", actual: 5 }),
    sent("1", 20),
    sent("2", 15),
    sent("3", 5),
    sent("4", 5, { reportedBy: "丙局", problems: "专业人才引进困难" }),
  ]);
  const said = text(ledger);

  it("spells out no zero counts", () => {
    expect(said).not.toMatch(/(?<![\d.])0项/);
    const nothingDone = text(
      ledgerOf([row("x", ["甲局"]), row("y", ["乙局"])], [sent("x", 15), sent("y", 16)]),
    );
    expect(nothingDone).toContain("截至2024年9月30日，达到序时进度2项、占比100.0%。");
    expect(nothingDone).not.toMatch(/(?<![\d.])0项/);
    expect(said).toContain(
      "已完成1项、占比25.0%；达到序时进度1项、占比25.0%；未达到序时进度2项、占比50.0%。",
    );
  });

  it("states the 序时 threshold as a number and gives an overall judgement", () => {
    expect(said).toContain(
      "完成时限为2024年12月31日的任务截至2024年9月30日的序时进度为74.9%；完成率不低于序时进度的计为达到序时进度",
    );
    expect(said).toContain(
      "总体看，各项目标任务推进总体平稳，已完成和达到序时进度的任务占50.0%；但也存在个别任务进度滞后等问题",
    );
    const tolerant = text(ledger, { status: { ...DEFAULT_STATUS_OPTIONS, paceTolerance: 0.05 } });
    expect(tolerant).toContain("低于序时进度不超过5个百分点的也计为达到序时进度");
  });

  it("names each lagging unit's own tasks inline, not only how many", () => {
    const lines = said
      .split("\n")
      .filter((line) => new RegExp(`^${INDENT}\\d+\\.[甲乙丙丁]局：牵头`).test(line));
    expect(lines).toEqual([
      `${INDENT}1.乙局：牵头2项，${PACE_RATE_WORD}0.0%；“推进医联体建设”“加强人才队伍建设”进度滞后。`,
      `${INDENT}2.丙局：牵头1项，${PACE_RATE_WORD}0.0%；“加强人才队伍建设”进度滞后。`,
      `${INDENT}3.丁局：牵头1项，${PACE_RATE_WORD}0.0%；“加强人才队伍建设”进度滞后。`,
    ]);
  });

  it("a problem is said by the unit that sent it, not by every lead of the row", () => {
    expect(said).toContain("1.丙局反映（加强人才队伍建设）：专业人才引进困难。");
    expect(said).not.toContain("乙局、丙局、丁局反映");
  });

  it("gives the ranking figure one name", () => {
    const built = report(ledger);
    const everything = [
      renderReportText(built),
      ...built.attachments.flatMap((a) => a.table.columns.map((c) => c.header)),
    ].join("\n");
    expect(everything).toContain(PACE_RATE_WORD);
    for (const other of ["达标率", "序时完成率", "按时推进率"]) expect(everything).not.toContain(other);
  });

  it("counts a row that became 已完成 once: as newly complete, not also as caught up", () => {
    expect(said).toContain("与上季度相比，新增完成1项，新增未达到序时进度或逾期2项；");
    expect(said).not.toContain("由滞后转为按序时推进");
    expect(report(ledger).figures.change).toMatchObject({ newlyComplete: 1, caughtUp: 0 });
  });
});

describe("填报需核实", () => {
  it("a report of progress words alone is said to be that, not a status nobody chose", () => {
    const ledger = ledgerOf(
      [row("1", ["甲局"])],
      [progressEntry({ rowId: "1", period: "2024-Q3", progress: "已建成若干家" })],
    );
    const said = text(ledger);
    expect(said).toContain("只报了进展情况，未报完成值");
    expect(said).not.toContain("只报了状态“”");
  });
});
