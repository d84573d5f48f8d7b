// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Ledger } from "../../core/model";
import { STATUSES } from "../../core/model";
import type { CellValue, SheetPlan, WorkbookPlan } from "../../core/sheets";
import {
  PROGRESS_COLUMNS,
  SHEET_NAMES,
  TASK_COLUMNS,
  buildWorkbookPlan,
  cellAddress,
  columnLetter,
  excelSerial,
} from "../../core/sheets";
import { ledgerOf, ledgerRow, progressEntry, asPeriod } from "../../../test/helpers/ledger";
import { DEFAULT_REQUEST_BUDGET_BYTES } from "./batches";
import type { ExcelCapabilities } from "./capabilities";
import { detectCapabilities } from "./capabilities";
import type { FakeExcelOptions, FakeSheet, FakeValue } from "./testing/fakeExcel";
import { FakeExcel } from "./testing/fakeExcel";
import { ledgerFromSeed } from "./testing/ledgers";
import type { WriteOptions, WriteProgress } from "./write";
import { writeWorkbookPlan } from "./write";

const SEED = readFileSync(join(__dirname, "../../../seeds/002_864f5150332c02db.txt"), "utf8");
const PLAN_NAMES = Object.values(SHEET_NAMES);

interface WriteSetup {
  fake?: FakeExcelOptions;
  capabilities?: ExcelCapabilities;
  options?: WriteOptions;
}

async function write(plan: WorkbookPlan, setup: WriteSetup = {}) {
  const fake = new FakeExcel(setup.fake);
  const capabilities = setup.capabilities ?? detectCapabilities(fake.requirements);
  const result = await writeWorkbookPlan(fake.context, plan, capabilities, setup.options);
  return { fake, result };
}

/** What a plan cell reads as once Excel has it: dates as serials, formulas as their text. */
function expected(value: CellValue | undefined): FakeValue | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "object") return value;
  return value.kind === "date" ? excelSerial(value.iso) : `=${value.formula}`;
}

/** Cells where the workbook differs from the plan, and plan text Excel took for a formula. */
function differences(plan: SheetPlan, sheet: FakeSheet): string[] {
  const found: string[] = [];
  const rows = Math.max(plan.rows.length, sheet.rows.length);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(plan.rows[r]?.cells.length ?? 0, sheet.rows[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const want = plan.rows[r]?.cells[c];
      const cell = sheet.cell(r + 1, c + 1);
      const text = typeof want === "string";
      if (expected(want) !== (cell?.value ?? null) || (text && cell?.formula !== undefined)) {
        found.push(
          `${plan.name}!${cellAddress(r + 1, c + 1)}: ${JSON.stringify(want)} → ${JSON.stringify(cell)}`,
        );
      }
    }
  }
  return found;
}

const STATUS_COLUMN = columnLetter(PROGRESS_COLUMNS.findIndex((c) => c.key === "reportedStatus") + 1);

const ledgers = new Map<string, Ledger>();
/** Seed 002's tasks repeated to `tasks` rows, with reports for every quarter up to `period`. */
function seedLedger(tasks: number, period = "2024-Q3"): Ledger {
  const key = `${tasks}/${period}`;
  const known = ledgers.get(key);
  if (known) return known;
  const ledger = ledgerFromSeed(SEED, tasks, asPeriod(period));
  ledgers.set(key, ledger);
  return ledger;
}

/** Rows whose text Excel would read as formulas, dates, numbers or booleans if typed as they are. */
function trickyLedger(): Ledger {
  const rows = [
    ledgerRow({
      id: "r1",
      number: "=1+1",
      task: '=HYPERLINK("http://example.com")',
      metric: "+86 热线接通率",
      unit: "-",
    }),
    ledgerRow({
      id: "r2",
      number: "@1",
      task: "@全体单位",
      metric: "-",
      leadUnits: ["=A1"],
      coUnits: ["+市财政局"],
    }),
    ledgerRow({
      id: "r3",
      number: "0012",
      task: "2024-09",
      metric: "85%",
      note: "TRUE",
      source: "'引号开头",
    }),
  ];
  const progress = [
    progressEntry({
      rowId: "r1",
      period: "2024-Q1",
      progress: "-已完成一半",
      problems: "=经费不足",
      reportedBy: "@市卫生健康委",
    }),
    progressEntry({
      rowId: "r2",
      period: "2024-Q1",
      progress: "1/3",
      problems: "#N/A",
      reportedBy: "2024年3月",
    }),
  ];
  return ledgerOf(rows, progress);
}

describe("writeWorkbookPlan", () => {
  it("writes every sheet's cells as the plan has them, one 2-D write per sheet", async () => {
    const plan = buildWorkbookPlan(seedLedger(10));
    const { fake, result } = await write(plan);
    expect(result.ok).toBe(true);
    for (const sheet of plan.sheets) {
      expect(differences(sheet, fake.sheet(sheet.name))).toEqual([]);
      expect(fake.sheet(sheet.name).valueWrites).toHaveLength(1);
    }
  });

  it("keeps text beginning with = + - @ (and text Excel would take for a date or number) as text", async () => {
    const plan = buildWorkbookPlan(trickyLedger());
    const { fake, result } = await write(plan);
    expect(result.ok).toBe(true);
    for (const sheet of plan.sheets) expect(differences(sheet, fake.sheet(sheet.name))).toEqual([]);
    const tasks = fake.sheet(SHEET_NAMES.tasks);
    expect(tasks.cell(3, 1)).toEqual({ value: "=1+1" });
    expect(tasks.cell(3, 3)).toEqual({ value: '=HYPERLINK("http://example.com")' });
    expect(tasks.cell(5, 3)).toEqual({ value: "2024-09" });
  });

  it("hides _duban as veryHidden, keeps the plan's tab order, opens on 任务清单 and drops a new workbook's empty Sheet1", async () => {
    const plan = buildWorkbookPlan(seedLedger(10));
    const { fake, result } = await write(plan);
    expect(fake.sheets.map((s) => [s.name, s.visibility])).toEqual(
      plan.sheets.map((s) => [s.name, s.name === SHEET_NAMES.metadata ? "VeryHidden" : "Visible"]),
    );
    expect(fake.activeSheet).toBe(SHEET_NAMES.tasks);
    expect(result).toMatchObject({ ok: true, removedBlankSheet: "Sheet1", replacedSheets: [] });
    expect(fake.properties).toEqual({ title: plan.title, author: plan.creator });
  });

  it("keeps a first sheet that has anything in it", async () => {
    const { fake } = await write(buildWorkbookPlan(seedLedger(10)), {
      fake: { sheets: [{ name: "Sheet1", rows: [["备忘"]] }] },
    });
    expect(fake.sheets[0]?.name).toBe("Sheet1");
  });

  it("uses the same number of syncs for 10, 1,000 and 10,000 tasks when the payload limit is lifted", async () => {
    const syncs: number[] = [];
    for (const tasks of [10, 1000, 10_000]) {
      const { fake, result } = await write(buildWorkbookPlan(seedLedger(tasks, "2024-Q1")), {
        fake: { requestLimitBytes: Infinity },
        options: { requestBudgetBytes: Infinity },
      });
      expect(result.ok).toBe(true);
      syncs.push(fake.syncs);
    }
    // One look at the workbook, one request with everything in it.
    expect(syncs).toEqual([2, 2, 2]);
  });

  it("under Excel on the web's 5 MB limit keeps every request within the budget, packed full", async () => {
    const { fake, result } = await write(buildWorkbookPlan(seedLedger(10_000)));
    if (!result.ok) throw new Error(result.message);
    const budget = DEFAULT_REQUEST_BUDGET_BYTES;
    expect(fake.syncs).toBe(1 + result.requestBytes.length);
    expect(result.requestBytes.length).toBeGreaterThan(1);
    for (const bytes of result.requestBytes) expect(bytes).toBeLessThanOrEqual(budget);
    for (const bytes of result.requestBytes.slice(0, -1)) expect(bytes).toBeGreaterThan(budget - 64_000);
    // What the scripted Excel counted stays within the writer's estimate.
    result.requestBytes.forEach((bytes, i) => expect(fake.requestBytes[i + 1]).toBeLessThanOrEqual(bytes));
  });

  it("needs more requests for 200 tasks of 6 MB than for 1,000 tasks of ordinary text: bytes count, not rows", async () => {
    // 10,000 characters a cell, well under Excel's 32,767.
    const long = "长".repeat(10_000);
    const bulky = ledgerOf(
      Array.from({ length: 200 }, (_, i) => ledgerRow({ id: `r${i}`, note: long })),
      [],
    );
    const small = await write(buildWorkbookPlan(seedLedger(1000)));
    const large = await write(buildWorkbookPlan(bulky));
    expect(small.fake.syncs).toBe(2);
    expect(large.fake.syncs).toBeGreaterThan(2);
    expect(Math.max(...large.fake.requestBytes)).toBeLessThanOrEqual(DEFAULT_REQUEST_BUDGET_BYTES);
  });

  it("formats per column and per block of rows: apart from row heights, 10,000 tasks take the calls 1,000 take", async () => {
    const formatCalls = async (tasks: number): Promise<number> => {
      const { fake } = await write(buildWorkbookPlan(seedLedger(tasks, "2024-Q1")));
      return fake.sheets.reduce((n, s) => n + s.calls.filter((c) => c.path !== "format.rowHeight").length, 0);
    };
    const thousand = await formatCalls(1000);
    // A few hundred calls in all, against 17,000 cells in 进度填报 alone.
    expect(thousand).toBeLessThan(1000);
    expect(await formatCalls(10_000)).toBe(thousand);
  });

  it("gives every row the plan's height, the common one in a single call", async () => {
    const plan = buildWorkbookPlan(seedLedger(30));
    const { fake } = await write(plan);
    for (const sheet of plan.sheets) {
      const written = fake.sheet(sheet.name);
      expect(sheet.rows.map((_, r) => written.rowHeightAt(r + 1))).toEqual(
        sheet.rows.map((row) => row.height),
      );
    }
    const progress = plan.sheets.find((s) => s.name === SHEET_NAMES.progress);
    const heightCalls = fake.sheet(SHEET_NAMES.progress).callsTo("format.rowHeight");
    expect(heightCalls[0]?.address).toBe(`1:${progress?.rows.length ?? 0}`);
    expect(heightCalls.length).toBeLessThan((progress?.rows.length ?? 0) / 2);
  });

  it("colours statuses by conditional format, lists 状态 in a drop-down, freezes the header and prints on A4", async () => {
    const { fake } = await write(buildWorkbookPlan(seedLedger(10)));
    const progress = fake.sheet(SHEET_NAMES.progress);
    const rules = progress.calls.filter((c) => c.path.endsWith("cellValue.rule")).map((c) => c.value);
    expect(rules).toContainEqual({ formula1: '="已完成"', operator: "EqualTo" });
    expect(rules).toContainEqual({ formula1: '="逾期未完成"', operator: "EqualTo" });
    const fills = progress.calls
      .filter((c) => c.path.endsWith("cellValue.format.fill.color"))
      .map((c) => c.value);
    expect(fills).toContain("#C6EFCE");
    expect(progress.callsTo("dataValidation.rule")).toEqual([
      {
        address: expect.stringMatching(new RegExp(`^${STATUS_COLUMN}3:${STATUS_COLUMN}\\d+$`)) as unknown,
        path: "dataValidation.rule",
        value: { list: { inCellDropDown: true, source: STATUSES.filter((s) => s !== "未报送").join(",") } },
      },
    ]);
    expect(progress.callsTo("freezePanes.freezeAt")).toEqual([
      { address: "", path: "freezePanes.freezeAt", value: ["A1:C2"] },
    ]);
    const layout = Object.fromEntries(
      progress.calls.filter((c) => c.path.startsWith("pageLayout.")).map((c) => [c.path, c.value]),
    );
    expect(layout).toMatchObject({
      "pageLayout.paperSize": "A4",
      "pageLayout.orientation": "Landscape",
      "pageLayout.zoom": { horizontalFitToPages: 1, verticalFitToPages: 0 },
      "pageLayout.setPrintTitleRows": ["$2:$2"],
      "pageLayout.headersFooters.defaultForAllPages.centerFooter": "第 &P 页，共 &N 页",
    });
    expect(progress.callsTo("autoFilter.apply")).toHaveLength(1);
    expect(fake.sheet(SHEET_NAMES.report).callsTo("showGridlines")).toHaveLength(1);
  });

  it("on ExcelApi 1.7 leaves out validation, page layout, filters and gridlines, and says so", async () => {
    const plan = buildWorkbookPlan(seedLedger(10));
    const { fake, result } = await write(plan, { fake: { apiVersion: "1.7" } });
    if (!result.ok) throw new Error(result.message);
    expect(result.skipped.map((s) => [s.code, s.requirementSet, s.sheets])).toEqual([
      ["data-validation", "ExcelApi 1.8", [SHEET_NAMES.progress]],
      ["page-layout", "ExcelApi 1.9", PLAN_NAMES.filter((n) => n !== SHEET_NAMES.metadata)],
      ["auto-filter", "ExcelApi 1.9", [SHEET_NAMES.tasks, SHEET_NAMES.progress]],
      ["gridlines", "ExcelApi 1.8", [SHEET_NAMES.report]],
    ]);
    expect(result.skipped[0]?.message).toContain("此版本的 Excel（如 Office 2019）不支持数据有效性");
    const newer = /^(dataValidation|pageLayout|autoFilter|showGridlines)/;
    expect(fake.sheets.flatMap((s) => s.calls.filter((c) => newer.test(c.path)))).toEqual([]);
    // The rest is drawn as on a current Excel.
    for (const sheet of plan.sheets) expect(differences(sheet, fake.sheet(sheet.name))).toEqual([]);
    expect(fake.sheet(SHEET_NAMES.progress).calls.some((c) => c.path.endsWith("cellValue.rule"))).toBe(true);
  });

  it("refuses an Excel older than ExcelApi 1.7 without touching the workbook", async () => {
    const { fake, result } = await write(buildWorkbookPlan(seedLedger(10)), { fake: { apiVersion: "1.6" } });
    expect(result).toMatchObject({ ok: false, code: "unsupported-excel", restored: true });
    expect(fake.syncs).toBe(0);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("replaces an earlier ledger and leaves other sheets alone", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "说明", rows: [["本工作簿由督办科维护"]] }] });
    const capabilities = detectCapabilities(fake.requirements);
    await writeWorkbookPlan(fake.context, buildWorkbookPlan(seedLedger(10)), capabilities);
    const second = buildWorkbookPlan(trickyLedger());
    const result = await writeWorkbookPlan(fake.context, second, capabilities);
    // The 通报 was only a placeholder too, so the new one (naming the new period) takes its place.
    expect(result).toMatchObject({ ok: true, replacedSheets: PLAN_NAMES, kept: { report: false } });
    expect(fake.sheets.map((s) => s.name)).toEqual(["说明", ...PLAN_NAMES]);
    expect(fake.sheet("说明").grid()).toEqual([["本工作簿由督办科维护"]]);
    for (const sheet of second.sheets) expect(differences(sheet, fake.sheet(sheet.name))).toEqual([]);
    // The thresholds' names are defined again, on the new 设置 sheet.
    expect([...fake.names]).toEqual((second.names ?? []).map((n) => [n.name, `=${n.ref}`]));
    expect(fake.names.size).toBeGreaterThan(5);
  });

  it("keeps what the office added: its sheet's formulas on the ledger, added columns by row, rows below, the 通报", async () => {
    const fake = new FakeExcel({
      sheets: [{ name: "我的统计", rows: [["=COUNTA(任务清单!A:A)", "='进度填报'!B2"]] }],
    });
    const capabilities = detectCapabilities(fake.requirements);
    const first = buildWorkbookPlan(seedLedger(10));
    await writeWorkbookPlan(fake.context, first, capabilities);
    const tasks = fake.sheet(SHEET_NAMES.tasks);
    const table = first.sheets.find((sheet) => sheet.name === SHEET_NAMES.tasks)?.table;
    if (!table) throw new Error("任务清单 has no table");
    const idColumn = TASK_COLUMNS.findIndex((c) => c.key === "rowId") + 1;
    const added = TASK_COLUMNS.length + 1;
    const letter = columnLetter(added);
    tasks.setCell(table.headerRow, added, { value: "督办人" });
    tasks.setCell(table.headerRow, added + 1, { value: "字数" });
    for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
      tasks.setCell(row, added, { value: `督办人${String(tasks.cell(row, idColumn)?.value)}` });
      tasks.setCell(row, added + 1, { value: `=LEN(${letter}${row})`, formula: `=LEN(${letter}${row})` });
    }
    tasks.setCell(table.lastDataRow + 2, 1, { value: "注：本表每月10日前更新。" });
    // The 通报 as the pane writes it, in place of the placeholder.
    fake.sheet(SHEET_NAMES.report).rows.length = 0;
    fake.sheet(SHEET_NAMES.report).setCell(1, 1, { value: "关于2024年第三季度重点任务进展情况的通报" });

    // Next month: the rows come in another order and one task has left the ledger.
    const ledger = seedLedger(10);
    const gone = ledger.rows[2]?.id;
    const second = buildWorkbookPlan({
      ...ledger,
      rows: [...ledger.rows].reverse().filter((r) => r.id !== gone),
    });
    const result = await writeWorkbookPlan(fake.context, second, capabilities);
    expect(result).toMatchObject({
      ok: true,
      kept: {
        columns: ["任务清单：督办人", "任务清单：字数"],
        rowsBelow: 1,
        unplaced: 1,
        report: true,
        formulas: 2,
      },
    });
    const now = fake.sheet(SHEET_NAMES.tasks);
    const newTable = second.sheets.find((sheet) => sheet.name === SHEET_NAMES.tasks)?.table;
    if (!newTable) throw new Error("任务清单 has no table");
    for (let row = newTable.firstDataRow; row <= newTable.lastDataRow; row++) {
      expect(now.cell(row, added)?.value).toBe(`督办人${String(now.cell(row, idColumn)?.value)}`);
      expect(now.cell(row, added + 1)?.formula).toBe(`=LEN(${letter}${row})`);
    }
    expect(now.cell(newTable.lastDataRow + 2, 1)?.value).toBe("注：本表每月10日前更新。");
    expect(now.cell(newTable.lastDataRow + 4, 1)?.value).toMatch(/已不在台账中/);
    expect(now.cell(newTable.lastDataRow + 5, added)?.value).toBe(`督办人${gone}`);
    expect(fake.sheet(SHEET_NAMES.report).cell(1, 1)?.value).toBe("关于2024年第三季度重点任务进展情况的通报");
    // Excel follows a renamed sheet: without typing them again these would read #REF! now.
    expect(fake.sheet("我的统计").grid()).toEqual([["=COUNTA(任务清单!A:A)", "='进度填报'!B2"]]);
    expect(fake.sheets.map((s) => s.name).filter((n) => n.startsWith("Duban旧表"))).toEqual([]);
  });

  it("on ExcelApi 1.7 keeps an added column's values, and says its formulas and formats could not be", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const capabilities = detectCapabilities(fake.requirements);
    const plan = buildWorkbookPlan(seedLedger(3));
    await writeWorkbookPlan(fake.context, plan, capabilities);
    const table = plan.sheets.find((sheet) => sheet.name === SHEET_NAMES.tasks)?.table;
    if (!table) throw new Error("任务清单 has no table");
    const added = TASK_COLUMNS.length + 1;
    fake.sheet(SHEET_NAMES.tasks).setCell(table.headerRow, added, { value: "督办人" });
    fake.sheet(SHEET_NAMES.tasks).setCell(table.firstDataRow, added, { value: "张三" });
    const result = await writeWorkbookPlan(fake.context, plan, capabilities);
    expect(result).toMatchObject({ ok: true, kept: { columns: ["任务清单：督办人"] } });
    if (!result.ok) return;
    expect(result.skipped.find((f) => f.code === "copy-cells")?.message).toMatch(/只保留了数值/);
    expect(fake.sheet(SHEET_NAMES.tasks).cell(table.firstDataRow, added)?.value).toBe("张三");
  });

  it("writes each column of like formulas as its first cell filled down, on ExcelApi 1.9", async () => {
    const plan = buildWorkbookPlan(seedLedger(200));
    const { fake, result } = await write(plan);
    if (!result.ok) throw new Error(result.message);
    const progress = fake.sheet(SHEET_NAMES.progress);
    expect(progress.callsTo("autoFill").length).toBeGreaterThan(10);
    expect(
      differences(
        plan.sheets.find((s) => s.name === SHEET_NAMES.progress)!,
        progress,
      ),
    ).toEqual([]);
    const older = await write(plan, { fake: { apiVersion: "1.8" } });
    expect(older.fake.sheet(SHEET_NAMES.progress).callsTo("autoFill")).toEqual([]);
    if (!older.result.ok) throw new Error(older.result.message);
    const sum = (bytes: number[]) => bytes.reduce((a, b) => a + b, 0);
    expect(sum(older.result.requestBytes)).toBeGreaterThan(3 * sum(result.requestBytes));
    expect(
      differences(
        plan.sheets.find((s) => s.name === SHEET_NAMES.progress)!,
        older.fake.sheet(SHEET_NAMES.progress),
      ),
    ).toEqual([]);
  });

  it("puts the workbook back as it was when Excel refuses a call halfway", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "说明", rows: [["本工作簿由督办科维护"]] }] });
    const capabilities = detectCapabilities(fake.requirements);
    const first = buildWorkbookPlan(seedLedger(10));
    await writeWorkbookPlan(fake.context, first, capabilities);
    fake.failOn = (sheet, call) => sheet === SHEET_NAMES.summary && call.path === "pageLayout.orientation";
    const result = await writeWorkbookPlan(fake.context, buildWorkbookPlan(trickyLedger()), capabilities);
    expect(result).toMatchObject({ ok: false, code: "excel-error", restored: true });
    if (result.ok) return;
    expect(result.message).toContain("模拟失败：pageLayout.orientation");
    expect(fake.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["说明", "Visible"],
      ...first.sheets.map((s) => [s.name, s.name === SHEET_NAMES.metadata ? "VeryHidden" : "Visible"]),
    ]);
    for (const sheet of first.sheets) expect(differences(sheet, fake.sheet(sheet.name))).toEqual([]);
  });

  it("changes nothing when Excel fails while the writer looks at the workbook", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "说明", rows: [["备忘"]] }] });
    fake.failOn = (_sheet, call) => call.path === "getUsedRangeOrNullObject";
    const result = await writeWorkbookPlan(
      fake.context,
      buildWorkbookPlan(seedLedger(10)),
      detectCapabilities(fake.requirements),
    );
    expect(result).toMatchObject({ ok: false, code: "excel-error", restored: true });
    expect(fake.syncs).toBe(1);
    expect(fake.sheets.map((s) => s.name)).toEqual(["说明"]);
  });

  it("protects the sheets that ask for it, input columns unlocked", async () => {
    const base = buildWorkbookPlan(seedLedger(10));
    const protection = {
      password: "dbtz",
      allowSort: false,
      allowAutoFilter: true,
      allowFormatColumns: true,
      allowFormatRows: true,
    };
    const plan: WorkbookPlan = {
      ...base,
      sheets: base.sheets.map((s) => (s.name === SHEET_NAMES.progress ? { ...s, protection } : s)),
    };
    const { fake } = await write(plan);
    const progress = fake.sheet(SHEET_NAMES.progress);
    expect(progress.callsTo("protection.protect")).toEqual([
      {
        address: "",
        path: "protection.protect",
        value: [
          { allowSort: false, allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true },
          "dbtz",
        ],
      },
    ]);
    const unlocked = progress.callsTo("format.protection.locked").map((c) => [c.address, c.value]);
    const inputs = PROGRESS_COLUMNS.flatMap((c, i) => (c.input ? [columnLetter(i + 1)] : []));
    expect(inputs.length).toBeGreaterThan(4);
    expect(unlocked).toEqual(inputs.map((column) => [`${column}:${column}`, false]));
    expect(fake.sheet(SHEET_NAMES.tasks).callsTo("protection.protect")).toEqual([]);
  });

  it("reports progress after every request", async () => {
    const seen: WriteProgress[] = [];
    const { fake } = await write(buildWorkbookPlan(seedLedger(10)), {
      options: { requestBudgetBytes: 20_000, onProgress: (p) => seen.push(p) },
    });
    expect(fake.syncs).toBeGreaterThan(2);
    expect(seen).toEqual(Array.from({ length: fake.syncs }, (_, i) => ({ done: i + 1, total: fake.syncs })));
  });
});
