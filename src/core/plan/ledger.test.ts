import { asPeriod } from "../../../test/helpers/ledger";
import { buildLedger } from ".";
import { ledgerIdOf } from "../model";
import { indicator, planDocument, task, workPoints } from "../../../test/helpers/documents";

function built(...args: Parameters<typeof buildLedger>) {
  const result = buildLedger(...args);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe("buildLedger", () => {
  it("makes one row per indicator and one for a task without indicators, with the parser's IDs", () => {
    const { ledger } = built([workPoints()], { period: asPeriod("2024-Q3") });
    expect(ledger.rows.map((r) => [r.id, r.taskId, r.number])).toEqual([
      ["wp2024-T001-I01", "wp2024-T001", "1-1"],
      ["wp2024-T001-I02", "wp2024-T001", "1-2"],
      ["wp2024-T002", "wp2024-T002", "2"],
      ["wp2024-T003-I01", "wp2024-T003", "3"],
    ]);
  });

  it("carries targets, units, deadlines and sources from the indicators", () => {
    const { ledger } = built([workPoints()], { period: asPeriod("2024-Q3") });
    const [specialties, rate, smart, ceiling] = ledger.rows;
    expect(specialties).toMatchObject({
      metric: "新建省级临床重点专科",
      op: ">=",
      target: 5,
      unit: "个",
      leadUnits: ["市卫生健康委"],
      coUnits: ["市发展改革委", "市财政局"],
    });
    expect(specialties?.source).toBe("《2024年全市卫生健康工作要点》：新建省级临床重点专科5个");
    expect(rate?.deadline).toBe("2024-06-30");
    expect(smart).toMatchObject({
      metric: "",
      leadUnits: ["市卫生健康委", "市大数据中心"],
      deadline: "2024-09-30",
    });
    expect(smart?.op).toBeUndefined();
    expect(ceiling).toMatchObject({ op: "<=", target: 180, section: "二、强化公共卫生" });
  });

  it("gives an indicator without its own deadline the task's", () => {
    const document = planDocument({
      id: "d",
      tasks: [
        task({ id: "d-T1", number: "1", deadline: "2024-06-30", indicators: [indicator({ id: "d-T1-I1" })] }),
      ],
    });
    expect(built([document]).ledger.rows[0]?.deadline).toBe("2024-06-30");
  });

  it("shows Chinese task numbers in brackets and prefixes numbers by document when there are several", () => {
    const plan = planDocument({
      id: "ip",
      title: "实施方案",
      tasks: [task({ id: "ip-T1", number: "二十" })],
    });
    expect(built([plan]).ledger.rows[0]?.number).toBe("（二十）");
    const both = built([workPoints(), plan]).ledger;
    expect(both.rows.map((r) => r.number)).toEqual(["1.1-1", "1.1-2", "1.2", "1.3", "2.（二十）"]);
    expect(new Set(both.rows.map((r) => r.id)).size).toBe(both.rows.length);
  });

  it("lets units named by a standing note assist, or lead when the task names no lead", () => {
    const document = planDocument({
      id: "n",
      tasks: [
        task({
          id: "n-T1",
          number: "1",
          leadUnits: ["省卫生健康委"],
          implementingUnits: ["各市（州）人民政府"],
        }),
        task({ id: "n-T2", number: "2", leadUnits: [], implementingUnits: ["各市（州）人民政府"] }),
      ],
    });
    const { ledger, diagnostics } = built([document]);
    expect(ledger.rows.map((r) => [r.leadUnits, r.coUnits])).toEqual([
      [["省卫生健康委"], ["各市（州）人民政府"]],
      [["各市（州）人民政府"], []],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("keeps document-level targets as rows under 总体目标 and says which rows lack a lead unit", () => {
    const document = planDocument({
      id: "g",
      tasks: [
        task({
          id: "g-T1",
          number: "1",
          leadUnits: [],
          indicators: [indicator({ id: "g-T1-I1" }), indicator({ id: "g-T1-I2" })],
        }),
      ],
      indicators: [indicator({ id: "g-I1", metric: "人均预期寿命", value: 79, unit: "岁" })],
    });
    const { ledger, diagnostics } = built([document]);
    expect(ledger.rows[2]).toMatchObject({
      id: "g-I1",
      section: "总体目标",
      number: "总1",
      target: 79,
      leadUnits: [],
    });
    expect(diagnostics.map((d) => [d.code, d.at?.kind === "row" ? d.at.rowId : undefined])).toEqual([
      ["row-without-lead-unit", "g-T1-I1"],
      ["row-without-lead-unit", "g-I1"],
    ]);
  });

  it("derives the ledger ID from the set of documents, whatever their order", () => {
    const plan = planDocument({ id: "ip", tasks: [task({ id: "ip-T1", number: "1" })] });
    const a = built([workPoints(), plan]).ledger;
    const b = built([plan, workPoints()]).ledger;
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(ledgerIdOf(["wp2024", "ip"]));
    expect(built([workPoints()]).ledger.id).not.toBe(a.id);
  });

  it("counts a document given twice once, with a warning", () => {
    const { ledger, diagnostics } = built([workPoints(), workPoints()]);
    expect(ledger.documents).toHaveLength(1);
    expect(ledger.rows).toHaveLength(4);
    expect(diagnostics[0]?.code).toBe("duplicate-document");
  });

  it("tracks the given period, or the one containing today within the plan's year", () => {
    expect(built([workPoints()], { period: asPeriod("2024-09") }).ledger).toMatchObject({
      period: asPeriod("2024-09"),
      periodKind: "month",
    });
    expect(built([workPoints()], { period: asPeriod("2024-q3") }).ledger).toMatchObject({
      period: asPeriod("2024-Q3"),
      periodKind: "quarter",
    });
    expect(built([workPoints()], { today: "2024-08-15" }).ledger.period.key).toBe("2024-Q3");
    expect(built([workPoints()], { today: "2024-08-15", periodKind: "month" }).ledger.period.key).toBe(
      "2024-08",
    );
    expect(built([workPoints()], { today: "2025-03-01" }).ledger.period.key).toBe("2024-Q4");
    expect(built([workPoints()], { today: "2023-12-01" }).ledger.period.key).toBe("2024-Q1");
  });

  it("returns errors as data", () => {
    expect(buildLedger([])).toMatchObject({ ok: false, code: "no-documents" });
    expect(buildLedger([planDocument({ id: "empty" })])).toMatchObject({ ok: false, code: "no-rows" });
  });

  it("names the ledger after its only document", () => {
    expect(built([workPoints()]).ledger.title).toBe("2024年全市卫生健康工作要点重点任务督办台账");
    expect(built([workPoints()], { title: "我的台账" }).ledger.title).toBe("我的台账");
  });

  it("dates a row without a deadline of its own by its task's, else by the plan's horizon, and says so", () => {
    const doc = planDocument({
      id: "ip",
      horizon: "2025-12-31",
      tasks: [
        task({ id: "ip-T001", number: "1", title: "建成区域医疗中心", deadline: "2024-06-30" }),
        task({
          id: "ip-T002",
          number: "2",
          title: "推进医联体建设",
          indicators: [indicator({ id: "ip-T002-I01" })],
        }),
      ],
    });
    const { ledger } = built([doc], { period: asPeriod("2024-Q3") });
    expect(ledger.rows.map((r) => [r.id, r.deadline, r.deadlineInferred])).toEqual([
      ["ip-T001", "2024-06-30", undefined],
      ["ip-T002-I01", "2025-12-31", true],
    ]);
  });
});

test("a ledger whose rows would share an ID is refused, never built", () => {
  const document = workPoints();
  const [first] = document.tasks;
  const twice = { ...document, tasks: [...document.tasks, { ...first!, number: "9" }] };
  expect(buildLedger([twice])).toMatchObject({ ok: false, code: "duplicate-row-id" });
});

test("an indicator with an empty unit makes a row without one, as the sheet reads it back", () => {
  const built = buildLedger(
    [
      planDocument({
        id: "d",
        tasks: [task({ id: "t1", number: "1" })],
        indicators: [indicator({ id: "i1", taskId: "t1", unit: "" })],
      }),
    ],
    { period: asPeriod("2024-Q3") },
  );
  if (!built.ok) throw new Error(built.message);
  expect(built.ledger.rows[0]).not.toHaveProperty("unit");
});
