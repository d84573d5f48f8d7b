import { useState } from "react";
import type { Adoption } from "../core/adopt";
import type { Ledger, Period, PlanDocument } from "../core/model";
import type { StepId } from "./steps";

/**
 * The pane's shared state: the current step, the document as parsed and as reviewed (and, for an
 * office's own task table, how its columns were read), the ledger last written to or read from the
 * workbook, and the period 进度 and 通报 look at.
 */
/** Enough for a morning's corrections; each step is one document, sharing most of its objects. */
const UNDO_DEPTH = 100;

export function useApp() {
  const [step, setStep] = useState<StepId>("import");
  const [parsed, setParsed] = useState<PlanDocument>();
  const [reviewed, setReviewed] = useState<PlanDocument>();
  const [adoption, setAdoption] = useState<Adoption>();
  /** The documents before each edit in 校对, latest last: 撤销 goes back one. */
  const [history, setHistory] = useState<PlanDocument[]>([]);
  const [ledger, setLedger] = useState<Ledger>();
  const [period, setPeriod] = useState<Period>();
  /** A ledger just written or read shows the period it tracks. */
  const showLedger = (next: Ledger) => {
    setLedger(next);
    setPeriod(next.period);
  };

  return {
    step,
    goTo: setStep,
    document: reviewed,
    hasEdits: reviewed !== parsed,
    /** A document read as text, or a table adopted: what 校对 starts from. */
    parsedDocument: (document: PlanDocument, adopted?: Adoption) => {
      setParsed(document);
      setReviewed(document);
      setAdoption(adopted);
      setHistory([]);
    },
    adoption,
    reviewedDocument: (next: PlanDocument) => {
      if (reviewed) setHistory((earlier) => [...earlier.slice(-(UNDO_DEPTH - 1)), reviewed]);
      setReviewed(next);
    },
    canUndo: history.length > 0,
    undo: () => {
      const previous = history.at(-1);
      if (!previous) return;
      setHistory((earlier) => earlier.slice(0, -1));
      setReviewed(previous);
    },
    ledger,
    showLedger,
    period,
    choosePeriod: setPeriod,
    /** 进度 and 通报 read the workbook, so they work on a ledger written in an earlier session too. */
    isAvailable: (id: StepId): boolean =>
      (id !== "review" && id !== "ledger") || (reviewed !== undefined && reviewed.tasks.length > 0),
  };
}
