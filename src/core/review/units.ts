/**
 * Responsible units during review: which tasks still need one, and suggestions for a task from what
 * the document itself names. Reading what a person typed is the unit directory's (`UnitDirectory`).
 */

import type { PlanDocument, Task, UnitDirectory } from "../model";

/**
 * A task has nobody responsible when it names no lead unit and no standing note makes a unit
 * implement it (the ledger then takes the implementing units as leads).
 */
export function needsUnits(task: Task): boolean {
  return task.leadUnits.length === 0 && task.implementingUnits.length === 0;
}

/**
 * Units to offer for a task: first those its own text mentions, then those responsible for other
 * tasks of the same document, most used first; never one already chosen.
 */
export function unitSuggestions(
  plan: PlanDocument,
  task: Task,
  chosen: readonly string[],
  units: UnitDirectory,
  limit = 8,
): string[] {
  const taken = new Set(units.names(chosen));
  const suggestions: string[] = [];
  const offer = (name: string): void => {
    const canonical = units.normalize(name);
    if (!canonical || taken.has(canonical) || suggestions.includes(canonical)) return;
    suggestions.push(canonical);
  };
  task.mentionedUnits.forEach(offer);
  const uses = new Map<string, number>();
  for (const other of plan.tasks) {
    if (other.id === task.id) continue;
    for (const unit of [...other.leadUnits, ...other.coUnits, ...other.implementingUnits])
      uses.set(unit, (uses.get(unit) ?? 0) + 1);
  }
  [...uses.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b, "zh-CN"))
    .forEach(([unit]) => offer(unit));
  return suggestions.slice(0, limit);
}
