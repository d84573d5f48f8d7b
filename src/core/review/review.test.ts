import { reviewDocument } from "../../../test/fixtures/reviewDocument";
import { DEFAULT_UNITS, UnitDirectory } from "../model";
import { buildLedger } from "../plan";
import {
  adoptSuggestedIndicator,
  applyTaskEdit,
  checkTaskEdit,
  dismissDiagnostic,
  needsUnits,
  parseTargetValue,
  reviewDiagnostics,
  taskEditOf,
  unitSuggestions,
} from ".";

const taskById = (doc: ReturnType<typeof reviewDocument>, id: string) => doc.tasks.find((t) => t.id === id)!;

describe("UnitDirectory.parseList", () => {
  it("splits on Chinese and ASCII separators, normalises aliases and drops repeats", () => {
    expect(DEFAULT_UNITS.parseList("市卫健委、 市疾控中心，市卫生健康委员会; 省人社厅")).toEqual([
      "市卫生健康委",
      "市疾控中心",
      "人力资源社会保障厅",
    ]);
  });

  it("keeps separators inside brackets and ignores blanks", () => {
    expect(DEFAULT_UNITS.parseList("市妇幼保健院（市儿童医院、市妇产医院）、 、")).toEqual([
      "市妇幼保健院（市儿童医院、市妇产医院）",
    ]);
  });

  it("applies the user's own aliases", () => {
    expect(new UnitDirectory({ 市政务服务和大数据管理局: ["市大数据局"] }).parseList("市大数据局")).toEqual([
      "市政务服务和大数据管理局",
    ]);
  });
});

describe("unitSuggestions", () => {
  it("offers the units the task mentions first, then units of other tasks, never a chosen one", () => {
    const doc = reviewDocument();
    expect(unitSuggestions(doc, taskById(doc, "d1-T002"), ["市疾控中心"], DEFAULT_UNITS)).toEqual([
      "市妇幼保健院",
      "市卫生健康委",
      "市医保局",
    ]);
  });

  it("ranks other tasks' units by use", () => {
    const doc = reviewDocument();
    const busy = applyTaskEdit(doc, "d1-T002", {
      ...taskEditOf(taskById(doc, "d1-T002")),
      leadUnits: ["市医保局"],
    });
    expect(unitSuggestions(busy, taskById(busy, "d1-T003"), [], DEFAULT_UNITS)).toEqual([
      "市医保局",
      "市卫生健康委",
    ]);
  });
});

describe("reviewDiagnostics", () => {
  it("attaches a diagnostic to its task and replaces the parser's stale summary by the live list", () => {
    const doc = reviewDocument();
    const { general, byTask, unassigned } = reviewDiagnostics(doc);
    expect(byTask.get("d1-T002")?.map((d) => d.code)).toEqual(["uncertain-indicator"]);
    expect(general).toEqual([]);
    expect(unassigned.map((t) => t.number)).toEqual(["2", "3"]);

    const assigned = applyTaskEdit(doc, "d1-T002", {
      ...taskEditOf(taskById(doc, "d1-T002")),
      leadUnits: ["市妇幼保健院"],
    });
    expect(reviewDiagnostics(assigned).unassigned.map((t) => t.number)).toEqual(["3"]);
  });

  it("keeps diagnostics outside every task general, and counts standing notes as responsible", () => {
    const doc = reviewDocument();
    const note = {
      code: "no-tasks" as const,
      severity: "info" as const,
      message: "说明",
      span: { start: 200, end: 201 },
    };
    const withNote = {
      ...doc,
      diagnostics: [...doc.diagnostics, note],
      tasks: doc.tasks.map((t) =>
        t.id === "d1-T003" ? { ...t, implementingUnits: ["各县（市、区）人民政府"] } : t,
      ),
    };
    const { general, unassigned } = reviewDiagnostics(withNote);
    expect(general).toEqual([note]);
    expect(unassigned.map((t) => t.number)).toEqual(["2"]);
    expect(withNote.tasks.filter(needsUnits)).toEqual(unassigned);
  });
});

describe("applyTaskEdit", () => {
  it("replaces units and keeps co-units from repeating a lead, without touching the original", () => {
    const doc = reviewDocument();
    const next = applyTaskEdit(doc, "d1-T001", {
      ...taskEditOf(taskById(doc, "d1-T001")),
      leadUnits: ["市卫生健康委", "市医保局"],
      coUnits: ["市医保局", "市财政局"],
    });
    expect(taskById(next, "d1-T001").leadUnits).toEqual(["市卫生健康委", "市医保局"]);
    expect(taskById(next, "d1-T001").coUnits).toEqual(["市财政局"]);
    expect(taskById(doc, "d1-T001").coUnits).toEqual(["市医保局"]);
    expect(next.tasks[1]).toBe(doc.tasks[1]);
  });

  it("sets an indicator's 起始值, which the ledger row carries; refuses one equal to the target", () => {
    const doc = reviewDocument();
    const start = taskEditOf(taskById(doc, "d1-T001"));
    const [first, ...rest] = start.indicators;
    const next = applyTaskEdit(doc, "d1-T001", {
      ...start,
      indicators: [{ ...first!, baseline: 80 }, ...rest],
    });
    expect(taskById(next, "d1-T001").indicators[0]?.baseline).toBe(80);
    const built = buildLedger([next], { today: "2024-08-15" });
    if (!built.ok) throw new Error(built.message);
    expect(built.ledger.rows.find((r) => r.id === first!.id)?.baseline).toBe(80);
    expect(checkTaskEdit({ ...start, indicators: [{ ...first!, baseline: first!.value ?? 0 }] })).toEqual([
      expect.objectContaining({ field: "baseline", indicatorId: first!.id }),
    ]);
  });

  it("moves unstated indicator deadlines with the task's deadline, and back to year end when it is cleared", () => {
    const doc = reviewDocument();
    const start = taskEditOf(taskById(doc, "d1-T001"));
    const dated = applyTaskEdit(doc, "d1-T001", { ...start, deadline: "2024-09-30" });
    const [cover, centres] = taskById(dated, "d1-T001").indicators;
    expect(taskById(dated, "d1-T001").deadline).toBe("2024-09-30");
    expect(cover).toMatchObject({ deadline: "2024-09-30", deadlineStated: false });
    expect(centres).toMatchObject({ deadline: "2024-06-30", deadlineStated: true });

    const { deadline: taskDeadline, ...undated } = taskEditOf(taskById(dated, "d1-T001"));
    expect(taskDeadline).toBe("2024-09-30");
    const cleared = applyTaskEdit(dated, "d1-T001", undated);
    expect(taskById(cleared, "d1-T001").deadline).toBeUndefined();
    expect("deadline" in taskById(cleared, "d1-T001")).toBe(false);
    expect(taskById(cleared, "d1-T001").indicators[0]).toMatchObject({
      deadline: "2024-12-31",
      deadlineStated: false,
    });
  });

  it("edits targets: a new value drops the range, a milestone drops value and unit, a typed deadline is stated", () => {
    const doc = reviewDocument();
    const edit = taskEditOf(taskById(doc, "d1-T001"));
    const next = applyTaskEdit(doc, "d1-T001", {
      ...edit,
      indicators: [
        { ...edit.indicators[0]!, op: "milestone", deadline: "2024-10-31" },
        { ...edit.indicators[1]!, value: 4 },
      ],
    });
    const [cover, centres] = taskById(next, "d1-T001").indicators;
    expect(cover).toEqual({
      id: "d1-T001-I01",
      taskId: "d1-T001",
      metric: "县域内就诊率",
      op: "milestone",
      deadline: "2024-10-31",
      deadlineStated: true,
      text: "县域内就诊率达到90%以上",
      span: { start: 20, end: 32 },
    });
    expect(centres).toMatchObject({ value: 4, unit: "个", deadline: "2024-06-30", deadlineStated: true });
    expect(centres).not.toHaveProperty("maxValue");

    const unchanged = applyTaskEdit(doc, "d1-T001", edit);
    expect(taskById(unchanged, "d1-T001").indicators[1]).toMatchObject({ value: 2, maxValue: 3 });
  });

  it("refuses what checkTaskEdit rejects, and unknown tasks", () => {
    const doc = reviewDocument();
    const edit = taskEditOf(taskById(doc, "d1-T002"));
    const { value: _value, ...withoutValue } = edit.indicators[0]!;
    const broken = { ...edit, deadline: "2024-02-30", indicators: [withoutValue] };
    expect(checkTaskEdit(broken)).toEqual([
      { field: "deadline", message: "时限不是日期，请写成 2024年6月30日。" },
      { field: "value", indicatorId: "d1-T002-I01", message: "请填写目标值，或把比较方式改为“节点”。" },
    ]);
    expect(() => applyTaskEdit(doc, "d1-T002", broken)).toThrow(/时限/);
    expect(() => applyTaskEdit(doc, "nope", edit)).toThrow(/no task/);
    expect(checkTaskEdit(edit)).toEqual([]);
  });
});

describe("suggested indicators", () => {
  it("adopting adds the offered indicator to its task in source order and drops the diagnostic", () => {
    const doc = reviewDocument();
    const offer = doc.diagnostics[0]!;
    const next = adoptSuggestedIndicator(doc, offer);
    expect(taskById(next, "d1-T002").indicators.map((i) => i.metric)).toEqual([
      "适龄妇女宫颈癌筛查率",
      "产前筛查覆盖率",
    ]);
    expect(next.diagnostics).not.toContain(offer);
    expect(adoptSuggestedIndicator(next, offer)).toBe(next);
  });

  it("dismissing drops only that diagnostic", () => {
    const doc = reviewDocument();
    const next = dismissDiagnostic(doc, doc.diagnostics[0]!);
    expect(next.diagnostics).toEqual([doc.diagnostics[1]]);
    expect(taskById(next, "d1-T002").indicators).toHaveLength(1);
  });
});

describe("parseTargetValue", () => {
  it.each([
    ["90", 90],
    ["90%", 90],
    [" 4.1万 ", 41000],
    ["1,200", 1200],
    ["1/3", 33.33],
    ["两", 2],
    ["二十三", 23],
    ["", undefined],
    ["约九成", undefined],
    ["1/0", undefined],
  ])("%s → %s", (text, value) => {
    expect(parseTargetValue(text)).toBe(value);
  });
});
