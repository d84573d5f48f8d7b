import ExcelJS from "exceljs";
import type { Ledger } from "../../core/model";
import { buildLedger } from "../../core/plan";
import { sampleProgress } from "../../core/progress";
import { buildWorkbookPlan } from "../../core/sheets";
import { readGrids, readLedgerWorkbook, renderWorkbook } from ".";
import { workPoints } from "../../../test/helpers/documents";
import { asPeriod, asReadBack, ledgerOf, ledgerRow, progressEntry } from "../../../test/helpers/ledger";

function ledgerFromFixture(): Ledger {
  const result = buildLedger([workPoints()], { period: asPeriod("2024-Q3") });
  if (!result.ok) throw new Error(result.message);
  return result.ledger;
}

async function roundTrip(ledger: Ledger) {
  const bytes = await renderWorkbook(buildWorkbookPlan(ledger));
  const read = await readLedgerWorkbook(bytes);
  if (!read.ok) throw new Error(read.message);
  return read;
}

/** The address of a table cell by its column's header (row 2) and its row, as a reader finds it. */
function at(sheet: ExcelJS.Worksheet, header: string, row: number): string {
  let found: string | undefined;
  sheet.getRow(2).eachCell((cell) => {
    if (cell.value === header) found = cell.address.replace(/\d+$/, "");
  });
  if (!found) throw new Error(`no column ${header} in ${sheet.name}`);
  return `${found}${row}`;
}

async function edit(bytes: Uint8Array, change: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  change(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("xlsx round trip", () => {
  it("reads back the ledger it wrote: rows, documents, identity and progress", async () => {
    const ledger = ledgerFromFixture();
    ledger.progress = [
      progressEntry({
        rowId: "wp2024-T001-I01",
        period: "2024-Q3",
        actual: 3,
        status: "序时推进",
        progress: "已完成2个专科评审",
        problems: "经费未到位",
        reportedBy: "市卫生健康委",
        reportedAt: "2024-10-05T09:00:00+08:00",
      }),
      progressEntry({ rowId: "wp2024-T002", period: "2024-Q2", status: "进度滞后", progress: "招标延期" }),
      progressEntry({
        rowId: "wp2024-T001-I01",
        period: "2024-Q2",
        actual: 1,
        progress: "",
        reportedBy: "市卫生健康委",
      }),
      progressEntry({ rowId: "wp2024-T003-I01", period: "2024-Q3", actual: 150.5, progress: "监测正常" }),
    ];
    const { ledger: read, diagnostics } = await roundTrip(ledger);
    expect(diagnostics).toEqual([]);
    expect(read).toEqual(asReadBack(ledger));
  });

  it("keeps the 通报 settings an office types into 设置, and writes them back", async () => {
    const bytes = await renderWorkbook(buildWorkbookPlan(ledgerFromFixture()));
    const unset = await readLedgerWorkbook(bytes);
    expect(unset.ok && unset.ledger.reportSettings).toBeUndefined();
    expect(unset.ok && unset.ledger.statusOptions?.rankMinTasks).toBe(3);
    const typed = await edit(bytes, (workbook) => {
      const settings = workbook.getWorksheet("设置");
      settings?.eachRow((row) => {
        const label = row.getCell(1).value;
        if (label === "发文单位") row.getCell(2).value = "市卫生健康委办公室";
        if (label === "主送单位") row.getCell(2).value = "=委机关各处室";
        if (label === "排名最少任务数") row.getCell(2).value = 1;
      });
    });
    const read = await readLedgerWorkbook(typed);
    if (!read.ok) throw new Error(read.message);
    expect(read.ledger.reportSettings).toEqual({ issuer: "市卫生健康委办公室", recipients: "=委机关各处室" });
    expect(read.ledger.statusOptions?.rankMinTasks).toBe(1);
    const again = await roundTrip(read.ledger);
    expect(again.ledger.reportSettings).toEqual(read.ledger.reportSettings);
    expect(again.ledger.statusOptions?.rankMinTasks).toBe(1);
  });

  it("keeps Chinese text, empty cells and text that looks like a formula exactly", async () => {
    const awkward = [
      '=HYPERLINK("http://x","点我")',
      "+86 028",
      "-5%以内",
      "@所有人",
      "  前后空格  ",
      "第一行\n第二行",
      "“引号”与'单引号'",
    ];
    const rows = awkward.map((text, i) =>
      ledgerRow({
        id: `r${i}`,
        number: text,
        task: text,
        metric: i % 2 ? "" : text,
        section: "",
        source: text,
        leadUnits: i % 3 ? [] : ["市卫生健康委", "市疾控中心"],
        note: text,
      }),
    );
    const progress = awkward.map((text, i) =>
      progressEntry({ rowId: `r${i}`, period: "2024-Q1", progress: text, problems: text, reportedBy: text }),
    );
    const ledger = ledgerOf(rows, progress);
    const { ledger: read } = await roundTrip(ledger);
    expect(read).toEqual(asReadBack(ledger));
  });

  it("writes text beginning with = + - @ as strings, never as formulas", async () => {
    const ledger = ledgerOf(
      [ledgerRow({ id: "r1", task: "=1+1", metric: "@SUM(A1)", source: "+A1", number: "-1" })],
      [],
    );
    const bytes = await renderWorkbook(buildWorkbookPlan(ledger));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet("任务清单")!;
    for (const [header, text] of [
      ["编号", "-1"],
      ["任务", "=1+1"],
      ["指标", "@SUM(A1)"],
      ["来源", "+A1"],
    ] as const) {
      const cell = sheet.getCell(at(sheet, header, 3));
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
    }
  });

  it("round-trips more than a thousand rows with a year of progress", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) =>
      ledgerRow({
        id: `row-${i}`,
        number: String(i + 1),
        section: `${"一二三四五"[i % 5]}、篇章`,
        task: `第${i + 1}项任务：推进医疗卫生服务体系建设`,
        metric: i % 4 === 0 ? "" : `指标${i}`,
        ...(i % 4 === 0
          ? {}
          : { op: i % 7 === 0 ? "<=" : ">=", target: (i % 50) + 1, unit: i % 2 ? "%" : "个" }),
        deadline: i % 3 ? "2024-12-31" : "2024-06-30",
        leadUnits: [`单位${i % 17}`],
        coUnits: i % 5 ? [`单位${(i + 3) % 17}`] : [],
      }),
    );
    const ledger = ledgerOf(rows, []);
    ledger.progress = sampleProgress(ledger, asPeriod("2024-Q3")) ?? [];
    expect(ledger.progress.length).toBeGreaterThan(3000);
    const { ledger: read, diagnostics } = await roundTrip(ledger);
    expect(diagnostics).toEqual([]);
    expect(read).toEqual(asReadBack(ledger));
  });

  it("hides _duban from the sheet tabs (veryHidden) and freezes the table headers", async () => {
    const bytes = await renderWorkbook(buildWorkbookPlan(ledgerFromFixture()));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["任务清单", "visible"],
      ["进度填报", "visible"],
      ["单位汇总", "visible"],
      ["通报", "visible"],
      ["设置", "visible"],
      ["_duban", "veryHidden"],
    ]);
    expect(workbook.getWorksheet("任务清单")!.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(workbook.getWorksheet("通报")!.getCell("A3").value).toBe("2024年第三季度尚未生成通报。");
  });
});

describe("reading grids", () => {
  it("reads formula results, a count of 0 included", async () => {
    const ledger = ledgerFromFixture();
    const read = await readGrids(await renderWorkbook(buildWorkbookPlan(ledger)));
    if (!read.ok) throw new Error(read.message);
    const summary = read.grids.find((g) => g.name === "单位汇总")!;
    const unitRow = summary.rows.find((row) => row?.[0] === "市卫生健康委")!;
    // Leads 1-1, 1-2 and 2 (jointly); nobody reported, so all three are 未报送 and 完成率 is 0.
    expect(unitRow.slice(1, 9)).toEqual([3, 0, 0, 0, 0, 0, 3, 0]);
  });
});

describe("reading what people do to a workbook", () => {
  async function written(): Promise<{ ledger: Ledger; bytes: Uint8Array }> {
    const ledger = ledgerFromFixture();
    ledger.progress = [
      progressEntry({
        rowId: "wp2024-T001-I01",
        period: "2024-Q3",
        actual: 3,
        progress: "推进中",
        reportedBy: "市卫生健康委",
      }),
    ];
    return { ledger, bytes: await renderWorkbook(buildWorkbookPlan(ledger)) };
  }

  it("reads reordered rows and an inserted column the same, naming the extra column", async () => {
    const { ledger, bytes } = await written();
    const edited = await edit(bytes, (workbook) => {
      const sheet = workbook.getWorksheet("任务清单")!;
      const first = sheet.getRow(3).values;
      const last = sheet.getRow(6).values;
      sheet.getRow(3).values = last;
      sheet.getRow(6).values = first;
      sheet.spliceColumns(3, 0, ["", "督办人", "张三", "李四", "王五", "赵六"]);
      const progress = workbook.getWorksheet("进度填报")!;
      progress.spliceColumns(1, 0, ["", "序号", 1, 2, 3, 4]);
    });
    const read = await readLedgerWorkbook(edited);
    if (!read.ok) throw new Error(read.message);
    expect(read.ledger).toEqual(asReadBack(ledger));
    expect(read.diagnostics.map((d) => [d.code, d.at?.kind === "cell" ? d.at.sheet : undefined])).toEqual([
      ["extra-column", "任务清单"],
      ["extra-column", "进度填报"],
    ]);
    expect(read.diagnostics[0]?.message).toContain("督办人");
  });

  it("keeps notes typed into number cells, with a diagnostic naming the cell", async () => {
    const { bytes } = await written();
    const cells: string[] = [];
    const edited = await edit(bytes, (workbook) => {
      const tasks = workbook.getWorksheet("任务清单")!;
      const progress = workbook.getWorksheet("进度填报")!;
      for (const [sheet, header, row, text] of [
        [tasks, "目标值", 3, "约5个"],
        [tasks, "时限", 4, "年内"],
        [progress, "完成值", 3, "3（含在建1个）"],
        [progress, "完成值", 4, "已完成验收"],
        [progress, "填报状态", 5, "完成"],
        [progress, "填报状态", 6, "差不多"],
      ] as const) {
        const address = at(sheet, header, row);
        sheet.getCell(address).value = text;
        cells.push(address);
      }
    });
    const read = await readLedgerWorkbook(edited);
    if (!read.ok) throw new Error(read.message);
    const [specialties, rate] = read.ledger.rows;
    // A target the formulas cannot divide by is no target to the core either: kept in 备注.
    expect(specialties).toMatchObject({ note: "目标值原文：约5个" });
    expect(specialties?.target).toBeUndefined();
    expect(rate?.deadline).toBeUndefined();
    expect(rate?.note).toBe("时限原文：年内");
    const byRow = new Map(read.ledger.progress.map((e) => [e.rowId, e]));
    // Text in 完成值 is kept as sent, never read as the number it may hold, and not counted.
    expect(byRow.get("wp2024-T001-I01")).toMatchObject({ actualText: "3（含在建1个）", progress: "推进中" });
    expect(byRow.get("wp2024-T001-I01")?.actual).toBeUndefined();
    expect(byRow.get("wp2024-T001-I02")).toMatchObject({ actualText: "已完成验收" });
    expect(byRow.get("wp2024-T002")).toMatchObject({ statusText: "完成" });
    expect(byRow.get("wp2024-T003-I01")).toMatchObject({ statusText: "差不多" });
    expect(read.diagnostics.map((d) => [d.code, d.at?.kind === "cell" ? d.at.cell : undefined])).toEqual([
      ["text-in-number", cells[0]],
      ["unreadable-date", cells[1]],
      ["text-in-number", cells[2]],
      ["text-in-number", cells[3]],
      ["unknown-status", cells[4]],
      ["unknown-status", cells[5]],
    ]);
  });

  it("reads a percentage typed as 85% in a number cell as 85", async () => {
    const { bytes } = await written();
    const edited = await edit(bytes, (workbook) => {
      const sheet = workbook.getWorksheet("进度填报")!;
      const cell = sheet.getCell(at(sheet, "完成值", 4));
      cell.value = 0.85;
      cell.numFmt = "0%";
    });
    const read = await readLedgerWorkbook(edited);
    if (!read.ok) throw new Error(read.message);
    expect(read.ledger.progress.find((e) => e.rowId === "wp2024-T001-I02")?.actual).toBe(85);
  });

  it("gives added and copied rows IDs of their own and reports deleted rows", async () => {
    const { bytes } = await written();
    const edited = await edit(bytes, (workbook) => {
      const tasks = workbook.getWorksheet("任务清单")!;
      const copy = tasks.getRow(3).values;
      tasks.getRow(7).values = copy;
      tasks.getCell("A8").value = "9";
      tasks.getCell("B8").value = "三、新增篇章";
      tasks.getCell("C8").value = "新增的任务";
      tasks.spliceRows(5, 1);
    });
    const read = await readLedgerWorkbook(edited);
    if (!read.ok) throw new Error(read.message);
    expect(read.ledger.rows.map((r) => r.id)).toEqual([
      "wp2024-T001-I01",
      "wp2024-T001-I02",
      "wp2024-T003-I01",
      "wp2024-T001-I01-copy",
      expect.stringMatching(/-M[0-9a-z]+$/),
    ]);
    expect(read.ledger.rows[4]).toMatchObject({ number: "9", task: "新增的任务", leadUnits: [] });
    expect(read.diagnostics.map((d) => d.code)).toEqual(["row-copied", "row-added", "row-removed"]);
    expect(read.diagnostics[2]?.message).toContain("编号 2");
    expect(read.ledger.progress).toHaveLength(1);
  });

  it("finds rows by 编号 when the hidden ID column is deleted", async () => {
    const { ledger, bytes } = await written();
    const edited = await edit(bytes, (workbook) => {
      const sheet = workbook.getWorksheet("任务清单")!;
      sheet.spliceColumns(sheet.getColumn(at(sheet, "行ID", 2).replace(/\d+$/, "")).number, 1);
    });
    const read = await readLedgerWorkbook(edited);
    if (!read.ok) throw new Error(read.message);
    expect(read.ledger.rows).toEqual(ledger.rows);
    expect(read.diagnostics[0]?.code).toBe("missing-column");
  });

  it("keeps progress it cannot place, and reads a period typed as a date", async () => {
    const { bytes } = await written();
    let idCell = "";
    const edited = await edit(bytes, (workbook) => {
      const progress = workbook.getWorksheet("进度填报")!;
      idCell = at(progress, "行ID", 4);
      progress.getCell(idCell).value = "no-such-row";
      progress.getCell(at(progress, "编号", 4)).value = "99";
      progress.getCell(at(progress, "完成值", 4)).value = 7;
      progress.getCell("A5").value = new Date(Date.UTC(2024, 8, 1));
      progress.getCell(at(progress, "完成值", 5)).value = 1;
      progress.getCell("A6").value = "三季度";
      progress.getCell(at(progress, "完成值", 6)).value = 2;
    });
    const read = await readLedgerWorkbook(edited);
    if (!read.ok) throw new Error(read.message);
    const entries = read.ledger.progress.map(
      (e): { rowId: string; period: string; actual: number | undefined } => ({
        rowId: e.rowId,
        period: e.period,
        actual: e.actual,
      }),
    );
    expect(entries).toEqual([
      { rowId: "wp2024-T002", period: "2024-09", actual: 1 },
      { rowId: "wp2024-T001-I01", period: "2024-Q3", actual: 3 },
      { rowId: "no-such-row", period: "2024-Q3", actual: 7 },
      { rowId: "wp2024-T003-I01", period: "三季度", actual: 2 },
    ]);
    expect(read.diagnostics.map((d) => [d.code, d.at?.kind === "cell" ? d.at.cell : undefined])).toEqual([
      ["progress-without-row", idCell],
      ["unreadable-period", "A6"],
    ]);
  });

  it("refuses files that are not 台账 workbooks, with a Chinese message", async () => {
    expect(await readLedgerWorkbook(new TextEncoder().encode("not a zip"))).toMatchObject({
      ok: false,
      code: "unreadable-workbook",
    });
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Sheet1").getCell("A1").value = "hello";
    const bytes = new Uint8Array(await plain.xlsx.writeBuffer());
    const read = await readLedgerWorkbook(bytes);
    expect(read).toMatchObject({ ok: false, code: "not-a-ledger" });
    expect(read.ok ? "" : read.message).toMatch(/不是督办台账生成的台账/);
  });
});
