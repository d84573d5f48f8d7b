/**
 * The built task pane in headless chromium with a scripted Office host: step navigation with arrow
 * keys, a .docx read through the lazy mammoth chunk, importing seed 002, the review table's grid
 * navigation, assigning a unit, writing the ledger into the scripted workbook, the statuses, the
 * 通报 written as a sheet, and the 督办通知单 and 催办清单 below it. Screenshots of each step go to
 * test-results/taskpane/ for people to look at.
 */

import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { readTableFile } from "../../src/adapters/table";
import { columnLetter } from "../../src/core/adopt";
import { alertRules, statusRules } from "../../src/core/sheets";
import { browserAvailable, buildPane, CHROMIUM, openPane, scriptedSheets } from "./browser";

const ROOT = path.resolve(__dirname, "..", "..");
const SHOTS = path.join(ROOT, "test-results", "taskpane");
const seed = (prefix: string) => {
  const name = readdirSync(path.join(ROOT, "seeds")).find((file) => file.startsWith(prefix))!;
  return readFileSync(path.join(ROOT, "seeds", name), "utf8");
};

/** Chooses a file in 导入, waits for the parse, checks its summary line and returns the text box's text. */
async function importFile(
  page: Page,
  name: string,
  mimeType: string,
  buffer: Buffer,
  summary: RegExp,
): Promise<string> {
  await page.getByLabel("选择政策文件或任务表").setInputFiles({ name, mimeType, buffer });
  await page.getByText("解析完成").waitFor();
  expect(await page.getByText(summary).count()).toBe(1);
  return page.getByRole("textbox", { name: "政策文件文字" }).inputValue();
}

/**
 * A unit's report typed into 进度填报 in Excel: lines `first` to `last` under the header (1 is the
 * first) get the status and the words, straight in the scripted workbook's cells.
 */
function reportInExcel(
  page: Page,
  report: { first: number; last: number; status: string; words: string },
): Promise<void> {
  return page.evaluate(({ first, last, status, words }) => {
    const workbook = (
      window as unknown as { scriptedWorkbook: { sheets: { name: string; cells: unknown[][] }[] } }
    ).scriptedWorkbook;
    const cells = workbook.sheets.find((sheet) => sheet.name === "进度填报")!.cells;
    const header = cells.findIndex((line) => line?.includes("填报状态"));
    const statusColumn = cells[header]!.indexOf("填报状态");
    const wordsColumn = cells[header]!.indexOf("进展情况");
    for (let row = header + first; row <= header + last; row++) {
      cells[row]![statusColumn] = status;
      cells[row]![wordsColumn] = words;
    }
  }, report);
}

/** What axe-core finds in the page as it is now, serious or critical, as `rule: selectors` lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    // Tabster's focus sentinels (Fluent's focus management) are aria-hidden and hand focus on at once:
    // they are not the pane's markup, and axe cannot see that they never keep focus.
    const results = await axe.run({ exclude: [["i[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.targets.join(", ")}`);
}

/** Each step as a person meets it is checked, with the screenshot taken of it. */
async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, name), animations: "disabled", ...options });
  expect(await seriousViolations(page)).toEqual([]);
}

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
    page = await openPane(browser, buildDir);
  });

  afterEach(() => page.close());

  it("starts in Excel without a notice and moves between steps with the arrow keys", async () => {
    expect(await page.getByText("未在 Excel 中运行").count()).toBe(0);
    await shoot(page, "1-import.png");

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
    const text = await importFile(
      page,
      "工作要点.docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      docx,
      /《2024年全市卫生健康工作要点》（2024 年）：1 项任务、1 个指标/,
    );
    expect(text).toContain("新建省级临床重点专科5个");
    // The page had loaded before listening began: reading the .docx fetched one chunk, mammoth's.
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/[\w.]+\.js$/);
  });

  it("reads a .pdf in the browser through the lazily loaded pdf.js chunk and its worker", async () => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    const text = await importFile(
      page,
      "工作要点.pdf",
      "application/pdf",
      readFileSync(path.join(ROOT, "test/fixtures/pdf/work-points.pdf")),
      /《2024年全市卫生健康工作要点》（2024 年）：2 项任务、2 个指标/,
    );
    expect(text).toContain(
      "1.加强临床重点专科建设。新建省级临床重点专科5个。（责任单位：市卫生健康委，市财政局）",
    );
    // pdf.js came from the add-in's own files: its chunk and its worker, nothing from elsewhere.
    expect(requested).toContain("/pdf.worker.min.js");
  });

  it("imports seed 002, navigates the review table by keyboard and assigns a unit", async () => {
    await page.getByRole("textbox", { name: "政策文件文字" }).fill(seed("002"));
    await page.getByRole("button", { name: "解析文字" }).click();
    await page.getByText("解析完成").waitFor();
    expect(await page.getByText(/项任务、\d+ 个指标/).textContent()).toMatch(
      /2023年全市卫生健康工作要点.*32 项任务/,
    );
    await shoot(page, "2-import-parsed.png", { fullPage: true });

    await page.getByRole("button", { name: "下一步：校对" }).click();
    const table = page.getByRole("table", { name: "任务与指标" });
    await table.waitFor();
    await shoot(page, "3-review.png");

    // Each task's title opens its editor; the button beside it, its menu.
    const taskButtons = table.getByRole("button", { name: /^\S+\. / });
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
    await shoot(page, "4-review-editor.png");
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await dialog.waitFor({ state: "detached" });

    const number = /^任务 (\S+)：/.exec(title)![1]!;
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("button", { name: new RegExp(`^${number}\\. `) }) });
    expect(await row.getByRole("cell").first().textContent()).toMatch(/牵头：市卫生健康委$/);
    expect(await page.getByText(/还有 29 项任务没有牵头单位/).count()).toBe(1);

    await page.getByRole("tab", { name: "写入台账" }).click();
    const ledgerPanel = page.getByRole("tabpanel", { name: "写入台账" });
    await ledgerPanel.getByRole("radio", { name: "按月" }).check();
    await ledgerPanel.getByRole("combobox", { name: "当前期次" }).selectOption("2023-09");
    await shoot(page, "5-ledger.png");
    await ledgerPanel.getByRole("button", { name: "写入台账" }).click();
    await ledgerPanel.getByText("台账已写入").waitFor();
    await shoot(page, "6-ledger-written.png");
    const sheets = await scriptedSheets(page);
    expect(sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      ["任务清单", "Visible"],
      ["进度填报", "Visible"],
      ["单位汇总", "Visible"],
      ["通报", "Visible"],
      ["设置", "Visible"],
      ["_duban", "VeryHidden"],
    ]);
    const taskCells = JSON.stringify(sheets[0]!.writes.map((write) => write.cells));
    expect(taskCells).toContain("市卫生健康委");

    await page.getByRole("tab", { name: "进度" }).click();
    const progressPanel = page.getByRole("tabpanel", { name: "进度" });
    const statusTable = page.getByRole("table", { name: "任务状态" });
    await statusTable.waitFor();
    expect(await progressPanel.getByRole("combobox", { name: "报送期次" }).inputValue()).toBe("2023-09");
    const statusCells = statusTable
      .getByRole("cell")
      .filter({ hasText: /^(未报送|已完成|序时推进|进度滞后|逾期未完成|未启动)/ });
    const rowCount = (await statusTable.getByRole("row").count()) - 1;
    // Nothing reported yet: every row 未报送.
    expect(await statusCells.filter({ hasText: "未报送" }).count()).toBe(rowCount);

    // Units report in Excel: the first three lines of 2023-09 in 进度填报 are marked done.
    await reportInExcel(page, { first: 1, last: 3, status: "已完成", words: "已按期完成" });
    await progressPanel.getByRole("button", { name: "重新读取工作簿" }).click();
    await statusCells.filter({ hasText: "已完成" }).first().waitFor();
    expect(await statusCells.filter({ hasText: "已完成" }).count()).toBe(3);
    expect(await statusCells.filter({ hasText: "未报送" }).count()).toBe(rowCount - 3);
    // Each badge wears the colour the sheet's conditional formats give its word (判定状态 and 预警).
    const sheetColours = new Map(
      [...statusRules(), ...alertRules()].flatMap((rule) =>
        rule.kind === "textEquals" && rule.style.fill ? [[rule.text, rule.style.fill] as const] : [],
      ),
    );
    const badges = await statusCells.evaluateAll((cells) =>
      cells.flatMap((cell) =>
        [...cell.querySelectorAll(".fui-Badge")].map((badge) => ({
          word: badge.textContent ?? "",
          colour: getComputedStyle(badge).backgroundColor,
        })),
      ),
    );
    expect(badges.length).toBe(2 * rowCount);
    const rgb = (hex: string) => `rgb(${[0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
    for (const { word, colour } of badges) {
      expect({ word, colour }).toEqual({ word, colour: rgb(sheetColours.get(word) ?? "") });
    }
    expect(new Set(badges.map((b) => b.word))).toEqual(new Set(["已完成", "完成", "未报送", "灰"]));
    await statusTable.getByRole("cell").first().focus();
    await page.keyboard.press("ArrowDown");
    expect(await hasFocus(statusTable.getByRole("row").nth(2).getByRole("cell").first())).toBe(true);
    await page.keyboard.press("ArrowRight");
    expect(await hasFocus(statusTable.getByRole("row").nth(2).getByRole("cell").nth(1))).toBe(true);
    await shoot(page, "7-progress.png");
    // The table is one stop for Tab: the arrows move inside it, Tab leaves it.
    await page.keyboard.press("Tab");
    expect(await statusTable.evaluate((table) => table.contains(document.activeElement))).toBe(false);

    await page.getByRole("tab", { name: "通报" }).click();
    const reportPanel = page.getByRole("tabpanel", { name: "通报" });
    expect(await reportPanel.getByRole("textbox", { name: "通报全文" }).inputValue()).toMatch(
      /^关于2023年1-9月份.*通报/,
    );
    await reportPanel.getByRole("button", { name: "写入“通报”工作表" }).click();
    await reportPanel.getByText(/^已写入“通报”工作表；/).waitFor();
    await shoot(page, "8-report.png");
    const after = await scriptedSheets(page);
    expect(after.map((sheet) => sheet.name).sort()).toEqual(
      ["_duban", "任务清单", "单位汇总", "进度填报", "通报", "设置"].sort(),
    );
    const report = after.find((sheet) => sheet.name === "通报")!;
    expect(JSON.stringify(report.writes.map((write) => write.cells))).toContain("2023年1-9月份");

    // 督办 and 催办 under the 通报: three more lines reported behind in Excel, read again.
    await reportInExcel(page, { first: 4, last: 6, status: "进度滞后", words: "方案起草中" });
    await reportPanel.getByRole("button", { name: "重新读取工作簿" }).click();
    const noticeUnits = reportPanel.getByRole("list", { name: "督办通知单发送单位" });
    await noticeUnits.waitFor();
    expect(await noticeUnits.getByRole("listitem").count()).toBeGreaterThan(0);
    await reportPanel.getByRole("button", { name: /^通报设置/ }).click();
    await reportPanel.getByLabel("成文日期").fill("2023-10-08");
    await reportPanel.getByRole("button", { name: /^通报设置/ }).click();
    expect(await reportPanel.getByRole("textbox", { name: "催办消息" }).inputValue()).toMatch(/^【催办】/);
    await reportPanel.getByRole("button", { name: "写入“催办清单”工作表" }).click();
    await reportPanel.getByText(/^已写入“催办清单”工作表/).waitFor();
    expect((await scriptedSheets(page)).map((sheet) => sheet.name)).toContain("催办清单");
    // The section from its heading down, as someone scrolls to it under the 通报's text.
    await reportPanel
      .getByRole("heading", { name: "督办通知单" })
      .evaluate((heading) => heading.scrollIntoView());
    await shoot(page, "8b-supervise.png");

    // 分发: the forms for the units, made in the browser with ExcelJS loaded on demand.
    await page.getByRole("tab", { name: "分发汇总" }).click();
    const roundTrip = page.getByRole("tabpanel", { name: "分发汇总" });
    await roundTrip.getByRole("button", { name: "读取工作簿中的台账" }).click();
    await roundTrip.getByRole("button", { name: "生成填报文件" }).click();
    await roundTrip.getByText(/已为 \d+ 个单位生成/).waitFor();
    await shoot(page, "9-roundtrip.png");
  });

  it("adopts a real task table from the scripted workbook's open sheet, its columns mapped in 校对", async () => {
    // A real 主要目标责任清单 (test/corpus/tables/ta-03.xlsx), typed into the open sheet with its merges.
    const file = "ta-03.xlsx";
    const read = await readTableFile(readFileSync(path.join(ROOT, "test/corpus/tables", file)), file);
    if (!read.ok) throw new Error(read.message);
    const [grid] = read.grids;
    const merges = grid!.merges.map(
      (m) => `${columnLetter(m.left)}${m.top + 1}:${columnLetter(m.right)}${m.bottom + 1}`,
    );
    await page.evaluate(
      ({ rows, merges }) => {
        const workbook = (
          window as unknown as {
            scriptedWorkbook: { name: string; sheets: { cells: unknown[][]; merges: string[] }[] };
          }
        ).scriptedWorkbook;
        workbook.name = "沅江目标责任清单.xlsx";
        workbook.sheets[0]!.cells = rows;
        workbook.sheets[0]!.merges = merges;
      },
      { rows: grid!.rows, merges },
    );

    await page.getByRole("button", { name: "使用当前工作表" }).click();
    await page.getByText("已读取任务表").waitFor();
    expect(
      await page
        .getByRole("tabpanel", { name: "导入" })
        .getByText(/14 项任务/)
        .count(),
    ).toBe(1);
    await shoot(page, "2b-import-table.png");

    await page.getByRole("button", { name: "下一步：校对" }).click();
    const review = page.getByRole("tabpanel", { name: "校对" });
    await review.getByRole("button", { name: /^列的对应/ }).click();
    const unitColumn = review.getByRole("combobox", { name: "C列“单位”" });
    expect(await unitColumn.inputValue()).toBe("ignore");
    expect(await review.getByRole("combobox", { name: "G列“牵头单位”" }).inputValue()).toBe("lead");
    // The base year's column says where each indicator started: kept as a 备注, as read.
    expect(await review.getByRole("combobox", { name: "D列“2023年”" }).inputValue()).toBe("note");
    await review.getByRole("combobox", { name: "D列“2023年”" }).selectOption("ignore");
    expect(await review.getByRole("combobox", { name: "D列“2023年”" }).inputValue()).toBe("ignore");
    await shoot(page, "3b-review-columns.png");

    await page.getByRole("tab", { name: "写入台账" }).click();
    const ledgerPanel = page.getByRole("tabpanel", { name: "写入台账" });
    await ledgerPanel.getByRole("button", { name: "写入台账" }).click();
    await ledgerPanel.getByText("台账已写入").waitFor();
    const sheets = await scriptedSheets(page);
    expect(sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(["Sheet1", "任务清单", "进度填报", "_duban"]),
    );
    // The office's own sheet is left as it was.
    expect(sheets.find((sheet) => sheet.name === "Sheet1")!.cells[3]).toEqual(grid!.rows[3]);
    const tasks = JSON.stringify(
      sheets.find((sheet) => sheet.name === "任务清单")!.writes.map((w) => w.cells),
    );
    expect(tasks).toContain("沅江目标责任清单.xlsx（Sheet1）“Sheet1”工作表第4行");
  });
});
