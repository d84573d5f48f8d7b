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
  type TaskEdit,
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

export type UnitRole = "lead" | "co";

function draftOf(task: Task) {
  const edit = taskEditOf(task);
  return {
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

  /** The edit the form describes, or the problems that keep it from being one. */
  const toEdit = (): { edit: TaskEdit; problems: EditProblem[] } => {
    const unreadable: EditProblem[] = [];
    const edit: TaskEdit = {
      leadUnits,
      coUnits,
      ...(draft.deadline !== "" && { deadline: draft.deadline }),
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
    const checked = checkTaskEdit(edit).filter(
      (p) =>
        !("indicatorId" in p) ||
        !unreadable.some((u) => "indicatorId" in u && u.indicatorId === p.indicatorId),
    );
    return { edit, problems: [...unreadable, ...checked] };
  };

  return {
    draft,
    suggestions,
    showCoSuggestions: leadUnits.length > 0,
    setUnits,
    addUnit,
    setDeadline: (deadline: string) => setDraft((d) => ({ ...d, deadline })),
    setIndicator,
    problemFor: (field: EditProblem["field"], indicatorId?: string) =>
      problems.find(
        (p) => p.field === field && ("indicatorId" in p ? p.indicatorId : undefined) === indicatorId,
      )?.message,
    /** Hands the edit to `save` when it is valid; otherwise shows what is wrong. */
    submit: (save: (edit: TaskEdit) => void) => {
      const result = toEdit();
      setProblems(result.problems);
      if (result.problems.length === 0) save(result.edit);
    },
  };
}
