/**
 * Misread documents made right in the pane alone. A clerk's hands, scripted: the document pasted
 * into 导入, its start and end chosen in the source, tasks deleted, added and edited in 校对 until
 * what the pane shows agrees with the gold a careful reader wrote, then 写入台账. The ledger the
 * scripted workbook receives is scored against that gold as the corpus is, and every click, choice
 * and field filled is counted.
 */

import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { OP_SYMBOLS, type Op, type PlanDocument, type Task } from "../../src/core/model";
import { DEADLINE_SOURCES } from "../../src/core/sheets";
import { formatTarget } from "../../src/taskpane/format";
import { scoreDocument, type Gold, type GoldIndicator, type GoldTask } from "../corpus/score";
import { browserAvailable, buildPane, CHROMIUM, openPane, scriptedSheets } from "./browser";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(__dirname, "fixtures", "review");
const SHOTS = path.join(ROOT, "test-results", "review");

interface WalkGold extends Gold {
  /** The first and last lines of the plan itself, as the document has them. */
  plan_starts_with?: string;
  plan_ends_with?: string;
}

interface Fixture {
  name: string;
  /** The text as found, without its `source:` line: what a clerk pastes. */
  text: string;
  gold: WalkGold;
}

function fixture(name: string): Fixture {
  const found = readFileSync(path.join(FIXTURES, `${name}.txt`), "utf8");
  return {
    name,
    text: found.slice(found.indexOf("\n") + 1),
    gold: JSON.parse(readFileSync(path.join(FIXTURES, `${name}.gold.json`), "utf8")) as WalkGold,
  };
}

/** A task as 校对's table shows it. */
interface ShownTask {
  id: string;
  number: string;
  title: string;
  section: string;
  lead: string[];
  co: string[];
  /** As the table shows it: `8月10日` in the document's year, `2025年6月30日` outside it. */
  deadline: string;
  indicators: { metric: string; target: string }[];
}

/** Reads 校对's table: reading the screen is no action. */
function shownTasks(page: Page): Promise<ShownTask[]> {
  return page.evaluate(() => {
    const units = (text: string | undefined): string[] =>
      !text || text.startsWith("未指定") ? [] : text.split("、").filter(Boolean);
    const tasks: ShownTask[] = [];
    let section = "";
    const rows = document.querySelectorAll('table[aria-label="任务与指标"] tbody tr');
    for (const row of rows) {
      const header = row.querySelector('[role="rowheader"]');
      if (header) {
        const heading = header.textContent?.trim() ?? "";
        section = heading === "（不属于任何部分）" ? "" : heading;
        continue;
      }
      const button = row.querySelector<HTMLElement>("[data-task-id]");
      const cells = row.querySelectorAll("td");
      if (button) {
        const label = button.textContent ?? "";
        const dot = label.indexOf(". ");
        const line = button.parentElement?.nextElementSibling?.textContent ?? "";
        const m = /^牵头：(.*?)(?:；配合：(.*?))?(?:\d+ 条待确认)?$/.exec(line);
        tasks.push({
          id: button.dataset.taskId ?? "",
          number: label.slice(0, dot),
          title: label.slice(dot + 2),
          section,
          lead: units(m?.[1]),
          co: units(m?.[2]),
          deadline: cells[2]?.textContent ?? "",
          indicators: [],
        });
      } else if (cells.length === 3 && tasks.length > 0 && !cells[0]?.hasAttribute("colspan")) {
        tasks.at(-1)?.indicators.push({
          metric: cells[0]?.textContent ?? "",
          target: cells[1]?.textContent ?? "",
        });
      }
    }
    return tasks;
  });
}

/** As the corpus scorer compares words: script, spaces and punctuation aside, by shared pairs of characters. */
const squash = (s: string): string => s.replace(/[\s*#“”"'（）()、，,。.：:；;]/g, "");
function similarity(a: string, b: string): number {
  const pairs = (s: string) => {
    const t = squash(s);
    return new Set(Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2)));
  };
  const x = pairs(a);
  const y = pairs(b);
  if (!x.size || !y.size) return squash(a) === squash(b) ? 1 : 0;
  return (2 * [...x].filter((pair) => y.has(pair)).length) / (x.size + y.size);
}
const sameUnits = (a: readonly string[], b: readonly string[] = []): boolean =>
  JSON.stringify([...new Set(a.map(squash))].sort()) === JSON.stringify([...new Set(b.map(squash))].sort());
const goldTarget = (g: GoldIndicator): string =>
  formatTarget({
    op: g.op as Op,
    ...(g.value !== undefined && { value: g.value }),
    ...(g.unit && { unit: g.unit }),
  });
const indicatorMatches = (shown: { metric: string; target: string }, g: GoldIndicator): boolean =>
  (g.op === "milestone" ? shown.target === "节点" : shown.target === goldTarget(g)) &&
  similarity(shown.metric, g.metric) >= 0.25;

/** How far a shown task is the gold task: 1 for the same words, 0.9 when one title holds the other. */
function likeness(shown: ShownTask, gold: GoldTask): number {
  const a = squash(shown.title);
  const b = squash(gold.title);
  const holds = Math.min(a.length, b.length) >= 4 && (a.includes(b) || b.includes(a));
  return Math.max(similarity(shown.title, gold.title), holds ? 0.9 : 0);
}
const LIKE = 0.6;

/**
 * Which shown task each gold task is, in document order: the likest of those after the one matched
 * before (a reader takes the closer of two rows that both look like the task).
 */
function matchTasks(shown: readonly ShownTask[], gold: readonly GoldTask[]): (ShownTask | undefined)[] {
  let from = 0;
  return gold.map((task) => {
    let best: { index: number; score: number } | undefined;
    shown.forEach((candidate, index) => {
      const score = index >= from ? likeness(candidate, task) : 0;
      if (score >= LIKE && (!best || score > best.score)) best = { index, score };
    });
    if (!best) return undefined;
    from = best.index + 1;
    return shown[best.index];
  });
}

/** Every action a person takes, counted: a click, a key, a choice, a field filled. */
class Hands {
  actions = 0;
  constructor(private readonly page: Page) {}
  async click(target: Locator): Promise<void> {
    this.actions++;
    await target.click();
  }
  async fill(target: Locator, value: string): Promise<void> {
    this.actions++;
    await target.fill(value);
  }
  async choose(target: Locator, value: string): Promise<void> {
    this.actions++;
    await target.selectOption(value);
  }
  async press(key: string): Promise<void> {
    this.actions++;
    await this.page.keyboard.press(key);
  }
}

/**
 * Which gold targets each gold task carries. The gold names a target's task by its number, and
 * numbers can restart under each section: the targets of a number go to its tasks in document order,
 * one each while they last (the rest to the last of them); targets of no task go to the first task.
 */
function targetsByTask(gold: WalkGold): GoldIndicator[][] {
  const byTask = gold.tasks.map((): GoldIndicator[] => []);
  const numbers = [...new Set(gold.tasks.map((task) => String(task.number)))];
  for (const number of numbers) {
    const tasks = gold.tasks.flatMap((task, k) => (String(task.number) === number ? [k] : []));
    gold.indicators
      .filter((g) => g.task !== null && String(g.task) === number)
      .forEach((g, i) => byTask[tasks[Math.min(i, tasks.length - 1)] ?? 0]?.push(g));
  }
  byTask[0]?.push(...gold.indicators.filter((g) => g.task === null));
  return byTask;
}

/** `2014-08-10` as the pane takes a date. */
const typedDate = (iso: string): string => {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
};

/**
 * Opens the task (unless 保存并指定下一项 already did) and makes it the gold task: its words, units and
 * targets. A task whose one target is a dated 节点 gets that date as its 时限: the ledger's row for a
 * task without targets is its 节点. `next` is the task that comes after it, for 保存并指定下一项.
 */
async function fixTask(
  page: Page,
  hands: Hands,
  shown: ShownTask,
  task: GoldTask,
  targets: GoldIndicator[],
  next: ShownTask | undefined,
): Promise<void> {
  const dated =
    targets.length === 1 && targets[0]?.op === "milestone" && targets[0].deadline ? targets[0] : undefined;
  const wanted = dated && shown.indicators.length === 0 ? [] : targets;
  const extra = shown.indicators.filter((i) => !wanted.some((g) => indicatorMatches(i, g)));
  const missing = wanted.filter((g) => !shown.indicators.some((i) => indicatorMatches(i, g)));
  const titleWrong = similarity(shown.title, task.title) < 0.8;
  const numberWrong = shown.number !== String(task.number);
  const sectionWrong = squash(shown.section) !== squash(task.section);
  const leadWrong = !sameUnits(shown.lead, task.lead);
  const coWrong = !sameUnits(shown.co, task.co);
  const shownDate = (year: string) =>
    shown.deadline.includes("年") ? shown.deadline : `${year}年${shown.deadline}`;
  const deadlineWrong =
    dated?.deadline !== undefined &&
    wanted.length === 0 &&
    shownDate(dated.deadline.slice(0, 4)) !== typedDate(dated.deadline);
  const wrong =
    extra.length || missing.length || titleWrong || numberWrong || sectionWrong || leadWrong || coWrong;
  const dialog = page.getByRole("dialog");
  const openFor = async () =>
    (await dialog.count()) > 0 && ((await dialog.getByRole("heading").textContent()) ?? "");
  const heading = await openFor();
  if (heading !== false && !heading.startsWith(`任务 ${shown.number}：${shown.title}`)) {
    await hands.click(dialog.getByRole("button", { name: "取消" }));
    await dialog.waitFor({ state: "detached" });
  }
  if (!wrong && !deadlineWrong) {
    if (heading !== false && heading.startsWith(`任务 ${shown.number}：${shown.title}`)) {
      await hands.click(dialog.getByRole("button", { name: "取消" }));
      await dialog.waitFor({ state: "detached" });
    }
    return;
  }
  if ((await dialog.count()) === 0) {
    await hands.click(page.locator(`[data-task-id="${shown.id}"]`));
    await dialog.waitFor();
  }
  if (numberWrong) await hands.fill(dialog.getByRole("textbox", { name: "编号" }), String(task.number));
  if (titleWrong) await hands.fill(dialog.getByRole("textbox", { name: "任务标题" }), task.title);
  if (sectionWrong) await hands.fill(dialog.getByRole("combobox", { name: "所属部分" }), task.section);
  if (leadWrong)
    await hands.fill(dialog.getByRole("textbox", { name: "牵头单位" }), (task.lead ?? []).join("、"));
  if (coWrong)
    await hands.fill(dialog.getByRole("textbox", { name: "配合单位" }), (task.co ?? []).join("、"));
  if (deadlineWrong && dated?.deadline)
    await hands.fill(dialog.getByRole("textbox", { name: "任务时限" }), typedDate(dated.deadline));
  for (const indicator of extra) {
    const group = dialog.getByRole("group", { name: `指标：${indicator.metric}` });
    await hands.click(group.getByRole("button", { name: "删除此指标" }));
  }
  for (const [k, g] of missing.entries()) {
    await hands.click(dialog.getByRole("button", { name: "添加指标" }));
    const group = dialog.getByRole("group", { name: `新增指标 ${k + 1}` });
    await hands.fill(group.getByRole("textbox", { name: "指标名称" }), g.metric);
    const op = group.getByRole("combobox", { name: "比较" });
    if ((await op.inputValue()) !== g.op) await hands.choose(op, g.op);
    if (g.op !== "milestone" && g.value !== undefined)
      await hands.fill(group.getByRole("textbox", { name: "目标值" }), String(g.value));
    if (g.op !== "milestone" && g.unit)
      await hands.fill(group.getByRole("textbox", { name: "单位" }), g.unit);
    if (g.deadline) await hands.fill(group.getByRole("textbox", { name: "指标时限" }), typedDate(g.deadline));
  }
  // 保存并指定下一项 opens the next task still without a 牵头单位: one step less when that is the next one.
  const saveAndNext = dialog.getByRole("button", { name: "保存并指定下一项" });
  if (next && next.lead.length === 0 && (task.lead ?? []).length > 0 && (await saveAndNext.count()) > 0) {
    const before = await shownTasks(page);
    const after = before.slice(before.findIndex((t) => t.id === shown.id) + 1);
    if (after.find((t) => t.lead.length === 0)?.id === next.id) {
      await hands.click(saveAndNext);
      await dialog.getByRole("heading", { name: new RegExp(`^任务 ${next.number}：`) }).waitFor();
      return;
    }
  }
  await hands.click(dialog.getByRole("button", { name: "保存", exact: true }));
  await dialog.waitFor({ state: "detached" });
}

/** A date cell as the workbook holds it (an Excel serial number, or text) as ISO. */
function isoDate(cell: string): string {
  const serial = Number(cell);
  if (cell === "" || !Number.isFinite(serial)) return cell;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The ledger as the workbook received it, read back into tasks and targets for the corpus scorer:
 * rows of one task (行ID `…-T003` and its targets `…-T003-I01`) are one task; a task's row without a
 * target is its 节点, due on its stated 时限.
 */
function ledgerAsPlan(cells: unknown[][], year: number): PlanDocument {
  const header = cells.findIndex((row) => row?.includes("行ID"));
  const columns = cells[header] as string[];
  const at = (row: unknown[], name: string): string => {
    const cell = row[columns.indexOf(name)];
    return typeof cell === "string" || typeof cell === "number" ? String(cell).replace(/^'/, "") : "";
  };
  const title = at(cells[0] ?? [], columns[0] ?? "");
  const tasks: Task[] = [];
  for (const row of cells.slice(header + 1)) {
    const rowId = row ? at(row, "行ID") : "";
    if (!row || !rowId) continue;
    const taskId = rowId.replace(/-I\d+$/, "");
    const metric = at(row, "指标");
    let task = tasks.at(-1);
    if (!task || task.id !== taskId) {
      task = {
        id: taskId,
        number: at(row, "编号"),
        title: at(row, "任务"),
        text: at(row, "任务"),
        measures: at(row, "工作措施"),
        section: at(row, "篇章"),
        leadUnits: at(row, "牵头单位").split("、").filter(Boolean),
        coUnits: at(row, "配合单位").split("、").filter(Boolean),
        jointLead: false,
        implementingUnits: [],
        indicators: [],
        mentionedUnits: [],
        span: { start: 0, end: 0 },
      };
      tasks.push(task);
    } else {
      // A task's second target: its rows are numbered 3-1, 3-2 under the task's own 3.
      task.number = task.number.replace(/-\d+$/, "");
    }
    const value = Number(at(row, "目标值"));
    const stated = at(row, "时限来源") === DEADLINE_SOURCES.stated;
    if (!metric && !stated) continue;
    task.indicators.push({
      id: rowId,
      taskId,
      metric: metric || task.title,
      text: metric || task.title,
      op: (Object.keys(OP_SYMBOLS) as Op[]).find((op) => OP_SYMBOLS[op] === at(row, "比较")) ?? "milestone",
      ...(at(row, "目标值") !== "" && Number.isFinite(value) && { value }),
      ...(at(row, "单位") && { unit: at(row, "单位") }),
      deadline: isoDate(at(row, "时限")),
      deadlineStated: stated,
      span: { start: 0, end: 0 },
    });
  }
  return {
    id: "ledger",
    title,
    year,
    kind: "prose",
    sections: [],
    tasks,
    indicators: [],
    diagnostics: [],
    horizon: "",
  };
}

/** The 操作 menu button beside a task's title. */
const menuOf = (page: Page, task: ShownTask): Locator => page.locator(`[data-task-id="${task.id}"] + button`);

/** Lines of the text the pane lists in 原文, as `sourceLines` splits them. */
const lineOf = (text: string, wanted: string): number =>
  text.split("\n").findIndex((line) => line.trim() === wanted.trim());

async function walk(page: Page, doc: Fixture): Promise<{ actions: number; plan: PlanDocument }> {
  const hands = new Hands(page);
  const { gold, text } = doc;
  await hands.fill(page.getByRole("textbox", { name: "政策文件文字" }), text);
  await hands.click(page.getByRole("button", { name: "解析文字" }));
  await page.getByText("解析完成").waitFor();
  await hands.click(page.getByRole("button", { name: "下一步：校对" }));
  await page.getByRole("table", { name: "任务与指标" }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, `${doc.name}-1-as-read.png`), animations: "disabled" });

  // Where the plan starts and ends, when the text has more than the plan.
  const lines = text.split("\n");
  const firstLine = lines.findIndex((line) => line.trim() !== "");
  const lastLine = lines.length - 1 - [...lines].reverse().findIndex((line) => line.trim() !== "");
  const start = gold.plan_starts_with ? lineOf(text, gold.plan_starts_with) : firstLine;
  const end = gold.plan_ends_with ? lineOf(text, gold.plan_ends_with) : lastLine;
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThanOrEqual(start);
  if (start > firstLine || end < lastLine) {
    await hands.click(page.getByRole("button", { name: "原文：从哪里开始，到哪里结束" }));
    const listbox = page.getByRole("listbox", { name: "原文各行" });
    // Each line is the option of its own index: text can repeat (责任单位 heads many rows).
    const option = (index: number) => listbox.locator(`[role="option"][data-index="${index}"]`);
    if (start > firstLine) {
      await hands.click(option(start));
      await hands.click(page.getByRole("button", { name: "从这一行开始" }));
    }
    if (end < lastLine) {
      await hands.click(option(end));
      await hands.click(page.getByRole("button", { name: "到这一行结束" }));
    }
    await page.screenshot({ path: path.join(SHOTS, `${doc.name}-2-range.png`), animations: "disabled" });
  }

  // Tasks that are none go; then each gold task in turn is found, or added after the one before it.
  const read = await shownTasks(page);
  const matched = new Set(matchTasks(read, gold.tasks).map((task) => task?.id));
  const strays = read.filter((task) => !matched.has(task.id));
  if (strays.length === 1) {
    await hands.click(menuOf(page, strays[0]!));
    await hands.click(page.getByRole("menuitem", { name: "删除任务" }));
  } else if (strays.length > 1) {
    // Numbers repeat in such tables: each box is found beside its own task's title.
    for (const stray of strays)
      await hands.click(
        page.locator(`[data-task-id="${stray.id}"]`).locator("xpath=preceding-sibling::*[1]//input"),
      );
    await hands.click(page.getByRole("button", { name: `删除所选（${strays.length} 项）` }));
  }
  const targets = targetsByTask(gold);
  let previous: ShownTask | undefined;
  for (const [k, task] of gold.tasks.entries()) {
    const shown = await shownTasks(page);
    const after = previous ? shown.findIndex((t) => t.id === previous?.id) : -1;
    let found = matchTasks(shown.slice(after + 1), [task])[0];
    if (!found) {
      if (previous) {
        await hands.click(menuOf(page, previous));
        await hands.click(page.getByRole("menuitem", { name: "在后面添加任务…" }));
      } else {
        await hands.click(page.getByRole("button", { name: "添加任务…" }));
      }
      const dialog = page.getByRole("dialog");
      await hands.fill(dialog.getByRole("textbox", { name: "任务标题" }), task.title);
      await hands.click(dialog.getByRole("button", { name: "添加并编辑" }));
      await page.getByRole("dialog", { name: new RegExp(task.title.slice(0, 6)) }).waitFor();
      const now = await shownTasks(page);
      found = now.find((t) => t.title === task.title.trim());
      if (!found) throw new Error(`任务“${task.title}”添加后没有出现`);
    }
    const current = await shownTasks(page);
    const nextGold = gold.tasks[k + 1];
    const later = current.slice(current.findIndex((t) => t.id === found?.id) + 1);
    const next = nextGold ? matchTasks(later, [nextGold])[0] : undefined;
    await fixTask(page, hands, found, task, targets[k] ?? [], next);
    const settled = await shownTasks(page);
    previous = settled.find((t) => t.id === found?.id);
  }
  await page.screenshot({
    path: path.join(SHOTS, `${doc.name}-3-reviewed.png`),
    animations: "disabled",
    fullPage: true,
  });

  // The title and year the ledger is named by.
  const summary = (await page.getByText(/ 年 · \d+ 项任务/).textContent()) ?? "";
  const shownTitle =
    (await page
      .getByText(/ 年 · \d+ 项任务/)
      .locator("xpath=preceding-sibling::*[1]")
      .textContent()) ?? "";
  const yearWrong = gold.year !== null && !summary.startsWith(`${gold.year} 年`);
  const titleWrong = similarity(shownTitle, gold.title) < 0.8;
  if (yearWrong || titleWrong) {
    await hands.click(page.getByRole("button", { name: "文件标题与年度" }));
    if (titleWrong) await hands.fill(page.getByRole("textbox", { name: "文件标题" }), gold.title);
    if (yearWrong) await hands.fill(page.getByRole("spinbutton", { name: "年度" }), String(gold.year));
    await hands.click(page.getByRole("button", { name: "应用" }));
  }

  await hands.click(page.getByRole("tab", { name: "写入台账" }));
  const ledgerPanel = page.getByRole("tabpanel", { name: "写入台账" });
  await hands.click(ledgerPanel.getByRole("button", { name: "写入台账" }));
  await ledgerPanel.getByText("台账已写入").waitFor();
  const sheet = (await scriptedSheets(page)).find((s) => s.name === "任务清单");
  if (!sheet) throw new Error("任务清单 was not written");
  return { actions: hands.actions, plan: ledgerAsPlan(sheet.cells, gold.year ?? 0) };
}

/**
 * The aim is under 30 actions a document. The flattened table takes more: the parser reads its
 * problem cells as tasks, and none of its units, dates or section cells, so each must be given by
 * hand; its figure is the ceiling here until the parser reads that shape.
 */
const ACTION_BUDGET: Record<string, number> = { "a-table": 50, "b-notice": 30 };

(browserAvailable() ? describe : describe.skip)("a misread document made right in 校对", () => {
  let buildDir: string;
  let browser: Browser;
  let page: Page;
  const counts: Record<string, number> = {};

  beforeAll(async () => {
    buildDir = await buildPane();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
    process.stdout.write(`校对到与 gold 相同所用的操作：${JSON.stringify(counts)}\n`);
  });

  beforeEach(async () => {
    page = await openPane(browser, buildDir);
  });

  afterEach(() => page.close());

  it.each(["a-table", "b-notice"])(
    "%s: the ledger equals the gold, within its action budget",
    async (name) => {
      const doc = fixture(name);
      const { actions, plan } = await walk(page, doc);
      counts[name] = actions;
      const score = scoreDocument({ name, text: doc.text, gold: doc.gold }, plan);
      expect(score.missed).toEqual([]);
      expect(score.tasks).toMatchObject({
        gold: doc.gold.tasks.length,
        found: doc.gold.tasks.length,
        printed: doc.gold.tasks.length,
      });
      expect(score.titles).toBe(doc.gold.tasks.length);
      // Units as the 台账 cells hold them (`市、区政府办` is the ledger's 市 and 区政府办, as in the document).
      const cellsOf = (units: readonly string[] = []) => squash(units.join("、"));
      expect(plan.tasks.map((task) => [cellsOf(task.leadUnits), cellsOf(task.coUnits)])).toEqual(
        doc.gold.tasks.map((task) => [cellsOf(task.lead), cellsOf(task.co)]),
      );
      expect(score.indicators).toMatchObject({ found: doc.gold.indicators.length, extras: 0 });
      expect(plan.tasks.map((task) => squash(task.section))).toEqual(
        doc.gold.tasks.map((task) => squash(task.section)),
      );
      // The ledger's own title is the document's, and each dated 节点 is due when the gold says.
      expect(similarity(plan.title, doc.gold.title)).toBeGreaterThanOrEqual(0.8);
      const milestones = plan.tasks.flatMap((task) =>
        task.indicators.map((i) => ({ ...i, number: task.number })),
      );
      for (const g of doc.gold.indicators.filter((i) => i.op === "milestone" && i.deadline)) {
        expect(milestones.filter((i) => i.number === String(g.task)).map((i) => i.deadline)).toContain(
          g.deadline,
        );
      }
      expect(actions).toBeLessThan(ACTION_BUDGET[name] ?? 30);
    },
  );
});
