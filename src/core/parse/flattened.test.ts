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
