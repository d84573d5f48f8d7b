import ExcelJS from "exceljs";
import { buildLedger } from "../../core/plan";
import { buildWorkbookPlan, SHEET_NAMES } from "../../core/sheets";
import { workPoints } from "../../../test/helpers/documents";
import { asPeriod, progressEntry } from "../../../test/helpers/ledger";
import { readLedgerWorkbook, renderWorkbook, renderWorkbookOver } from ".";

function ledger() {
  const built = buildLedger([workPoints()], { period: asPeriod("2024-Q3") });
  if (!built.ok) throw new Error(built.message);
  return built.ledger;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

function column(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(2).eachCell((cell, n) => {
    if (cell.text === header) found = n;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** The ledger as an office keeps it: its own sheet, a column, a note, a line below the table, a 通报. */
async function withOfficeAdditions(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = await load(bytes);
  const tasks = workbook.getWorksheet(SHEET_NAMES.tasks)!;
  const width = tasks.getRow(2).cellCount;
  const rowId = column(tasks, "行ID");
  // Someone sorts the table by hand, then adds to it: the additions belong to the rows as they stand.
  const [third, sixth] = [tasks.getRow(3).values, tasks.getRow(6).values];
  tasks.getRow(3).values = sixth;
  tasks.getRow(6).values = third;
  tasks.getCell(2, width + 1).value = "督办人";
  tasks.getCell(2, width + 2).value = "复核";
  tasks.getColumn(width + 1).width = 12;
  for (let row = 3; row <= 6; row++) {
    tasks.getCell(row, width + 1).value = `督办人${tasks.getCell(row, rowId).text}`;
    tasks.getCell(row, width + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    // A formula of the office's own, reading its row.
    tasks.getCell(row, width + 2).value = { formula: `LEN(${tasks.getCell(row, width + 1).address})` };
  }
  tasks.getCell(4, column(tasks, "任务")).note = "请分管领导关注";
  tasks.getCell(8, 1).value = "注：本表每月10日前更新。";
  const own = workbook.addWorksheet("督办说明");
  own.getCell("A1").value = "本台账由督查室维护";
  own.getCell("A2").value = { formula: `COUNTA('${SHEET_NAMES.tasks}'!A3:A6)` };
  const report = workbook.getWorksheet(SHEET_NAMES.report)!;
  report.eachRow((row) => row.eachCell((cell) => (cell.value = null)));
  report.getCell("A1").value = "关于2024年第三季度重点工作推进情况的通报";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("renderWorkbookOver", () => {
  it("keeps the office's sheet, columns by row, notes, lines below the table and the 通报, with the new figures", async () => {
    const first = ledger();
    const earlier = await withOfficeAdditions(await renderWorkbook(buildWorkbookPlan(first)));
    const next = {
      ...first,
      progress: [
        progressEntry({ rowId: first.rows[0]!.id, period: "2024-Q3", actual: 4, reportedBy: "市卫生健康委" }),
      ],
    };
    const { bytes, kept } = await renderWorkbookOver(buildWorkbookPlan(next), earlier);
    expect(kept).toEqual({
      sheets: ["督办说明"],
      formulas: 1,
      columns: ["任务清单：督办人", "任务清单：复核"],
      notes: 1,
      rowsBelow: 1,
      report: true,
      unplaced: 0,
    });

    const workbook = await load(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      SHEET_NAMES.tasks,
      SHEET_NAMES.progress,
      SHEET_NAMES.summary,
      SHEET_NAMES.report,
      SHEET_NAMES.settings,
      SHEET_NAMES.metadata,
      "督办说明",
    ]);
    const tasks = workbook.getWorksheet(SHEET_NAMES.tasks)!;
    const rowId = column(tasks, "行ID");
    const officer = column(tasks, "督办人");
    for (let row = 3; row <= 6; row++) {
      // Each added cell is back beside its own task, now in ledger order again.
      expect(tasks.getCell(row, officer).text).toBe(`督办人${tasks.getCell(row, rowId).text}`);
      expect(tasks.getCell(row, officer).fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
      expect(tasks.getCell(row, officer + 1).formula).toBe(`LEN(${tasks.getCell(row, officer).address})`);
    }
    const noted = [3, 4, 5, 6].find((row) => tasks.getCell(row, column(tasks, "任务")).note !== undefined);
    expect(noted).toBeDefined();
    expect(tasks.getCell(8, 1).text).toBe("注：本表每月10日前更新。");
    expect(workbook.getWorksheet("督办说明")!.getCell("A2").formula).toBe(
      `COUNTA('${SHEET_NAMES.tasks}'!A3:A6)`,
    );
    expect(workbook.getWorksheet(SHEET_NAMES.report)!.getCell("A1").text).toBe(
      "关于2024年第三季度重点工作推进情况的通报",
    );

    // Duban's own cells are the new ledger's: the report counts, the names resolve.
    const read = await readLedgerWorkbook(bytes);
    if (!read.ok) throw new Error(read.message);
    expect(read.ledger.progress.map((e) => e.actual)).toEqual([4]);
    expect(read.diagnostics.map((d) => d.code)).toEqual(["extra-column", "note-row"]);
    expect(read.diagnostics[0]?.message).toMatch(/督办人.*复核/);
    expect(workbook.definedNames.getRanges("DubanCompleteAt").ranges).toHaveLength(1);
  });

  it("draws the plan alone when the earlier file cannot be opened", async () => {
    const { bytes, kept } = await renderWorkbookOver(
      buildWorkbookPlan(ledger()),
      new TextEncoder().encode("坏文件"),
    );
    expect(kept.sheets).toEqual([]);
    expect((await readLedgerWorkbook(bytes)).ok).toBe(true);
  });
});
