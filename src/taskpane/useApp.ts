import { useState } from "react";
import type { Adoption } from "../core/adopt";
import type { Ledger, Period, PlanDocument } from "../core/model";
import type { StepId } from "./steps";
import { useReview } from "./useReview";

/**
 * The pane's shared state: the current step, the document as parsed and as reviewed (and, for an
 * office's own task table, how its columns were read), the ledger last written to or read from the
 * workbook, and the period 进度 and 通报 look at.
 */
export function useApp() {
  const [step, setStep] = useState<StepId>("import");
  /** Steps opened so far: a step's panel is rendered (and its code loaded) the first time it is shown. */
  const [visited, setVisited] = useState<ReadonlySet<StepId>>(() => new Set(["import"]));
  const goTo = (id: StepId) => {
    setStep(id);
    setVisited((earlier) => (earlier.has(id) ? earlier : new Set([...earlier, id])));
  };
  const review = useReview();
  const [adoption, setAdoption] = useState<Adoption>();
  /** The text the document was read from, for 校对 to show where a reading came from. */
  const [source, setSource] = useState<string>();
  const [ledger, setLedger] = useState<Ledger>();
  const [period, setPeriod] = useState<Period>();
  /** A ledger just written or read shows the period it tracks. */
  const showLedger = (next: Ledger) => {
    setLedger(next);
    setPeriod(next.period);
  };

  return {
    step,
    goTo,
    visited,
    document: review.document,
    hasEdits: review.hasEdits,
    /** A document read as text, or a table adopted: what 校对 starts from. */
    parsedDocument: (document: PlanDocument, adopted: Adoption | undefined, text: string) => {
      review.reset(document);
      setAdoption(adopted);
      setSource(text);
    },
    source,
    adoption,
    /** 校对's edits and where the plan starts and ends, with 撤销. */
    review,
    ledger,
    showLedger,
    period,
    choosePeriod: setPeriod,
    /** 进度 and 通报 read the workbook, so they work on a ledger written in an earlier session too. */
    isAvailable: (id: StepId): boolean =>
      (id !== "review" && id !== "ledger") ||
      (review.document !== undefined && review.document.tasks.length > 0),
  };
}
