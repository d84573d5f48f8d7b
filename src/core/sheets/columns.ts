import { COLUMN_STYLES } from "./styles";
import type { ColumnPlan } from "./types";

/**
 * The columns of the two table sheets. Readers find each column by its header text, so people may
 * reorder columns or add their own; the `key` names what a column holds.
 */
export const SHEET_NAMES = {
  tasks: "任务清单",
  progress: "进度填报",
  summary: "单位汇总",
  report: "通报",
  settings: "设置",
  metadata: "_duban",
} as const;

/** The 设置 sheet's labels that the reader looks for, beside the thresholds'. */
export const REPORT_SETTING_LABELS = {
  rankMinTasks: "排名最少任务数",
  issuer: "发文单位",
  recipients: "主送单位",
  scope: "通报范围",
} as const;

export type TaskColumnKey =
  | "number"
  | "section"
  | "task"
  | "measures"
  | "metric"
  | "op"
  | "baseline"
  | "target"
  | "unit"
  | "deadline"
  | "deadlineSource"
  | "leadUnits"
  | "coUnits"
  | "source"
  | "note"
  | "rowId";

export interface KeyedColumn<K extends string> extends ColumnPlan {
  key: K;
}

export const TASK_COLUMNS: readonly KeyedColumn<TaskColumnKey>[] = [
  { key: "number", header: "编号", width: 10, style: COLUMN_STYLES.short },
  { key: "section", header: "篇章", width: 16, style: COLUMN_STYLES.text },
  { key: "task", header: "任务", width: 24, style: COLUMN_STYLES.text },
  { key: "measures", header: "工作措施", width: 36, style: COLUMN_STYLES.text },
  { key: "metric", header: "指标", width: 26, style: COLUMN_STYLES.text },
  { key: "op", header: "比较", width: 6, style: COLUMN_STYLES.short },
  { key: "baseline", header: "起始值", width: 8, style: COLUMN_STYLES.number, input: true },
  { key: "target", header: "目标值", width: 9, style: COLUMN_STYLES.number },
  { key: "unit", header: "单位", width: 7, style: COLUMN_STYLES.short },
  { key: "deadline", header: "时限", width: 12, style: COLUMN_STYLES.date },
  { key: "deadlineSource", header: "时限来源", width: 10, style: COLUMN_STYLES.short },
  { key: "leadUnits", header: "牵头单位", width: 16, style: COLUMN_STYLES.text },
  { key: "coUnits", header: "配合单位", width: 20, style: COLUMN_STYLES.text },
  { key: "source", header: "来源", width: 32, style: COLUMN_STYLES.text },
  { key: "note", header: "备注", width: 12, style: COLUMN_STYLES.text },
  { key: "rowId", header: "行ID", width: 18, style: COLUMN_STYLES.id, hidden: true },
];

/** 时限来源: a deadline the document states, or one inferred from the plan's horizon. */
export const DEADLINE_SOURCES = { stated: "文件明确", inferred: "推定" } as const;

export type ProgressColumnKey =
  | "period"
  | "number"
  | "item"
  | "leadUnits"
  | "op"
  | "baseline"
  | "target"
  | "unit"
  | "deadline"
  | "actual"
  | "reportedStatus"
  | "progress"
  | "problems"
  | "reportedBy"
  | "reportedAt"
  | "expected"
  | "completion"
  | "judgedStatus"
  | "alert"
  | "check"
  | "start"
  | "end"
  | "doneFlag"
  | "hasReport"
  | "counted"
  | "taskRow"
  | "section"
  | "coUnits"
  | "rowId";

const percent = { ...COLUMN_STYLES.percent, numberFormat: "0%" };

/**
 * 进度填报: one line per row and period. The row's 比较, 起始值, 目标值 and 时限 are looked up from
 * 任务清单 by the row's ID, so an edit there counts here; 序时进度 to 核对 are live formulas.
 */
export const PROGRESS_COLUMNS: readonly KeyedColumn<ProgressColumnKey>[] = [
  // Text, so Excel never turns `2024年9月` into a date.
  { key: "period", header: "期间", width: 14, style: { ...COLUMN_STYLES.short, numberFormat: "@" } },
  { key: "number", header: "编号", width: 10, style: COLUMN_STYLES.short },
  { key: "item", header: "任务及指标", width: 28, style: COLUMN_STYLES.text },
  { key: "leadUnits", header: "牵头单位", width: 14, style: COLUMN_STYLES.text },
  { key: "op", header: "比较", width: 6, style: COLUMN_STYLES.short },
  { key: "baseline", header: "起始值", width: 8, style: COLUMN_STYLES.number },
  { key: "target", header: "目标值", width: 8, style: COLUMN_STYLES.number },
  { key: "unit", header: "单位", width: 6, style: COLUMN_STYLES.short },
  { key: "deadline", header: "时限", width: 11, style: COLUMN_STYLES.date },
  { key: "actual", header: "完成值", width: 9, style: COLUMN_STYLES.number, input: true },
  { key: "reportedStatus", header: "填报状态", width: 11, style: COLUMN_STYLES.short, input: true },
  { key: "progress", header: "进展情况", width: 30, style: COLUMN_STYLES.text, input: true },
  { key: "problems", header: "存在问题", width: 22, style: COLUMN_STYLES.text, input: true },
  { key: "reportedBy", header: "报送单位", width: 12, style: COLUMN_STYLES.text, input: true },
  { key: "reportedAt", header: "报送时间", width: 11, style: COLUMN_STYLES.short, input: true },
  { key: "expected", header: "序时进度", width: 9, style: percent },
  { key: "completion", header: "完成率", width: 9, style: percent },
  { key: "judgedStatus", header: "判定状态", width: 11, style: COLUMN_STYLES.short },
  { key: "alert", header: "预警", width: 7, style: COLUMN_STYLES.short },
  { key: "check", header: "核对", width: 14, style: COLUMN_STYLES.text },
  // Read by the formulas, not by people.
  { key: "start", header: "起算日", width: 11, style: COLUMN_STYLES.date, hidden: true },
  { key: "end", header: "期末", width: 11, style: COLUMN_STYLES.date, hidden: true },
  { key: "doneFlag", header: "完成标记", width: 6, style: COLUMN_STYLES.integer, hidden: true },
  { key: "hasReport", header: "已报送", width: 6, style: COLUMN_STYLES.integer, hidden: true },
  { key: "counted", header: "计入", width: 6, style: COLUMN_STYLES.integer, hidden: true },
  { key: "taskRow", header: "任务行", width: 6, style: COLUMN_STYLES.integer, hidden: true },
  { key: "section", header: "篇章", width: 16, style: COLUMN_STYLES.text, hidden: true },
  { key: "coUnits", header: "配合单位", width: 16, style: COLUMN_STYLES.text, hidden: true },
  { key: "rowId", header: "行ID", width: 18, style: COLUMN_STYLES.id, hidden: true },
];

/** 1-based column number of `key` in `columns`. */
export function columnOf<K extends string>(columns: readonly KeyedColumn<K>[], key: K): number {
  return columns.findIndex((c) => c.key === key) + 1;
}

/** Sections in 进度填报's hidden 篇章 column need a name the 单位汇总 can show and match. */
export function sectionLabel(section: string): string {
  return section || "（未分篇章）";
}

/**
 * 报送时间 is shown as Beijing wall-clock time, `2024-10-05 09:00`, the way offices write it; the
 * reader turns that form back into `2024-10-05T09:00:00+08:00`. Anything else is shown as written.
 */
const BEIJING_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):00(?:\.000)?\+08:00$/;
const SHOWN_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/;

export function showReportedAt(reportedAt: string): string {
  const match = BEIJING_TIME.exec(reportedAt);
  return match ? `${match[1]} ${match[2]}` : reportedAt;
}

export function readReportedAt(text: string): string {
  const match = SHOWN_TIME.exec(text);
  return match ? `${match[1]}T${match[2]}:00+08:00` : text;
}
