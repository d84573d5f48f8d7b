import { parseDocument } from "../parse";
import type { PlanDocument } from "../model";
import {
  logOp,
  replayLog,
  sourceLines,
  startLog,
  taskEditOf,
  withinRange,
  type ReviewLog,
  type ReviewOp,
} from ".";

// A plan inside its 印发通知: the notice's own 一、二、 read as tasks until the start is moved.
const NOTICE = [
  "关于印发《2024年全市卫生健康工作要点》的通知",
  "各区卫生健康局：",
  "一、请各单位认真贯彻落实。",
  "二、请于12月10日前报送工作总结。",
  "2024年全市卫生健康工作要点",
  "一、提升医疗服务能力",
  "1.加强临床重点专科建设。新建省级临床重点专科5个。（责任单位：市卫生健康委，市财政局）",
  "2.完善分级诊疗制度。6月底前出台紧密型县域医共体建设实施方案。",
  "二、加强公共卫生",
  "3.开展老年人健康管理。（责任单位：市疾控中心）",
].join("\n");

const planStart = NOTICE.indexOf("2024年全市卫生健康工作要点\n");

/** Edits made one after another in 校对, on whatever reading is current. */
function edit(log: ReviewLog, document: PlanDocument, ops: ((doc: PlanDocument) => ReviewOp)[]) {
  for (const op of ops) ({ log, plan: document } = logOp(log, document, op(document)));
  return { log, document };
}

const task = (doc: PlanDocument, title: string) => {
  const found = doc.tasks.find((t) => t.title.startsWith(title));
  if (!found) throw new Error(`no task ${title} in ${doc.tasks.map((t) => t.title).join(" | ")}`);
  return found;
};
const read = (range?: { start: number; end: number }) =>
  parseDocument(range ? withinRange(NOTICE, range) : NOTICE, { sourceName: "通知.txt" });

test("lines end at \\n, \\r\\n or \\r, and their ends are before the break", () => {
  expect(sourceLines("甲\r\n乙\r丙\n丁")).toEqual([
    { start: 0, end: 1, text: "甲" },
    { start: 3, end: 4, text: "乙" },
    { start: 5, end: 6, text: "丙" },
    { start: 7, end: 8, text: "丁" },
  ]);
  expect(withinRange("甲\r\n乙", { start: 3, end: 4 })).toBe(" \r\n乙");
});

test("blanking outside a range keeps every offset and line", () => {
  const masked = withinRange(NOTICE, { start: planStart, end: NOTICE.length });
  expect(masked).toHaveLength(NOTICE.length);
  expect(masked.split("\n")).toHaveLength(NOTICE.split("\n").length);
  expect(masked.slice(planStart)).toBe(NOTICE.slice(planStart));
  expect(masked.slice(0, planStart).trim()).toBe("");
  const lines = sourceLines(NOTICE);
  expect(lines[4]).toEqual({ start: planStart, end: planStart + 15, text: "2024年全市卫生健康工作要点" });
  expect(lines.at(-1)?.end).toBe(NOTICE.length);
});

test("edits made before the start moved are made again on the new reading", () => {
  const original = read();
  const second = task(original, "完善分级诊疗制度");
  let { log, document } = edit(startLog(original), original, [
    () => ({
      kind: "edit-task",
      taskId: second.id,
      edit: { ...taskEditOf(second), leadUnits: ["市卫生健康委"], coUnits: ["市医保局"] },
    }),
    () => ({ kind: "add-task", task: { title: "推进中医药传承创新" }, afterTaskId: second.id }),
  ]);
  ({ log, document } = edit(log, document, [
    (doc) => ({
      kind: "edit-task",
      taskId: task(doc, "推进中医药").id,
      edit: { ...taskEditOf(task(doc, "推进中医药")), leadUnits: ["市中医药管理局"] },
    }),
    () => ({ kind: "edit-document", edit: { year: 2024 } }),
  ]));
  const replay = replayLog(log, read({ start: planStart, end: NOTICE.length }));

  expect(replay.dropped).toBe(0);
  expect(replay.plan.id).toBe(original.id);
  expect(replay.plan.tasks.map((t) => t.number)).toEqual(["1", "2", "3", "3"]);
  expect(task(replay.plan, "完善分级诊疗制度")).toMatchObject({
    id: second.id,
    leadUnits: ["市卫生健康委"],
    coUnits: ["市医保局"],
  });
  expect(task(replay.plan, "推进中医药传承创新").leadUnits).toEqual(["市中医药管理局"]);
  // The same reading again gives the same plan.
  expect(replayLog(replay.log, read({ start: planStart, end: NOTICE.length })).plan).toEqual(replay.plan);
});

test("an edit of a task outside the plan waits, and comes back when the plan takes the task in again", () => {
  const original = read();
  const last = task(original, "开展老年人健康管理");
  const { log } = edit(startLog(original), original, [
    () => ({ kind: "edit-task", taskId: last.id, edit: { ...taskEditOf(last), coUnits: ["市民政局"] } }),
  ]);
  // The plan ends before its last section: the task is gone, and its edit waits.
  const end = NOTICE.indexOf("二、加强公共卫生");
  const narrow = replayLog(log, read({ start: planStart, end }));
  expect(narrow.plan.tasks.map((t) => t.number)).toEqual(["1", "2"]);
  expect(narrow.dropped).toBe(1);
  const wide = replayLog(narrow.log, read());
  expect(wide.dropped).toBe(0);
  expect(task(wide.plan, "开展老年人健康管理").coUnits).toEqual(["市民政局"]);
});

test("a task added in a narrower reading keeps its own edits and never takes over a task read later", () => {
  const original = read();
  const end = NOTICE.indexOf("二、加强公共卫生");
  // Narrowed, the last task is gone; a task is added after the second, and edited.
  const narrow = replayLog(startLog(original), read({ start: planStart, end }));
  const second = task(narrow.plan, "完善分级诊疗制度");
  let { log, document } = edit(narrow.log, narrow.plan, [
    () => ({ kind: "add-task", task: { title: "任务X" }, afterTaskId: second.id }),
  ]);
  const added = task(document, "任务X");
  ({ log, document } = edit(log, document, [
    () => ({ kind: "edit-task", taskId: added.id, edit: { ...taskEditOf(added), leadUnits: ["X的单位"] } }),
  ]));
  const wide = replayLog(log, read());
  expect(wide.dropped).toBe(0);
  expect(task(wide.plan, "任务X").leadUnits).toEqual(["X的单位"]);
  // The task read again in the wider plan is as the document has it, not the added one.
  expect(task(wide.plan, "开展老年人健康管理").leadUnits).toEqual(
    task(original, "开展老年人健康管理").leadUnits,
  );
  // With its anchor outside the plan, the added task waits, and so does its edit: nothing else takes it.
  const before = replayLog(log, read({ start: planStart, end: NOTICE.indexOf("2.完善分级诊疗制度") }));
  expect(before.dropped).toBe(2);
  expect(before.plan.tasks.every((t) => !t.leadUnits.includes("X的单位"))).toBe(true);
});
