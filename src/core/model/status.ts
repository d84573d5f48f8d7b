/**
 * The statuses a row can have in a period, the groups every count of them goes by, and the words
 * people write for them. Every stage — the judgement, the roll-ups, the 通报, the sheets, the forms
 * and the pane — takes them from here, so the 通报 cannot count one way in its overview and another
 * in its section lines.
 */

export const STATUSES = ["已完成", "序时推进", "进度滞后", "逾期未完成", "未启动", "未报送"] as const;
export type Status = (typeof STATUSES)[number];

/** What a unit may choose in 填报状态: every status but 未报送, which only the absence of a report gives. */
export const REPORTABLE_STATUSES: readonly Status[] = STATUSES.filter((s) => s !== "未报送");

/** The choices as one sentence, for prompts and error messages: `已完成、序时推进、…或未启动`. */
export const REPORTABLE_STATUS_SENTENCE = `${REPORTABLE_STATUSES.slice(0, -1).join("、")}或${REPORTABLE_STATUSES.at(-1) ?? ""}`;

/**
 * The five groups a 通报 counts, disjoint and covering every status: 已完成, 达到序时进度, 未达到序时进度
 * (滞后 or not started), 逾期未完成 and 未报送.
 */
export type StatusGroup = "complete" | "onPace" | "behind" | "overdue" | "unreported";

export const STATUS_GROUPS: readonly StatusGroup[] = [
  "complete",
  "onPace",
  "behind",
  "overdue",
  "unreported",
];

export const GROUP_OF_STATUS: Readonly<Record<Status, StatusGroup>> = {
  已完成: "complete",
  序时推进: "onPace",
  进度滞后: "behind",
  未启动: "behind",
  逾期未完成: "overdue",
  未报送: "unreported",
};

/** How the 通报 names each group in its counts. */
export const GROUP_WORDS: Readonly<Record<StatusGroup, string>> = {
  complete: "已完成",
  onPace: "达到序时进度",
  behind: "未达到序时进度",
  overdue: "逾期未完成",
  unreported: "未报送",
};

export function groupOf(status: Status): StatusGroup {
  return GROUP_OF_STATUS[status];
}

/** Behind schedule or overdue: the rows a 通报 names, a 督办通知单 lists and the pane's filter shows. */
export function needsAttention(status: Status): boolean {
  const group = groupOf(status);
  return group === "behind" || group === "overdue";
}

/** Complete or on schedule: the rows that meet the schedule. */
export function meetsSchedule(status: Status): boolean {
  const group = groupOf(status);
  return group === "complete" || group === "onPace";
}

/**
 * Words people type in 填报状态 instead of the listed statuses. They are read, but never silently:
 * the reader reports each one with its cell, because `完成` may mean done or merely "under way".
 */
const STATUS_SYNONYMS: Readonly<Record<string, Status>> = {
  完成: "已完成",
  已完成: "已完成",
  提前完成: "已完成",
  全部完成: "已完成",
  按序时推进: "序时推进",
  达到序时进度: "序时推进",
  按序时: "序时推进",
  正常推进: "序时推进",
  推进中: "序时推进",
  正在推进: "序时推进",
  滞后: "进度滞后",
  未达到序时进度: "进度滞后",
  慢于序时: "进度滞后",
  逾期: "逾期未完成",
  未开始: "未启动",
  尚未启动: "未启动",
};

export type StatusReading =
  | { kind: "listed"; status: Status }
  | { kind: "synonym"; status: Status; written: string }
  | { kind: "unknown"; written: string };

/** What a typed 填报状态 says: one of the list, a word read as one of it, or a word not on it. */
export function readStatusWord(text: string): StatusReading | undefined {
  const written = text.replace(/\s+/g, "");
  if (!written) return undefined;
  if ((STATUSES as readonly string[]).includes(written)) return { kind: "listed", status: written as Status };
  const synonym = STATUS_SYNONYMS[written];
  return synonym ? { kind: "synonym", status: synonym, written } : { kind: "unknown", written };
}

/** The thresholds behind the status rules. Offices differ: these are settings, kept in the workbook. */
export interface StatusOptions {
  /** Completion at or above which a numeric row counts as 已完成. */
  completeAt: number;
  /** How far completion may fall short of 序时进度 (as a share, 0.05 = 5 points) and still count as on pace. */
  paceTolerance: number;
  /** A row judged 已完成 in an earlier period stays 已完成 when its unit sends nothing new. */
  carryCompletion: boolean;
  /** 三色预警: behind 序时 by more than this share is red, up to it yellow. */
  amberGap: number;
  /** 三色预警: a row on schedule but due within this many days and not done is blue (催办). */
  dueSoonDays: number;
  /**
   * Units leading fewer rows than this are listed but not ranked: one task on schedule is not the
   * same record as twenty. The 通报 states the rule; 单位汇总's 排名 formula reads the same cell.
   */
  rankMinTasks: number;
  /**
   * The plan's start and the current period's end as someone set them in the 设置 sheet (ISO), when
   * they differ from the document's date and the period's last day; the workbook judges by them.
   */
  planStart?: string;
  periodEnd?: string;
}

export const DEFAULT_STATUS_OPTIONS: StatusOptions = {
  completeAt: 1,
  paceTolerance: 0,
  carryCompletion: true,
  amberGap: 0.1,
  dueSoonDays: 15,
  rankMinTasks: 3,
};

/**
 * The one figure units are ranked by, under one name in the 通报, its attachments, 单位汇总 and the
 * pane: the rows complete or on schedule as a share of the rows the unit leads.
 */
export const PACE_RATE_WORD = "序时推进率";
export const PACE_RATE_DEFINITION = "已完成和达到序时进度的任务占牵头任务的比例";

/**
 * 三色预警 as offices run it: 完成 (its own green), 绿 on schedule, 黄 behind 序时 by up to the amber
 * gap, 红 behind by more or overdue, 蓝 on schedule but due soon and not done (催办), 灰 not reported.
 */
export const ALERTS = ["完成", "绿", "黄", "红", "蓝", "灰"] as const;
export type Alert = (typeof ALERTS)[number];

/** How the sheet, the pane and the 通报 name each warning. */
export const ALERT_WORDS: Readonly<Record<Alert, string>> = {
  完成: "已完成",
  绿: "绿色：序时推进",
  黄: "黄色：稍慢于序时",
  红: "红色：明显滞后或逾期",
  蓝: "蓝色：临近时限，需催办",
  灰: "灰色：未报送",
};

/** The warning colours, `RRGGBB` fill and text, shared by the sheet's formats and the pane's badges. */
export const ALERT_COLOURS: Readonly<Record<Alert, { fill: string; text: string }>> = {
  完成: { fill: "A9D08E", text: "375623" },
  绿: { fill: "C6EFCE", text: "006100" },
  黄: { fill: "FFEB9C", text: "9C5700" },
  红: { fill: "FFC7CE", text: "9C0006" },
  蓝: { fill: "BDD7EE", text: "1F4E79" },
  灰: { fill: "EDEDED", text: "595959" },
};
