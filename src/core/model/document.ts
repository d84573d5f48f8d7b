/**
 * What the parser makes of one policy document; offsets in `Span` count UTF-16 code units of the
 * text the parser was given (before any normalisation), so the UI can highlight the source.
 */

import type { Diagnostic, Span } from "./diagnostics";

export type Op = ">=" | "<=" | "=" | ">" | "<" | "milestone";

/** How sheets show a comparison (the workbook's formulas read these); readers also accept ASCII. */
export const OP_SYMBOLS: Readonly<Record<Op, string>> = {
  ">=": "≥",
  "<=": "≤",
  "=": "=",
  ">": ">",
  "<": "<",
  milestone: "节点",
};

export interface Indicator {
  /** Stable: derived from the document ID and the indicator's position. */
  id: string;
  /** The task it belongs to; absent for document-level targets. */
  taskId?: string;
  metric: string;
  op: Op;
  value?: number;
  /** Upper bound of a range such as `2至3个`; `value` holds the lower bound. */
  maxValue?: number;
  /** Where the measure starts (`由85%提高到90%`), when someone set it in 校对: completion counts from it. */
  baseline?: number;
  /** The document's own unit: `%`, `个`, `家`, `名`, `亩`… */
  unit?: string;
  /** ISO date `YYYY-MM-DD`; the end of the document's year when the text names none. */
  deadline?: string;
  /** True when the text named the deadline, false when it is the default. */
  deadlineStated: boolean;
  /** The clause the indicator was read from, as normalised text: its source, quoted. */
  text: string;
  span: Span;
  /** The grammar rule that read it (`comparison`, `quota`, `milestone`…), shown in 校对 as "why". */
  rule?: string;
}

/** What a column of a task table holds, as its header says (or the user chose). */
export const COLUMN_ROLES = [
  "number",
  "section",
  "task",
  "measures",
  "target",
  "lead",
  "co",
  "responsible",
  "person",
  "deadline",
  "progress",
  "note",
  "ignore",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export function isColumnRole(text: string): text is ColumnRole {
  return (COLUMN_ROLES as readonly string[]).includes(text);
}

/** A column of a task table as the workbook remembers it: its header and the role it was given. */
export interface TableColumn {
  header: string;
  role: ColumnRole;
}

export type DocumentKind = "work-points" | "implementation-plan" | "task-table" | "news" | "prose";

export interface Section {
  id: string;
  /** `一`, `二`… or an article's ordinal for news. */
  number: string;
  title: string;
  span: Span;
}

export interface Task {
  id: string;
  /** The document's own number: `8`, `二十`; news paragraphs are numbered 1, 2… */
  number: string;
  title: string;
  /** The whole item, normalised, with the responsibility clause left in. */
  text: string;
  /** What the item says beyond its title, without its responsibility clause: its 工作措施. */
  measures: string;
  /** Title of the section (篇章) the task sits in; empty when the document has none. */
  section: string;
  sectionId?: string;
  leadUnits: string[];
  coUnits: string[];
  /** `按职责分工负责`: the lead units share the lead. */
  jointLead: boolean;
  /** Units a standing note makes responsible (`以下均需各市(州)人民政府落实`). */
  implementingUnits: string[];
  /** The latest deadline the task names, ISO; absent when it names none. */
  deadline?: string;
  indicators: Indicator[];
  /** Unit names that appear in the text, for suggestions when no unit is assigned. */
  mentionedUnits: string[];
  span: Span;
}

export interface PlanDocument {
  /** Short hash of the source text: the same text always gets the same ID. */
  id: string;
  title: string;
  year: number;
  issuer?: string;
  /** ISO date of issue when the document states it. */
  date?: string;
  /**
   * The plan's horizon, ISO: the date a task with no deadline of its own is due by — the end of
   * the plan's last year (`（2023—2025年）`, `到2025年`) or of the year of issue.
   */
  horizon: string;
  kind: DocumentKind;
  sections: Section[];
  tasks: Task[];
  /** Targets that belong to no task. */
  indicators: Indicator[];
  diagnostics: Diagnostic[];
  /** File name or label the text came from. */
  sourceName?: string;
}
