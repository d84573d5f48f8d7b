import type { LedgerRow, ProgressEntry } from "../model";
import { periodSortKey } from "../model";

/**
 * Progress in its canonical order: by period, then by the row's place in the ledger (rows the
 * ledger lacks last, by ID). The sort is stable, so several reports for one row and period keep the
 * order they arrived in, which decides which one counts (the later).
 */
export function sortProgress(
  rows: readonly Pick<LedgerRow, "id">[],
  progress: readonly ProgressEntry[],
): ProgressEntry[] {
  const position = new Map(rows.map((row, index) => [row.id, index]));
  const keyed = progress.map((entry) => ({
    entry,
    period: periodSortKey(entry.period),
    row: position.get(entry.rowId) ?? rows.length,
  }));
  keyed.sort(
    (a, b) =>
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
      a.row - b.row ||
      (a.row === rows.length && a.entry.rowId !== b.entry.rowId
        ? a.entry.rowId < b.entry.rowId
          ? -1
          : 1
        : 0),
  );
  return keyed.map((k) => k.entry);
}
