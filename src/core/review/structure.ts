/**
 * Edits to the document's structure in 校对, for readings no parser gets right: tasks added,
 * deleted, split at a sentence or merged; targets added, deleted or moved to another task; a task's
 * number, title, measures and section, and the document's title and year. Each returns a new
 * PlanDocument (the pane's undo keeps the old one); new tasks and targets get IDs no other has.
 */

import type { Indicator, Op, PlanDocument, Task } from "../model";
import { IdAllocator, isValidIsoDate } from "../model";

const allocator = (plan: PlanDocument): IdAllocator =>
  new IdAllocator(plan.id).reserve([
    ...plan.tasks.flatMap((task) => [task.id, ...task.indicators.map((i) => i.id)]),
    ...plan.indicators.map((i) => i.id),
    ...plan.sections.map((s) => s.id),
  ]);

const replaceTask = (plan: PlanDocument, taskId: string, change: (task: Task) => Task): PlanDocument => ({
  ...plan,
  tasks: plan.tasks.map((task) => (task.id === taskId ? change(task) : task)),
});

const sectionOf = (plan: PlanDocument, title: string): Pick<Task, "section" | "sectionId"> => {
  const known = plan.sections.find((section) => section.title === title);
  return { section: title, ...(known && { sectionId: known.id }) };
};

export interface NewTask {
  title: string;
  /** The task's 编号; the next after the one it follows when absent. */
  number?: string;
  measures?: string;
}

/**
 * A task the parser missed, after `afterTaskId` (first when absent), in that task's section; its
 * span is the one it follows, so highlighting the source still lands near where it belongs.
 */
export function addTask(
  plan: PlanDocument,
  task: NewTask,
  afterTaskId?: string,
): { plan: PlanDocument; taskId: string } {
  const index = afterTaskId === undefined ? -1 : plan.tasks.findIndex((t) => t.id === afterTaskId);
  const before = plan.tasks[index];
  const id = allocator(plan).task();
  const numeric = before && /^\d+$/.test(before.number) ? String(Number(before.number) + 1) : "";
  const added: Task = {
    id,
    number: task.number?.trim() || numeric || String(plan.tasks.length + 1),
    title: task.title.trim(),
    text: [task.title.trim(), task.measures?.trim()].filter(Boolean).join("。"),
    measures: task.measures?.trim() ?? "",
    section: before?.section ?? "",
    ...(before?.sectionId !== undefined && { sectionId: before.sectionId }),
    leadUnits: [],
    coUnits: [],
    jointLead: false,
    implementingUnits: [],
    indicators: [],
    mentionedUnits: [],
    span: before ? { start: before.span.end, end: before.span.end } : { start: 0, end: 0 },
  };
  const tasks = [...plan.tasks.slice(0, index + 1), added, ...plan.tasks.slice(index + 1)];
  return { plan: { ...plan, tasks }, taskId: id };
}

/** Tasks that are none (a notice's requirements, page furniture, a table's problem cells), with their targets. */
export function deleteTasks(plan: PlanDocument, taskIds: readonly string[]): PlanDocument {
  const gone = new Set(taskIds);
  return { ...plan, tasks: plan.tasks.filter((task) => !gone.has(task.id)) };
}

export interface TaskTextEdit {
  number?: string;
  title?: string;
  /** 工作措施. */
  measures?: string;
  /** The section's title: one of the document's, or a new one. */
  section?: string;
}

export function editTaskText(plan: PlanDocument, taskId: string, edit: TaskTextEdit): PlanDocument {
  return replaceTask(plan, taskId, (task) => {
    const { sectionId: _old, ...rest } = task;
    const section = edit.section === undefined ? task : sectionOf(plan, edit.section.trim());
    return {
      ...(edit.section === undefined ? task : rest),
      ...(edit.number !== undefined && { number: edit.number.trim() }),
      ...(edit.title !== undefined && { title: edit.title.trim() }),
      ...(edit.measures !== undefined && { measures: edit.measures.trim() }),
      ...(edit.section !== undefined && section),
    };
  });
}

export interface DocumentEdit {
  title?: string;
  year?: number;
}

export type DocumentEditResult = { ok: true; plan: PlanDocument } | { ok: false; message: string };

/** The document's own title and year: the ledger's name and the year its periods are of. */
export function editDocument(plan: PlanDocument, edit: DocumentEdit): DocumentEditResult {
  if (edit.year !== undefined && (!Number.isInteger(edit.year) || edit.year < 2000 || edit.year > 2100)) {
    return { ok: false, message: "年度应是 2000 至 2100 之间的整数，如 2024。" };
  }
  if (edit.title !== undefined && edit.title.trim() === "") {
    return { ok: false, message: "请填写文件标题。" };
  }
  const year = edit.year ?? plan.year;
  // A horizon that was only the end of the old year moves with the year.
  const horizon = plan.horizon === `${plan.year}-12-31` ? `${year}-12-31` : plan.horizon;
  return {
    ok: true,
    plan: { ...plan, ...(edit.title !== undefined && { title: edit.title.trim() }), year, horizon },
  };
}

export interface NewIndicator {
  metric: string;
  op: Op;
  value?: number;
  unit?: string;
  /** ISO; the task's deadline (or the plan's horizon) when absent. */
  deadline?: string;
}

export type IndicatorAddResult =
  { ok: true; plan: PlanDocument; indicatorId: string } | { ok: false; message: string };

/** A target the parser missed, added to a task by hand; its 原文 is the task's own text. */
export function addIndicator(plan: PlanDocument, taskId: string, target: NewIndicator): IndicatorAddResult {
  const task = plan.tasks.find((t) => t.id === taskId);
  if (!task) return { ok: false, message: "找不到这项任务。" };
  if (!target.metric.trim()) return { ok: false, message: "请填写指标名称，如“新建社区医院”。" };
  if (
    target.op !== "milestone" &&
    (target.value === undefined || !Number.isFinite(target.value) || target.value < 0)
  ) {
    return { ok: false, message: "请填写不小于 0 的目标值，或把比较方式改为“节点”。" };
  }
  if (target.deadline !== undefined && !isValidIsoDate(target.deadline)) {
    return { ok: false, message: "时限不是日期，请写成 2024年6月30日。" };
  }
  const id = allocator(plan).indicator(taskId);
  const indicator: Indicator = {
    id,
    taskId,
    metric: target.metric.trim(),
    op: target.op,
    ...(target.op !== "milestone" && target.value !== undefined && { value: target.value }),
    ...(target.unit?.trim() && { unit: target.unit.trim() }),
    deadline: target.deadline ?? task.deadline ?? plan.horizon,
    deadlineStated: target.deadline !== undefined,
    text: task.title,
    span: task.span,
    rule: "added-in-review",
  };
  return {
    ok: true,
    plan: replaceTask(plan, taskId, (t) => ({ ...t, indicators: [...t.indicators, indicator] })),
    indicatorId: id,
  };
}

/** A reading that is no target (a past fact, a page number), from a task or from the document. */
export function deleteIndicator(plan: PlanDocument, indicatorId: string): PlanDocument {
  return {
    ...plan,
    tasks: plan.tasks.map((task) =>
      task.indicators.some((i) => i.id === indicatorId)
        ? { ...task, indicators: task.indicators.filter((i) => i.id !== indicatorId) }
        : task,
    ),
    indicators: plan.indicators.filter((i) => i.id !== indicatorId),
  };
}

/**
 * A target read under the wrong task (or as the document's own), moved to the task it belongs to.
 * It keeps its ID while it keeps its task; moved, it gets one under its new task.
 */
export function moveIndicator(plan: PlanDocument, indicatorId: string, toTaskId: string): PlanDocument {
  const found =
    plan.tasks.flatMap((task) => task.indicators).find((i) => i.id === indicatorId) ??
    plan.indicators.find((i) => i.id === indicatorId);
  const target = plan.tasks.find((task) => task.id === toTaskId);
  if (!found || !target || found.taskId === toTaskId) return plan;
  const without = deleteIndicator(plan, indicatorId);
  const moved: Indicator = { ...found, id: allocator(plan).indicator(toTaskId), taskId: toTaskId };
  return replaceTask(without, toTaskId, (task) => ({
    ...task,
    indicators: [...task.indicators, moved].sort((a, b) => a.span.start - b.span.start),
  }));
}

/** The sentences of a task's text, where a split can fall: after 。；！？ or a line break. */
export function taskSentences(task: Task): string[] {
  return task.text.split(/(?<=[。；！？\n])/).filter((sentence) => sentence.trim() !== "");
}

/**
 * Two tasks the parser read as one: the text from sentence `at` (0-based, ≥ 1) becomes a new task
 * after it, titled by its first sentence, with the targets quoted from its part and the same units.
 */
export function splitTask(plan: PlanDocument, taskId: string, at: number): PlanDocument {
  const task = plan.tasks.find((t) => t.id === taskId);
  if (!task) return plan;
  const sentences = taskSentences(task);
  if (at < 1 || at >= sentences.length) return plan;
  const head = sentences.slice(0, at).join("");
  const tail = sentences.slice(at).join("");
  // Where the tail starts in the source: the task's span is over its text as normalised.
  const cut = task.span.start + Math.min(head.length, Math.max(0, task.span.end - task.span.start));
  const title = (tail.split(/[。；！？\n]/)[0] ?? tail).trim();
  const added = addTask(
    plan,
    { title, measures: tail.slice(title.length).replace(/^[。；！？\s]+/, "") },
    taskId,
  );
  const ids = allocator(added.plan);
  const moved = task.indicators.filter(
    (i) => i.span.start >= cut || (!head.includes(i.text) && tail.includes(i.text)),
  );
  const tasks = added.plan.tasks.map((t): Task => {
    if (t.id === taskId) {
      return {
        ...t,
        text: head,
        measures: head
          .slice(t.title.length)
          .replace(/^[。；！？\s]+/, "")
          .trim(),
        indicators: t.indicators.filter((i) => !moved.includes(i)),
        span: { start: t.span.start, end: cut },
      };
    }
    if (t.id !== added.taskId) return t;
    return {
      ...t,
      number: task.number === t.number ? `${task.number}-2` : t.number,
      text: tail,
      leadUnits: [...task.leadUnits],
      coUnits: [...task.coUnits],
      jointLead: task.jointLead,
      ...(task.deadline !== undefined && { deadline: task.deadline }),
      indicators: moved.map((i) => ({ ...i, id: ids.indicator(added.taskId), taskId: added.taskId })),
      span: { start: cut, end: task.span.end },
    };
  });
  return { ...added.plan, tasks };
}

/**
 * One task the parser read as two: the second's text, targets and units join the first (its units
 * after the first's, none twice), and the second goes.
 */
export function mergeTasks(plan: PlanDocument, firstId: string, secondId: string): PlanDocument {
  const first = plan.tasks.find((t) => t.id === firstId);
  const second = plan.tasks.find((t) => t.id === secondId);
  if (!first || !second || first === second) return plan;
  const ids = allocator(plan);
  const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
  const leadUnits = union(first.leadUnits, second.leadUnits);
  const merged: Task = {
    ...first,
    text: `${first.text}${/[。；！？]$/.test(first.text) ? "" : "。"}${second.text}`,
    measures: [first.measures, second.title, second.measures].filter(Boolean).join("；"),
    leadUnits,
    coUnits: union(first.coUnits, second.coUnits).filter((unit) => !leadUnits.includes(unit)),
    indicators: [
      ...first.indicators,
      ...second.indicators.map((i) => ({ ...i, id: ids.indicator(firstId), taskId: firstId })),
    ],
    span: {
      start: Math.min(first.span.start, second.span.start),
      end: Math.max(first.span.end, second.span.end),
    },
  };
  const deadlines = [first.deadline, second.deadline].filter((d): d is string => d !== undefined).sort();
  const latest = deadlines.at(-1);
  if (latest !== undefined) merged.deadline = latest;
  return {
    ...plan,
    tasks: plan.tasks.filter((t) => t.id !== secondId).map((t) => (t.id === firstId ? merged : t)),
  };
}
