import { useState } from "react";
import type { PlanDocument } from "../core/model";
import type { StepId } from "./steps";

/** The pane's shared state: the current step, the document as parsed and as reviewed. */
export function useApp() {
  const [step, setStep] = useState<StepId>("import");
  const [parsed, setParsed] = useState<PlanDocument>();
  const [reviewed, setReviewed] = useState<PlanDocument>();

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
    isAvailable: (id: StepId): boolean =>
      id !== "review" || (reviewed !== undefined && reviewed.tasks.length > 0),
  };
}
