import { useMemo, useState } from "react";
import type { Diagnostic, PlanDocument, Task } from "../../../core/model";
import {
  addTask,
  applyReviewOp,
  checkTaskEdit,
  editDocument,
  needsUnits,
  reviewDiagnostics,
  type ReviewOp,
  type TaskEdit,
} from "../../../core/review";

/** The review's view state (filter, open editor) and its edits, each an operation for `onEdit`. */
export function useReviewStep(document: PlanDocument, onEdit: (op: ReviewOp) => void) {
  const [editingTaskId, setEditingTaskId] = useState<string>();
  const [pendingOnly, setPendingOnly] = useState(false);
  const [query, setQuery] = useState("");
  /** Tasks ticked for deleting together (a table's problem cells, a notice's requirements). */
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
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
    if (!editingTaskId || checkTaskEdit(edit).length > 0) return undefined;
    const op: ReviewOp = { kind: "edit-task", taskId: editingTaskId, edit };
    onEdit(op);
    return applyReviewOp(document, op);
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
    adopt: (diagnostic: Diagnostic) => onEdit({ kind: "adopt-suggestion", diagnostic }),
    dismiss: (diagnostic: Diagnostic) => onEdit({ kind: "dismiss-diagnostic", diagnostic }),
    /** A task the parser missed, after `afterTaskId`; its editor opens on it. */
    addTask: (title: string, afterTaskId?: string) => {
      const op: ReviewOp = {
        kind: "add-task",
        task: { title },
        ...(afterTaskId !== undefined && { afterTaskId }),
      };
      onEdit(op);
      // The ID the operation gives the task, as it gives it in the document that records it.
      setEditingTaskId(addTask(document, op.task, afterTaskId).taskId);
    },
    deleteTask: (taskId: string) => onEdit({ kind: "delete-tasks", taskIds: [taskId] }),
    /** Ticked tasks still in the document. */
    selected: document.tasks.filter((task) => selected.has(task.id)).map((task) => task.id),
    isSelected: (taskId: string) => selected.has(taskId),
    select: (taskId: string, on: boolean) =>
      setSelected((earlier) => {
        const next = new Set(earlier);
        if (on) next.add(taskId);
        else next.delete(taskId);
        return next;
      }),
    clearSelection: () => setSelected(new Set()),
    /** The ticked tasks, in one step of 撤销. */
    deleteSelected: () => {
      const taskIds = document.tasks.filter((task) => selected.has(task.id)).map((task) => task.id);
      if (taskIds.length > 0) onEdit({ kind: "delete-tasks", taskIds });
      setSelected(new Set());
    },
    splitTask: (taskId: string, at: number) => onEdit({ kind: "split-task", taskId, at }),
    /** With the task after it; the last task has none to merge with. */
    mergeWithNext: (taskId: string) => {
      const index = document.tasks.findIndex((task) => task.id === taskId);
      const next = document.tasks[index + 1];
      if (next) onEdit({ kind: "merge-tasks", firstId: taskId, secondId: next.id });
    },
    /** The document's title and year; a message when they cannot be taken. */
    editDocument: (title: string, year: string): string | undefined => {
      const edit = { title, year: Number(year) };
      const edited = editDocument(document, edit);
      if (!edited.ok) return edited.message;
      onEdit({ kind: "edit-document", edit });
      return undefined;
    },
  };
}
