import { useMemo, useState } from "react";
import type { Ledger, PeriodKind, PlanDocument } from "../../../core/model";
import { Period } from "../../../core/model";
import { type Adoption, adoptedLedger } from "../../../core/adopt";
import { buildLedger, ledgerOverExisting } from "../../../core/plan";
import { buildWorkbookPlan, keptSentence } from "../../../core/sheets";
import type { WriteProgress } from "../../../adapters/excel";
import { skippedFeatures } from "../../../adapters/excel";
import { reasonText, useWorkbook } from "../../workbook";

export type LedgerOutcome =
  | {
      ok: true;
      sheets: string[];
      /** Reports already in the workbook that the new ledger took over. */
      keptReports: number;
      /** A different ledger the write replaced. */
      replacesTitle: string | undefined;
      /** What the office had added to the replaced sheets and the write kept, as a sentence. */
      kept: string;
      skipped: string[];
    }
  | { ok: false; message: string };

const isoToday = (): string => new Date().toISOString().slice(0, 10);

export function useLedgerStep(
  document: PlanDocument,
  onWritten: (ledger: Ledger) => void,
  adoption?: Adoption,
) {
  const workbook = useWorkbook();
  const [today] = useState(isoToday);
  const [periodKind, setPeriodKind] = useState<PeriodKind>("quarter");
  /** Undefined until someone picks one: the ledger then tracks the period containing today. */
  const [chosenPeriod, setChosenPeriod] = useState<Period>();
  const [progress, setProgress] = useState<WriteProgress>();
  const [outcome, setOutcome] = useState<LedgerOutcome>();

  const built = useMemo(() => {
    const options = chosenPeriod === undefined ? { periodKind, today } : { period: chosenPeriod };
    // An adopted table's rows keep their sheet rows, its progress column and its column mapping.
    return adoption ? adoptedLedger(document, adoption.table, options) : buildLedger([document], options);
  }, [document, adoption, periodKind, chosenPeriod, today]);
  const plan = useMemo(() => (built.ok ? buildWorkbookPlan(built.ledger) : undefined), [built]);
  const skipped = workbook && plan ? skippedFeatures(plan, workbook.capabilities) : [];
  const periods = Period.ofYear(document.year, periodKind);

  /** Reads the workbook first: writing the same documents again keeps what units reported there. */
  const write = async (): Promise<void> => {
    if (!workbook || !built.ok) return;
    setOutcome(undefined);
    setProgress({ done: 0, total: 1 });
    try {
      const existing = await workbook.readLedger();
      if (!existing.ok && existing.code === "excel-error") {
        setOutcome({ ok: false, message: existing.message });
        return;
      }
      const target = ledgerOverExisting(built.ledger, existing);
      if (!target.ok) {
        setOutcome({ ok: false, message: target.message });
        return;
      }
      const targetPlan = buildWorkbookPlan(target.ledger);
      const result = await workbook.writePlan(targetPlan, { onProgress: setProgress });
      if (result.ok) {
        setOutcome({
          ok: true,
          sheets: targetPlan.sheets
            .filter((sheet) => sheet.visibility === "visible")
            .map((sheet) => sheet.name),
          keptReports: target.keptReports,
          replacesTitle: target.replacesTitle,
          kept: keptSentence(result.kept),
          skipped: result.skipped.map((feature) => feature.message),
        });
        onWritten(target.ledger);
      } else {
        setOutcome({ ok: false, message: result.message });
      }
    } catch (reason) {
      setOutcome({ ok: false, message: `写入台账失败：${reasonText(reason)}` });
    } finally {
      setProgress(undefined);
    }
  };

  return {
    inExcel: workbook !== undefined,
    periodKind,
    chooseKind: (kind: PeriodKind) => {
      setPeriodKind(kind);
      setChosenPeriod(undefined);
    },
    period: built.ok ? built.ledger.period : chosenPeriod,
    choosePeriod: setChosenPeriod,
    periods,
    built,
    withoutLeadUnit: built.ok
      ? built.diagnostics.filter((diagnostic) => diagnostic.code === "row-without-lead-unit").length
      : 0,
    skipped,
    progress,
    outcome,
    canWrite: workbook !== undefined && plan !== undefined && progress === undefined,
    write,
  };
}
