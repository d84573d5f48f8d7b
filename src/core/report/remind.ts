import type { Ledger, LedgerRow, Period, Status } from "../model";
import { chineseDate, dayNumber, isValidIsoDate, isoFromDayNumber } from "../model";
import type { StatusOptions } from "../progress";
import { DEFAULT_STATUS_OPTIONS, assessLedger } from "../progress";
import type {
  CellValue,
  ColumnPlan,
  ConditionalFormatPlan,
  RowPlan,
  SheetPlan,
  WorkbookPlan,
} from "../sheets";
import {
  COLUMN_STYLES,
  FONTS,
  STYLES,
  a4Print,
  dateCell,
  rangeAddress,
  rowHeight,
  statusRules,
  wrappedLines,
} from "../sheets";
import { distinctMetric, taskSubject } from "./notice";
import { chineseNumeral, targetAndActual, targetPhrase } from "./phrases";

/**
 * 催办: the rows not complete that fall due within N days of a date, per unit, and — apart — the rows
 * already past their deadline and still not complete. A reminder goes before the deadline, so it is
 * counted from the day it is sent, not from the end of the period.
 */
export type ReminderRole = "牵头" | "配合";

export interface ReminderItem {
  row: LedgerRow;
  /** The row's status in the period the ledger is judged at. */
  status: Status;
  /** How the unit of the group stands to the row. */
  role: ReminderRole;
  /** ISO. */
  deadline: string;
  /** Days from the reference date to the deadline: 0 today, negative once past. */
  daysLeft: number;
  /** The cumulative value the unit reported for the period, when it is a number. */
  actual?: number;
}

export interface UnitReminder {
  unit: string;
  /** Due within the window, soonest first; the unit's led rows before those it assists. */
  dueSoon: ReminderItem[];
  /** Past the deadline and not complete, longest overdue first. */
  overdue: ReminderItem[];
}

export interface ReminderList {
  /** ISO reference date: the day the reminder is sent. */
  date: string;
  /** The window in days. */
  days: number;
  /** ISO: the last day of the window. */
  until: string;
  /** ISO: by when units are asked to report. */
  replyBy: string;
  /** The period whose reports say whether a row is complete. */
  period: Period;
  /**
   * Units in order of urgency: the soonest deadline first (a lead unit before one that only assists),
   * then those with only overdue rows.
   */
  units: UnitReminder[];
  /** Rows that would be reminded but name no lead unit: nobody to send them to. */
  withoutLead: ReminderItem[];
}

export interface RemindOptions {
  /** ISO reference date: today. */
  date: string;
  /** The window; defaults to the 设置 sheet's 临期提醒天数. */
  days: number;
  /** Defaults to the ledger's current period. */
  period: Period;
  /** Calendar days from the date to the report asked for, unless `replyBy` is given. */
  replyInDays: number;
  replyBy?: string;
  status: StatusOptions;
}

export type RemindInput = Pick<RemindOptions, "date"> & Partial<Omit<RemindOptions, "date">>;

/** Three days: enough to write a paragraph of progress, short enough to arrive before most deadlines. */
export const DEFAULT_REMIND_REPLY_DAYS = 3;

export const REMIND_SHEET_NAME = "催办清单";

export type RemindErrorCode = "invalid-date" | "invalid-days" | "invalid-reply-by" | "empty-ledger";

export type BuildRemindersResult =
  { ok: true; reminders: ReminderList } | { ok: false; code: RemindErrorCode; message: string };

const byDeadline = (a: ReminderItem, b: ReminderItem): number =>
  a.daysLeft - b.daysLeft || (a.role === b.role ? 0 : a.role === "牵头" ? -1 : 1);

export function buildReminders(ledger: Ledger, input: RemindInput): BuildRemindersResult {
  const status = input.status ?? ledger.statusOptions ?? DEFAULT_STATUS_OPTIONS;
  const options: RemindOptions = {
    days: status.dueSoonDays,
    period: ledger.period,
    replyInDays: DEFAULT_REMIND_REPLY_DAYS,
    status,
    ...input,
  };
  if (!isValidIsoDate(options.date)) {
    return {
      ok: false,
      code: "invalid-date",
      message: `日期“${options.date}”无效，请写成 2024-10-08 的形式。`,
    };
  }
  if (!Number.isInteger(options.days) || options.days < 0) {
    return {
      ok: false,
      code: "invalid-days",
      message: `临期天数“${options.days}”无效，请写一个不小于0的整数。`,
    };
  }
  const today = dayNumber(options.date);
  const replyBy = options.replyBy ?? isoFromDayNumber(today + options.replyInDays);
  if (!isValidIsoDate(replyBy) || replyBy < options.date) {
    return {
      ok: false,
      code: "invalid-reply-by",
      message: `报送日期“${replyBy}”无效，应不早于${chineseDate(options.date)}，写成 2024-10-11 的形式。`,
    };
  }
  if (ledger.rows.length === 0) {
    return { ok: false, code: "empty-ledger", message: "台账中没有任务，无法生成催办清单。" };
  }

  const assessment = assessLedger(ledger, options.period, options.status);
  const units = new Map<string, UnitReminder>();
  const withoutLead: ReminderItem[] = [];
  const add = (unit: string, item: ReminderItem): void => {
    let group = units.get(unit);
    if (!group) units.set(unit, (group = { unit, dueSoon: [], overdue: [] }));
    (item.daysLeft < 0 ? group.overdue : group.dueSoon).push(item);
  };
  for (const { row, status: rowStatus, entry } of assessment.rows) {
    if (rowStatus === "已完成" || row.deadline === undefined) continue;
    const daysLeft = dayNumber(row.deadline) - today;
    if (daysLeft > options.days) continue;
    const base = {
      row,
      status: rowStatus,
      deadline: row.deadline,
      daysLeft,
      ...(entry?.actual !== undefined && { actual: entry.actual }),
    };
    if (row.leadUnits.length === 0) withoutLead.push({ ...base, role: "牵头" });
    for (const unit of new Set(row.leadUnits)) add(unit, { ...base, role: "牵头" });
    for (const unit of new Set(row.coUnits)) add(unit, { ...base, role: "配合" });
  }
  const groups = [...units.values()];
  for (const group of groups) {
    group.dueSoon.sort(byDeadline);
    group.overdue.sort(byDeadline);
  }
  const soonest = (g: UnitReminder): number => g.dueSoon[0]?.daysLeft ?? Infinity;
  // A unit that leads a row is answerable for it: it comes before one that only assists.
  const assistsOnly = (g: UnitReminder): number =>
    [...g.dueSoon, ...g.overdue].some((item) => item.role === "牵头") ? 0 : 1;
  groups.sort(
    (a, b) =>
      soonest(a) - soonest(b) || assistsOnly(a) - assistsOnly(b) || a.unit.localeCompare(b.unit, "zh-CN"),
  );
  return {
    ok: true,
    reminders: {
      date: options.date,
      days: options.days,
      until: isoFromDayNumber(today + options.days),
      replyBy,
      period: options.period,
      units: groups,
      withoutLead,
    },
  };
}

/** The window `buildReminders` takes when given neither days nor thresholds: the 设置 sheet's 临期提醒天数. */
export function defaultRemindDays(ledger: Pick<Ledger, "statusOptions">): number {
  return (ledger.statusOptions ?? DEFAULT_STATUS_OPTIONS).dueSoonDays;
}

/** What the list holds: `7日内（2024年10月15日前）到期或已超过完成时限的未完成任务`. */
export function reminderScope(list: ReminderList): string {
  return `${list.days}日内（${chineseDate(list.until)}前）到期或已超过完成时限的未完成任务`;
}

/** `共3个单位、8条`: a row reminded to two units counts once for each. */
export function reminderTally(list: ReminderList): string {
  const count = list.units.reduce((sum, g) => sum + g.dueSoon.length + g.overdue.length, 0);
  return `共${list.units.length}个单位、${count}条`;
}

/** Said when the list is empty: `截至2024年10月8日，各单位没有…，无需催办。` */
export function nothingToRemind(list: ReminderList, whose = "各单位"): string {
  return `截至${chineseDate(list.date)}，${whose}没有${reminderScope(list)}，无需催办。`;
}

/** The rows nobody can be reminded of, as a note; "" when there are none. */
export function remindersWithoutLeadNote(list: ReminderList): string {
  const count = list.withoutLead.length;
  return count > 0
    ? `另有${count}项临近完成时限或已逾期的任务未明确牵头单位，未列入催办，请在“任务清单”中补充牵头单位。`
    : "";
}

/** The reminders for one unit only, as the same list (`--unit`, one message). */
export function remindersFor(list: ReminderList, unit: string): ReminderList {
  return { ...list, units: list.units.filter((g) => g.unit === unit), withoutLead: [] };
}

/** `今天到期`, `剩余3天`, `已逾期12天`. */
export function daysLeftPhrase(daysLeft: number): string {
  if (daysLeft === 0) return "今天到期";
  return daysLeft > 0 ? `剩余${daysLeft}天` : `已逾期${-daysLeft}天`;
}

/** `将于2024年10月15日到期`, or `将于2024年10月15日至2024年10月20日陆续到期`. */
function dueWords(items: readonly ReminderItem[]): string {
  const first = items[0]?.deadline ?? "";
  const last = items.at(-1)?.deadline ?? first;
  return first === last
    ? `将于${chineseDate(first)}到期`
    : `将于${chineseDate(first)}至${chineseDate(last)}陆续到期`;
}

function itemLine(item: ReminderItem, index: number): string {
  const quoted = targetAndActual(item.row, item.actual);
  const inferred = item.row.deadlineInferred ? "（推定）" : "";
  return `${index + 1}.${taskSubject(item.row)}${quoted}，时限${chineseDate(item.deadline)}${inferred}，${daysLeftPhrase(item.daysLeft)}，当前状态：${item.status}；`;
}

/** The lines of one part, the last closed with `。` instead of `；`. */
function itemLines(items: readonly ReminderItem[]): string[] {
  const lines = items.map(itemLine);
  const last = lines.length - 1;
  if (last >= 0) lines[last] = `${(lines[last] ?? "").replace(/；$/, "")}。`;
  return lines;
}

/**
 * One unit's message, to paste into an email or a WeChat chat: what falls due, what is overdue,
 * by when to report. Parts with no rows are left out, so it never says `0项`.
 */
export function reminderText(group: UnitReminder, list: ReminderList): string {
  const lines: string[] = [`【催办】${group.unit}：`];
  const parts: { items: ReminderItem[]; intro: string }[] = [];
  for (const role of ["牵头", "配合"] as const) {
    const items = group.dueSoon.filter((item) => item.role === role);
    if (items.length > 0) {
      parts.push({
        items,
        intro: `你单位${role}的以下${items.length}项任务${dueWords(items)}，目前尚未完成：`,
      });
    }
  }
  for (const role of ["牵头", "配合"] as const) {
    const items = group.overdue.filter((item) => item.role === role);
    if (items.length > 0) {
      parts.push({ items, intro: `你单位${role}的以下${items.length}项任务已超过完成时限，仍未完成：` });
    }
  }
  for (const part of parts) lines.push(part.intro, ...itemLines(part.items));
  lines.push(`请于${chineseDate(list.replyBy)}前报送进展。`);
  return `${lines.join("\n")}\n`;
}

/** Every unit's message, one after another with a blank line between. */
export function renderRemindersText(list: ReminderList): string {
  return list.units.map((group) => reminderText(group, list)).join("\n");
}

/** The goal as the 目标 column shows it: the indicator's target, or the task done by its deadline. */
export function reminderTarget(row: LedgerRow): string {
  const target = targetPhrase(row);
  const metric = distinctMetric(row);
  if (target) return `${metric}${target}`;
  return metric || "按时限完成";
}

const SHEET_COLUMNS: readonly ColumnPlan[] = [
  { key: "unit", header: "单位", width: 16, style: COLUMN_STYLES.text },
  { key: "number", header: "编号", width: 7, style: COLUMN_STYLES.short },
  { key: "task", header: "任务", width: 40, style: COLUMN_STYLES.text },
  { key: "target", header: "目标", width: 24, style: COLUMN_STYLES.text },
  {
    key: "deadline",
    header: "时限",
    width: 15,
    style: { horizontal: "center", numberFormat: 'yyyy"年"m"月"d"日"' },
  },
  // A number, so the column sorts; the format says what a negative or zero means.
  {
    key: "daysLeft",
    header: "剩余天数",
    width: 11,
    style: { horizontal: "center", numberFormat: '0"天";"已逾期"0"天";"今天到期"' },
  },
  { key: "status", header: "当前状态", width: 11, style: COLUMN_STYLES.short },
  { key: "role", header: "牵头/配合", width: 9, style: COLUMN_STYLES.short },
];

const SHEET_WIDTH = SHEET_COLUMNS.reduce((sum, c) => sum + c.width, 0);
const STATUS_COLUMN = SHEET_COLUMNS.findIndex((c) => c.key === "status") + 1;

function sheetRow(group: UnitReminder, item: ReminderItem): RowPlan {
  const cells: CellValue[] = [
    group.unit,
    item.row.number,
    item.row.task,
    reminderTarget(item.row),
    dateCell(item.deadline),
    item.daysLeft,
    item.status,
    item.role,
  ];
  let lines = 1;
  SHEET_COLUMNS.forEach((column, index) => {
    const value = cells[index];
    if (column.style?.wrap && typeof value === "string")
      lines = Math.max(lines, wrappedLines(value, column.width));
  });
  return { cells, style: STYLES.body, height: rowHeight(lines) };
}

/**
 * The 催办清单 worksheet: the rows falling due, then — under their own label — the rows overdue,
 * each part with its header, per unit in the list's order. A part with no rows is left out.
 */
export function remindSheetPlan(list: ReminderList): SheetPlan {
  const width = SHEET_COLUMNS.length;
  const rows: RowPlan[] = [];
  const merges: string[] = [];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const spanned = (row: RowPlan): void => {
    rows.push(row);
    merges.push(rangeAddress(rows.length, 1, rows.length, width));
  };
  spanned({ cells: [REMIND_SHEET_NAME], style: STYLES.title, height: 30 });
  const note = `截至${chineseDate(list.date)}，${list.days}日内（${chineseDate(list.until)}前）到期和已超过完成时限的未完成任务；完成情况按${list.period.label}填报判定。请于${chineseDate(list.replyBy)}前报送进展。`;
  spanned({
    cells: [note],
    style: { ...STYLES.note, wrap: true },
    height: rowHeight(wrappedLines(note, SHEET_WIDTH, 10), 10),
  });

  const parts = [
    { label: `临近完成时限（${list.days}日内到期）`, pick: (g: UnitReminder) => g.dueSoon },
    { label: "已超过完成时限仍未完成", pick: (g: UnitReminder) => g.overdue },
  ];
  let numbered = 0;
  for (const { label, pick } of parts) {
    const items = list.units.flatMap((group) => pick(group).map((item) => ({ group, item })));
    if (items.length === 0) continue;
    rows.push({ cells: [] });
    spanned({
      cells: [`${chineseNumeral(++numbered)}、${label}（${items.length}项）`],
      style: { font: { name: FONTS.heading, size: 12 }, vertical: "middle" },
      height: rowHeight(1, 12),
    });
    rows.push({ cells: SHEET_COLUMNS.map((c) => c.header), style: STYLES.header, height: rowHeight(1) + 4 });
    const first = rows.length + 1;
    for (const { group, item } of items) rows.push(sheetRow(group, item));
    conditionalFormats.push({
      range: rangeAddress(first, STATUS_COLUMN, rows.length, STATUS_COLUMN),
      rules: statusRules(),
    });
  }
  return {
    name: REMIND_SHEET_NAME,
    visibility: "visible",
    columns: SHEET_COLUMNS,
    rows,
    merges,
    freeze: { rows: 2, columns: 0 },
    conditionalFormats,
    print: a4Print("landscape"),
    showGridLines: false,
  };
}

/** The 催办清单 as a workbook of its own, for `duban remind -o` and the pane's download. */
export function remindWorkbookPlan(list: ReminderList): WorkbookPlan {
  return {
    title: `${REMIND_SHEET_NAME}（${chineseDate(list.date)}）`,
    creator: "Duban 督办台账",
    sheets: [remindSheetPlan(list)],
    recalculateOnOpen: false,
  };
}
