/**
 * The task pane with a long document: the production build in Debian's chromium (as the browser
 * tests run it), 校对 and 进度 with 50 and with 1,000 tasks in one run, each interaction timed in
 * the page from the event to the frame after the pane has changed. Windowing should keep the two
 * columns close.
 */

import { existsSync, rmSync } from "node:fs";
import { chromium, type Page } from "playwright-core";
import { buildPane, CHROMIUM, openPane } from "../test/e2e/browser";
import { median, printTable } from "./measure";

const SIZES = [50, 1000];
const RUNS = 5;

/** A task list of `count` items, each with a unit and a target, as a 任务清单 pasted from a page. */
function taskList(count: number): string {
  return [
    "2024年全市卫生健康重点工作任务清单",
    ...Array.from(
      { length: count },
      (_, i) =>
        `${i + 1}.推进第${i + 1}项重点工作。覆盖率达到${60 + (i % 30)}%。（牵头单位：市卫生健康委；配合单位：市财政局）`,
    ),
  ].join("\n");
}

/**
 * What the timed interactions do and wait for, run in the page: `acts[name]` starts one, `until[name]`
 * says the pane has changed. A controlled React input is typed into through its value setter.
 */
const IN_PAGE = `
  const byText = (selector, text) => [...document.querySelectorAll(selector)].find((e) => e.textContent.includes(text));
  const taskButtons = () => document.querySelectorAll("[data-task-id]");
  const menu = () => document.querySelector('[aria-label^="任务 "][aria-label$=" 的操作"]');
  const typeInto = (input, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  // A step's panel stays mounted once opened: it is there when it is no longer hidden.
  const shown = (step) => !document.getElementById("duban-panel-" + step).hidden;
  let deleted;
  let typed;
  const recipients = () => {
    const label = byText("label", "主送");
    return document.getElementById(label.htmlFor);
  };
  const progressRows = () => document.querySelectorAll('table[aria-label="任务状态"] tbody tr').length;
  window.acts = {
    openReview: () => byText('[role="tab"]', "校对").click(),
    search: () => typeInto(document.querySelector('input[aria-label="搜索任务"]'), "第7项"),
    openEditor: () => taskButtons()[0].click(),
    pendingOnly: () => byText("label", "只显示需要处理的任务").click(),
    openMenu: () => menu().click(),
    deleteTask: () => {
      deleted = taskButtons()[0].dataset.taskId;
      byText('[role="menuitem"]', "删除任务").click();
    },
    openProgress: () => byText('[role="tab"]', "进度").click(),
    behindOnly: () => byText("label", "只显示进度滞后").click(),
    typeRecipient: () => {
      const input = recipients();
      typeInto(input, input.value + "委");
    },
  };
  window.until = {
    openReview: () => shown("review") && taskButtons().length > 0,
    search: () => taskButtons().length === 1,
    openEditor: () => document.querySelector('[role="dialog"]') !== null,
    pendingOnly: () => true,
    openMenu: () => document.querySelector('[role="menuitem"]') !== null,
    deleteTask: () => taskButtons()[0].dataset.taskId !== deleted,
    openProgress: () => shown("progress") && progressRows() > 0,
    behindOnly: () => true,
    typeRecipient: () => recipients().value.endsWith("委"),
  };
`;

type Act =
  | "openReview"
  | "search"
  | "openEditor"
  | "pendingOnly"
  | "openMenu"
  | "deleteTask"
  | "openProgress"
  | "behindOnly"
  | "typeRecipient";

/** Milliseconds from the act until the pane has changed and one more frame is drawn: what a person waits for. */
function interaction(page: Page, act: Act): Promise<number> {
  return page.evaluate(async (name) => {
    const scripted = window as unknown as Record<"acts" | "until", Record<string, () => unknown>>;
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const start = performance.now();
    scripted.acts[name]?.();
    while (!scripted.until[name]?.()) await frame();
    await frame();
    return performance.now() - start;
  }, act);
}

interface Timing {
  name: string;
  ms: number[];
}

async function timeReview(page: Page, count: number): Promise<Timing[]> {
  await page.getByRole("textbox", { name: "政策文件文字" }).fill(taskList(count));
  await page.getByRole("button", { name: "解析文字" }).click();
  await page.getByText("解析完成").waitFor();
  await page.evaluate(IN_PAGE);
  const timings: Timing[] = [];
  const time = async (name: string, act: Act, reset: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      ms.push(await interaction(page, act));
      await reset();
    }
    timings.push({ name, ms });
  };
  const openMenu = async () => {
    await page
      .getByRole("button", { name: /^任务 \S+ 的操作$/ })
      .first()
      .click();
    await page.getByRole("menuitem", { name: "删除任务" }).waitFor();
  };
  await time("打开校对", "openReview", () => page.getByRole("tab", { name: "导入" }).click());
  await page.getByRole("tab", { name: "校对" }).click();
  await time("搜索框输入一个字", "search", async () => {
    await page.getByRole("searchbox", { name: "搜索任务" }).fill("");
    await page.waitForFunction(() => document.querySelectorAll("[data-task-id]").length > 1);
  });
  await time("打开任务编辑", "openEditor", async () => {
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
  });
  await time("切换“只显示需要处理的任务”", "pendingOnly", () =>
    page.getByText("只显示需要处理的任务").click(),
  );
  await time("打开任务菜单", "openMenu", () => page.keyboard.press("Escape"));
  await openMenu();
  await time("删除一项任务", "deleteTask", async () => {
    await page.getByRole("button", { name: "撤销" }).click();
    await openMenu();
  });
  // The ledger written into the scripted workbook: 进度 and 通报 read it.
  await page.keyboard.press("Escape");
  await page.getByRole("menu").waitFor({ state: "detached" });
  await page.getByRole("tab", { name: "写入台账" }).click();
  const ledgerPanel = page.getByRole("tabpanel", { name: "写入台账" });
  await ledgerPanel.getByRole("button", { name: "写入台账" }).click();
  await ledgerPanel.getByText("台账已写入").waitFor();
  await time("打开进度", "openProgress", () => page.getByRole("tab", { name: "写入台账" }).click());
  await page.getByRole("tab", { name: "进度" }).click();
  await time("切换“只显示滞后…”", "behindOnly", () => page.getByText("只显示进度滞后").click());
  await page.getByRole("tab", { name: "通报" }).click();
  await page.getByRole("button", { name: "通报设置" }).click();
  await time("通报设置输入一个字", "typeRecipient", () => page.waitForTimeout(50));
  return timings;
}

export async function benchPane(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    process.stdout.write(`\n任务窗格：跳过（未找到 ${CHROMIUM}；apt-get install chromium）\n`);
    return;
  }
  const buildDir = await buildPane();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const bySize = new Map<number, Timing[]>();
    for (const count of SIZES) {
      const page = await openPane(browser, buildDir);
      bySize.set(count, await timeReview(page, count));
      await page.close();
    }
    const names = bySize.get(SIZES[0] ?? 0)?.map((timing) => timing.name) ?? [];
    printTable("任务窗格：每次操作到画面更新（毫秒，5 次中位数，chromium 350×900）", [
      ["操作", ...SIZES.map((count) => `${count} 项任务`), "比值"],
      ...names.map((name) => {
        const ms = SIZES.map((count) => median(bySize.get(count)?.find((t) => t.name === name)?.ms ?? []));
        return [name, ...ms, (ms.at(-1) ?? 0) / Math.max(ms[0] ?? 1, 0.1)];
      }),
    ]);
  } finally {
    await browser.close();
    rmSync(buildDir, { recursive: true, force: true });
  }
}
