import { parseDocument } from "../core/parse";
import type { PlanDocument } from "../core/model";
import {
  logOp,
  replayLog,
  startLog,
  withinRange,
  type ReviewLog,
  type ReviewOp,
  type SourceRange,
} from "../core/review";
import { useUndoable } from "./useUndoable";

interface ReviewState {
  /** Every edit made in 校对 since the document was read. */
  log: ReviewLog;
  /** The reading with the edits made: what the ledger is written from. */
  document: PlanDocument;
  /** Where the plan starts and ends in the source, once the user has said; the whole text otherwise. */
  range?: SourceRange;
}

const started = (parsed: PlanDocument): ReviewState => ({ log: startLog(parsed), document: parsed });

/**
 * 校对's document with 撤销: each edit is an operation kept in a log, so that a new start or end in
 * the source reads the text again and makes every edit again where its task is in the plan.
 */
export function useReview(initial?: PlanDocument) {
  const state = useUndoable<ReviewState>(initial && started(initial));
  const current = state.value;
  return {
    document: current?.document,
    range: current?.range,
    hasEdits: current !== undefined && (current.log.records.length > 0 || current.range !== undefined),
    canUndo: state.canUndo,
    undo: state.undo,
    /** A new reading in 导入: nothing to undo back into. */
    reset: (parsed: PlanDocument | undefined) => state.reset(parsed && started(parsed)),
    edit: (op: ReviewOp) => {
      if (!current) return;
      const made = logOp(current.log, current.document, op);
      if (made.plan !== current.document) state.set({ ...current, log: made.log, document: made.plan });
    },
    /**
     * Reads `source` again within `range` (the whole text when absent) and makes the edits again;
     * how many do not apply to that reading. Only for a document read from text.
     */
    readWithin: (source: string, range: SourceRange | undefined): number => {
      if (!current) return 0;
      const { sourceName, year } = current.log.original;
      const text = range ? withinRange(source, range) : source;
      const fresh = parseDocument(text, {
        ...(sourceName !== undefined && { sourceName }),
        fallbackYear: year,
      });
      const replay = replayLog(current.log, fresh);
      state.set({ log: replay.log, document: replay.plan, ...(range && { range }) });
      return replay.dropped;
    },
  };
}
