/**
 * The parser's diagnostics as the review shows them: attached to the task they are about, and the
 * tasks without units found in the document as it is now, not as it was parsed.
 */

import type { Diagnostic, PlanDocument, Task } from "../model";
import { spanOf } from "../model";
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
  for (const diagnostic of plan.diagnostics.filter((d) => d.code !== "task-without-units")) {
    const task = taskOf(diagnostic, plan.tasks);
    if (!task) general.push(diagnostic);
    else byTask.set(task.id, [...(byTask.get(task.id) ?? []), diagnostic]);
  }
  return { general, byTask, unassigned: plan.tasks.filter(needsUnits) };
}
