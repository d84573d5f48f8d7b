import { useMemo, useState } from "react";
import type { Op, PlanDocument, Task } from "../../../core/model";
import { DEFAULT_UNITS } from "../../../core/model";
import {
  checkTaskEdit,
  formatTargetValue,
  parseTargetValue,
  taskEditOf,
  unitSuggestions,
  type EditProblem,
  type NewIndicator,
  type TaskEdit,
  type TaskTextEdit,
} from "../../../core/review";

/** One indicator as its inputs hold it: text, until the person saves. */
export interface IndicatorDraft {
  id: string;
  op: Op;
  value: string;
  baseline: string;
  unit: string;
  deadline: string;
}

/** A target added in the editor, as its inputs hold it. */
export interface AddedDraft {
  metric: string;
  op: Op;
  value: string;
  unit: string;
  deadline: string;
}

export type UnitRole = "lead" | "co";

const NEW_TARGET: AddedDraft = { metric: "", op: ">=", value: "", unit: "", deadline: "" };

function draftOf(task: Task) {
  const edit = taskEditOf(task);
  return {
    number: task.number,
    title: task.title,
    measures: task.measures,
    section: task.section,
    /** Target ID → the task it goes to ("" for this one). */
    moves: {} as Record<string, string>,
    removed: [] as string[],
    added: [] as AddedDraft[],
    lead: DEFAULT_UNITS.format(edit.leadUnits),
    co: DEFAULT_UNITS.format(edit.coUnits),
    deadline: edit.deadline ?? "",
    indicators: edit.indicators.map((indicator): IndicatorDraft => ({
      id: indicator.id,
      op: indicator.op,
      value: formatTargetValue(indicator.value),
      baseline: formatTargetValue(indicator.baseline),
      unit: indicator.unit ?? "",
      deadline: indicator.deadline ?? "",
    })),
  };
}

/** The editor's form state for one task; the editor is keyed by task, so it starts fresh for each. */
export function useTaskEditor(document: PlanDocument, task: Task) {
  const [draft, setDraft] = useState(() => draftOf(task));
  const [problems, setProblems] = useState<EditProblem[]>([]);
  /** Counts the saves refused, so the form can move focus to the first error each time. */
  const [refusals, setRefusals] = useState(0);

  const leadUnits = useMemo(() => DEFAULT_UNITS.parseList(draft.lead), [draft.lead]);
  const coUnits = useMemo(() => DEFAULT_UNITS.parseList(draft.co), [draft.co]);
  const suggestions = useMemo(
    () => unitSuggestions(document, task, [...leadUnits, ...coUnits], DEFAULT_UNITS, 6),
    [document, task, leadUnits, coUnits],
  );

  const setUnits = (role: UnitRole, text: string) => setDraft((d) => ({ ...d, [role]: text }));
  const addUnit = (role: UnitRole, unit: string) =>
    setDraft((d) => ({ ...d, [role]: DEFAULT_UNITS.format([...DEFAULT_UNITS.parseList(d[role]), unit]) }));
  const setIndicator = (id: string, change: Partial<Omit<IndicatorDraft, "id">>) =>
    setDraft((d) => ({ ...d, indicators: d.indicators.map((i) => (i.id === id ? { ...i, ...change } : i)) }));
  const setAdded = (index: number, change: Partial<AddedDraft>) =>
    setDraft((d) => ({ ...d, added: d.added.map((a, k) => (k === index ? { ...a, ...change } : a)) }));

  /** The edit the form describes, or the problems that keep it from being one. */
  const toEdit = (): { edit: TaskEdit; problems: EditProblem[] } => {
    const unreadable: EditProblem[] = [];
    const text: TaskTextEdit = {
      ...(draft.number !== task.number && { number: draft.number }),
      ...(draft.title !== task.title && { title: draft.title }),
      ...(draft.measures !== task.measures && { measures: draft.measures }),
      ...(draft.section !== task.section && { section: draft.section }),
    };
    const added = draft.added.map((target, index): NewIndicator => {
      const value = parseTargetValue(target.value);
      if (target.op !== "milestone" && target.value.trim() && value === undefined)
        unreadable.push({ field: "value", added: index, message: `“${target.value}”不是数值。` });
      return {
        metric: target.metric,
        op: target.op,
        ...(target.op !== "milestone" && value !== undefined && { value }),
        ...(target.unit.trim() !== "" && { unit: target.unit.trim() }),
        ...(target.deadline !== "" && { deadline: target.deadline }),
      };
    });
    const moved = Object.entries(draft.moves)
      .filter(([, toTaskId]) => toTaskId !== "")
      .map(([id, toTaskId]) => ({ id, toTaskId }));
    const edit: TaskEdit = {
      leadUnits,
      coUnits,
      ...(draft.deadline !== "" && { deadline: draft.deadline }),
      ...(Object.keys(text).length > 0 && { text }),
      ...(added.length > 0 && { added }),
      ...(draft.removed.length > 0 && { removed: draft.removed }),
      ...(moved.length > 0 && { moved }),
      indicators: draft.indicators.map((indicator) => {
        const value = parseTargetValue(indicator.value);
        if (indicator.op !== "milestone" && indicator.value.trim() && value === undefined)
          unreadable.push({
            field: "value",
            indicatorId: indicator.id,
            message: `“${indicator.value}”不是数值。`,
          });
        const baseline = indicator.op === "milestone" ? undefined : parseTargetValue(indicator.baseline);
        if (indicator.op !== "milestone" && indicator.baseline.trim() && baseline === undefined)
          unreadable.push({
            field: "baseline",
            indicatorId: indicator.id,
            message: `“${indicator.baseline}”不是数值。`,
          });
        return {
          id: indicator.id,
          op: indicator.op,
          ...(value !== undefined && { value }),
          ...(baseline !== undefined && { baseline }),
          ...(indicator.unit.trim() !== "" && { unit: indicator.unit.trim() }),
          ...(indicator.deadline !== "" && { deadline: indicator.deadline }),
        };
      }),
    };
    const sameField = (a: EditProblem, b: EditProblem): boolean =>
      ("indicatorId" in a && "indicatorId" in b && a.indicatorId === b.indicatorId) ||
      ("added" in a && "added" in b && a.added === b.added && a.field === b.field);
    const checked = checkTaskEdit(edit).filter((p) => !unreadable.some((u) => sameField(u, p)));
    return { edit, problems: [...unreadable, ...checked] };
  };

  return {
    draft,
    refusals,
    suggestions,
    showCoSuggestions: leadUnits.length > 0,
    setUnits,
    addUnit,
    setDeadline: (deadline: string) => setDraft((d) => ({ ...d, deadline })),
    setText: (change: Partial<Pick<typeof draft, "number" | "title" | "measures" | "section">>) =>
      setDraft((d) => ({ ...d, ...change })),
    setIndicator,
    /** Where a target goes on saving: "" keeps it here. */
    moveIndicator: (id: string, toTaskId: string) =>
      setDraft((d) => ({ ...d, moves: { ...d.moves, [id]: toTaskId } })),
    toggleRemoved: (id: string) =>
      setDraft((d) => ({
        ...d,
        removed: d.removed.includes(id) ? d.removed.filter((r) => r !== id) : [...d.removed, id],
      })),
    addTarget: () => setDraft((d) => ({ ...d, added: [...d.added, { ...NEW_TARGET }] })),
    setAdded,
    dropAdded: (index: number) => setDraft((d) => ({ ...d, added: d.added.filter((_, k) => k !== index) })),
    /** The other tasks a target can be moved to. */
    otherTasks: document.tasks.filter((t) => t.id !== task.id),
    sections: [...new Set(document.tasks.map((t) => t.section).filter(Boolean))],
    problemFor: (field: EditProblem["field"], indicatorId?: string) =>
      problems.find(
        (p) =>
          p.field === field &&
          !("added" in p) &&
          ("indicatorId" in p ? p.indicatorId : undefined) === indicatorId,
      )?.message,
    problemForAdded: (field: EditProblem["field"], index: number) =>
      problems.find((p) => p.field === field && "added" in p && p.added === index)?.message,
    /** Hands the edit to `save` when it is valid; otherwise shows what is wrong. */
    submit: (save: (edit: TaskEdit) => void) => {
      const result = toEdit();
      setProblems(result.problems);
      if (result.problems.length === 0) save(result.edit);
      else setRefusals((n) => n + 1);
    },
  };
}
