import { asPeriod } from "../../../test/helpers/ledger";
import type { Ledger, ProgressEntry } from "../model";
import { buildLedger, ledgerOverExisting } from ".";
import { workPoints } from "../../../test/helpers/documents";

function ledgerOf(...args: Parameters<typeof buildLedger>): Ledger {
  const result = buildLedger(...args);
  if (!result.ok) throw new Error(result.message);
  return result.ledger;
}

const report = (rowId: string, period: string): ProgressEntry => ({
  rowId,
  period,
  actual: 3,
  progress: "已完成评审",
  problems: "",
  reportedBy: "市卫生健康委",
});

describe("ledgerOverExisting", () => {
  it("writes a fresh ledger into a workbook without one", () => {
    const fresh = ledgerOf([workPoints()], { period: asPeriod("2024-Q3") });
    const result = ledgerOverExisting(fresh, { ok: false, code: "not-a-ledger", message: "不是台账。" });
    expect(result).toEqual({ ok: true, ledger: fresh, keptReports: 0 });
  });

  it("keeps the workbook's reports and notes when the same documents are written again", () => {
    const fresh = ledgerOf([workPoints()], { period: asPeriod("2024-Q4") });
    const [first, second] = fresh.rows;
    const inWorkbook: Ledger = {
      ...ledgerOf([workPoints()], { period: asPeriod("2024-Q3") }),
      progress: [
        report(first!.id, "2024-Q2"),
        report(first!.id, "2024-Q3"),
        report("dropped-in-review", "2024-Q3"),
      ],
    };
    inWorkbook.rows = inWorkbook.rows.map((row) =>
      row.id === second!.id ? { ...row, note: "已调整口径" } : row,
    );
    const result = ledgerOverExisting(fresh, { ok: true, ledger: inWorkbook, diagnostics: [] });
    if (!result.ok) throw new Error(result.message);
    expect(result.keptReports).toBe(3);
    expect(result.replacesTitle).toBeUndefined();
    expect(result.ledger.progress).toEqual(inWorkbook.progress);
    expect(result.ledger.period.key).toBe("2024-Q4");
    expect(result.ledger.rows.find((row) => row.id === second!.id)?.note).toBe("已调整口径");
    expect(result.ledger.rows.filter((row) => row.note !== undefined)).toHaveLength(1);
  });

  it("replaces a different ledger and names it", () => {
    const fresh = ledgerOf([workPoints()], { period: asPeriod("2024-Q3") });
    const other = ledgerOf([{ ...workPoints(), id: "other", title: "另一份方案" }], {
      period: asPeriod("2024-Q3"),
    });
    const result = ledgerOverExisting(fresh, {
      ok: true,
      ledger: { ...other, progress: [report(other.rows[0]!.id, "2024-Q3")] },
      diagnostics: [],
    });
    expect(result).toEqual({ ok: true, ledger: fresh, keptReports: 0, replacesTitle: other.title });
  });

  it("leaves a ledger it cannot read whole alone", () => {
    const fresh = ledgerOf([workPoints()], { period: asPeriod("2024-Q3") });
    const result = ledgerOverExisting(fresh, {
      ok: false,
      code: "missing-column",
      message: "“进度填报”缺少“完成值”列。",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/缺少“完成值”列。.*未写入/);
  });
});
