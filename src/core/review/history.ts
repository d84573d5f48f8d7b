/**
 * 校对's edits as data. Each edit a person makes is an operation applied to the document and kept,
 * so that when the document is read again (its start or end moved in the source) the edits are made
 * again on the new reading, wherever the tasks and targets they were about are still there.
 */

import type { Diagnostic, Indicator, PlanDocument, Task } from "../model";
import { spanOf } from "../model";
import {
  adoptSuggestedIndicator,
  applyTaskEdit,
  checkTaskEdit,
  dismissDiagnostic,
  type TaskEdit,
} from "./edit";
import {
  addTask,
  deleteTasks,
  editDocument,
  mergeTasks,
  splitTask,
  type DocumentEdit,
  type NewTask,
} from "./structure";

export type ReviewOp =
  | { kind: "edit-task"; taskId: string; edit: TaskEdit }
  | { kind: "add-task"; task: NewTask; afterTaskId?: string }
  | { kind: "delete-tasks"; taskIds: string[] }
  | { kind: "split-task"; taskId: string; at: number }
  | { kind: "merge-tasks"; firstId: string; secondId: string }
  | { kind: "edit-document"; edit: DocumentEdit }
  | { kind: "adopt-suggestion"; diagnostic: Diagnostic }
  | { kind: "dismiss-diagnostic"; diagnostic: Diagnostic };

/** An operation as it was made, with the IDs of the tasks and targets it created. */
export interface ReviewRecord {
  op: ReviewOp;
  created: string[];
}

const idsOf = (plan: PlanDocument): string[] => [
  ...plan.tasks.flatMap((task) => [task.id, ...task.indicators.map((indicator) => indicator.id)]),
  ...plan.indicators.map((indicator) => indicator.id),
];

/** A diagnostic of `plan` that is the same finding as `wanted` (the same code, place and words). */
function sameDiagnostic(plan: PlanDocument, wanted: Diagnostic): Diagnostic | undefined {
  const span = spanOf(wanted);
  return plan.diagnostics.find((candidate) => {
    const at = spanOf(candidate);
    return (
      candidate.code === wanted.code &&
      candidate.message === wanted.message &&
      at?.start === span?.start &&
      at?.end === span?.end
    );
  });
}

/** The tasks and targets an operation is about: it applies only while all of them exist. */
function referencedIds(op: ReviewOp): string[] {
  switch (op.kind) {
    case "edit-task":
      return [
        op.taskId,
        ...op.edit.indicators.map((indicator) => indicator.id),
        ...(op.edit.removed ?? []),
        ...(op.edit.moved ?? []).flatMap((move) => [move.id, move.toTaskId]),
      ];
    case "add-task":
      return op.afterTaskId === undefined ? [] : [op.afterTaskId];
    case "split-task":
      return [op.taskId];
    case "merge-tasks":
      return [op.firstId, op.secondId];
    // Deleting several applies to those still there.
    case "delete-tasks":
    case "edit-document":
    case "adopt-suggestion":
    case "dismiss-diagnostic":
      return [];
  }
}

/** `plan` with the operation made; the same plan when it no longer applies to it. */
export function applyReviewOp(plan: PlanDocument, op: ReviewOp): PlanDocument {
  const present = new Set(idsOf(plan));
  if (!referencedIds(op).every((id) => present.has(id))) return plan;
  switch (op.kind) {
    case "edit-task":
      return checkTaskEdit(op.edit).length === 0 ? applyTaskEdit(plan, op.taskId, op.edit) : plan;
    case "add-task":
      return addTask(plan, op.task, op.afterTaskId).plan;
    case "delete-tasks": {
      const present = new Set(plan.tasks.map((task) => task.id));
      const gone = op.taskIds.filter((id) => present.has(id));
      return gone.length > 0 ? deleteTasks(plan, gone) : plan;
    }
    case "split-task":
      return splitTask(plan, op.taskId, op.at);
    case "merge-tasks":
      return mergeTasks(plan, op.firstId, op.secondId);
    case "edit-document": {
      const edited = editDocument(plan, op.edit);
      return edited.ok ? edited.plan : plan;
    }
    case "adopt-suggestion": {
      const found = sameDiagnostic(plan, op.diagnostic);
      return found ? adoptSuggestedIndicator(plan, found) : plan;
    }
    case "dismiss-diagnostic": {
      const found = sameDiagnostic(plan, op.diagnostic);
      return found ? dismissDiagnostic(plan, found) : plan;
    }
  }
}

/** The operation made on `plan`, and its record (what it created, for a later replay to follow). */
export function recordReviewOp(
  plan: PlanDocument,
  op: ReviewOp,
): { plan: PlanDocument; record: ReviewRecord } {
  const next = applyReviewOp(plan, op);
  const before = new Set(idsOf(plan));
  return { plan: next, record: { op, created: idsOf(next).filter((id) => !before.has(id)) } };
}

/** The op with every ID it names passed through `rename` (IDs are the only strings it is keyed by). */
function renamedOp(op: ReviewOp, rename: (id: string) => string): ReviewOp {
  switch (op.kind) {
    case "edit-task": {
      const { edit } = op;
      return {
        ...op,
        taskId: rename(op.taskId),
        edit: {
          ...edit,
          indicators: edit.indicators.map((indicator) => ({ ...indicator, id: rename(indicator.id) })),
          ...(edit.removed && { removed: edit.removed.map(rename) }),
          ...(edit.moved && {
            moved: edit.moved.map((m) => ({ id: rename(m.id), toTaskId: rename(m.toTaskId) })),
          }),
        },
      };
    }
    case "add-task":
      return op.afterTaskId === undefined ? op : { ...op, afterTaskId: rename(op.afterTaskId) };
    case "delete-tasks":
      return { ...op, taskIds: op.taskIds.map(rename) };
    case "split-task":
      return { ...op, taskId: rename(op.taskId) };
    case "merge-tasks":
      return { ...op, firstId: rename(op.firstId), secondId: rename(op.secondId) };
    case "edit-document":
    case "adopt-suggestion":
    case "dismiss-diagnostic":
      return op;
  }
}

const spanKey = (item: { span: { start: number; end: number } }, text: string): string =>
  `${item.span.start}:${item.span.end}:${text}`;

/**
 * A new reading of the same source with the IDs of the earlier reading wherever a task or target is
 * the same one (the same place in the source and the same words), so edits made on the earlier
 * reading find it; a task or target that is new keeps its own ID.
 */
function withEarlierIds(earlier: PlanDocument, fresh: PlanDocument): PlanDocument {
  const taskIds = new Map(earlier.tasks.map((task) => [spanKey(task, task.title), task.id]));
  const indicatorIds = new Map(
    [...earlier.tasks.flatMap((task) => task.indicators), ...earlier.indicators].map((indicator) => [
      spanKey(indicator, indicator.text),
      indicator.id,
    ]),
  );
  const renamedTasks = new Map<string, string>();
  const renamedIndicators = new Map<string, string>();
  for (const task of fresh.tasks) {
    const id = taskIds.get(spanKey(task, task.title));
    if (id !== undefined) renamedTasks.set(task.id, id);
  }
  for (const indicator of [...fresh.tasks.flatMap((task) => task.indicators), ...fresh.indicators]) {
    const id = indicatorIds.get(spanKey(indicator, indicator.text));
    if (id !== undefined) renamedIndicators.set(indicator.id, id);
  }
  const taskId = (id: string): string => renamedTasks.get(id) ?? id;
  const indicator = (i: Indicator): Indicator => ({
    ...i,
    id: renamedIndicators.get(i.id) ?? i.id,
    ...(i.taskId !== undefined && { taskId: taskId(i.taskId) }),
  });
  const task = (t: Task): Task => ({ ...t, id: taskId(t.id), indicators: t.indicators.map(indicator) });
  return {
    ...fresh,
    // The same document, read again: the ledger keeps knowing it as the one it was.
    id: earlier.id,
    tasks: fresh.tasks.map(task),
    indicators: fresh.indicators.map(indicator),
    diagnostics: fresh.diagnostics.map((d) =>
      d.indicator ? { ...d, indicator: indicator(d.indicator) } : d,
    ),
  };
}

export interface Replay {
  /** The new reading with the edits made again. */
  plan: PlanDocument;
  /** The new reading as parsed, in the IDs the records now use: what later edits build on. */
  parsed: PlanDocument;
  /** The records that still applied, in the new reading's IDs. */
  records: ReviewRecord[];
  /** How many edits no longer had what they were about. */
  dropped: number;
}

/**
 * Edits recorded on `earlier` (a reading as parsed) made again on `fresh`, a new reading of the
 * same source: each where the tasks and targets it names are still there, the others dropped.
 */
export function replayReview(
  earlier: PlanDocument,
  records: readonly ReviewRecord[],
  fresh: PlanDocument,
): Replay {
  const parsed = withEarlierIds(earlier, fresh);
  // IDs an edit created in the earlier session map to those it creates now.
  const created = new Map<string, string>();
  const rename = (id: string): string => created.get(id) ?? id;
  let plan = parsed;
  const kept: ReviewRecord[] = [];
  for (const record of records) {
    const op = renamedOp(record.op, rename);
    const made = recordReviewOp(plan, op);
    if (made.plan === plan) continue;
    record.created.forEach((id, k) => {
      const now = made.record.created[k];
      if (now !== undefined) created.set(id, now);
    });
    plan = made.plan;
    kept.push(made.record);
  }
  return { plan, parsed, records: kept, dropped: records.length - kept.length };
}
