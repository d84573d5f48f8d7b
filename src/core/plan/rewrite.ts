import type { Ledger } from "../model";
import { Period } from "../model";
import type { ReadLedgerResult } from "../sheets";

export type RewriteResult =
  | {
      ok: true;
      ledger: Ledger;
      /** Reports taken over from the workbook's ledger. */
      keptReports: number;
      /** The title of a different ledger the write replaces. */
      replacesTitle?: string;
    }
  | { ok: false; message: string };

/**
 * The ledger to write into a workbook that may already hold one (`existing`, as read from it).
 * Writing the same documents again (same ledger ID) keeps every report and 备注 the workbook holds,
 * so going back to 校对 and writing again never loses what units reported. A different ledger
 * replaces the old one. A ledger that cannot be read whole is left alone rather than overwritten.
 */
export function ledgerOverExisting(fresh: Ledger, existing: ReadLedgerResult): RewriteResult {
  if (!existing.ok) {
    if (existing.code === "not-a-ledger") return { ok: true, ledger: fresh, keptReports: 0 };
    return {
      ok: false,
      message: `工作簿中已有台账，但无法完整读取：${existing.message} 为免覆盖已有的填报数据，未写入。请修复或删除原有台账工作表后再写入。`,
    };
  }
  const old = existing.ledger;
  if (old.id !== fresh.id) return { ok: true, ledger: fresh, keptReports: 0, replacesTitle: old.title };
  const notes = new Map(old.rows.flatMap((row) => (row.note ? [[row.id, row.note] as const] : [])));
  // Reports the fresh ledger brings (an adopted table's progress column) join those already there;
  // what a unit reported for a row and period is never replaced by them.
  const reported = new Set(
    old.progress.map((entry) => `${entry.rowId}\u0000${Period.parse(entry.period)?.key ?? entry.period}`),
  );
  const brought = fresh.progress.filter(
    (entry) => !reported.has(`${entry.rowId}\u0000${Period.parse(entry.period)?.key ?? entry.period}`),
  );
  return {
    ok: true,
    keptReports: old.progress.length,
    ledger: {
      ...fresh,
      rows: fresh.rows.map((row) => {
        const note = row.note ?? notes.get(row.id);
        return note === undefined ? row : { ...row, note };
      }),
      progress: [...old.progress, ...brought],
    },
  };
}
