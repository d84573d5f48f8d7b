import { parseDocument } from "../core/parse";
import type { PlanDocument } from "../core/model";
import {
  recordReviewOp,
  replayReview,
  withinRange,
  type ReviewOp,
  type ReviewRecord,
  type SourceRange,
} from "../core/review";
import { useUndoable } from "./useUndoable";

interface ReviewState {
  /** The reading as parsed, in the IDs the records speak. */
  parsed: PlanDocument;
  /** The edits made in 校对 since, in order. */
  records: ReviewRecord[];
  /** The reading with the edits made: what the ledger is written from. */
  document: PlanDocument;
  /** Where the plan starts and ends in the source, once the user has said. */
  range?: SourceRange;
}

/**
 * 校对's document with 撤销: each edit is an operation kept with the document it gives, so that a
 * new start or end in the source reads the text again and makes the edits again where they apply.
 */
export function useReview(initial?: PlanDocument) {
  const state = useUndoable<ReviewState>(initial && { parsed: initial, records: [], document: initial });
  const current = state.value;
  return {
    document: current?.document,
    range: current?.range,
    hasEdits: current !== undefined && (current.records.length > 0 || current.range !== undefined),
    canUndo: state.canUndo,
    undo: state.undo,
    /** A new reading in 导入: nothing to undo back into. */
    reset: (parsed: PlanDocument | undefined) =>
      state.reset(parsed && { parsed, records: [], document: parsed }),
    edit: (op: ReviewOp) => {
      if (!current) return;
      const made = recordReviewOp(current.document, op);
      if (made.plan === current.document) return;
      state.set({ ...current, document: made.plan, records: [...current.records, made.record] });
    },
    /**
     * Reads `source` again within `range` and makes the edits again; how many no longer applied
     * (their task is outside the range now). Only for a document read from text.
     */
    readWithin: (source: string, range: SourceRange): number => {
      if (!current) return 0;
      const sourceName = current.parsed.sourceName;
      const fresh = parseDocument(withinRange(source, range), {
        ...(sourceName !== undefined && { sourceName }),
        fallbackYear: current.parsed.year,
      });
      const replay = replayReview(current.parsed, current.records, fresh);
      state.set({ parsed: replay.parsed, records: replay.records, document: replay.plan, range });
      return replay.dropped;
    },
  };
}
