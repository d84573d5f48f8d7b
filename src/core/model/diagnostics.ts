/**
 * Diagnostics: problems and notes the user should see, never thrown, always returned. Every stage —
 * parser, ledger, sheet reader, 分发/汇总, the Excel writer — speaks this one shape, so the pane and
 * the CLI show one list. Where a diagnostic points is a span of the source text, a cell of a
 * workbook, or a ledger row.
 */

import type { Indicator } from "./document";

export interface Span {
  /** UTF-16 offsets into the text the parser was given (before normalisation). */
  start: number;
  end: number;
}

export type Severity = "error" | "warning" | "info";

export type DiagnosticLocation =
  | { kind: "text"; span: Span; /** 1-based. */ line: number; /** 1-based. */ column: number }
  | { kind: "cell"; sheet: string; /** A1 address; absent for the sheet as a whole. */ cell?: string }
  | { kind: "row"; rowId: string };

export type DiagnosticCode =
  // Reading a file and parsing a document.
  | "empty-input"
  | "binary-input"
  | "unreadable-input"
  | "input-too-large"
  | "no-tasks"
  | "uncertain-indicator"
  | "task-without-units"
  // Reviewing a parsed document.
  | "unit-cut-off"
  | "duplicate-task-number"
  | "furniture-title"
  | "metric-without-noun"
  // Building a ledger.
  | "duplicate-document"
  | "row-without-lead-unit"
  // Reading a ledger workbook back.
  | "missing-sheet"
  | "missing-column"
  | "extra-column"
  | "row-added"
  | "row-copied"
  | "note-row"
  | "row-removed"
  | "row-matched-by-number"
  | "row-id-mismatch"
  | "unknown-comparison"
  | "text-in-number"
  | "unreadable-date"
  | "unknown-status"
  | "progress-without-row"
  | "progress-without-period"
  | "unreadable-period"
  | "unreadable-setting"
  | "changed-setting"
  // Returned 填报 workbooks.
  | "formula-as-text"
  | "unknown-row"
  | "duplicate-row"
  | "same-unit-again"
  | "baseline-not-lead"
  // Adopting a task table from a sheet.
  | "merged-cell-unresolved"
  | "column-mixed-roles"
  // What this Excel cannot do.
  | "data-validation"
  | "page-layout"
  | "auto-filter"
  | "gridlines";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** Chinese, for the official reading it. */
  message: string;
  at?: DiagnosticLocation;
  /** For `uncertain-indicator`: the reading the parser offers, for the user to adopt or drop. */
  indicator?: Indicator;
}

/** A diagnostic about a sheet, or one cell of it. */
export function cellDiagnostic(
  code: DiagnosticCode,
  severity: Severity,
  sheet: string,
  message: string,
  cell?: string,
): Diagnostic {
  return { code, severity, message, at: { kind: "cell", sheet, ...(cell !== undefined && { cell }) } };
}

/** The span a diagnostic points at in the source text, if it points at text. */
export function spanOf(diagnostic: Pick<Diagnostic, "at">): Span | undefined {
  return diagnostic.at?.kind === "text" ? diagnostic.at.span : undefined;
}

/** `第 12 行`, `“进度填报” H7`, or "" — where a diagnostic points, as the CLI prints it. */
export function describeLocation(at: DiagnosticLocation | undefined): string {
  if (!at) return "";
  switch (at.kind) {
    case "text":
      return `第 ${at.line} 行`;
    case "cell":
      return at.cell ? `“${at.sheet}” ${at.cell}` : `“${at.sheet}”`;
    case "row":
      return `行 ${at.rowId}`;
  }
}

/**
 * Line starts of a text, found once: each lookup is a binary search, so locating every diagnostic
 * of a long document stays linear in its length.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line and column of an offset. */
  locate(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }

  at(span: Span): DiagnosticLocation {
    return { kind: "text", span, ...this.locate(span.start) };
  }
}
