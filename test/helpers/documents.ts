import type { Indicator, PlanDocument, Task } from "../../src/core/model";

/** Hand-made parser output for ledger and workbook tests: fields a test does not care about get plain values. */
export function indicator(overrides: Partial<Indicator> & Pick<Indicator, "id">): Indicator {
  return {
    metric: `指标${overrides.id}`,
    op: ">=",
    value: 90,
    unit: "%",
    deadlineStated: false,
    text: `指标${overrides.id}达到90%以上`,
    span: { start: 0, end: 1 },
    ...overrides,
  };
}

export function task(overrides: Partial<Task> & Pick<Task, "id" | "number">): Task {
  return {
    title: `任务${overrides.number}`,
    text: `任务${overrides.number}的全文。`,
    measures: "",
    section: "一、重点任务",
    leadUnits: ["市卫生健康委"],
    coUnits: [],
    jointLead: false,
    implementingUnits: [],
    indicators: [],
    mentionedUnits: [],
    span: { start: 0, end: 1 },
    ...overrides,
  };
}

export function planDocument(overrides: Partial<PlanDocument> & Pick<PlanDocument, "id">): PlanDocument {
  return {
    title: "2024年全市卫生健康工作要点",
    year: 2024,
    horizon: "2024-12-31",
    kind: "work-points",
    sections: [],
    tasks: [],
    indicators: [],
    diagnostics: [],
    ...overrides,
  };
}

/** A small work-points document: two sections, units alone and jointly, a milestone task, a ceiling. */
export function workPoints(): PlanDocument {
  return planDocument({
    id: "wp2024",
    sourceName: "工作要点.txt",
    tasks: [
      task({
        id: "wp2024-T001",
        number: "1",
        title: "加强临床重点专科建设",
        section: "一、提升医疗服务能力",
        leadUnits: ["市卫生健康委"],
        coUnits: ["市发展改革委", "市财政局"],
        indicators: [
          indicator({
            id: "wp2024-T001-I01",
            taskId: "wp2024-T001",
            metric: "新建省级临床重点专科",
            value: 5,
            unit: "个",
            text: "新建省级临床重点专科5个",
          }),
          indicator({
            id: "wp2024-T001-I02",
            taskId: "wp2024-T001",
            metric: "县域就诊率",
            value: 90,
            unit: "%",
            deadline: "2024-06-30",
            deadlineStated: true,
          }),
        ],
      }),
      task({
        id: "wp2024-T002",
        number: "2",
        title: "推进智慧医院建设",
        section: "一、提升医疗服务能力",
        leadUnits: ["市卫生健康委", "市大数据中心"],
        jointLead: true,
        deadline: "2024-09-30",
      }),
      task({
        id: "wp2024-T003",
        number: "3",
        title: "控制传染病发病率",
        section: "二、强化公共卫生",
        leadUnits: ["市疾控中心"],
        coUnits: ["市卫生健康委"],
        indicators: [
          indicator({
            id: "wp2024-T003-I01",
            taskId: "wp2024-T003",
            metric: "甲乙类传染病报告发病率",
            op: "<=",
            value: 180,
            unit: "/10万",
          }),
        ],
      }),
    ],
  });
}
