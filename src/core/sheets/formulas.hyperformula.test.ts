/**
 * The workbook's status formulas against the core's rules, case by case, in a maintained formula
 * engine (HyperFormula): every row of the status table — each comparison, before and after the
 * deadline, with and without 起始值, each contradiction — gives the same 序时进度, 完成率, 判定状态,
 * 预警 and 核对 in the spreadsheet as in the core.
 */
import { HyperFormula } from "hyperformula";
import type { DerivedName, InputName, LineInputs, Settings, Value } from "../progress/rules";
import { evaluate } from "../progress/rules";
import { SETTING_NAMES, ruleFormula, type LineRefs } from "./formulas";

const INPUTS: readonly InputName[] = [
  "actual",
  "reportedStatus",
  "progressText",
  "op",
  "baseline",
  "target",
  "deadline",
  "start",
  "end",
];
const DERIVED: readonly DerivedName[] = ["reported", "expected", "completion", "doneFlag", "status", "alert", "check"];
/** Columns A… hold the inputs, then the derived values, then the row ID for COUNTIFS. */
const column = (k: number): string => String.fromCharCode(65 + k);
const ROW_ID = column(INPUTS.length + DERIVED.length);

function refs(r: number): LineRefs {
  const input = Object.fromEntries(INPUTS.map((name, k) => [name, `$${column(k)}${r}`])) as LineRefs["input"];
  const derived = Object.fromEntries(
    DERIVED.map((name, k) => [name, `$${column(INPUTS.length + k)}${r}`]),
  ) as LineRefs["derived"];
  const endColumn = column(INPUTS.indexOf("end"));
  const doneColumn = column(INPUTS.length + DERIVED.indexOf("doneFlag"));
  return {
    input,
    derived,
    history: {
      task: `$${ROW_ID}${r}`,
      taskColumn: `$${ROW_ID}:$${ROW_ID}`,
      end: `$${endColumn}${r}`,
      endColumn: `$${endColumn}:$${endColumn}`,
      doneColumn: `$${doneColumn}:$${doneColumn}`,
    },
  };
}

const SETTINGS: Settings = { completeAt: 1, paceTolerance: 0, amberGap: 0.1, dueSoonDays: 15, carry: 1 };
const START = 45292; // 2024-01-01 as an Excel serial
const Q3_END = 45565; // 2024-09-30
const YEAR_END = 45657; // 2024-12-31

type Case = [string, Partial<LineInputs>];

const line = (inputs: Partial<LineInputs>): LineInputs => ({
  actual: "",
  reportedStatus: "",
  progressText: "",
  op: "≥",
  baseline: "",
  target: 100,
  deadline: YEAR_END,
  start: START,
  end: Q3_END,
  ...inputs,
});

const CASES: Case[] = [
  ["nothing reported", {}],
  ["words only", { progressText: "推进中" }],
  ["≥ complete", { actual: 100 }],
  ["≥ exceeded", { actual: 130 }],
  ["≥ on pace", { actual: 80 }],
  ["≥ behind a little", { actual: 70 }],
  ["≥ behind a lot", { actual: 30 }],
  ["≥ not started", { actual: 0 }],
  ["> on pace", { op: ">", actual: 80 }],
  ["= complete", { op: "=", actual: 100 }],
  ["≤ ceiling met", { op: "≤", target: 10, actual: 8 }],
  ["≤ ceiling missed", { op: "≤", target: 10, actual: 20 }],
  ["≤ zero actual", { op: "≤", target: 10, actual: 0 }],
  ["< ceiling", { op: "<", target: 5, actual: 5 }],
  ["≥ with a baseline, on pace", { baseline: 80, target: 90, actual: 88 }],
  ["≥ with a baseline, behind", { baseline: 80, target: 90, actual: 82 }],
  ["≥ baseline equals target", { baseline: 90, target: 90, actual: 90 }],
  ["≤ with a baseline", { op: "≤", baseline: 20, target: 10, actual: 15 }],
  ["≤ baseline equals target, missed", { op: "≤", baseline: 10, target: 10, actual: 12 }],
  ["after the deadline, not complete", { deadline: 45473, actual: 90 }],
  ["after the deadline, complete", { deadline: 45473, actual: 100 }],
  ["deadline on the period's last day", { deadline: Q3_END, actual: 90 }],
  ["due within the days set", { deadline: Q3_END + 10, actual: 99 }],
  ["due within the days set, status only", { op: "节点", target: "", deadline: Q3_END + 5, reportedStatus: "序时推进" }],
  ["milestone done", { op: "节点", target: "", reportedStatus: "已完成" }],
  ["milestone behind", { op: "节点", target: "", reportedStatus: "进度滞后" }],
  ["milestone calls itself overdue early", { op: "节点", target: "", reportedStatus: "逾期未完成" }],
  ["milestone not started", { op: "节点", target: "", reportedStatus: "未启动" }],
  ["milestone overdue", { op: "节点", target: "", deadline: 45473, reportedStatus: "序时推进" }],
  ["no deadline", { deadline: "", actual: 50 }],
  ["status contradicts the number: behind at 300 of 300", { target: 300, actual: 300, reportedStatus: "进度滞后" }],
  ["status contradicts the number: done at 50 of 1000", { target: 1000, actual: 50, reportedStatus: "已完成" }],
  ["numeric row reported by status alone", { reportedStatus: "已完成" }],
  ["a word not on the list", { reportedStatus: "完成" }],
  ["完成值 as text", { actual: "2024年9月完成1个" }],
  ["pace tolerance does not apply here", { actual: 74 }],
  ["target of zero for a floor", { target: 0, actual: 3 }],
];

function hyperformulaValues(cases: readonly LineInputs[], earlier: readonly LineInputs[] = []): Value[][] {
  const all = [...earlier, ...cases];
  const sheet = all.map((inputs, k) => {
    const r = k + 1;
    return [
      // A text cell that begins with `=` is text, as Duban writes it; HyperFormula takes `'` for that.
      ...INPUTS.map((name) => {
        const value = inputs[name];
        return typeof value === "string" && value.startsWith("=") ? `'${value}` : value;
      }),
      ...DERIVED.map((name) => `=${ruleFormula(name, refs(r))}`),
      // Earlier lines share the row ID with the line they come before.
      k < earlier.length ? "row" : k === earlier.length ? "row" : `row${k}`,
    ];
  });
  const hf = HyperFormula.buildFromSheets({ Sheet1: sheet }, { licenseKey: "gpl-v3" });
  const names: [string, number][] = [
    [SETTING_NAMES.completeAt, SETTINGS.completeAt],
    [SETTING_NAMES.paceTolerance, SETTINGS.paceTolerance],
    [SETTING_NAMES.amberGap, SETTINGS.amberGap],
    [SETTING_NAMES.dueSoonDays, SETTINGS.dueSoonDays],
    [SETTING_NAMES.carry, SETTINGS.carry],
  ];
  for (const [name, value] of names) hf.addNamedExpression(name, `=${value}`);
  const values = all.map((_, k) =>
    DERIVED.map((_, d) => {
      const v = hf.getCellValue({ sheet: 0, row: k, col: INPUTS.length + d });
      return typeof v === "number" || typeof v === "string" ? v : v === null ? "" : `#${String(v)}`;
    }),
  );
  hf.destroy();
  return values.slice(earlier.length);
}

const round = (v: Value): Value => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v);

describe("the workbook's formulas and the core's rules", () => {
  const lines = CASES.map(([, inputs]) => line(inputs));
  const sheet = hyperformulaValues(lines);

  test.each(CASES.map(([name], k) => [name, k] as const))("%s", (_, k) => {
    const inputs = lines[k]!;
    const core = DERIVED.map((name) => round(evaluate(name, inputs, SETTINGS, false)));
    expect(sheet[k]!.map(round)).toEqual(core);
  });

  test("a row completed in an earlier period stays 已完成 while nothing new comes, in both", () => {
    const earlier = line({ actual: 100, end: 45473 });
    const now = line({});
    const [inSheet] = hyperformulaValues([now], [earlier]);
    const inCore = DERIVED.map((name) => round(evaluate(name, now, SETTINGS, true)));
    expect(inSheet!.map(round)).toEqual(inCore);
    expect(inCore[DERIVED.indexOf("status")]).toBe("已完成");
  });

  test("the cases cover every status, every warning and every check", () => {
    const core = lines.map((inputs) => DERIVED.map((name) => evaluate(name, inputs, SETTINGS, false)));
    const column = (name: DerivedName): Set<Value> => new Set(core.map((values) => values[DERIVED.indexOf(name)]!));
    expect([...column("status")].sort()).toEqual(["已完成", "序时推进", "进度滞后", "逾期未完成", "未启动", "未报送"].sort());
    expect([...column("alert")].sort()).toEqual(["完成", "绿", "黄", "红", "蓝", "灰"].sort());
    expect(column("check").size).toBe(5);
  });
});
