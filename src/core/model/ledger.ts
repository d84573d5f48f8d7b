import type { Op } from "./document";

/** `2024-09` for a month, `2024-Q3` for a quarter. */
export type Period = string;
export type PeriodKind = "month" | "quarter";

export const STATUSES = ["已完成", "序时推进", "进度滞后", "逾期未完成", "未启动", "未报送"] as const;
export type Status = (typeof STATUSES)[number];

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
  metric: string;
  op?: Op;
  target?: number;
  unit?: string;
  /** ISO date. */
  deadline?: string;
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
  period: Period;
  actual?: number;
  /** The status the unit chose; the computed status may differ and is what reports use. */
  status?: Status;
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

export interface Ledger {
  schemaVersion: number;
  /** Identifies this ledger across email round trips. */
  id: string;
  title: string;
  year: number;
  periodKind: PeriodKind;
  /** The period being tracked now. */
  period: Period;
  documents: LedgerDocumentRef[];
  rows: LedgerRow[];
  /** Every period's reports; history is kept, never overwritten. */
  progress: ProgressEntry[];
}
