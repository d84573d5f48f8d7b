import { useMemo } from "react";
import type { Ledger, Period } from "../../../core/model";
import { assessLedger, countStatuses } from "../../../core/progress";

/** Every row's status at the end of `period`, and how many rows have each status. */
export function useProgressStep(ledger: Ledger | undefined, period: Period | undefined) {
  return useMemo(() => {
    if (!ledger) return undefined;
    const assessed = assessLedger(ledger, period ?? ledger.period);
    if (!assessed.ok) return assessed;
    return {
      ok: true as const,
      rows: assessed.assessment.rows,
      counts: countStatuses(assessed.assessment.rows),
    };
  }, [ledger, period]);
}
