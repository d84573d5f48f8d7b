import type { Ledger, LedgerDocumentRef, LedgerRow, ProgressEntry } from "../model";
import { Period, dayNumber, isValidIsoDate } from "../model";
import type { RowJudgement, StatusOptions } from "./status";
import { DEFAULT_STATUS_OPTIONS, hasReport, judgeRow, showsComplete } from "./status";

export interface RowAssessment extends RowJudgement {
  row: LedgerRow;
  /** The report the status was judged from: the last one the period received for the row. */
  entry?: ProgressEntry;
  /** True when 已完成 comes from an earlier period and the unit sent nothing new. */
  carried: boolean;
  /** The plan's start the row's 序时进度 counts from. */
  planStart: string;
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

/**
 * The day a period is judged at: its last day, or the 设置 sheet's 本期期末 for the ledger's current
 * period when someone set one inside that period (as the formulas read it).
 */
export function judgedPeriodEnd(period: Period, current: Period | undefined, options: StatusOptions): string {
  const set = options.periodEnd;
  const inside = set !== undefined && set >= period.start && set <= period.end;
  return inside && period.equals(current) ? set : period.end;
}

/**
 * Each document's plan start; the 设置 sheet's 计划起始日, when someone changed it, for the documents
 * that start with the first one (the cells its named cell feeds).
 */
export function planStarts(
  ledger: Pick<Ledger, "year" | "documents">,
  options: StatusOptions,
): (source: Pick<LedgerDocumentRef, "year" | "date"> | undefined) => string {
  const first = planStartOf(ledger.documents[0], ledger.year);
  return (source) => {
    const own = planStartOf(source, ledger.year);
    return options.planStart !== undefined && own === first ? options.planStart : own;
  };
}

interface DatedEntry {
  entry: ProgressEntry;
  key: string;
  end: number;
}

function indexEntries(progress: readonly ProgressEntry[]): Map<string, DatedEntry[]> {
  const byRow = new Map<string, DatedEntry[]>();
  for (const entry of progress) {
    const period = Period.parse(entry.period);
    if (!period || !hasReport(entry)) continue;
    const dated = { entry, key: period.key, end: dayNumber(period.end) };
    const list = byRow.get(entry.rowId);
    if (list) list.push(dated);
    else byRow.set(entry.rowId, [dated]);
  }
  return byRow;
}

/**
 * The report that speaks for a row in a period: the last one made for that period (merges put the
 * lead unit's last). Reports of other periods never stand in for it: each line of 进度填报 is
 * judged by its own cells, as the workbook's formulas judge it.
 */
function entryFor(entries: readonly DatedEntry[], key: string): DatedEntry | undefined {
  let found: DatedEntry | undefined;
  for (const dated of entries) if (dated.key === key) found = dated;
  return found;
}

/** Judges every row of the ledger at the end of `period`. */
export function assessLedger(
  ledger: Pick<Ledger, "year" | "documents" | "rows" | "progress" | "statusOptions"> & Partial<Pick<Ledger, "period">>,
  period: Period,
  // The thresholds the ledger's 设置 sheet holds, as its formulas use them.
  options: StatusOptions = ledger.statusOptions ?? DEFAULT_STATUS_OPTIONS,
): PeriodAssessment {
  const periodEnd = judgedPeriodEnd(period, ledger.period, options);
  const end = dayNumber(periodEnd);
  const documents = new Map(ledger.documents.map((source) => [source.id, source]));
  const entriesByRow = indexEntries(ledger.progress);
  const planStartFor = planStarts(ledger, options);
  let anyReport = false;

  const rows = ledger.rows.map((row): RowAssessment => {
    const planStart = planStartFor(documents.get(row.docId));
    const entries = entriesByRow.get(row.id) ?? [];
    const current = entryFor(entries, period.key);
    if (current) anyReport = true;
    const earlierDone = entries.some((d) => d.end < end && showsComplete(row, d.entry, options));
    const judgement = judgeRow(row, current?.entry, { planStart, periodEnd }, options, earlierDone);
    return {
      ...judgement,
      row,
      ...(current && { entry: current.entry }),
      carried: !current && judgement.status === "已完成",
      planStart,
    };
  });
  return { period, rows, anyReport };
}
