import type { Ledger, LedgerRow, ProgressEntry } from "../../src/core/model";

/** Small builders for progress and report tests: every field a test does not care about gets a plain value. */
export function ledgerRow(overrides: Partial<LedgerRow> & Pick<LedgerRow, "id">): LedgerRow {
  return {
    taskId: overrides.id,
    docId: "doc",
    number: overrides.id,
    section: "一、重点任务",
    task: `任务${overrides.id}`,
    metric: `指标${overrides.id}`,
    leadUnits: ["市卫生健康委"],
    coUnits: [],
    source: "",
    ...overrides,
  };
}

export function progressEntry(
  overrides: Partial<ProgressEntry> & Pick<ProgressEntry, "rowId" | "period">,
): ProgressEntry {
  return { progress: "", problems: "", reportedBy: "", ...overrides };
}

export function ledgerOf(rows: LedgerRow[], progress: ProgressEntry[], year = 2024, date?: string): Ledger {
  return {
    schemaVersion: 1,
    id: "ledger",
    title: "测试台账",
    year,
    periodKind: "quarter",
    period: `${year}-Q1`,
    documents: [{ id: "doc", title: "测试工作要点", year, ...(date ? { date } : {}) }],
    rows,
    progress,
  };
}
