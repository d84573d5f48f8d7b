import type { Ledger, LedgerRow, Period, Status, StatusGroup } from "../model";
import {
  DEFAULT_ISSUER,
  GROUP_WORDS,
  chineseDate,
  dayNumber,
  groupOf,
  isValidIsoDate,
  isoFromDayNumber,
  needsAttention,
} from "../model";
import type { RowAssessment, StatusOptions, UnitRollup } from "../progress";
import { DEFAULT_STATUS_OPTIONS, assessLedger, attentionCount, rollupByUnit } from "../progress";
import {
  bookTitle,
  formatPercent,
  joinNames,
  rowName,
  targetAndActual,
  withoutClosingPunctuation,
} from "./phrases";

/**
 * 督办通知单: one page per unit that leads rows behind schedule or overdue, saying what is behind,
 * by when the unit must answer and what the answer must hold. Rows led jointly appear in each lead
 * unit's notice; a co-unit is named beside the row and never gets a notice for a lead's row.
 */
export interface NoticeDoc {
  /** The unit addressed. */
  unit: string;
  /**
   * The n of 第n号: the year's sequence, which runs on from the notices of the year's earlier periods;
   * within a period, units in ranking order, worst first.
   */
  sequence: number;
  title: string;
  /** `督办〔2024〕第3号`. */
  number: string;
  /** 主送: the unit, ending with `：`. */
  recipient: string;
  /** Why the notice is sent: the basis and how many tasks are behind. */
  opening: string;
  /** 督办事项: the rows, in the ledger's order. */
  tasks: NoticeTask[];
  /** 存在问题: one line per row, numbered as the tasks are. */
  problems: string[];
  /** ISO date the reply is due: the date of issue plus the days allowed. */
  replyBy: string;
  /** 办理时限 as a sentence. */
  timeLimit: string;
  /** 反馈要求 as a sentence. */
  feedback: string;
  /** 落款: the office's own name, never the policy document's issuer. */
  issuer: string;
  /** ISO date of issue; renderers print it as `2024年10月8日`. */
  date: string;
  period: Period;
}

export interface NoticeTask {
  rowId: string;
  /** 编号 as in the ledger. */
  number: string;
  task: string;
  /** The indicator, when it says more than the task's title. */
  metric?: string;
  /**
   * The target quoted back for the table, a line each: `不少于20家` and `完成12家`; "" for a row
   * judged by its date alone, whose 时限 has its own column.
   */
  target: string;
  status: Status;
  /** ISO; absent when the row has none. */
  deadline?: string;
  deadlineInferred: boolean;
  coUnits: string[];
}

export interface NoticeOptions {
  period: Period;
  /** ISO date of issue. */
  date: string;
  /** 落款: `DEFAULT_ISSUER` when unset here and in the 设置 sheet; never the policy document's issuer. */
  issuer?: string;
  /**
   * Calendar days from the date of issue to the reply (自然日: working days would need the year's
   * holiday calendar, which changes by State Council notice each year).
   */
  dueInDays: number;
  /** ISO date of the reply; overrides `dueInDays`. */
  replyBy?: string;
  /** The 文号's prefix: `督办` in `督办〔2024〕第3号`. */
  numberPrefix: string;
  /**
   * The period's first 第n号. Unset, it follows the notices the year's earlier periods would have
   * numbered (`noticesEarlierInYear`); an office whose own register says otherwise sets it.
   */
  firstNumber?: number;
  status: StatusOptions;
}

export type NoticeInput = Pick<NoticeOptions, "period" | "date"> &
  Partial<Omit<NoticeOptions, "period" | "date">>;

export const DEFAULT_NOTICE_DAYS = 10;

export const NOTICE_TITLE = "督办通知单";

/** The four headings, in order, as every renderer prints them. */
export const NOTICE_HEADINGS = ["一、督办事项", "二、存在问题", "三、办理时限", "四、反馈要求"] as const;

export type NoticeErrorCode =
  "invalid-date" | "invalid-reply-by" | "invalid-days" | "invalid-first-number" | "empty-ledger";

export type BuildNoticesResult =
  | {
      ok: true;
      /** Empty when no unit leads a row behind or overdue. */
      notices: NoticeDoc[];
      /** True when nobody set a 发文单位 and the notices sign with `DEFAULT_ISSUER`: the caller says so. */
      issuerIsDefault: boolean;
      /** Rows behind or overdue that name no lead unit: no notice can go to anyone for them. */
      withoutLead: number;
    }
  | { ok: false; code: NoticeErrorCode; message: string };

/** Units with led rows behind or overdue, worst first: the order the 通报 names them in. */
function unitsToNotify(units: readonly UnitRollup[]): UnitRollup[] {
  return units
    .filter((u) => attentionCount(u.lead) > 0)
    .sort((a, b) => a.onPaceShare - b.onPaceShare || attentionCount(b.lead) - attentionCount(a.lead));
}

/**
 * How many notices the earlier periods of the period's year would have numbered, each judged with
 * the same rules: the first number of the period comes next, so the 督办 numbers run through the year.
 */
export function noticesEarlierInYear(
  ledger: Pick<Ledger, "year" | "documents" | "rows" | "progress" | "statusOptions" | "period">,
  period: Period,
  status: StatusOptions = ledger.statusOptions ?? DEFAULT_STATUS_OPTIONS,
): number {
  let count = 0;
  for (let earlier = period.previous(); earlier.year === period.year; earlier = earlier.previous()) {
    count += unitsToNotify(rollupByUnit(assessLedger(ledger, earlier, status))).length;
  }
  return count;
}

/** The row's indicator when it says more than the task's title (a task with several rows); else "". */
export function distinctMetric(row: Pick<LedgerRow, "task" | "metric">): string {
  const { task, metric } = row;
  return metric && metric !== task && !task.includes(metric) ? metric : "";
}

/** `强化市县医院区域引领作用：新建省级临床重点专科`, or the task alone. */
export function taskSubject(row: Pick<LedgerRow, "task" | "metric">): string {
  const metric = distinctMetric(row);
  return metric ? `${row.task}：${metric}` : row.task;
}

/**
 * `（目标：不少于20家，完成12家）` as the table's cell under its header 目标及完成情况: without the
 * brackets and the word 目标 that running text needs, the target and the actual on lines of their own.
 */
function tableTarget(quoted: string): string {
  const parts = /^（目标：(.+?)(?:，(.+))?）$/u.exec(quoted);
  if (!parts) return quoted;
  return parts[2] === undefined ? (parts[1] ?? "") : `${parts[1] ?? ""}\n${parts[2]}`;
}

function noticeTask(row: RowAssessment): NoticeTask {
  const { id, number, task, deadline, deadlineInferred, coUnits } = row.row;
  const metric = distinctMetric(row.row);
  return {
    rowId: id,
    number,
    task,
    ...(metric && { metric }),
    target: tableTarget(targetAndActual(row.row, row.entry?.actual)),
    status: row.status,
    ...(deadline !== undefined && { deadline }),
    deadlineInferred: deadlineInferred === true,
    coUnits: [...coUnits],
  };
}

/** `进度滞后2项、逾期未完成1项`, the groups present in the standard order; no zero counts. */
function groupCounts(rows: readonly RowAssessment[]): string {
  const order: StatusGroup[] = ["behind", "overdue"];
  return order
    .map((group) => ({ group, n: rows.filter((r) => groupOf(r.status) === group).length }))
    .filter(({ n }) => n > 0)
    .map(({ group, n }) => `${GROUP_WORDS[group]}${n}项`)
    .join("、");
}

/** Who said a problem: the unit addressed as `你单位`, another (a joint lead, a co-unit) by name. */
function speaker(row: RowAssessment, unit: string): string {
  const by = row.entry?.reportedBy.trim() ?? "";
  const named = row.row.leadUnits.includes(by) || row.row.coUnits.includes(by);
  return named && by !== unit ? by : "你单位";
}

/**
 * `1.建设胸痛中心（目标：不少于20家，完成12家）：进度滞后，完成率60.0%，低于序时进度74.9%；你单位反映：…。`
 * The days overdue count to the date of issue, the day the unit reads it.
 */
function problemLine(
  row: RowAssessment,
  task: NoticeTask,
  index: number,
  unit: string,
  date: string,
): string {
  const parts: string[] = [row.status === "未启动" ? "尚未启动" : row.status];
  const { completion, expected } = row;
  if (completion !== undefined) {
    // Past the deadline 序时 is 100%: the rate alone says it.
    const below = expected !== undefined && completion < expected && groupOf(row.status) === "behind";
    parts.push(
      `完成率${formatPercent(completion, 1)}%${below ? `，低于序时进度${formatPercent(expected, 1)}%` : ""}`,
    );
  }
  const late = task.deadline === undefined ? 0 : dayNumber(date) - dayNumber(task.deadline);
  if (late > 0) parts.push(`已超过完成时限${late}天`);
  const problems = row.entry && !row.carried ? withoutClosingPunctuation(row.entry.problems) : "";
  const said = problems ? `；${speaker(row, unit)}反映：${problems}` : "";
  return `${index + 1}.${rowName(row.row)}：${parts.join("，")}${said}。`;
}

function opening(
  ledger: Pick<Ledger, "documents" | "title">,
  period: Period,
  rows: readonly RowAssessment[],
): string {
  const titles = ledger.documents.map((d) => bookTitle(d.title)).join("");
  const basis = titles || bookTitle(ledger.title);
  return `根据${basis}确定的目标任务和截至${period.endLabel}的推进情况，你单位牵头的任务中，${groupCounts(rows)}。现予督办，请抓紧整改。`;
}

/** Builds the period's 督办通知单 from the ledger's reports. Problems with the input come back as data. */
export function buildNotices(ledger: Ledger, input: NoticeInput): BuildNoticesResult {
  const settings = ledger.reportSettings ?? {};
  const options: NoticeOptions = {
    dueInDays: DEFAULT_NOTICE_DAYS,
    numberPrefix: "督办",
    status: ledger.statusOptions ?? DEFAULT_STATUS_OPTIONS,
    ...(settings.issuer !== undefined && { issuer: settings.issuer }),
    ...input,
  };
  if (!isValidIsoDate(options.date)) {
    return {
      ok: false,
      code: "invalid-date",
      message: `成文日期“${options.date}”无效，请写成 2024-10-08 的形式。`,
    };
  }
  if (!Number.isInteger(options.dueInDays) || options.dueInDays < 1) {
    return {
      ok: false,
      code: "invalid-days",
      message: `办理时限天数“${options.dueInDays}”无效，请写一个不小于1的整数。`,
    };
  }
  const replyBy = options.replyBy ?? isoFromDayNumber(dayNumber(options.date) + options.dueInDays);
  if (!isValidIsoDate(replyBy) || replyBy <= options.date) {
    return {
      ok: false,
      code: "invalid-reply-by",
      message: `办理时限“${replyBy}”无效，应为成文日期之后的日期，写成 2024-10-18 的形式。`,
    };
  }
  const { firstNumber } = options;
  if (firstNumber !== undefined && (!Number.isInteger(firstNumber) || firstNumber < 1)) {
    return {
      ok: false,
      code: "invalid-first-number",
      message: `起始编号“${firstNumber}”无效，请写一个不小于1的整数。`,
    };
  }
  if (ledger.rows.length === 0) {
    return { ok: false, code: "empty-ledger", message: "台账中没有任务，无法生成督办通知单。" };
  }

  const setIssuer = options.issuer?.trim() ?? "";
  const issuer = setIssuer || DEFAULT_ISSUER;
  const { period, date } = options;
  const assessment = assessLedger(ledger, period, options.status);
  const days = dayNumber(replyBy) - dayNumber(date);
  const timeLimit = `请于${chineseDate(replyBy)}前办理并反馈（自本通知印发之日起${days}日内）。`;
  const feedback = `请你单位高度重视，认真分析滞后原因，于${chineseDate(replyBy)}前将上述任务的整改措施、完成时限、责任人书面报送${issuer}；确实难以按期完成的，应说明原因。`;

  const first = firstNumber ?? noticesEarlierInYear(ledger, period, options.status) + 1;

  const notices = unitsToNotify(rollupByUnit(assessment)).map((rollup, index): NoticeDoc => {
    const rows = rollup.leadRows.filter((r) => needsAttention(r.status));
    const tasks = rows.map(noticeTask);
    const sequence = first + index;
    return {
      unit: rollup.unit,
      sequence,
      title: NOTICE_TITLE,
      number: `${options.numberPrefix}〔${period.year}〕第${sequence}号`,
      recipient: `${rollup.unit}：`,
      opening: opening(ledger, period, rows),
      tasks,
      problems: rows.map((row, i) => problemLine(row, tasks[i] as NoticeTask, i, rollup.unit, date)),
      replyBy,
      timeLimit,
      feedback,
      issuer,
      date,
      period,
    };
  });
  const withoutLead = assessment.rows.filter(
    (r) => r.row.leadUnits.length === 0 && needsAttention(r.status),
  ).length;
  return { ok: true, notices, issuerIsDefault: setIssuer === "", withoutLead };
}

/** Said when no lead unit has a row behind or overdue: `2024年第三季度各单位没有…，无需督办`, unpunctuated. */
export function nothingToNotify(period: Period): string {
  return `${period.label}各单位没有进度滞后、未启动或逾期未完成的牵头任务，无需督办`;
}

/** The rows behind that no notice can go out for (`withoutLead`); "" when there are none. */
export function noticesWithoutLeadNote(withoutLead: number): string {
  return withoutLead > 0
    ? `另有${withoutLead}项未达到序时进度或逾期的任务未明确牵头单位，未生成督办通知单，请在“任务清单”中补充牵头单位。`
    : "";
}

/**
 * The 督办事项 table's columns and cells: what the renderers print, decided once. The 配合单位 follow
 * the task in its cell, so five columns fit the page's width at 五号.
 */
export const NOTICE_TASK_COLUMNS = ["编号", "任务", "目标及完成情况", "完成时限", "当前状态"] as const;

/** The cells of one row; a line break in a cell starts a line of its own. */
export function noticeTaskCells(task: NoticeTask): string[] {
  const subject = taskSubject({ task: task.task, metric: task.metric ?? "" });
  const co = task.coUnits.length > 0 ? `（配合单位：${joinNames(task.coUnits)}）` : "";
  // The plan's horizon is marked on a line of its own, under a date that fills the narrow column.
  const deadline =
    task.deadline === undefined
      ? "未明确"
      : `${chineseDate(task.deadline)}${task.deadlineInferred ? "\n（推定）" : ""}`;
  return [task.number, `${subject}${co}`, task.target || "—", deadline, task.status];
}
