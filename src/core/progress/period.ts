import type { Period, PeriodKind } from "../model";

/**
 * Reporting periods: `2024-09` is September 2024, `2024-Q3` the third quarter. Dates are ISO
 * `YYYY-MM-DD` strings throughout; day arithmetic goes through UTC day numbers so no time zone or
 * daylight-saving shift can move a deadline.
 */
export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** Month 1–12 for a month, quarter 1–4 for a quarter. */
  index: number;
}

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/i;

export function parsePeriod(period: string): ParsedPeriod | undefined {
  const text = period.trim();
  const month = MONTH_PATTERN.exec(text);
  if (month) {
    const index = Number(month[2]);
    return index >= 1 && index <= 12 ? { kind: "month", year: Number(month[1]), index } : undefined;
  }
  const quarter = QUARTER_PATTERN.exec(text);
  if (quarter) return { kind: "quarter", year: Number(quarter[1]), index: Number(quarter[2]) };
  return undefined;
}

export function formatPeriod(period: ParsedPeriod): Period {
  return period.kind === "month"
    ? `${period.year}-${String(period.index).padStart(2, "0")}`
    : `${period.year}-Q${period.index}`;
}

export function monthPeriod(year: number, month: number): Period {
  return formatPeriod({ kind: "month", year, index: month });
}

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(isoDate: string): number {
  const [year = 0, month = 1, day = 1] = isoDate.slice(0, 10).split("-").map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function isoFromDayNumber(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export function isValidIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return isoFromDayNumber(dayNumber(text)) === text;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function firstMonth(period: ParsedPeriod): number {
  return period.kind === "month" ? period.index : (period.index - 1) * 3 + 1;
}

function lastMonth(period: ParsedPeriod): number {
  return period.kind === "month" ? period.index : period.index * 3;
}

export function periodStart(period: ParsedPeriod): string {
  return `${period.year}-${String(firstMonth(period)).padStart(2, "0")}-01`;
}

export function periodEnd(period: ParsedPeriod): string {
  const month = lastMonth(period);
  return `${period.year}-${String(month).padStart(2, "0")}-${lastDayOfMonth(period.year, month)}`;
}

export function previousPeriod(period: ParsedPeriod): ParsedPeriod {
  const count = period.kind === "month" ? 12 : 4;
  return period.index > 1
    ? { ...period, index: period.index - 1 }
    : { kind: period.kind, year: period.year - 1, index: count };
}

/** The months a period spans: a quarter's three, or the month itself. */
export function monthsOf(period: ParsedPeriod): ParsedPeriod[] {
  const months: ParsedPeriod[] = [];
  for (let month = firstMonth(period); month <= lastMonth(period); month++) {
    months.push({ kind: "month", year: period.year, index: month });
  }
  return months;
}

export function quarterOfMonth(month: ParsedPeriod): ParsedPeriod {
  return { kind: "quarter", year: month.year, index: Math.ceil(lastMonth(month) / 3) };
}

const CHINESE_QUARTERS = ["一", "二", "三", "四"];

/** How a 通报 title names the period: `2024年第三季度`, `2024年1-9月份`, `2024年1月份`. */
export function periodTitleLabel(period: ParsedPeriod): string {
  if (period.kind === "quarter") return `${period.year}年第${CHINESE_QUARTERS[period.index - 1] ?? ""}季度`;
  return period.index === 1 ? `${period.year}年1月份` : `${period.year}年1-${period.index}月份`;
}

/** `2024年9月底`: the cut-off a 通报 reports to. */
export function periodEndLabel(period: ParsedPeriod): string {
  return `${period.year}年${lastMonth(period)}月底`;
}

/** `上季度` or `上月`, for `较上季度新增完成…`. */
export function previousPeriodWord(kind: PeriodKind): string {
  return kind === "quarter" ? "上季度" : "上月";
}

/** `2024年10月8日`: Arabic numerals without leading zeros, as GB/T 9704 asks. */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  return `${year}年${month}月${day}日`;
}
