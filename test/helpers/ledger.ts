import type { Ledger, LedgerRow, ProgressEntry } from "../../src/core/model";
import { DEFAULT_STATUS_OPTIONS, LEDGER_SCHEMA_VERSION, Period } from "../../src/core/model";
import { sortProgress } from "../../src/core/progress";

/** A period from its stored key, for tests that name one: `asPeriod("2024-Q3")`. */
export function asPeriod(key: string): Period {
  const period = Period.parse(key);
  if (!period) throw new Error(`not a period: ${key}`);
  return period;
}

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
    schemaVersion: LEDGER_SCHEMA_VERSION,
    id: "ledger",
    title: "测试台账",
    year,
    periodKind: "quarter",
    period: Period.of("quarter", year, 1),
    unitAliases: {},
    documents: [{ id: "doc", title: "测试工作要点", year, ...(date ? { date } : {}) }],
    rows,
    progress,
  };
}

/** The ledger as a reader returns it: progress in canonical order, the 设置 sheet's thresholds read. */
export function asReadBack(ledger: Ledger): Ledger {
  return {
    ...ledger,
    statusOptions: ledger.statusOptions ?? DEFAULT_STATUS_OPTIONS,
    progress: sortProgress(ledger.rows, ledger.progress),
  };
}
