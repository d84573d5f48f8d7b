/**
 * Responsible units during review: reading what a person typed into a list of canonical names, and
 * suggesting units for a task from what the document itself names.
 */

import type { PlanDocument, Task } from "../model";
import { unitNormalizer, type UnitAliases } from "../parse";
import { splitUnitList } from "../parse";

/** `市疾控中心、市卫健委，市医保局` → canonical names, in order, without repeats or blanks. */
export function parseUnitList(text: string, aliases: UnitAliases = {}): string[] {
  const normalize = unitNormalizer(aliases);
  const units: string[] = [];
  // People type ASCII commas and semicolons as often as the Chinese ones.
  for (const part of splitUnitList(text, "、，,；;/\n")) {
    const name = normalize(part);
    if (name && !units.includes(name)) units.push(name);
  }
  return units;
}

/** The list as people write it in documents and in the 台账. */
export function formatUnitList(units: readonly string[]): string {
  return units.join("、");
}

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
  limit = 8,
): string[] {
  const normalize = unitNormalizer();
  const taken = new Set(chosen.map(normalize));
  const suggestions: string[] = [];
  const offer = (name: string): void => {
    const canonical = normalize(name);
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
