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
      // Edits of targets this reading lacks are passed over; the task's own edit still applies.
      return [op.taskId, ...(op.edit.moved ?? []).map((move) => move.toTaskId)];
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
function recordReviewOp(plan: PlanDocument, op: ReviewOp): { plan: PlanDocument; record: ReviewRecord } {
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

/**
 * 校对's edits since the document was first read: every operation, in the IDs of that first
 * reading (and IDs the operations created), so that each new reading — the plan's start or end
 * moved, then moved back — is made from the whole log, and an edit that did not apply to a narrower
 * reading comes back with its task.
 */
export interface ReviewLog {
  /** The first reading, as parsed. */
  readonly original: PlanDocument;
  readonly records: readonly ReviewRecord[];
  /** Log IDs of created tasks and targets → the IDs the current reading gives them. */
  readonly current: ReadonlyMap<string, string>;
}

export function startLog(original: PlanDocument): ReviewLog {
  return { original, records: [], current: new Map() };
}

/** Stands for what an operation would have created in a reading it did not apply to: never present. */
const gone = (id: string): string => `\u0000gone:${id}`;

/** `op`, made by a person on `document` (the current reading), applied and added to the log. */
export function logOp(
  log: ReviewLog,
  document: PlanDocument,
  op: ReviewOp,
): { log: ReviewLog; plan: PlanDocument } {
  const made = recordReviewOp(document, op);
  if (made.plan === document) return { log, plan: document };
  const toLog = new Map([...log.current].map(([logId, now]) => [now, logId]));
  const inLog = (id: string): string => toLog.get(id) ?? id;
  // A created ID the log already uses for something else (an earlier reading's task) gets its own.
  const used = new Set([...idsOf(log.original), ...log.records.flatMap((record) => record.created)]);
  const current = new Map(log.current);
  const created = made.record.created.map((id) => {
    let logId = id;
    for (let k = 2; used.has(logId); k++) logId = `${id}~${k}`;
    used.add(logId);
    current.set(logId, id);
    return logId;
  });
  return {
    log: { ...log, records: [...log.records, { op: renamedOp(op, inLog), created }], current },
    plan: made.plan,
  };
}

export interface Replay {
  log: ReviewLog;
  /** The new reading with the edits made again. */
  plan: PlanDocument;
  /** How many edits do not apply to it (their task is outside the plan now). */
  dropped: number;
}

/**
 * The whole log made again on `fresh`, a new reading of the same source: each edit where the tasks
 * and targets it names are there; the others wait in the log for a reading that has them.
 */
export function replayLog(log: ReviewLog, fresh: PlanDocument): Replay {
  let plan = withEarlierIds(log.original, fresh);
  const current = new Map<string, string>();
  const rename = (id: string): string => current.get(id) ?? id;
  let dropped = 0;
  for (const record of log.records) {
    const made = recordReviewOp(plan, renamedOp(record.op, rename));
    if (made.plan === plan) {
      dropped++;
      // What it created is not in this reading: later edits of it wait too, never landing elsewhere.
      for (const id of record.created) current.set(id, gone(id));
      continue;
    }
    record.created.forEach((id, k) => current.set(id, made.record.created[k] ?? gone(id)));
    plan = made.plan;
  }
  return { log: { ...log, current }, plan, dropped };
}
