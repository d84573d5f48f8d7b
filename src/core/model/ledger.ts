import type { Op, TableColumn } from "./document";
import type { Period, PeriodKey, PeriodKind } from "./period";
import type { Status, StatusOptions } from "./status";
import type { UnitAliases } from "./units";

/** The version of the ledger's `_duban` records; a reader refuses a ledger newer than it knows. */
export const LEDGER_SCHEMA_VERSION = 2;

/** One line of the 台账: an indicator, or a task that has none. */
export interface LedgerRow {
  /** The indicator's ID, or the task's ID for a task without indicators. */
  id: string;
  taskId: string;
  docId: string;
  /** 编号 as shown to people: the task's number, with the indicator's ordinal when it has several. */
  number: string;
  section: string;
  task: string;
  /** 工作措施: what the task says beyond its title. */
  measures?: string;
  metric: string;
  op?: Op;
  /** 起始值: where the unit started; completion is measured from it when set. */
  baseline?: number;
  target?: number;
  unit?: string;
  /** ISO date. */
  deadline?: string;
  /** The document names no deadline for the row: it is the plan's horizon, and the sheet says so. */
  deadlineInferred?: boolean;
  leadUnits: string[];
  coUnits: string[];
  /** Where the row came from: document title and the quoted phrase. */
  source: string;
  /** 备注: what people wrote beside the row, and cell text that could not be read as a number or date. */
  note?: string;
}

/** What a unit reported for one row in one period; values are cumulative to the period's end. */
export interface ProgressEntry {
  rowId: string;
  /** As stored; a period nobody could read is kept as written. */
  period: PeriodKey;
  actual?: number;
  /** What was written as 完成值 when it is not a number (`2024年9月完成1个`): kept as sent, judged as no number. */
  actualText?: string;
  /** The status the unit chose; the computed status may differ and is what reports use. */
  status?: Status;
  /** What was written as 填报状态 when it is not one of the list (`完成`): kept as sent, flagged. */
  statusText?: string;
  progress: string;
  problems: string;
  reportedBy: string;
  /** ISO date-time. */
  reportedAt?: string;
}

export interface LedgerDocumentRef {
  id: string;
  title: string;
  year: number;
  issuer?: string;
  date?: string;
  sourceName?: string;
}

/**
 * What the 通报 says in the office's own name, kept in the 设置 sheet. Never taken from the policy
 * document: its issuer is usually a superior body, not the office that writes the 通报.
 */
export interface ReportSettings {
  /** 发文单位: the 落款, and who speaks in the opening. */
  issuer?: string;
  /** 主送, e.g. `各区（市）县卫生健康局：`. */
  recipients?: string;
  /** The scope in the title: `关于2024年第三季度{scope}重点工作推进情况的通报`. */
  scope?: string;
}

/** Who signs when the office has not said: a neutral name, never a superior body's. */
export const DEFAULT_ISSUER = "督查督办办公室";
export const DEFAULT_RECIPIENTS = "各有关单位：";

export interface Ledger {
  schemaVersion: number;
  /** Identifies this ledger across email round trips. */
  id: string;
  title: string;
  year: number;
  periodKind: PeriodKind;
  /** The period being tracked now. */
  period: Period;
  /** The office's own unit aliases the ledger was read with, on top of the built-in ones. */
  unitAliases: UnitAliases;
  /** The thresholds the ledger is judged by, as its 设置 sheet holds them; defaults when absent. */
  statusOptions?: StatusOptions;
  reportSettings?: ReportSettings;
  /** How the office's own task table was read, when the ledger was adopted from one: for next month. */
  tableColumns?: TableColumn[];
  documents: LedgerDocumentRef[];
  rows: LedgerRow[];
  /** Every period's reports; history is kept, never overwritten. */
  progress: ProgressEntry[];
}
