import { parseDocument } from "../parse";
import { buildLedger } from "../plan";
import type { PlanDocument } from "../model";
import {
  addIndicator,
  addTask,
  deleteIndicator,
  deleteTasks,
  editDocument,
  editTaskText,
  mergeTasks,
  moveIndicator,
  splitTask,
  taskSentences,
} from ".";

const TEXT = [
  "2024年全市卫生健康工作要点",
  "一、提升医疗服务能力",
  "1.加强临床重点专科建设。新建省级临床重点专科5个。推进智慧医院建设，二级以上医院电子病历应用水平达到4级。（责任单位：市卫生健康委，市财政局）",
  "2.完善分级诊疗制度。6月底前出台紧密型县域医共体建设实施方案。（责任单位：市医保局）",
  "二、加强公共卫生",
  "3.开展老年人健康管理。（责任单位：市疾控中心）",
].join("\n");

const plan = (): PlanDocument => parseDocument(TEXT, { sourceName: "要点.txt" });
const ids = (doc: PlanDocument): string[] => [
  ...doc.tasks.flatMap((t) => [t.id, ...t.indicators.map((i) => i.id)]),
  ...doc.indicators.map((i) => i.id),
];

test("the fixture reads as three tasks, the first with two targets", () => {
  const doc = plan();
  expect(doc.tasks.map((t) => [t.number, t.indicators.length])).toEqual([
    ["1", 2],
    ["2", 1],
    ["3", 0],
  ]);
});

test("a task split at a sentence: the second part is a task after it, with its own target and the same units", () => {
  const doc = plan();
  const first = doc.tasks[0]!;
  const at = taskSentences(first).findIndex((s) => s.startsWith("推进智慧医院"));
  const split = splitTask(doc, first.id, at);
  expect(split.tasks.map((t) => t.title)).toEqual([
    "加强临床重点专科建设",
    "推进智慧医院建设，二级以上医院电子病历应用水平达到4级",
    "完善分级诊疗制度",
    "开展老年人健康管理",
  ]);
  expect(split.tasks[0]!.indicators.map((i) => i.value)).toEqual([5]);
  expect(split.tasks[1]).toMatchObject({ number: "2", leadUnits: first.leadUnits, coUnits: first.coUnits });
  expect(split.tasks[1]!.indicators.map((i) => [i.value, i.taskId])).toEqual([[4, split.tasks[1]!.id]]);
  expect(new Set(ids(split)).size).toBe(ids(split).length);
  // Nothing to split at the first sentence or past the last.
  expect(splitTask(doc, first.id, 0)).toBe(doc);
  expect(splitTask(doc, first.id, 99)).toBe(doc);
});

test("two tasks merged: text, targets and units together, none twice, and the later deadline", () => {
  const doc = plan();
  const [a, b] = doc.tasks;
  const merged = mergeTasks(doc, a!.id, b!.id);
  expect(merged.tasks).toHaveLength(2);
  const task = merged.tasks[0]!;
  expect(task.leadUnits).toEqual(["市卫生健康委", "市医保局"]);
  expect(task.coUnits).toEqual(["市财政局"]);
  expect(task.indicators).toHaveLength(3);
  expect(task.indicators.every((i) => i.taskId === a!.id)).toBe(true);
  expect(task.measures).toContain("完善分级诊疗制度");
  expect(new Set(ids(merged)).size).toBe(ids(merged).length);
});

test("tasks added and deleted; a target added, moved and deleted; the ledger follows", () => {
  let doc = plan();
  const added = addTask(doc, { title: "加强基层医疗卫生人才队伍建设" }, doc.tasks[1]!.id);
  doc = added.plan;
  expect(doc.tasks.map((t) => t.number)).toEqual(["1", "2", "3", "3"]);
  expect(doc.tasks[2]).toMatchObject({ id: added.taskId, section: "一、提升医疗服务能力" });

  const target = addIndicator(doc, added.taskId, { metric: "招聘医生", op: ">=", value: 20, unit: "名" });
  if (!target.ok) throw new Error(target.message);
  doc = target.plan;
  expect(addIndicator(doc, added.taskId, { metric: "", op: ">=", value: 1 })).toMatchObject({ ok: false });
  expect(addIndicator(doc, added.taskId, { metric: "招聘", op: ">=" })).toMatchObject({
    ok: false,
    message: "请填写不小于 0 的目标值，或把比较方式改为“节点”。",
  });

  const moving = doc.tasks[0]!.indicators[1]!;
  doc = moveIndicator(doc, moving.id, doc.tasks[3]!.id);
  expect(doc.tasks[0]!.indicators).toHaveLength(1);
  expect(doc.tasks[3]!.indicators.map((i) => [i.metric, i.taskId])).toEqual([
    [moving.metric, doc.tasks[3]!.id],
  ]);

  doc = deleteIndicator(doc, doc.tasks[1]!.indicators[0]!.id);
  doc = deleteTasks(doc, [doc.tasks[0]!.id]);
  expect(new Set(ids(doc)).size).toBe(ids(doc).length);
  const built = buildLedger([doc], { today: "2024-08-15" });
  if (!built.ok) throw new Error(built.message);
  expect(built.ledger.rows.map((r) => [r.task, r.metric, r.target])).toEqual([
    ["完善分级诊疗制度", "", undefined],
    ["加强基层医疗卫生人才队伍建设", "招聘医生", 20],
    ["开展老年人健康管理", moving.metric, moving.value],
  ]);
});

test("a task's number, title, measures and section, and the document's title and year", () => {
  let doc = plan();
  doc = editTaskText(doc, doc.tasks[2]!.id, {
    number: "3a",
    title: "开展65岁以上老年人健康管理",
    measures: "免费体检",
    section: "一、提升医疗服务能力",
  });
  expect(doc.tasks[2]).toMatchObject({
    number: "3a",
    title: "开展65岁以上老年人健康管理",
    measures: "免费体检",
    section: "一、提升医疗服务能力",
    sectionId: doc.tasks[0]!.sectionId,
  });
  doc = editTaskText(doc, doc.tasks[2]!.id, { section: "三、新的部分" });
  expect(doc.tasks[2]!.section).toBe("三、新的部分");
  expect(doc.tasks[2]!.sectionId).toBeUndefined();

  const edited = editDocument(doc, { title: "某市2025年卫生健康工作要点", year: 2025 });
  if (!edited.ok) throw new Error(edited.message);
  expect(edited.plan).toMatchObject({
    title: "某市2025年卫生健康工作要点",
    year: 2025,
    horizon: "2025-12-31",
  });
  expect(editDocument(doc, { year: 24 })).toEqual({
    ok: false,
    message: "年度应是 2000 至 2100 之间的整数，如 2024。",
  });
  expect(editDocument(doc, { title: " " })).toMatchObject({ ok: false });
});
