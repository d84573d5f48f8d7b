import { useMemo, useState } from "react";
import type { Ledger, Period } from "../../../core/model";
import { needsAttention } from "../../../core/model";
import { assessLedger, countStatuses } from "../../../core/progress";

/** Every row's status at the end of `period`, how many rows have each status, and the rows shown. */
export function useProgressStep(ledger: Ledger | undefined, period: Period | undefined) {
  const [behindOnly, setBehindOnly] = useState(false);
  const assessed = useMemo(() => {
    if (!ledger) return undefined;
    const { rows } = assessLedger(ledger, period ?? ledger.period);
    return { rows, counts: countStatuses(rows) };
  }, [ledger, period]);
  const shownRows = assessed?.rows.filter((row) => !behindOnly || needsAttention(row.status)) ?? [];
  return { assessed, shownRows, behindOnly, setBehindOnly };
}
