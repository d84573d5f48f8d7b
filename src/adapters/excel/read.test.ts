// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Ledger } from "../../core/model";
import type { GridValue, SheetGrid } from "../../core/sheets";
import { SHEET_NAMES, buildWorkbookPlan, excelSerial } from "../../core/sheets";
import { readGrids, renderWorkbook } from "../xlsx";
import { asReadBack, ledgerOf, ledgerRow, progressEntry } from "../../../test/helpers/ledger";
import { detectCapabilities } from "./capabilities";
import type { ReadOptions } from "./read";
import { DEFAULT_CELLS_PER_READ, gridValue, readLedgerFromWorkbook, readSheetGrids } from "./read";
import type { FakeExcelOptions } from "./testing/fakeExcel";
import { FakeExcel } from "./testing/fakeExcel";
import { ledgerFromSeed } from "./testing/ledgers";
import { writeWorkbookPlan } from "./write";

const SEED = readFileSync(join(__dirname, "../../../seeds/002_864f5150332c02db.txt"), "utf8");

/** A workbook the adapter wrote the ledger into, with the count of syncs reset for the read. */
async function workbookWith(ledger: Ledger, options: FakeExcelOptions = {}): Promise<FakeExcel> {
  const fake = new FakeExcel(options);
  const written = await writeWorkbookPlan(
    fake.context,
    buildWorkbookPlan(ledger),
    detectCapabilities(fake.requirements),
  );
  if (!written.ok) throw new Error(written.message);
  fake.syncs = 0;
  return fake;
}

async function read(fake: FakeExcel, options: Omit<ReadOptions, "sheets"> = {}) {
  const result = await readLedgerFromWorkbook(fake.context, options);
  if (!result.ok) throw new Error(result.message);
  return result;
}

/**
 * Rows without trailing empty cells, so grids of different widths compare by content. An empty
 * string is an empty cell: ExcelJS stores "" as written, Excel keeps no value for it.
 */
function trimmed(grid: SheetGrid): { name: string; visibility: string; rows: GridValue[][] } {
  const rows = Array.from(grid.rows, (row) => {
    const cells = (row ?? []).map((cell) => (cell === "" ? null : cell));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return { name: grid.name, visibility: grid.visibility, rows };
}

describe("readLedgerFromWorkbook", () => {
  it("reads back the ledger the writer put in: rows, identity and every period's reports, in three syncs", async () => {
    const ledger = ledgerFromSeed(SEED, 10);
    const fake = await workbookWith(ledger);
    const { ledger: back, diagnostics } = await read(fake);
    expect(diagnostics).toEqual([]);
    expect(back).toEqual(asReadBack(ledger));
    // The sheet list, the used ranges, one block of cells.
    expect(fake.syncs).toBe(3);
  });

  it("keeps text that looks like a formula, a date or a number, spaces and line breaks exactly", async () => {
    const awkward = [
      '=HYPERLINK("http://x","点我")',
      "+86 028",
      "-5%以内",
      "@所有人",
      "2024-09",
      "85%",
      "0012",
      "  前后空格  ",
      "第一行\n第二行",
      "'单引号'",
    ];
    const rows = awkward.map((text, i) =>
      ledgerRow({ id: `r${i}`, number: text, task: text, metric: text, source: text, note: text }),
    );
    const progress = awkward.map((text, i) =>
      progressEntry({ rowId: `r${i}`, period: "2024-Q1", progress: text, problems: text, reportedBy: text }),
    );
    const ledger = ledgerOf(rows, progress);
    const { ledger: back } = await read(await workbookWith(ledger));
    expect(back).toEqual(asReadBack(ledger));
  });

  it("reads the same grids as the ExcelJS reader does from the same plan", async () => {
    const ledger = ledgerFromSeed(SEED, 30);
    const plan = buildWorkbookPlan(ledger);
    const fake = await workbookWith(ledger);
    // The scripted Excel does not calculate: formula cells are compared by the write tests, the rest here.
    const compared = (name: string): boolean => name !== SHEET_NAMES.summary;
    const withoutFormulas = (grid: SheetGrid): SheetGrid => {
      const sheet = plan.sheets.find((s) => s.name === grid.name);
      const rows = Array.from(grid.rows, (row, r) =>
        (row ?? []).map((cell, c) => {
          const planned = sheet?.rows[r]?.cells[c];
          return planned !== null && typeof planned === "object" && planned.kind === "formula" ? null : cell;
        }),
      );
      return { ...grid, rows };
    };
    const office = await readSheetGrids(fake.context, { sheets: compared });
    const read = await readGrids(await renderWorkbook(plan));
    if (!read.ok) throw new Error(read.message);
    expect(office.map(withoutFormulas).map(trimmed)).toEqual(
      read.grids
        .filter((g) => compared(g.name))
        .map(withoutFormulas)
        .map(trimmed),
    );
  });

  it("reads in syncs that follow the cells read, not the rows: three for 10 tasks, few for 1,000", async () => {
    for (const tasks of [10, 1000]) {
      const ledger = ledgerFromSeed(SEED, tasks);
      const fake = await workbookWith(ledger);
      await read(fake);
      const cells = buildWorkbookPlan(ledger)
        .sheets.filter((s) =>
          ([SHEET_NAMES.tasks, SHEET_NAMES.progress, SHEET_NAMES.metadata] as string[]).includes(s.name),
        )
        .reduce((sum, s) => sum + s.rows.length * Math.max(...s.rows.map((r) => r.cells.length)), 0);
      // The sheet list, the used ranges, then one block per DEFAULT_CELLS_PER_READ cells.
      expect(fake.syncs).toBe(2 + Math.ceil(cells / DEFAULT_CELLS_PER_READ));
      if (tasks === 10) expect(fake.syncs).toBe(3);
    }
  });

  it("reads in smaller blocks when Excel refuses a response as too large", async () => {
    const ledger = ledgerFromSeed(SEED, 200);
    const fake = await workbookWith(ledger, { responseLimitBytes: 60_000 });
    const { ledger: back, diagnostics } = await read(fake);
    expect(diagnostics).toEqual([]);
    expect(back).toEqual(asReadBack(ledger));
    expect(fake.syncs).toBeGreaterThan(3);
    expect(Math.max(...fake.responseBytes)).toBeGreaterThan(60_000);
  });

  it("reads only the sheets the ledger reader uses", async () => {
    const fake = await workbookWith(ledgerFromSeed(SEED, 10));
    const grids = await readSheetGrids(fake.context);
    expect(grids.map((g) => [g.name, g.visibility])).toEqual([
      [SHEET_NAMES.tasks, "visible"],
      [SHEET_NAMES.progress, "visible"],
      [SHEET_NAMES.settings, "visible"],
      [SHEET_NAMES.metadata, "veryHidden"],
    ]);
  });

  it("reads the thresholds someone changed in 设置, as the workbook's formulas use them", async () => {
    const fake = await workbookWith(ledgerFromSeed(SEED, 10));
    const settings = fake.sheet(SHEET_NAMES.settings);
    const row = [3, 4, 5, 6, 7, 8, 9, 10].find((r) => settings.cell(r, 1)?.value === "排名最少任务数");
    const sheets = fake.context.workbook.worksheets;
    sheets.load("items/name");
    await fake.context.sync();
    const sheet = sheets.items.find((s) => s.name === SHEET_NAMES.settings);
    if (sheet) sheet.getRange(`B${row ?? 0}`).values = [[1]];
    await fake.context.sync();
    expect((await read(fake)).ledger.statusOptions?.rankMinTasks).toBe(1);
  });

  it("says when the workbook is not a Duban ledger", async () => {
    const fake = new FakeExcel({
      sheets: [
        {
          name: "Sheet1",
          rows: [
            ["编号", "任务"],
            ["1", "某项工作"],
          ],
        },
      ],
    });
    expect(await readLedgerFromWorkbook(fake.context)).toMatchObject({ ok: false, code: "not-a-ledger" });
  });

  it("turns an error from Excel into a message for the pane", async () => {
    const fake = await workbookWith(ledgerFromSeed(SEED, 10));
    fake.failOn = (_sheet, call) => call.path === "getRangeByIndexes";
    const result = await readLedgerFromWorkbook(fake.context);
    expect(result).toMatchObject({ ok: false, code: "excel-error" });
    if (!result.ok) expect(result.message).toContain("读取工作簿时 Excel 报错");
  });
});

describe("gridValue", () => {
  it("reads cells as the ExcelJS reader does", () => {
    expect(gridValue("", "General")).toBeNull();
    expect(gridValue(12.5, "General")).toBe(12.5);
    expect(gridValue(0.85, "0%")).toBe("85%");
    const july = excelSerial("2024-07-01");
    expect(gridValue(july, "yyyy-mm-dd")).toEqual({ kind: "date", iso: "2024-07-01" });
    expect(gridValue(july, 'yyyy"年"m"月"d"日"')).toEqual({ kind: "date", iso: "2024-07-01" });
    expect(gridValue(3, '0"天"')).toBe(3);
    expect(gridValue("#N/A", "General")).toBe("#N/A");
    expect(gridValue(true, "General")).toBe(true);
  });
});
