import { ledgerOf, ledgerRow, asPeriod } from "../../../test/helpers/ledger";
import { assessLedger } from "./assess";
import { countStatuses } from "./rollup";
import { SAMPLE_LABEL, sampleProgress } from "./sample";

const rows = Array.from({ length: 200 }, (_, i) =>
  ledgerRow({
    id: `r${i}`,
    op: i % 5 === 0 ? "milestone" : i % 7 === 0 ? "<=" : ">=",
    target: i % 4 === 0 ? 90 : 20,
    unit: i % 4 === 0 ? "%" : "家",
  }),
);

describe("sampleProgress", () => {
  const ledger = ledgerOf(rows, []);

  test("is deterministic for a seed and differs between seeds", () => {
    expect(sampleProgress(ledger, asPeriod("2024-Q3"), 7)).toEqual(
      sampleProgress(ledger, asPeriod("2024-Q3"), 7),
    );
    expect(sampleProgress(ledger, asPeriod("2024-Q3"), 7)).not.toEqual(
      sampleProgress(ledger, asPeriod("2024-Q3"), 8),
    );
  });

  test("labels every entry as sample data and keeps a history of periods", () => {
    const entries = sampleProgress(ledger, asPeriod("2024-Q3"), 7) ?? [];
    expect(
      entries.every((e) => e.reportedBy === SAMPLE_LABEL && e.progress.startsWith(`【${SAMPLE_LABEL}】`)),
    ).toBe(true);
    expect(new Set(entries.map((e) => e.period))).toEqual(new Set(["2024-Q1", "2024-Q2", "2024-Q3"]));
  });

  test("gives a report every status worth showing", () => {
    ledger.progress = sampleProgress(ledger, asPeriod("2024-Q3"), 7) ?? [];
    const result = assessLedger(ledger, asPeriod("2024-Q3"));
    const counts = countStatuses(result.rows);
    for (const status of ["已完成", "序时推进", "进度滞后", "未启动", "未报送"] as const) {
      expect(counts[status]).toBeGreaterThan(0);
    }
  });
});
