/**
 * The built task pane in headless chromium with a scripted Office host: step navigation with arrow
 * keys, a .docx read through the lazy mammoth chunk, importing seed 002, the review table's grid
 * navigation, assigning a unit. Screenshots of each step go to test-results/taskpane/ for people to
 * look at.
 */

import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { browserAvailable, buildPane, CHROMIUM, PANE_ORIGIN, SCRIPTED_EXCEL, servePane } from "./browser";

const ROOT = path.resolve(__dirname, "..", "..");
const SHOTS = path.join(ROOT, "test-results", "taskpane");
const seed = (prefix: string) => {
  const name = readdirSync(path.join(ROOT, "seeds")).find((file) => file.startsWith(prefix))!;
  return readFileSync(path.join(ROOT, "seeds", name), "utf8");
};

const hasFocus = (element: Locator) => element.evaluate((node) => node === document.activeElement);

(browserAvailable() ? describe : describe.skip)("task pane in chromium", () => {
  let buildDir: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    buildDir = await buildPane();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    // The width of Excel's task pane on the desktop.
    page = await browser.newPage({ viewport: { width: 350, height: 900 }, locale: "zh-CN" });
    await servePane(page, buildDir, SCRIPTED_EXCEL);
    await page.goto(`${PANE_ORIGIN}/taskpane.html`);
    await page.getByRole("tab", { name: "导入" }).waitFor();
  });

  afterEach(() => page.close());

  it("starts in Excel without a notice and moves between steps with the arrow keys", async () => {
    expect(await page.getByText("未在 Excel 中运行").count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, "1-import.png") });

    await page.keyboard.press("Tab");
    expect(await hasFocus(page.getByRole("tab", { name: "导入" }))).toBe(true);
    // 校对 and 写入台账 stay disabled until a document is parsed: the arrow passes over them.
    await page.keyboard.press("ArrowRight");
    expect(await hasFocus(page.getByRole("tab", { name: "进度" }))).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.getByRole("tabpanel", { name: "进度" }).isVisible()).toBe(true);
    await page.keyboard.press("ArrowLeft");
    expect(await hasFocus(page.getByRole("tab", { name: "导入" }))).toBe(true);
  });

  it("reads a .docx in the browser through the lazily loaded mammoth chunk", async () => {
    const lines = [
      "2024年全市卫生健康工作要点",
      "一、提升医疗服务能力",
      "1.加强临床重点专科建设。新建省级临床重点专科5个。（责任单位：市卫生健康委，市财政局）",
    ];
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] }),
    );
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.getByLabel("选择政策文件").setInputFiles({
      name: "工作要点.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: docx,
    });
    await page.getByText("解析完成").waitFor();
    expect(
      await page.getByText(/《2024年全市卫生健康工作要点》（2024 年）：1 项任务、1 个指标/).count(),
    ).toBe(1);
    expect(await page.getByRole("textbox", { name: "政策文件文字" }).inputValue()).toContain(
      "新建省级临床重点专科5个",
    );
    // The page had loaded before listening began: reading the .docx fetched one chunk, mammoth's.
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/[\w.]+\.js$/);
  });

  it("imports seed 002, navigates the review table by keyboard and assigns a unit", async () => {
    await page.getByRole("textbox", { name: "政策文件文字" }).fill(seed("002"));
    await page.getByRole("button", { name: "解析文字" }).click();
    await page.getByText("解析完成").waitFor();
    expect(await page.getByText(/项任务、\d+ 个指标/).textContent()).toMatch(
      /2023年全市卫生健康工作要点.*32 项任务/,
    );
    await page.screenshot({ path: path.join(SHOTS, "2-import-parsed.png"), fullPage: true });

    await page.getByRole("button", { name: "下一步：校对" }).click();
    const table = page.getByRole("table", { name: "任务与指标" });
    await table.waitFor();
    await page.screenshot({ path: path.join(SHOTS, "3-review.png") });

    const taskButtons = table.getByRole("button");
    expect(await taskButtons.count()).toBe(32);
    await taskButtons.first().focus();
    await page.keyboard.press("ArrowDown");
    expect(await hasFocus(taskButtons.nth(1))).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });

    await page.getByRole("button", { name: "逐项指定" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const title = (await dialog.getByRole("heading").textContent()) ?? "";
    await dialog.getByRole("textbox", { name: "牵头单位" }).fill("市卫生健康委");
    await page.screenshot({ path: path.join(SHOTS, "4-review-editor.png") });
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await dialog.waitFor({ state: "detached" });

    const number = /^任务 (\S+)：/.exec(title)![1]!;
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("button", { name: new RegExp(`^${number}\\. `) }) });
    expect(await row.getByRole("cell").first().textContent()).toMatch(/牵头：市卫生健康委$/);
    expect(await page.getByText(/还有 29 项任务没有牵头单位/).count()).toBe(1);
  });
});
