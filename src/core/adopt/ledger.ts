import type { Ledger, LedgerRow, PlanDocument, ProgressEntry } from "../model";
import { type BuildLedgerOptions, type BuildLedgerResult, buildLedger } from "../plan";
import type { AdoptedTable } from "./adopt";

/** Who "sent" a report that came in with the office's own table: nobody this period; the old 台账 said it. */
export const IMPORTED_REPORTER = "原台账导入";

/**
 * The ledger of an adopted table: the same as a document's, with each row's 来源 naming the sheet
 * row it came from, the table's progress column taken in as this period's reports (marked as
 * imported, never as a unit's own), and the column mapping kept for next month.
 *
 * `plan` is the table's plan as 校对 left it: edits there are kept; rows it added have no sheet row.
 */
export function adoptedLedger(
  plan: PlanDocument,
  table: Pick<AdoptedTable, "places" | "progress" | "mapping">,
  options: BuildLedgerOptions = {},
): BuildLedgerResult {
  const built = buildLedger([plan], options);
  if (!built.ok) return built;
  const { ledger } = built;
  const name = plan.sourceName ?? plan.title;
  const rows: LedgerRow[] = ledger.rows.map((row) => {
    const place = table.places[row.taskId];
    return place ? { ...row, source: `${name}${place}` } : row;
  });
  const said = new Map(table.progress.map((p) => [p.taskId, p]));
  const progress: ProgressEntry[] = rows.flatMap((row) => {
    const from = said.get(row.taskId);
    if (!from) return [];
    const actual = row.unit !== undefined ? statedActual(from.text, row.unit) : undefined;
    return [
      {
        rowId: row.id,
        period: ledger.period.key,
        progress: from.text,
        problems: "",
        reportedBy: IMPORTED_REPORTER,
        ...(from.status && { status: from.status }),
        ...(actual !== undefined && { actual }),
      },
    ];
  });
  const adopted: Ledger = {
    ...ledger,
    rows,
    progress: [...ledger.progress, ...progress],
    tableColumns: table.mapping.columns.map(({ header, role }) => ({ header, role })),
  };
  return { ...built, ledger: adopted };
}

/**
 * The one amount a progress cell states in the row's own unit (`已完成2家` for a target in 家,
 * `签约率42%`): the row's completion so far. Two amounts, or none, say nothing certain.
 */
export function statedActual(text: string, unit: string): number | undefined {
  const escaped = unit.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const amounts = [...text.matchAll(new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(万)?${escaped}`, "g"))].map(
    (m) => Number(m[1]) * (m[2] ? 10_000 : 1),
  );
  const distinct = [...new Set(amounts)];
  return distinct.length === 1 ? distinct[0] : undefined;
}
