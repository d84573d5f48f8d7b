import { COLUMN_STYLES } from "../sheets/styles";
import type { ColumnPlan } from "../sheets/types";

/**
 * The 填报 workbook a unit receives and sends back: the names both the split (which writes it) and
 * the merge (which reads it) rely on. The reader finds columns by header text, as the ledger reader
 * does, so a unit that moves columns or reorders rows still merges.
 */
export const FORM_SHEET_NAMES = {
  instructions: "填报说明",
  progress: "进度填报",
} as const;

/** `_duban` records a 填报 workbook adds to the ledger's: that it is a form, and whose. */
export const FORM_RECORDS = {
  form: "form",
  unit: "unit",
} as const;

export const FORM_KIND = "填报";

export type FormColumnKey =
  | "number"
  | "item"
  | "role"
  | "leadUnits"
  | "coUnits"
  | "target"
  | "baseline"
  | "unit"
  | "deadline"
  | "previousActual"
  | "previousStatus"
  | "previousProgress"
  | "actual"
  | "reportedStatus"
  | "progress"
  | "problems"
  | "rowId";

export interface FormColumn extends ColumnPlan {
  key: FormColumnKey;
}

export const FORM_COLUMNS: readonly FormColumn[] = [
  { key: "number", header: "编号", width: 8, style: COLUMN_STYLES.short },
  { key: "item", header: "任务及指标", width: 30, style: COLUMN_STYLES.text },
  { key: "role", header: "本单位职责", width: 11, style: COLUMN_STYLES.short },
  { key: "leadUnits", header: "牵头单位", width: 14, style: COLUMN_STYLES.text },
  { key: "coUnits", header: "配合单位", width: 14, style: COLUMN_STYLES.text },
  { key: "target", header: "目标值", width: 8, style: COLUMN_STYLES.number },
  // Where the unit started, for a target measured from it (`提高到90%`): the lead unit may set it.
  { key: "baseline", header: "起始值", width: 8, style: COLUMN_STYLES.number, input: true },
  { key: "unit", header: "单位", width: 6, style: COLUMN_STYLES.short },
  { key: "deadline", header: "时限", width: 11, style: COLUMN_STYLES.date },
  { key: "previousActual", header: "上期完成值", width: 9, style: COLUMN_STYLES.number },
  { key: "previousStatus", header: "上期状态", width: 10, style: COLUMN_STYLES.short },
  { key: "previousProgress", header: "上期进展情况", width: 22, style: COLUMN_STYLES.text },
  { key: "actual", header: "完成值", width: 10, style: COLUMN_STYLES.number, input: true },
  { key: "reportedStatus", header: "状态", width: 11, style: COLUMN_STYLES.short, input: true },
  { key: "progress", header: "进展情况", width: 30, style: COLUMN_STYLES.text, input: true },
  { key: "problems", header: "存在问题", width: 22, style: COLUMN_STYLES.text, input: true },
  { key: "rowId", header: "行ID", width: 18, style: COLUMN_STYLES.id, hidden: true },
];

export const FORM_HEADER_ROW = 2;
export const FORM_FIRST_DATA_ROW = FORM_HEADER_ROW + 1;
