/**
 * Reporting periods and the dates around them. A `Period` is parsed once, where text enters (the
 * CLI's `--period`, a 期间 cell, the ledger's `_duban`), and carries its key, its dates and the words
 * for it; everything else passes it around. Dates are ISO `YYYY-MM-DD` strings throughout, and day
 * arithmetic goes through UTC day numbers so no time zone or daylight-saving shift can move a deadline.
 */

export type PeriodKind = "month" | "quarter";

/** The stored form of a period: `2024-09` for a month, `2024-Q3` for a quarter. */
export type PeriodKey = string;

const CHINESE_QUARTERS = ["一", "二", "三", "四"] as const;

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

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2024年10月8日`: Arabic numerals without leading zeros, as GB/T 9704 asks. */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * A date as a clerk types it — `2024年6月30日`, `2024-06-30`, `2024/6/30`, `2024.6.30`, or `6月30日`
 * in `year` — as ISO; undefined for anything else, or a day the month does not have.
 */
export function readDate(text: string, year?: number): string | undefined {
  const written = text.trim();
  const full = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(written);
  const short = year === undefined ? null : /^(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(written);
  const [y, m, d] = full
    ? [Number(full[1]), Number(full[2]), Number(full[3])]
    : short
      ? [year ?? 0, Number(short[1]), Number(short[2])]
      : [0, 0, 0];
  if (m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const KEY_MONTH = /^(\d{4})\s*[-./]\s*(\d{1,2})$/;
const KEY_QUARTER = /^(\d{4})\s*-?\s*Q\s*([1-4])$/i;
const WORD_MONTH = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?$/;
const WORD_QUARTER = /^(\d{4})\s*年\s*第?\s*([一二三四1-4])\s*季度$/;

export class Period {
  private constructor(
    readonly kind: PeriodKind,
    readonly year: number,
    /** Month 1–12 for a month, quarter 1–4 for a quarter. */
    readonly index: number,
  ) {}

  static of(kind: PeriodKind, year: number, index: number): Period {
    return new Period(kind, year, index);
  }

  /**
   * Reads a period as it is stored (`2024-09`, `2024-Q3`) or as people write it (`2024年9月`,
   * `2024年第三季度`, `2024年3季度`); undefined for anything else.
   */
  static parse(text: string): Period | undefined {
    const written = text.trim();
    const month = KEY_MONTH.exec(written) ?? WORD_MONTH.exec(written);
    if (month) {
      const index = Number(month[2]);
      return index >= 1 && index <= 12 ? new Period("month", Number(month[1]), index) : undefined;
    }
    const quarter = KEY_QUARTER.exec(written) ?? WORD_QUARTER.exec(written);
    if (quarter) {
      const digit = quarter[2] ?? "";
      const index = /\d/.test(digit) ? Number(digit) : CHINESE_QUARTERS.indexOf(digit as "一") + 1;
      return new Period("quarter", Number(quarter[1]), index);
    }
    return undefined;
  }

  /** The period of `kind` that contains the ISO date. */
  static containing(isoDate: string, kind: PeriodKind): Period {
    const year = Number(isoDate.slice(0, 4));
    const month = Number(isoDate.slice(5, 7));
    return new Period(kind, year, kind === "month" ? month : Math.ceil(month / 3));
  }

  /** The tracking periods of a year in order: twelve months or four quarters. */
  static ofYear(year: number, kind: PeriodKind): Period[] {
    const count = kind === "month" ? 12 : 4;
    return Array.from({ length: count }, (_, i) => new Period(kind, year, i + 1));
  }

  get key(): PeriodKey {
    return this.kind === "month"
      ? `${this.year}-${String(this.index).padStart(2, "0")}`
      : `${this.year}-Q${this.index}`;
  }

  get firstMonth(): number {
    return this.kind === "month" ? this.index : (this.index - 1) * 3 + 1;
  }

  get lastMonth(): number {
    return this.kind === "month" ? this.index : this.index * 3;
  }

  /** ISO date of the first day. */
  get start(): string {
    return `${this.year}-${String(this.firstMonth).padStart(2, "0")}-01`;
  }

  /** ISO date of the last day: the cut-off reports are made to. */
  get end(): string {
    const month = this.lastMonth;
    return `${this.year}-${String(month).padStart(2, "0")}-${lastDayOfMonth(this.year, month)}`;
  }

  /** `2024年第三季度`, `2024年9月`: how sheets, file names and the pane name the period. */
  get label(): string {
    return this.kind === "month"
      ? `${this.year}年${this.index}月`
      : `${this.year}年第${CHINESE_QUARTERS[this.index - 1] ?? ""}季度`;
  }

  /** How a 通报 title names it: `2024年第三季度`, `2024年1-9月份`, `2024年1月份`. */
  get titleLabel(): string {
    if (this.kind === "quarter") return this.label;
    return this.index === 1 ? `${this.year}年1月份` : `${this.year}年1-${this.index}月份`;
  }

  /** `2024年9月底`: the cut-off a 通报 reports to. */
  get endLabel(): string {
    return `${this.year}年${this.lastMonth}月底`;
  }

  /** `截至2024年9月30日`, under sheet titles. */
  get cutOffLabel(): string {
    return `截至${chineseDate(this.end)}`;
  }

  /** `上季度` or `上月`, for `较上季度新增完成…`. */
  get previousWord(): string {
    return this.kind === "quarter" ? "上季度" : "上月";
  }

  previous(): Period {
    const count = this.kind === "month" ? 12 : 4;
    return this.index > 1
      ? new Period(this.kind, this.year, this.index - 1)
      : new Period(this.kind, this.year - 1, count);
  }

  /** The months a period spans: a quarter's three, or the month itself. */
  months(): Period[] {
    const months: Period[] = [];
    for (let month = this.firstMonth; month <= this.lastMonth; month++)
      months.push(new Period("month", this.year, month));
    return months;
  }

  equals(other: Period | PeriodKey | undefined): boolean {
    if (other === undefined) return false;
    return typeof other === "string" ? samePeriodKey(this.key, other) : this.key === other.key;
  }

  toString(): PeriodKey {
    return this.key;
  }

  toJSON(): PeriodKey {
    return this.key;
  }
}

/** Two stored periods are the same when they read as the same period (`2024-9` and `2024-09`). */
export function samePeriodKey(a: PeriodKey, b: PeriodKey): boolean {
  if (a === b) return true;
  const left = Period.parse(a);
  return left !== undefined && left.key === Period.parse(b)?.key;
}

/**
 * Chronological sort key of a stored period: its last day, then months before the quarter that ends
 * on the same day. Unreadable periods sort last, by their text.
 */
export function periodSortKey(key: PeriodKey): string {
  const parsed = Period.parse(key);
  return parsed ? `${parsed.end}|${parsed.kind === "month" ? 0 : 1}` : `~${key}`;
}

export function comparePeriodKeys(a: PeriodKey, b: PeriodKey): number {
  const keyA = periodSortKey(a);
  const keyB = periodSortKey(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/** The message for a period nobody can read, naming the forms that work. */
export function invalidPeriodMessage(written: string, year: number): string {
  return `无法识别的期间“${written}”：季度请写成 ${year}-Q3 或 ${year}年第三季度，月份请写成 ${year}-09 或 ${year}年9月。`;
}
