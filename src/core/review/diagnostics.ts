/**
 * The parser's diagnostics as the review shows them: attached to the task they are about, and the
 * tasks without units found in the document as it is now, not as it was parsed.
 */

import type { Diagnostic, PlanDocument, Task } from "../model";
import { spanOf } from "../model";
import { cutOffUnits, reviewWarnings } from "./checks";
import { needsUnits } from "./units";

export interface ReviewDiagnostics {
  /** About the document as a whole, or about no task in particular. */
  general: Diagnostic[];
  /** Task ID → the diagnostics about that task. */
  byTask: ReadonlyMap<string, Diagnostic[]>;
  /** Tasks nobody is responsible for yet, in document order. */
  unassigned: Task[];
}

function taskOf(diagnostic: Diagnostic, tasks: readonly Task[]): Task | undefined {
  if (diagnostic.at?.kind === "row") {
    const rowId = diagnostic.at.rowId;
    return tasks.find((task) => task.id === rowId);
  }
  const taskId = diagnostic.indicator?.taskId;
  if (taskId !== undefined) return tasks.find((task) => task.id === taskId);
  const span = spanOf(diagnostic);
  if (!span) return undefined;
  return tasks.find((task) => task.span.start <= span.start && span.end <= task.span.end);
}

export function reviewDiagnostics(plan: PlanDocument): ReviewDiagnostics {
  const general: Diagnostic[] = [];
  const byTask = new Map<string, Diagnostic[]>();
  // The parser's summary goes stale as units are assigned; `unassigned` replaces it.
  const parsed = plan.diagnostics.filter((d) => d.code !== "task-without-units");
  for (const diagnostic of [...parsed, ...reviewWarnings(plan)]) {
    const task = taskOf(diagnostic, plan.tasks);
    if (!task) general.push(diagnostic);
    else byTask.set(task.id, [...(byTask.get(task.id) ?? []), diagnostic]);
  }
  // A task whose every lead is no real name has nobody responsible yet either.
  const unassigned = plan.tasks.filter(
    (task) =>
      needsUnits(task) ||
      (task.leadUnits.length > 0 && task.leadUnits.every((unit) => cutOffUnits(task).includes(unit))),
  );
  return { general, byTask, unassigned };
}
