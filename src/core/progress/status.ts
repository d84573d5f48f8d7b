import type { Alert, LedgerRow, ProgressEntry, Status, StatusOptions } from "../model";
import { DEFAULT_STATUS_OPTIONS, OP_SYMBOLS, dayNumber } from "../model";

export { DEFAULT_STATUS_OPTIONS, type StatusOptions } from "../model";
import type { CheckWord, LineInputs, Settings } from "./rules";
import { evaluate } from "./rules";

/** The thresholds as the rules and the workbook's named cells hold them. */
export function settingsOf(options: StatusOptions): Settings {
  return {
    completeAt: options.completeAt,
    paceTolerance: options.paceTolerance,
    carry: options.carryCompletion ? 1 : 0,
    amberGap: options.amberGap,
    dueSoonDays: options.dueSoonDays,
  };
}

/** A row has a number to judge when it states a comparison and a target that can be divided by. */
export function isNumericRow(row: LedgerRow): boolean {
  if (row.target === undefined || !Number.isFinite(row.target)) return false;
  switch (row.op) {
    case ">=":
    case ">":
    case "=":
      return row.target > 0;
    case "<=":
    case "<":
      return row.target >= 0;
    default:
      return false;
  }
}

export interface Schedule {
  /** ISO dates. */
  planStart: string;
  periodEnd: string;
}

/** One line of 进度填报 as its formulas see it: the row's cells and the unit's report. */
export function lineInputs(row: LedgerRow, entry: ProgressEntry | undefined, schedule: Schedule): LineInputs {
  return {
    actual: entry?.actual ?? entry?.actualText ?? "",
    reportedStatus: entry?.statusText ?? entry?.status ?? "",
    progressText: entry?.progress ?? "",
    op: row.op ? OP_SYMBOLS[row.op] : "",
    baseline: row.baseline ?? "",
    target: row.target ?? "",
    deadline: row.deadline ? dayNumber(row.deadline) : "",
    start: dayNumber(schedule.planStart),
    end: dayNumber(schedule.periodEnd),
  };
}

/** 序时进度 at the period's end of a row due on `deadline` (ISO): the sheet's own rule. */
export function scheduleShare(schedule: Schedule, deadline: string): number {
  const inputs: LineInputs = {
    actual: "",
    reportedStatus: "",
    progressText: "",
    op: "",
    baseline: "",
    target: "",
    deadline: dayNumber(deadline),
    start: dayNumber(schedule.planStart),
    end: dayNumber(schedule.periodEnd),
  };
  const share = evaluate("expected", inputs, settingsOf(DEFAULT_STATUS_OPTIONS), false);
  return typeof share === "number" ? share : 0;
}

export interface RowJudgement {
  status: Status;
  /** Completion (0–1, over 1 when exceeded) when the row has a number and the unit reported one. */
  completion?: number;
  /** 序时进度 at the period's end, 0–1; absent for a row without a deadline. */
  expected?: number;
  /** True when the deadline fell before the period's last day. */
  deadlinePassed: boolean;
  alert: Alert;
  /** What the line says against itself, for the reader to check; "" when nothing. */
  check: CheckWord;
}

/** Anything a unit can send that shows it reported: a number, a chosen status or some words. */
export function hasReport(entry: ProgressEntry | undefined): entry is ProgressEntry {
  if (!entry) return false;
  const choseStatus = (entry.statusText ?? entry.status ?? "") !== "" && entry.status !== "未报送";
  return (
    entry.actual !== undefined ||
    (entry.actualText ?? "") !== "" ||
    choseStatus ||
    entry.progress.trim() !== ""
  );
}

/** 完成标记: whether this report shows the row complete (by its number, or its status when it has none). */
export function showsComplete(
  row: LedgerRow,
  entry: ProgressEntry,
  options: StatusOptions = DEFAULT_STATUS_OPTIONS,
): boolean {
  const inputs = lineInputs(row, entry, { planStart: "1970-01-01", periodEnd: "1970-01-01" });
  return evaluate("doneFlag", inputs, settingsOf(options), false) === 1;
}

/**
 * The status of one row at one period's end, by the rules the workbook's formulas carry
 * (`rules.ts`): numeric rows by their number, milestones and reports without a number by the
 * status the unit chose and the date.
 */
export function judgeRow(
  row: LedgerRow,
  entry: ProgressEntry | undefined,
  schedule: Schedule,
  options: StatusOptions = DEFAULT_STATUS_OPTIONS,
  earlierDone = false,
): RowJudgement {
  const inputs = lineInputs(row, entry, schedule);
  const settings = settingsOf(options);
  const value = (name: "expected" | "completion"): number | undefined => {
    const v = evaluate(name, inputs, settings, earlierDone);
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  };
  const completion = value("completion");
  const expected = value("expected");
  return {
    status: evaluate("status", inputs, settings, earlierDone) as Status,
    ...(completion !== undefined && { completion }),
    ...(expected !== undefined && { expected }),
    deadlinePassed: typeof inputs.deadline === "number" && inputs.deadline < (inputs.end as number),
    alert: evaluate("alert", inputs, settings, earlierDone) as Alert,
    check: evaluate("check", inputs, settings, earlierDone) as CheckWord,
  };
}
