import type { LedgerRow, ProgressEntry, Status } from "../model";
import { dayNumber } from "../model";

/** The thresholds behind the status rules. Offices differ; these are settings, not constants. */
export interface StatusOptions {
  /** Completion (actual / target) at or above which a numeric row counts as 已完成. */
  completeAt: number;
  /** How far completion may fall short of 序时进度 (as a share, 0.05 = 5 points) and still count as on pace. */
  paceTolerance: number;
  /** A row judged 已完成 in an earlier period stays 已完成 when its unit sends nothing new. */
  carryCompletion: boolean;
}

export const DEFAULT_STATUS_OPTIONS: StatusOptions = {
  completeAt: 1,
  paceTolerance: 0,
  carryCompletion: true,
};

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

/**
 * actual / target, inverted for ceilings (`控制在…以下`), where a lower actual is better. `>` is judged
 * like `>=`: units report rounded figures, and reaching the stated number is what offices count.
 */
export function completion(row: LedgerRow, actual: number): number | undefined {
  if (!isNumericRow(row) || !Number.isFinite(actual)) return undefined;
  const target = row.target ?? 0;
  if (row.op === "<=" || row.op === "<") {
    if (actual <= 0) return 1;
    return target / actual;
  }
  return actual / target;
}

/**
 * 序时进度: the share of the time from the plan's start to the deadline that has elapsed by the
 * period's end. Days count inclusively, so a deadline on the period's last day gives exactly 1.
 */
export function expectedProgress(planStart: string, deadline: string, periodEnd: string): number {
  const start = dayNumber(planStart);
  const due = dayNumber(deadline);
  const end = dayNumber(periodEnd);
  if (end >= due) return 1;
  if (end < start) return 0;
  return (end - start + 1) / (due - start + 1);
}

export interface RowJudgement {
  status: Status;
  /** actual / target (inverted for ceilings) when the row has a number and the unit reported one. */
  completion?: number;
  /** 序时进度 at the period's end, 0–1. */
  expected: number;
  /** True when the deadline fell before the period's last day. */
  deadlinePassed: boolean;
}

/** Anything a unit can send that shows it reported: a number, a chosen status or some words. */
export function hasReport(entry: ProgressEntry | undefined): entry is ProgressEntry {
  if (!entry) return false;
  const choseStatus = entry.status !== undefined && entry.status !== "未报送";
  return entry.actual !== undefined || choseStatus || entry.progress.trim() !== "";
}

/**
 * The status of one row at one period's end. Numeric rows are judged by their number; milestones,
 * rows without a number and reports without one are judged by the status the unit chose and the date.
 */
export function judgeRow(
  row: LedgerRow,
  entry: ProgressEntry | undefined,
  schedule: { planStart: string; deadline: string; periodEnd: string },
  options: StatusOptions = DEFAULT_STATUS_OPTIONS,
): RowJudgement {
  const expected = expectedProgress(schedule.planStart, schedule.deadline, schedule.periodEnd);
  const deadlinePassed = dayNumber(schedule.deadline) < dayNumber(schedule.periodEnd);
  const judged = (status: Status, share?: number): RowJudgement =>
    share === undefined
      ? { status, expected, deadlinePassed }
      : { status, completion: share, expected, deadlinePassed };

  if (!hasReport(entry)) return judged("未报送");

  const share = entry.actual === undefined ? undefined : completion(row, entry.actual);
  if (share !== undefined) {
    if (share >= options.completeAt) return judged("已完成", share);
    if (deadlinePassed) return judged("逾期未完成", share);
    if (share <= 0) return judged("未启动", share);
    if (share >= expected - options.paceTolerance) return judged("序时推进", share);
    return judged("进度滞后", share);
  }

  if (entry.status === "已完成") return judged("已完成");
  if (deadlinePassed) return judged("逾期未完成");
  switch (entry.status) {
    case "未启动":
      return judged("未启动");
    case "进度滞后":
    case "逾期未完成":
      // A unit calling itself overdue before the deadline is behind, not yet overdue.
      return judged("进度滞后");
    default:
      // 序时推进, or words without a chosen status: the unit reports work under way.
      return judged("序时推进");
  }
}
