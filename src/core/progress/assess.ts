import type { Ledger, LedgerDocumentRef, LedgerRow, ProgressEntry } from "../model";
import { Period, dayNumber, isValidIsoDate } from "../model";
import type { RowJudgement, StatusOptions } from "./status";
import { DEFAULT_STATUS_OPTIONS, hasReport, judgeRow } from "./status";

export interface RowAssessment extends RowJudgement {
  row: LedgerRow;
  /** The report the status was judged from; for a quarter, its latest month's when it has none of its own. */
  entry?: ProgressEntry;
  /** True when 已完成 comes from an earlier period and the unit sent nothing new. */
  carried: boolean;
  /** The deadline used: the row's own, or the end of its document's year. */
  deadline: string;
}

export interface PeriodAssessment {
  period: Period;
  rows: RowAssessment[];
  /** Whether any unit reported anything for this period (so a comparison with it means something). */
  anyReport: boolean;
}

/** The plan's start: 1 January of its year, or the document's date when that is later. */
export function planStartOf(
  source: Pick<LedgerDocumentRef, "year" | "date"> | undefined,
  year: number,
): string {
  const januaryFirst = `${source?.year ?? year}-01-01`;
  const date = source?.date?.slice(0, 10);
  if (date && isValidIsoDate(date) && dayNumber(date) > dayNumber(januaryFirst)) return date;
  return januaryFirst;
}

interface DatedEntry {
  entry: ProgressEntry;
  period: Period;
  start: number;
  end: number;
}

function indexEntries(progress: readonly ProgressEntry[]): Map<string, DatedEntry[]> {
  const byRow = new Map<string, DatedEntry[]>();
  for (const entry of progress) {
    const period = Period.parse(entry.period);
    if (!period || !hasReport(entry)) continue;
    const dated = { entry, period, start: dayNumber(period.start), end: dayNumber(period.end) };
    const list = byRow.get(entry.rowId);
    if (list) list.push(dated);
    else byRow.set(entry.rowId, [dated]);
  }
  return byRow;
}

/**
 * Values are cumulative, so the report that speaks for a period is its own, or else the latest one
 * made inside it (a quarter rolls up its months). Among equals the later entry wins: merges append.
 */
function entryFor(entries: readonly DatedEntry[], start: number, end: number): DatedEntry | undefined {
  let best: DatedEntry | undefined;
  for (const dated of entries) {
    if (dated.start < start || dated.end > end) continue;
    const exact = dated.start === start && dated.end === end;
    const bestExact = best !== undefined && best.start === start && best.end === end;
    if (!best || (exact && !bestExact) || (exact === bestExact && dated.end >= best.end)) best = dated;
  }
  return best;
}

function latestBefore(entries: readonly DatedEntry[], start: number): DatedEntry | undefined {
  let best: DatedEntry | undefined;
  for (const dated of entries) {
    if (dated.end < start && (!best || dated.end >= best.end)) best = dated;
  }
  return best;
}

/** Judges every row of the ledger at the end of `period`. */
export function assessLedger(
  ledger: Pick<Ledger, "year" | "documents" | "rows" | "progress">,
  period: Period,
  options: StatusOptions = DEFAULT_STATUS_OPTIONS,
): PeriodAssessment {
  const start = dayNumber(period.start);
  const endDate = period.end;
  const end = dayNumber(endDate);
  const documents = new Map(ledger.documents.map((source) => [source.id, source]));
  const entriesByRow = indexEntries(ledger.progress);
  let anyReport = false;

  const rows = ledger.rows.map((row): RowAssessment => {
    const source = documents.get(row.docId);
    const planStart = planStartOf(source, ledger.year);
    const deadline =
      row.deadline && isValidIsoDate(row.deadline) ? row.deadline : `${source?.year ?? ledger.year}-12-31`;
    const entries = entriesByRow.get(row.id) ?? [];
    const current = entryFor(entries, start, end);
    if (current) anyReport = true;
    const judgement = judgeRow(row, current?.entry, { planStart, deadline, periodEnd: endDate }, options);
    if (current || !options.carryCompletion) {
      return { ...judgement, row, ...(current && { entry: current.entry }), carried: false, deadline };
    }
    const earlier = latestBefore(entries, start);
    if (earlier) {
      const earlierEnd = earlier.period.end;
      const before = judgeRow(row, earlier.entry, { planStart, deadline, periodEnd: earlierEnd }, options);
      if (before.status === "已完成") {
        return {
          ...judgement,
          status: "已完成",
          ...(before.completion !== undefined && { completion: before.completion }),
          row,
          entry: earlier.entry,
          carried: true,
          deadline,
        };
      }
    }
    return { ...judgement, row, carried: false, deadline };
  });

  return { period, rows, anyReport };
}
