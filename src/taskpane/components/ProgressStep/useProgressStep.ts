import { useMemo, useState } from "react";
import type { Ledger, Period } from "../../../core/model";
import { assessLedger, countStatuses, isBehind } from "../../../core/progress";

/** Every row's status at the end of `period`, how many rows have each status, and the rows shown. */
export function useProgressStep(ledger: Ledger | undefined, period: Period | undefined) {
  const [behindOnly, setBehindOnly] = useState(false);
  const assessed = useMemo(() => {
    if (!ledger) return undefined;
    const result = assessLedger(ledger, period ?? ledger.period);
    if (!result.ok) return result;
    return { ok: true as const, rows: result.assessment.rows, counts: countStatuses(result.assessment.rows) };
  }, [ledger, period]);
  const shownRows =
    assessed?.ok === true ? assessed.rows.filter((row) => !behindOnly || isBehind(row.status)) : [];
  return { assessed, shownRows, behindOnly, setBehindOnly };
}
