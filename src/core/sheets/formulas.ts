/**
 * The status rules (`core/progress/rules`) as spreadsheet formulas, in Excel's English syntax with
 * comma separators: the same expressions the core evaluates, so the workbook computes on its own
 * what the 通报 says. Only functions Excel, WPS and LibreOffice all evaluate alike.
 */

import type { DerivedName, Expr, InputName, SettingName } from "../progress/rules";
import { RULES } from "../progress/rules";

/** Where a line's inputs and derived values sit: cell addresses of its own row. */
export interface LineRefs {
  input: Readonly<Record<InputName, string>>;
  derived: Readonly<Record<DerivedName, string>>;
  /**
   * The columns COUNTIFS looks through for an earlier complete line of the same task: `task` is the
   * line's own key (its row in 任务清单), so a sort of the visible columns keeps it right.
   */
  history: { task: string; taskColumn: string; end: string; endColumn: string; doneColumn: string };
}

/** The 设置 sheet's named cells: ASCII names, which every spreadsheet accepts. */
export const SETTING_NAMES: Readonly<Record<SettingName | "planStart" | "periodEnd" | "rankMinTasks", string>> = {
  completeAt: "DubanCompleteAt",
  paceTolerance: "DubanPaceTolerance",
  amberGap: "DubanAmberGap",
  dueSoonDays: "DubanDueDays",
  carry: "DubanCarry",
  planStart: "DubanPlanStart",
  periodEnd: "DubanPeriodEnd",
  rankMinTasks: "DubanRankMinTasks",
};

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function literal(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/** One expression as a formula over the line's cells. */
export function formulaOf(expr: Expr, refs: LineRefs): string {
  const f = (e: Expr): string => formulaOf(e, refs);
  switch (expr.k) {
    case "num":
      return literal(expr.v);
    case "str":
      return quote(expr.v);
    case "in":
      return refs.input[expr.name];
    case "set":
      return SETTING_NAMES[expr.name];
    case "ref":
      return refs.derived[expr.name];
    case "if":
      return `IF(${f(expr.c)},${f(expr.t)},${f(expr.e)})`;
    case "and":
      return `AND(${expr.xs.map(f).join(",")})`;
    case "or":
      return `OR(${expr.xs.map(f).join(",")})`;
    case "not":
      return `NOT(${f(expr.x)})`;
    case "isnum":
      return `ISNUMBER(${f(expr.x)})`;
    case "blank":
      return `(${f(expr.x)}="")`;
    case "cmp":
      return `(${f(expr.a)}${expr.op}${f(expr.b)})`;
    case "arith":
      return `(${f(expr.a)}${expr.op}${f(expr.b)})`;
    case "earlierDone": {
      const h = refs.history;
      return `(COUNTIFS(${h.taskColumn},${h.task},${h.endColumn},"<"&${h.end},${h.doneColumn},1)>0)`;
    }
  }
}

/** The formula of one derived column of a line. */
export function ruleFormula(name: DerivedName, refs: LineRefs): string {
  return formulaOf(RULES[name], refs);
}
