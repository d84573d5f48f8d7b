import type { Period, PeriodKind } from "../model";
import { formatPeriod, parsePeriod, periodEnd } from "../progress/period";

/** The tracking periods of a year in order: twelve months or four quarters. */
export function periodsOfYear(year: number, kind: PeriodKind): Period[] {
  const count = kind === "month" ? 12 : 4;
  return Array.from({ length: count }, (_, i) => formatPeriod({ kind, year, index: i + 1 }));
}

/** The period of `kind` that contains the ISO date `today`. */
export function periodContaining(today: string, kind: PeriodKind): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return formatPeriod({ kind, year, index: kind === "month" ? month : Math.ceil(month / 3) });
}

/**
 * Chronological sort key of a period: its last day, then months before the quarter that ends on the
 * same day. Unreadable periods sort last, by their text.
 */
export function periodSortKey(period: Period): string {
  const parsed = parsePeriod(period);
  return parsed ? `${periodEnd(parsed)}|${parsed.kind === "month" ? 0 : 1}` : `~${period}`;
}

export function comparePeriods(a: Period, b: Period): number {
  const keyA = periodSortKey(a);
  const keyB = periodSortKey(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
