import { useState } from "react";
import type { Ledger, PlanDocument } from "../core/model";
import type { StepId } from "./steps";

/**
 * The pane's shared state: the current step, the document as parsed and as reviewed, and the ledger
 * last written to the workbook.
 */
export function useApp() {
  const [step, setStep] = useState<StepId>("import");
  const [parsed, setParsed] = useState<PlanDocument>();
  const [reviewed, setReviewed] = useState<PlanDocument>();
  const [ledger, setLedger] = useState<Ledger>();

  return {
    step,
    goTo: setStep,
    document: reviewed,
    hasEdits: reviewed !== parsed,
    parsedDocument: (document: PlanDocument) => {
      setParsed(document);
      setReviewed(document);
    },
    reviewedDocument: setReviewed,
    ledger,
    ledgerWritten: setLedger,
    /** 进度 and 通报 read the workbook, so they work on a ledger written in an earlier session too. */
    isAvailable: (id: StepId): boolean =>
      (id !== "review" && id !== "ledger") || (reviewed !== undefined && reviewed.tasks.length > 0),
  };
}
