import type { Period, Status, StatusGroup } from "../model";
import { STATUSES, STATUS_GROUPS, groupOf, needsAttention } from "../model";
import type { PeriodAssessment, RowAssessment } from "./assess";

/** Rows per status and per group, counted once, so every sentence and table agrees with every other. */
export type StatusCounts = { total: number } & Record<Status, number> & {
    groups: Record<StatusGroup, number>;
  };

export function emptyCounts(): StatusCounts {
  const counts = { total: 0 } as StatusCounts;
  for (const status of STATUSES) counts[status] = 0;
  counts.groups = Object.fromEntries(STATUS_GROUPS.map((g) => [g, 0])) as Record<StatusGroup, number>;
  return counts;
}

export function countStatuses(rows: readonly Pick<RowAssessment, "status">[]): StatusCounts {
  const counts = emptyCounts();
  for (const { status } of rows) addToCounts(counts, status);
  return counts;
}

function addToCounts(counts: StatusCounts, status: Status, by = 1): void {
  counts[status] += by;
  counts.groups[groupOf(status)] += by;
  counts.total += by;
}

/** The sum of several counts (the sections' into the 合计). */
export function sumCounts(parts: readonly StatusCounts[]): StatusCounts {
  const sum = emptyCounts();
  for (const part of parts) for (const status of STATUSES) addToCounts(sum, status, part[status]);
  return sum;
}

/** 已完成 plus 序时推进: the rows that meet the schedule. */
export function onPaceCount(counts: StatusCounts): number {
  return counts.groups.complete + counts.groups.onPace;
}

/** 未达到序时进度 and 逾期未完成: the rows that need attention. */
export function attentionCount(counts: StatusCounts): number {
  return counts.groups.behind + counts.groups.overdue;
}

/** A share 0–1 of the total; 0 when there is nothing to share. */
export function share(part: number, total: number): number {
  return total > 0 ? part / total : 0;
}

export interface UnitRollup {
  unit: string;
  /** Rows the unit leads (alone or jointly). */
  lead: StatusCounts;
  /** Rows the unit assists. */
  co: StatusCounts;
  leadRows: RowAssessment[];
  coRows: RowAssessment[];
  /** (已完成 + 序时推进) / led rows: what the ranking goes by. */
  onPaceShare: number;
  completeShare: number;
  /** 1-based, shared by units with equal shares; absent for units that lead too few rows to rank. */
  rank?: number;
}

function compareUnits(a: UnitRollup, b: UnitRollup): number {
  return (
    b.onPaceShare - a.onPaceShare ||
    b.completeShare - a.completeShare ||
    b.lead.total - a.lead.total ||
    a.unit.localeCompare(b.unit, "zh-CN")
  );
}

/**
 * Per unit, the rows it leads and those it assists, ordered by the share of led rows on schedule,
 * then by the share complete. Units leading at least `rankMinTasks` rows get a rank, shared when
 * both shares are equal (1, 1, 3); units leading fewer follow unranked in the same order, and units
 * that only assist come last.
 */
export function rollupByUnit(assessment: Pick<PeriodAssessment, "rows">, rankMinTasks = 1): UnitRollup[] {
  const lead = new Map<string, RowAssessment[]>();
  const co = new Map<string, RowAssessment[]>();
  const add = (map: Map<string, RowAssessment[]>, unit: string, row: RowAssessment): void => {
    const list = map.get(unit);
    if (list) list.push(row);
    else map.set(unit, [row]);
  };
  for (const row of assessment.rows) {
    for (const unit of new Set(row.row.leadUnits)) add(lead, unit, row);
    for (const unit of new Set(row.row.coUnits)) add(co, unit, row);
  }
  const units = [...new Set([...lead.keys(), ...co.keys()])];
  const rollups = units.map((unit): UnitRollup => {
    const leadRows = lead.get(unit) ?? [];
    const coRows = co.get(unit) ?? [];
    const leadCounts = countStatuses(leadRows);
    return {
      unit,
      lead: leadCounts,
      co: countStatuses(coRows),
      leadRows,
      coRows,
      onPaceShare: share(onPaceCount(leadCounts), leadCounts.total),
      completeShare: share(leadCounts["已完成"], leadCounts.total),
    };
  });
  const minimum = Math.max(1, rankMinTasks);
  const leading = rollups.filter((r) => r.lead.total > 0).sort(compareUnits);
  const ranked = leading.filter((r) => r.lead.total >= minimum);
  ranked.forEach((rollup, position) => {
    const previous = ranked[position - 1];
    const tied =
      previous !== undefined &&
      previous.onPaceShare === rollup.onPaceShare &&
      previous.completeShare === rollup.completeShare;
    rollup.rank = tied && previous.rank !== undefined ? previous.rank : position + 1;
  });
  const assistingOnly = rollups
    .filter((r) => r.lead.total === 0)
    .sort((a, b) => a.unit.localeCompare(b.unit, "zh-CN"));
  return [...ranked, ...leading.filter((r) => r.lead.total < minimum), ...assistingOnly];
}

export interface SectionRollup {
  section: string;
  counts: StatusCounts;
  rows: RowAssessment[];
}

/** Per 篇章, in the order the sections first appear in the ledger. */
export function rollupBySection(assessment: Pick<PeriodAssessment, "rows">): SectionRollup[] {
  const sections = new Map<string, RowAssessment[]>();
  for (const row of assessment.rows) {
    const list = sections.get(row.row.section);
    if (list) list.push(row);
    else sections.set(row.row.section, [row]);
  }
  return [...sections].map(([section, rows]) => ({ section, counts: countStatuses(rows), rows }));
}

export interface PeriodChange {
  previousPeriod: Period;
  /** 已完成 now, not 已完成 in the previous period. */
  newlyComplete: RowAssessment[];
  /** Behind now (滞后, 逾期, 未启动), not behind in the previous period. */
  newlyBehind: RowAssessment[];
  /** Behind in the previous period, on schedule (not complete) now. */
  caughtUp: RowAssessment[];
  previousCounts: StatusCounts;
}

/**
 * What changed since the previous period. Undefined when nobody reported for that period: a
 * comparison with an empty period would call every row newly complete or newly behind.
 */
export function compareWithPrevious(
  current: PeriodAssessment,
  previous: PeriodAssessment,
): PeriodChange | undefined {
  if (!previous.anyReport) return undefined;
  const before = new Map(previous.rows.map((row) => [row.row.id, row.status]));
  const newlyComplete: RowAssessment[] = [];
  const newlyBehind: RowAssessment[] = [];
  const caughtUp: RowAssessment[] = [];
  for (const row of current.rows) {
    const was = before.get(row.row.id);
    if (row.status === "已完成" && was !== "已完成") newlyComplete.push(row);
    if (needsAttention(row.status) && (was === undefined || !needsAttention(was))) newlyBehind.push(row);
    // A row that became 已完成 counts as newly complete, not also as caught up.
    if (groupOf(row.status) === "onPace" && was !== undefined && needsAttention(was)) caughtUp.push(row);
  }
  return {
    previousPeriod: previous.period,
    newlyComplete,
    newlyBehind,
    caughtUp,
    previousCounts: countStatuses(previous.rows),
  };
}
