/**
 * The status rules, written once as expressions over one line of 进度填报: the core evaluates
 * them to judge a row (`evaluate`), and the workbook carries the same expressions as its live
 * formulas (`core/sheets/formulas`), so Excel, WPS and LibreOffice compute what the 通报 says.
 * Only what all three evaluate alike is used: IF, AND, OR, NOT, ISNUMBER, comparisons, arithmetic,
 * and one COUNTIFS for a row completed in an earlier period.
 */

/** A line's own cells, as the formulas read them. Dates are day numbers; blank is "". */
export type InputName =
  | "actual"
  | "reportedStatus"
  | "progressText"
  | "op"
  | "baseline"
  | "target"
  | "deadline"
  | "start"
  | "end";

/** The thresholds, the workbook's 设置 sheet holds them as named cells. */
export type SettingName = "completeAt" | "paceTolerance" | "amberGap" | "dueSoonDays" | "carry";

/** Columns computed from the line: each has its formula in the sheet. */
export type DerivedName = "reported" | "expected" | "completion" | "doneFlag" | "status" | "alert" | "check";

export type Expr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "in"; name: InputName }
  | { k: "set"; name: SettingName }
  | { k: "ref"; name: DerivedName }
  | { k: "if"; c: Expr; t: Expr; e: Expr }
  | { k: "and" | "or"; xs: Expr[] }
  | { k: "not"; x: Expr }
  | { k: "cmp"; op: "=" | "<>" | "<" | "<=" | ">" | ">="; a: Expr; b: Expr }
  | { k: "arith"; op: "+" | "-" | "*" | "/"; a: Expr; b: Expr }
  | { k: "isnum"; x: Expr }
  | { k: "blank"; x: Expr }
  /** Some earlier line of the same row has 完成标记 1: the row was completed before this period. */
  | { k: "earlierDone" };

const num = (v: number): Expr => ({ k: "num", v });
const str = (v: string): Expr => ({ k: "str", v });
const input = (name: InputName): Expr => ({ k: "in", name });
const setting = (name: SettingName): Expr => ({ k: "set", name });
const ref = (name: DerivedName): Expr => ({ k: "ref", name });
const iff = (c: Expr, t: Expr, e: Expr): Expr => ({ k: "if", c, t, e });
const and = (...xs: Expr[]): Expr => ({ k: "and", xs });
const or = (...xs: Expr[]): Expr => ({ k: "or", xs });
const not = (x: Expr): Expr => ({ k: "not", x });
const eq = (a: Expr, b: Expr): Expr => ({ k: "cmp", op: "=", a, b });
const cmp = (op: "<" | "<=" | ">" | ">=" | "<>", a: Expr, b: Expr): Expr => ({ k: "cmp", op, a, b });
const minus = (a: Expr, b: Expr): Expr => ({ k: "arith", op: "-", a, b });
const plus = (a: Expr, b: Expr): Expr => ({ k: "arith", op: "+", a, b });
const div = (a: Expr, b: Expr): Expr => ({ k: "arith", op: "/", a, b });
const isnum = (x: Expr): Expr => ({ k: "isnum", x });
const blank = (x: Expr): Expr => ({ k: "blank", x });

const op = input("op");
const actual = input("actual");
const target = input("target");
const baseline = input("baseline");
const status = input("reportedStatus");
const deadline = input("deadline");
const start = input("start");
const end = input("end");

/** `≤` and `<`: a ceiling, where less is better (`控制在…以下`). */
const isCeiling = or(eq(op, str("≤")), eq(op, str("<")));
const isFloor = or(eq(op, str("≥")), eq(op, str(">")), eq(op, str("=")));
/** The row has a number to judge: a comparison and a target that can be divided by. */
const numericRow = and(
  isnum(target),
  or(and(isFloor, cmp(">", target, num(0))), and(isCeiling, cmp(">=", target, num(0)))),
);
const hasNumber = isnum(actual);
/** The deadline fell before the period's last day (a row without one is never overdue). */
const passed = and(isnum(deadline), cmp("<", deadline, end));
/** 序时进度, or 0 for a row with no deadline (nothing is due yet). */
const expectedOr0 = iff(isnum({ k: "ref", name: "expected" }), { k: "ref", name: "expected" }, num(0));
/** Anything a unit can send that shows it reported: a number, a chosen status or some words. */
const reported = or(
  hasNumber,
  and(not(blank(status)), cmp("<>", status, str("未报送"))),
  not(blank(input("progressText"))),
  not(blank(actual)),
);

export const RULES: Readonly<Record<DerivedName, Expr>> = {
  /** 已报送: 1 when the unit sent anything for this line; the last such line of a row and period counts. */
  reported: iff(reported, num(1), num(0)),
  /**
   * 序时进度: the elapsed share of the days from the plan's start to the deadline at the period's
   * end, counted inclusively, so a deadline on the period's last day gives exactly 1.
   */
  expected: iff(
    not(isnum(deadline)),
    str(""),
    iff(
      cmp(">=", end, deadline),
      num(1),
      iff(cmp("<", end, start), num(0), div(plus(minus(end, start), num(1)), plus(minus(deadline, start), num(1)))),
    ),
  ),
  /**
   * 完成率: (完成值 − 起始值) / (目标值 − 起始值), turned round for a ceiling; without an 起始值, 完成值 /
   * 目标值 (a ceiling: 目标值 / 完成值, full when at or below nothing).
   */
  completion: iff(
    and(numericRow, hasNumber),
    iff(
      isCeiling,
      iff(
        not(isnum(baseline)),
        iff(cmp("<=", actual, num(0)), num(1), div(target, actual)),
        iff(
          eq(baseline, target),
          iff(cmp("<=", actual, target), num(1), num(0)),
          div(minus(baseline, actual), minus(baseline, target)),
        ),
      ),
      iff(
        not(isnum(baseline)),
        div(actual, target),
        iff(
          eq(target, baseline),
          iff(cmp(">=", actual, target), num(1), num(0)),
          div(minus(actual, baseline), minus(target, baseline)),
        ),
      ),
    ),
    str(""),
  ),
  /** 完成标记: this line shows the row complete, by its number, or by its status when it has none. */
  doneFlag: iff(
    isnum(ref("completion")),
    iff(cmp(">=", ref("completion"), setting("completeAt")), num(1), num(0)),
    iff(eq(status, str("已完成")), num(1), num(0)),
  ),
  /**
   * 判定状态. A numeric row is judged by its number; a milestone, a row without a number and a report
   * without one by the status the unit chose and the date. A row complete in an earlier period stays
   * complete while its unit sends nothing new.
   */
  status: iff(
    eq(ref("reported"), num(0)),
    iff(and(eq(setting("carry"), num(1)), { k: "earlierDone" }), str("已完成"), str("未报送")),
    iff(
      isnum(ref("completion")),
      iff(
        cmp(">=", ref("completion"), setting("completeAt")),
        str("已完成"),
        iff(
          passed,
          str("逾期未完成"),
          iff(
            cmp("<=", ref("completion"), num(0)),
            str("未启动"),
            iff(
              cmp(">=", ref("completion"), minus(expectedOr0, setting("paceTolerance"))),
              str("序时推进"),
              str("进度滞后"),
            ),
          ),
        ),
      ),
      iff(
        eq(status, str("已完成")),
        str("已完成"),
        iff(
          passed,
          str("逾期未完成"),
          iff(
            eq(status, str("未启动")),
            str("未启动"),
            // A unit calling itself overdue before the deadline is behind, not yet overdue.
            iff(or(eq(status, str("进度滞后")), eq(status, str("逾期未完成"))), str("进度滞后"), str("序时推进")),
          ),
        ),
      ),
    ),
  ),
  /**
   * 三色预警: 完成 and 绿 on schedule, 黄 behind 序时 by at most the amber gap, 红 behind by more or
   * overdue, 蓝 on schedule but due within the days set and not done (催办), 灰 not reported.
   */
  alert: iff(
    eq(ref("status"), str("已完成")),
    str("完成"),
    iff(
      eq(ref("status"), str("未报送")),
      str("灰"),
      iff(
        eq(ref("status"), str("逾期未完成")),
        str("红"),
        iff(
          or(eq(ref("status"), str("进度滞后")), eq(ref("status"), str("未启动"))),
          // Arithmetic only inside the IF that checked its operands: a text cell would be an error.
          iff(
            iff(isnum(ref("completion")), cmp(">", minus(expectedOr0, ref("completion")), setting("amberGap")), num(0)),
            str("红"),
            str("黄"),
          ),
          iff(
            iff(
              isnum(deadline),
              and(cmp(">=", minus(deadline, end), num(0)), cmp("<=", minus(deadline, end), setting("dueSoonDays"))),
              num(0),
            ),
            str("蓝"),
            str("绿"),
          ),
        ),
      ),
    ),
  ),
  /** 核对: what the line says against itself — kept as sent, flagged for whoever reads it. */
  check: iff(
    and(not(blank(actual)), not(hasNumber)),
    str("完成值不是数字"),
    iff(
      and(
        not(blank(status)),
        not(
          or(
            eq(status, str("已完成")),
            eq(status, str("序时推进")),
            eq(status, str("进度滞后")),
            eq(status, str("逾期未完成")),
            eq(status, str("未启动")),
          ),
        ),
      ),
      str("填报状态不在列表中"),
      iff(
        and(numericRow, not(hasNumber), eq(ref("reported"), num(1))),
        str("只报了状态，未报完成值"),
        iff(
          and(
            isnum(ref("completion")),
            not(blank(status)),
            or(
              and(cmp(">=", ref("completion"), setting("completeAt")), cmp("<>", status, str("已完成"))),
              and(cmp("<", ref("completion"), setting("completeAt")), eq(status, str("已完成"))),
            ),
          ),
          str("填报状态与完成值不符"),
          str(""),
        ),
      ),
    ),
  ),
};

/** Words of the 核对 column; empty when the line agrees with itself. */
export type CheckWord = "" | "完成值不是数字" | "只报了状态，未报完成值" | "填报状态不在列表中" | "填报状态与完成值不符";

export type Value = number | string;

export interface LineInputs {
  actual: Value;
  reportedStatus: string;
  progressText: string;
  op: string;
  baseline: Value;
  target: Value;
  deadline: Value;
  start: Value;
  end: Value;
}

export type Settings = Readonly<Record<SettingName, number>>;

/** Evaluates one rule for one line as a spreadsheet would: "" is blank, text compares as text. */
export function evaluate(
  name: DerivedName,
  inputs: LineInputs,
  settings: Settings,
  earlierDone: boolean,
): Value {
  const cache = new Map<DerivedName, Value>();
  const derived = (n: DerivedName): Value => {
    const known = cache.get(n);
    if (known !== undefined) return known;
    const value = run(RULES[n]);
    cache.set(n, value);
    return value;
  };
  const asNumber = (v: Value): number => (typeof v === "number" ? v : v === "" ? 0 : Number.NaN);
  const truthy = (v: Value): boolean => (typeof v === "number" ? v !== 0 : v !== "");
  function run(e: Expr): Value {
    switch (e.k) {
      case "num":
      case "str":
        return e.v;
      case "in":
        return inputs[e.name];
      case "set":
        return settings[e.name];
      case "ref":
        return derived(e.name);
      case "if":
        return truthy(run(e.c)) ? run(e.t) : run(e.e);
      case "and":
        return e.xs.every((x) => truthy(run(x))) ? 1 : 0;
      case "or":
        return e.xs.some((x) => truthy(run(x))) ? 1 : 0;
      case "not":
        return truthy(run(e.x)) ? 0 : 1;
      case "isnum":
        return typeof run(e.x) === "number" ? 1 : 0;
      case "blank":
        return run(e.x) === "" ? 1 : 0;
      case "earlierDone":
        return earlierDone ? 1 : 0;
      case "arith": {
        const a = asNumber(run(e.a));
        const b = asNumber(run(e.b));
        return e.op === "+" ? a + b : e.op === "-" ? a - b : e.op === "*" ? a * b : a / b;
      }
      case "cmp":
        return compare(run(e.a), run(e.b), e.op) ? 1 : 0;
    }
  }
  return derived(name);
}

/**
 * Comparison as Excel, WPS and LibreOffice make it: numbers by value, text by text, and any number
 * less than any text; a blank is 0 against a number and "" against text.
 */
function compare(a: Value, b: Value, op: "=" | "<>" | "<" | "<=" | ">" | ">="): boolean {
  const left = a === "" && typeof b === "number" ? 0 : a;
  const right = b === "" && typeof a === "number" ? 0 : b;
  let order: number;
  if (typeof left === "number" && typeof right === "number") order = left === right ? 0 : left < right ? -1 : 1;
  else if (typeof left === "number") order = -1;
  else if (typeof right === "number") order = 1;
  else order = left === right ? 0 : left < right ? -1 : 1;
  switch (op) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
  }
}
