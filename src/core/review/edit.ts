/**
 * Edits a person makes while reviewing a parsed PlanDocument; each returns a new PlanDocument and leaves
 * the one it was given untouched, so the pane can compare, undo or discard.
 */

import type { Diagnostic, Indicator, Op, PlanDocument, Task } from "../model";
import { isValidIsoDate } from "../model";
import {
  type NewIndicator,
  type TaskTextEdit,
  addIndicator,
  deleteIndicator,
  editTaskText,
  moveIndicator,
} from "./structure";

/** What the task editor hands back for one indicator. */
export interface IndicatorEdit {
  id: string;
  op: Op;
  /** Required unless `op` is `milestone`. */
  value?: number;
  /** 起始值: where the unit starts; completion counts from it. */
  baseline?: number;
  unit?: string;
  /** ISO date; absent to follow the task's deadline. */
  deadline?: string;
}

/** What the task editor hands back for one task. */
export interface TaskEdit {
  leadUnits: string[];
  coUnits: string[];
  /** ISO date; absent when the task names none. */
  deadline?: string;
  indicators: IndicatorEdit[];
  /** 编号, 标题, 工作措施 and 所属部分, when the editor changed them. */
  text?: TaskTextEdit;
  /** Targets added by hand. */
  added?: NewIndicator[];
  /** Targets that are none (a past fact, a page number). */
  removed?: string[];
  /** Targets that belong to another task. */
  moved?: { id: string; toTaskId: string }[];
}

export type EditProblem =
  | { field: "deadline" | "title"; message: string }
  | { field: "value" | "baseline" | "deadline"; indicatorId: string; message: string }
  | { field: "metric" | "value" | "deadline"; added: number; message: string };

/** What is wrong with an edit, in Chinese, field by field; empty when it can be applied. */
export function checkTaskEdit(edit: TaskEdit): EditProblem[] {
  const problems: EditProblem[] = [];
  if (edit.deadline !== undefined && !isValidIsoDate(edit.deadline))
    problems.push({ field: "deadline", message: "时限不是日期，请写成 2024年6月30日。" });
  if (edit.text?.title !== undefined && edit.text.title.trim() === "")
    problems.push({ field: "title", message: "请填写任务标题。" });
  (edit.added ?? []).forEach((target, added) => {
    if (!target.metric.trim()) problems.push({ field: "metric", added, message: "请填写指标名称。" });
    if (
      target.op !== "milestone" &&
      (target.value === undefined || !Number.isFinite(target.value) || target.value < 0)
    )
      problems.push({ field: "value", added, message: "请填写不小于 0 的目标值，或把比较方式改为“节点”。" });
    if (target.deadline !== undefined && !isValidIsoDate(target.deadline))
      problems.push({ field: "deadline", added, message: "时限不是日期，请写成 2024年6月30日。" });
  });
  for (const indicator of edit.indicators) {
    // A target being removed or moved away is not checked here.
    if (edit.removed?.includes(indicator.id)) continue;
    if (indicator.op !== "milestone") {
      if (indicator.value === undefined)
        problems.push({
          field: "value",
          indicatorId: indicator.id,
          message: "请填写目标值，或把比较方式改为“节点”。",
        });
      else if (!Number.isFinite(indicator.value) || indicator.value < 0)
        problems.push({ field: "value", indicatorId: indicator.id, message: "目标值应是不小于 0 的数。" });
    }
    if (indicator.baseline !== undefined) {
      if (indicator.op === "milestone" || !Number.isFinite(indicator.baseline) || indicator.baseline < 0)
        problems.push({
          field: "baseline",
          indicatorId: indicator.id,
          message: indicator.op === "milestone" ? "节点没有起始值。" : "起始值应是不小于 0 的数。",
        });
      else if (indicator.value !== undefined && indicator.baseline === indicator.value)
        problems.push({
          field: "baseline",
          indicatorId: indicator.id,
          message: "起始值与目标值相同，无法计算完成率。",
        });
    }
    if (indicator.deadline !== undefined && !isValidIsoDate(indicator.deadline))
      problems.push({
        field: "deadline",
        indicatorId: indicator.id,
        message: "时限不是日期，请写成 2024年6月30日。",
      });
  }
  return problems;
}

/** The editor's starting point for a task. */
export function taskEditOf(task: Task): TaskEdit {
  return {
    leadUnits: [...task.leadUnits],
    coUnits: [...task.coUnits],
    ...(task.deadline !== undefined && { deadline: task.deadline }),
    indicators: task.indicators.map((indicator) => ({
      id: indicator.id,
      op: indicator.op,
      ...(indicator.value !== undefined && { value: indicator.value }),
      ...(indicator.baseline !== undefined && { baseline: indicator.baseline }),
      ...(indicator.unit !== undefined && { unit: indicator.unit }),
      ...(indicator.deadlineStated && indicator.deadline !== undefined && { deadline: indicator.deadline }),
    })),
  };
}

function editedIndicator(indicator: Indicator, edit: IndicatorEdit, fallbackDeadline: string): Indicator {
  const { id, taskId, metric, maxValue, text, span } = indicator;
  const milestone = edit.op === "milestone";
  // A changed value replaces a range such as `2至3个` by the single value typed.
  const keepsRange = !milestone && maxValue !== undefined && edit.value === indicator.value;
  const unit = edit.unit?.trim();
  return {
    id,
    ...(taskId !== undefined && { taskId }),
    metric,
    text,
    span,
    op: edit.op,
    ...(!milestone && edit.value !== undefined && { value: edit.value }),
    ...(keepsRange && { maxValue }),
    ...(!milestone && edit.baseline !== undefined && { baseline: edit.baseline }),
    ...(!milestone && unit && { unit }),
    deadline: edit.deadline ?? fallbackDeadline,
    deadlineStated: edit.deadline !== undefined,
  };
}

/**
 * Applies an edit to one task. Indicators whose deadline the text did not state follow the task's
 * deadline (or the end of the document's year when the task has none); co-units never repeat a lead.
 * Throws on an edit `checkTaskEdit` rejects: the pane checks before it applies.
 */
export function applyTaskEdit(plan: PlanDocument, taskId: string, edit: TaskEdit): PlanDocument {
  const problems = checkTaskEdit(edit);
  if (problems.length > 0) throw new Error(`applyTaskEdit: ${problems.map((p) => p.message).join(" ")}`);
  const fallbackDeadline = edit.deadline ?? `${plan.year}-12-31`;
  const edits = new Map(edit.indicators.map((indicator) => [indicator.id, indicator]));
  const tasks = plan.tasks.map((task): Task => {
    if (task.id !== taskId) return task;
    const edited: Task = {
      ...task,
      leadUnits: [...edit.leadUnits],
      coUnits: edit.coUnits.filter((unit) => !edit.leadUnits.includes(unit)),
      indicators: task.indicators.map((indicator) => {
        const change = edits.get(indicator.id);
        return change ? editedIndicator(indicator, change, fallbackDeadline) : indicator;
      }),
    };
    if (edit.deadline === undefined) delete edited.deadline;
    else edited.deadline = edit.deadline;
    return edited;
  });
  if (!tasks.some((task) => task.id === taskId)) throw new Error(`applyTaskEdit: no task ${taskId}`);
  let next: PlanDocument = { ...plan, tasks };
  if (edit.text) next = editTaskText(next, taskId, edit.text);
  for (const target of edit.added ?? []) {
    const added = addIndicator(next, taskId, target);
    if (added.ok) next = added.plan;
  }
  for (const id of edit.removed ?? []) next = deleteIndicator(next, id);
  for (const { id, toTaskId } of edit.moved ?? []) next = moveIndicator(next, id, toTaskId);
  return next;
}

/**
 * Takes up the reading an `uncertain-indicator` diagnostic offers: the indicator joins its task (in
 * source order) and the diagnostic goes. Diagnostics without an offer are left as they are.
 */
export function adoptSuggestedIndicator(plan: PlanDocument, diagnostic: Diagnostic): PlanDocument {
  const offered = diagnostic.indicator;
  if (!offered || !plan.diagnostics.includes(diagnostic)) return plan;
  const diagnostics = plan.diagnostics.filter((d) => d !== diagnostic);
  const owner = plan.tasks.find((task) => task.id === offered.taskId);
  if (!owner) {
    const indicators = [...plan.indicators, offered].sort((a, b) => a.span.start - b.span.start);
    return { ...plan, indicators, diagnostics };
  }
  const tasks = plan.tasks.map((task) => {
    if (task !== owner || task.indicators.some((indicator) => indicator.id === offered.id)) return task;
    const indicators = [...task.indicators, offered].sort((a, b) => a.span.start - b.span.start);
    return { ...task, indicators };
  });
  return { ...plan, tasks, diagnostics };
}

/** Drops a diagnostic the person has read and decided to leave as it is. */
export function dismissDiagnostic(plan: PlanDocument, diagnostic: Diagnostic): PlanDocument {
  if (!plan.diagnostics.includes(diagnostic)) return plan;
  return { ...plan, diagnostics: plan.diagnostics.filter((d) => d !== diagnostic) };
}
