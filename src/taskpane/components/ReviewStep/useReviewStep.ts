import { useMemo, useState } from "react";
import type { Diagnostic, PlanDocument, Task } from "../../../core/model";
import {
  addTask,
  adoptSuggestedIndicator,
  applyTaskEdit,
  deleteTask,
  dismissDiagnostic,
  editDocument,
  mergeTasks,
  needsUnits,
  reviewDiagnostics,
  splitTask,
  type TaskEdit,
} from "../../../core/review";

/** The review's view state (filter, open editor) and its edits, each a new PlanDocument for `onChange`. */
export function useReviewStep(document: PlanDocument, onChange: (document: PlanDocument) => void) {
  const [editingTaskId, setEditingTaskId] = useState<string>();
  const [pendingOnly, setPendingOnly] = useState(false);
  const [query, setQuery] = useState("");
  const review = useMemo(() => reviewDiagnostics(document), [document]);

  const needsAttention = (task: Task): boolean => needsUnits(task) || review.byTask.has(task.id);
  const words = query.trim();
  // What a clerk would look a task up by: its number, title, section, measures or a unit.
  const matches = (task: Task): boolean =>
    !words ||
    [task.number, task.title, task.section, task.measures, ...task.leadUnits, ...task.coUnits].some((text) =>
      text.includes(words),
    );
  const tasks = document.tasks.filter((task) => (!pendingOnly || needsAttention(task)) && matches(task));
  const editingTask = document.tasks.find((task) => task.id === editingTaskId);

  /** The first task after `taskId` (wrapping round) that still has no unit, in `doc`. */
  const nextUnassigned = (doc: PlanDocument, taskId: string): Task | undefined => {
    const index = doc.tasks.findIndex((task) => task.id === taskId);
    const rotated = [...doc.tasks.slice(index + 1), ...doc.tasks.slice(0, index)];
    return rotated.find(needsUnits);
  };

  const save = (edit: TaskEdit): PlanDocument | undefined => {
    if (!editingTaskId) return undefined;
    const next = applyTaskEdit(document, editingTaskId, edit);
    onChange(next);
    return next;
  };

  return {
    review,
    tasks,
    pendingOnly,
    setPendingOnly,
    query,
    setQuery,
    /** Diagnostics to list: the general ones, then those about tasks, in document order. */
    diagnostics: [...review.general, ...document.tasks.flatMap((task) => review.byTask.get(task.id) ?? [])],
    diagnosticCount: (task: Task): number => review.byTask.get(task.id)?.length ?? 0,
    editingTask,
    /** Offered in the editor while another task still waits for a unit. */
    hasOtherUnassigned:
      editingTaskId !== undefined && review.unassigned.some((task) => task.id !== editingTaskId),
    edit: (taskId: string) => setEditingTaskId(taskId),
    editFirstUnassigned: () => setEditingTaskId(review.unassigned[0]?.id),
    close: () => setEditingTaskId(undefined),
    save: (edit: TaskEdit) => {
      save(edit);
      setEditingTaskId(undefined);
    },
    saveAndNext: (edit: TaskEdit) => {
      const next = save(edit);
      setEditingTaskId(next && editingTaskId ? nextUnassigned(next, editingTaskId)?.id : undefined);
    },
    adopt: (diagnostic: Diagnostic) => onChange(adoptSuggestedIndicator(document, diagnostic)),
    dismiss: (diagnostic: Diagnostic) => onChange(dismissDiagnostic(document, diagnostic)),
    /** A task the parser missed, after `afterTaskId`; its editor opens on it. */
    addTask: (title: string, afterTaskId?: string) => {
      const added = addTask(document, { title }, afterTaskId);
      onChange(added.plan);
      setEditingTaskId(added.taskId);
    },
    deleteTask: (taskId: string) => onChange(deleteTask(document, taskId)),
    splitTask: (taskId: string, at: number) => onChange(splitTask(document, taskId, at)),
    /** With the task after it; the last task has none to merge with. */
    mergeWithNext: (taskId: string) => {
      const index = document.tasks.findIndex((task) => task.id === taskId);
      const next = document.tasks[index + 1];
      if (next) onChange(mergeTasks(document, taskId, next.id));
    },
    /** The document's title and year; a message when they cannot be taken. */
    editDocument: (title: string, year: string): string | undefined => {
      const edited = editDocument(document, { title, year: Number(year) });
      if (!edited.ok) return edited.message;
      onChange(edited.plan);
      return undefined;
    },
  };
}
