import { ledgerOf, ledgerRow, progressEntry, asPeriod } from "../../../test/helpers/ledger";
import type { Ledger, ProgressEntry } from "../model";
import { buildReport, renderReportText } from "../report";
import { unitsKnownWithoutReport } from "./merge";

function ledgerWith(progress: ProgressEntry[]): Ledger {
  return {
    ...ledgerOf(
      [
        ledgerRow({ id: "r1", leadUnits: ["甲局"], target: 10 }),
        ledgerRow({ id: "r2", leadUnits: ["乙局", "丙局"], coUnits: ["丁局"], target: 10 }),
        ledgerRow({ id: "r3", leadUnits: ["戊局"], target: 10 }),
      ],
      progress,
    ),
    period: asPeriod("2024-Q3"),
  };
}

function missingSentence(ledger: Ledger, unitsWithoutReport?: readonly string[]): string {
  const built = buildReport(ledger, {
    period: asPeriod("2024-Q3"),
    date: "2024-10-08",
    ...(unitsWithoutReport && { unitsWithoutReport }),
  });
  if (!built.ok) throw new Error(built.message);
  return /部分单位未按时报送。(.*)/.exec(renderReportText(built.report))?.[1] ?? "";
}

describe("the 通报's 未报送 with what the merge knows", () => {
  const merged = ledgerWith([
    progressEntry({ rowId: "r1", period: "2024-Q3", actual: 8, reportedBy: "甲局" }),
    progressEntry({ rowId: "r2", period: "2024-Q3", actual: 8, reportedBy: "乙局" }),
  ]);

  it("knows the units that sent nothing only when reports name their units", () => {
    expect(unitsKnownWithoutReport(merged, asPeriod("2024-q3"))).toEqual(["丙局", "丁局", "戊局"]);
    const typedByHand = ledgerWith([
      progressEntry({ rowId: "r1", period: "2024-Q3", actual: 8, reportedBy: "" }),
    ]);
    expect(unitsKnownWithoutReport(typedByHand, asPeriod("2024-Q3"))).toBeUndefined();
  });

  it("names the lead units of tasks nobody reported first, then the other units that sent nothing", () => {
    expect(missingSentence(merged)).toBe("戊局未按要求报送，涉及任务1项。");
    expect(missingSentence(merged, unitsKnownWithoutReport(merged, asPeriod("2024-Q3")))).toBe(
      "戊局、丙局、丁局等单位未按要求报送，涉及任务1项。",
    );
  });

  it("names units that sent nothing even when every task was reported by someone", () => {
    const covered = ledgerWith([
      ...merged.progress,
      progressEntry({ rowId: "r3", period: "2024-Q3", actual: 8, reportedBy: "戊局" }),
    ]);
    expect(missingSentence(covered)).toBe("");
    expect(missingSentence(covered, unitsKnownWithoutReport(covered, asPeriod("2024-Q3")))).toBe(
      "丙局、丁局等单位未按要求报送。",
    );
  });
});
