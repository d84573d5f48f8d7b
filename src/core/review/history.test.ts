import { parseDocument } from "../parse";
import type { PlanDocument } from "../model";
import {
  recordReviewOp,
  replayReview,
  sourceLines,
  taskEditOf,
  withinRange,
  type ReviewOp,
  type ReviewRecord,
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

function record(plan: PlanDocument, ops: ReviewOp[]): { plan: PlanDocument; records: ReviewRecord[] } {
  const records: ReviewRecord[] = [];
  for (const op of ops) {
    const made = recordReviewOp(plan, op);
    plan = made.plan;
    records.push(made.record);
  }
  return { plan, records };
}

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

test("edits made before the start moved are made again on the new reading where they still apply", () => {
  const earlier = parseDocument(NOTICE, { sourceName: "通知.txt" });
  const task = (doc: PlanDocument, title: string) => {
    const found = doc.tasks.find((t) => t.title.startsWith(title));
    if (!found) throw new Error(`no task ${title} in ${doc.tasks.map((t) => t.title).join(" | ")}`);
    return found;
  };
  const second = task(earlier, "完善分级诊疗制度");
  const { plan: edited, records } = record(earlier, [
    {
      kind: "edit-task",
      taskId: second.id,
      edit: { ...taskEditOf(second), leadUnits: ["市卫生健康委"], coUnits: ["市医保局"] },
    },
    { kind: "add-task", task: { title: "推进中医药传承创新" }, afterTaskId: second.id },
  ]);
  const added = edited.tasks.find((t) => t.title === "推进中医药传承创新");
  if (!added) throw new Error("the task was not added");
  const withAddedEdited = record(edited, [
    { kind: "edit-task", taskId: added.id, edit: { ...taskEditOf(added), leadUnits: ["市中医药管理局"] } },
    { kind: "edit-document", edit: { year: 2024 } },
  ]);
  const fresh = parseDocument(withinRange(NOTICE, { start: planStart, end: NOTICE.length }), {
    sourceName: "通知.txt",
  });
  const replay = replayReview(earlier, [...records, ...withAddedEdited.records], fresh);

  expect(replay.dropped).toBe(0);
  expect(replay.plan.id).toBe(earlier.id);
  expect(replay.plan.tasks.map((t) => t.number)).toEqual(["1", "2", "3", "3"]);
  expect(task(replay.plan, "完善分级诊疗制度")).toMatchObject({
    id: second.id,
    leadUnits: ["市卫生健康委"],
    coUnits: ["市医保局"],
  });
  expect(task(replay.plan, "推进中医药传承创新").leadUnits).toEqual(["市中医药管理局"]);
  // Replayed again from the new reading, the records give the same plan: they now speak its IDs.
  expect(replayReview(replay.parsed, replay.records, replay.parsed).plan).toEqual(replay.plan);
});

test("an edit of a task that is no longer read is dropped, and counted", () => {
  const earlier = parseDocument(NOTICE, { sourceName: "通知.txt" });
  const last = earlier.tasks.find((t) => t.title.startsWith("开展老年人健康管理"));
  if (!last) throw new Error("the last task was not read");
  const { records } = record(earlier, [
    { kind: "edit-task", taskId: last.id, edit: { ...taskEditOf(last), coUnits: ["市民政局"] } },
  ]);
  // The plan ends before its last section: the task is gone, and so is the edit of it.
  const end = NOTICE.indexOf("二、加强公共卫生");
  const fresh = parseDocument(withinRange(NOTICE, { start: planStart, end }));
  expect(fresh.tasks.map((t) => t.number)).toEqual(["1", "2"]);
  const replay = replayReview(earlier, records, fresh);
  expect(replay.dropped).toBe(1);
  expect(replay.records).toEqual([]);
  expect(replay.plan.tasks).toEqual(replay.parsed.tasks);
});
