import type { Task } from "../model";
import { parseDocument } from ".";
import { normalize } from "./normalize";
import { cellFit, joinPeople } from "./table";

const read = (text: string): Task[] => parseDocument(text, { fallbackYear: 2025 }).tasks;
const units = (task: Task | undefined): [string[], string[]] => [task?.leadUnits ?? [], task?.coUnits ?? []];
const targets = (task: Task | undefined): string[] =>
  (task?.indicators ?? []).map((i) => `${i.metric}|${i.op}|${i.value ?? ""}${i.unit ?? ""}`);

describe("task tables a web page flattened to spaces", () => {
  const table = [
    "某县2025年重点工作责任清单进展情况汇总表",
    "序号 重点工作任务 牵头  领导 牵头  责任单位 主体  责任单位 配合  责任单位 进展情况 下步计划",
    "12 新建村卫生室5个。 李  明   张小华 县卫健委 各乡镇",
    "县开发区",
    "县直有关单位 正在推进 年底前完成验收",
    "13 开展义诊20场。 张小华 县卫健委 有关乡镇 县直有关单位 已完成 继续开展",
  ].join("\n");

  test("a header word the page broke in two (`牵头  领导`, `主体  责任单位`) is one column", () => {
    const [, second] = read(table);
    expect(units(second)).toEqual([["县卫健委", "有关乡镇"], ["县直有关单位"]]);
  });

  test("a name padded to three characters' width (`李  明`) and a second leader beside it are people", () => {
    const [first] = read(table);
    const [lead, co] = units(first);
    expect([...lead, ...co]).not.toContain("李");
    expect([...lead, ...co]).not.toContain("张小华");
  });

  test("a cell's units broken one name a line stay apart (`各乡镇` / `县开发区` / `县直有关单位 …`)", () => {
    const [first] = read(table);
    expect(units(first)).toEqual([["县卫健委", "各乡镇", "县开发区"], ["县直有关单位"]]);
  });

  test("a line of prose that names a few fields is no header: its spaces are not cells", () => {
    const tasks = read(
      "某市民生实事进展情况公示如下。 1.新建社区食堂10个。 牵头领导:王五 责任单位:市民政局 项目责任人:赵六 实际完成情况:已建成4个。 2.新增停车位500个。 牵头领导:王五 责任单位:市住建局 项目责任人:钱七 配合单位:市公安局、市城管局 实际完成情况:已完成30%。",
    );
    expect(tasks.map((t) => t.number)).toEqual(["1", "2"]);
  });
});

describe("labelled fields a page ran into one line", () => {
  const tasks = read(
    "某市民生实事进展情况公示如下。 1.新建社区食堂10个。 牵头领导:王五 责任单位:市民政局 项目责任人:赵六 实际完成情况:已建成4个。 2.新增停车位500个。 牵头领导:王五 责任单位:市住建局 项目责任人:钱七 配合单位:市公安局、市城管局 实际完成情况:各区 东区 西区 合计 年度目标 200 300 500 实际完成 10 20 30 3.新建口袋公园8个。 责任单位:市园林局",
  );

  test("a unit list stops at the next field's label (`项目责任人：`, `实际完成情况：`)", () => {
    expect(units(tasks[0])).toEqual([["市民政局"], []]);
    expect(units(tasks[1])).toEqual([["市住建局"], ["市公安局", "市城管局"]]);
  });

  test("the next item starts after the grid of figures printed inside the last (`… 30 3.新建…`)", () => {
    expect(tasks.map((t) => t.number)).toEqual(["1", "2", "3"]);
    expect(units(tasks[2])).toEqual([["市园林局"], []]);
  });
});

describe("`|` rows under a merged 序号", () => {
  test("a line that kept the row's empty cells is a part of the row above, not text of its last cell", () => {
    const tasks = read(
      [
        "序号 | 工作任务 | 责任单位 | 进展情况 |",
        "1 | 新建公办幼儿园2所 | 县教育局 | 主体完工 |",
        "新增学位540个 | | | |",
        "2 | 改造农村公路30公里 | 县交通局 | 已完成10公里 |",
      ].join("\n"),
    );
    expect(tasks.map((t) => t.number)).toEqual(["1", "2"]);
    expect(targets(tasks[0])).toEqual(["新建公办幼儿园|>=|2所", "新增学位|>=|540个"]);
  });
});

describe("the header and cells of a spaced table", () => {
  test("a short piece that names nothing joins the rest of its column's name (`1- 8月实际完成情况`)", () => {
    const { text } = normalize(
      "序号 项目名称 责任单位 目标任务 1- 8月实际完成情况 备注\n1 新增城镇就业 区人社局 8950人 7356 完成82%",
    );
    expect(text.split("\n")[0]?.split("\t")).toEqual([
      "序号",
      "项目名称",
      "责任单位",
      "目标任务",
      "1-8月实际完成情况",
      "备注",
    ]);
  });

  test("`区人社局` is a unit's name in a cell; `…社会`, where a name was cut, is none", () => {
    expect(cellFit("区人社局", "lead")).toBeGreaterThan(cellFit("区人社局", "task"));
    expect(cellFit("市人力资源社会", "lead")).toBeLessThan(cellFit("市人力资源社会", "task"));
    // A 监督方式 column's telephone number names no office.
    expect(cellFit("0533-5180077", "lead")).toBeLessThan(0);
  });
});

describe("people in a row", () => {
  test("two leaders before the units are one cell of people; two words of progress after them are not", () => {
    const roles = ["number", "task", "person", "lead", "progress", "progress"] as const;
    expect(joinPeople(["1", "新建村卫生室5个", "李明", "张小华", "县卫健委", "正常", "滞后"], roles)).toEqual(
      ["1", "新建村卫生室5个", "李明、张小华", "县卫健委", "正常", "滞后"],
    );
  });
});

describe("tables a page flattened to one cell a line", () => {
  const cellsOf = (rows: string[][]): string =>
    rows.map((row) => row.map((cell) => `${cell} |`).join("\n")).join("\n");
  const header = ["序号", "指标名称", "单位", "2022年", "2025年", "2027年", "牵头单位", "责任单位"];
  const goals = [
    "某县行动计划主要目标责任清单",
    cellsOf([
      header,
      ["1", "人均预期寿命", "岁", "78.2", "≥79.2", "≥80", "县卫健局", "县疾控中心,各乡镇人民政府"],
      ["2", "婴儿死亡率", "‰", "3.64", "持续改善", "持续改善", "县卫健局", "县妇计中心"],
      header,
      ["3", "30-70岁重大慢性病过早死亡率", "%", "13.1", "≤12.7", "≤12.5", "县卫健局", "县疾控中心"],
    ]),
  ].join("\n");

  test("a header with columns no 台账 word names keeps every cell in its place, past a repeated header", () => {
    const tasks = read(goals);
    expect(tasks.map((t) => t.title)).toEqual(["人均预期寿命", "婴儿死亡率", "30-70岁重大慢性病过早死亡率"]);
    expect(units(tasks[0])).toEqual([["县卫健局"], ["县疾控中心", "各乡镇人民政府"]]);
  });

  test("year columns are targets due by their year in the 单位 column's unit; the first of three is the base", () => {
    const [first, second, third] = read(goals);
    expect(first?.indicators.map((i) => `${i.metric}|${i.op}|${i.value}${i.unit}|${i.deadline}`)).toEqual([
      "人均预期寿命|>=|79.2岁|2025-12-31",
      "人均预期寿命|>=|80岁|2027-12-31",
    ]);
    // `持续改善` has no value: the cell is kept as the year's target in words (as the .docx table's is).
    expect(second?.indicators.map((i) => `${i.op}|${i.deadline}`)).toEqual([
      "milestone|2025-12-31",
      "milestone|2027-12-31",
    ]);
    expect(targets(third)).toEqual([
      "30-70岁重大慢性病过早死亡率|<=|12.7%",
      "30-70岁重大慢性病过早死亡率|<=|12.5%",
    ]);
  });

  test("the same table in `|` rows", () => {
    const rows = [header, ["1", "人均预期寿命", "岁", "78.2", "≥79.2", "≥80", "县卫健局", "各乡镇人民政府"]];
    const [first] = read(rows.map((row) => `| ${row.join(" | ")} |`).join("\n"));
    expect(targets(first)).toEqual(["人均预期寿命|>=|79.2岁", "人均预期寿命|>=|80岁"]);
  });

  test("a bare year under 建设时间 is not the task's words, and the unit column stays the unit's", () => {
    const projects = cellsOf([
      ["序号", "项目名称", "建设地点", "建设时间", "2024年建设内容", "年度投资金额(万元)", "责任单位"],
      ["1", "城北小学门前道路建设项目", "纸坊街道", "2024", "建成唐塔北路延伸段道路。", "300", "住建局"],
      ["2", "职教中心分校区建设项目", "磨子桥镇", "2024", "改造现有教学楼和学生宿舍等,"],
    ]);
    const [first, second] = read(projects);
    expect(units(first)).toEqual([["住建局"], []]);
    expect(second?.leadUnits).not.toContain("改造现有教学楼和学生宿舍等");
  });
});

describe("offices' names a cell kept on lines of their own", () => {
  test("a space between two offices' names separates them; other spaces next to Chinese text go", () => {
    expect(normalize("区卫健局 区医保局").text).toBe("区卫健局、区医保局");
    expect(normalize("县人民政府 县卫健局").text).toBe("县人民政府、县卫健局");
    expect(normalize("由市卫健委 负责").text).toBe("由市卫健委负责");
    expect(normalize("推进区卫健局 区域医疗中心建设").text).toBe("推进区卫健局区域医疗中心建设");
    expect(normalize("加快建设紧密型城市医疗集团 区卫健局要加强指导").text).toBe(
      "加快建设紧密型城市医疗集团区卫健局要加强指导",
    );
    const [task] = read(
      "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n| 1 | 新建社区医院3家 | 区卫健局 区医保局 | 区财政局 区发改局 |",
    );
    expect(units(task)).toEqual([
      ["区卫健局", "区医保局"],
      ["区财政局", "区发改局"],
    ]);
  });
});

describe("完成时限 cells as spreadsheets write them", () => {
  const deadline = (cell: string): string | undefined =>
    read(`| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n| 1 | 新建社区医院3家 | 区卫健局 | ${cell} |`)[0]
      ?.deadline;
  test.each([
    ["2024-12-31", "2024-12-31"],
    ["2024/9/30前", "2024-09-30"],
    ["2024.10-2024.12", "2024-12-31"],
    ["2024.06", "2024-06-30"],
  ])("%s is due %s", (cell, due) => {
    expect(deadline(cell)).toBe(due);
  });

  test("an impossible date is no deadline", () => {
    expect(deadline("2024-02-31")).not.toBe("2024-02-31");
  });

  test("a short header ending as titles do (问题清单) is a header, in a table one cell a line", () => {
    const cells = [
      "序号",
      "问题清单",
      "整改措施",
      "责任单位",
      "完成时限",
      "1",
      "基层人才不足",
      "招聘医学毕业生50名",
      "区卫健局",
      "2024年底",
    ];
    const [task] = read(["某县问题整改台账", ...cells.map((c) => `${c} |`)].join("\n"));
    expect([task?.title, task?.leadUnits]).toEqual(["基层人才不足", ["区卫健局"]]);
  });
});
