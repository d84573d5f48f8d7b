import ExcelJS from "exceljs";
import JSZip from "jszip";
import { editForm, fillForm } from "../../../test/helpers/forms";
import { memoryIo, type MemoryIo } from "../../../test/helpers/memoryIo";
import { readGrids, readLedgerWorkbook } from "../../adapters/xlsx";
import { CHANGE_LOG_SHEET, readChangeLog } from "../../core/roundtrip";
import { TASK_COLUMNS } from "../../core/sheets";
import { EXIT } from "../command";
import { run } from "../run";

const WORK_POINTS =
  "1.加强基层。新建社区医院3家。（责任单位：市卫生健康委，市财政局）\n\n2.加强人才。6月底前招聘医生20名。（责任单位：市人社局）";
const HEALTH = "分发/填报-2024年第三季度-市卫生健康委.xlsx";
const FINANCE = "分发/填报-2024年第三季度-市财政局.xlsx";

async function splitWorld(): Promise<MemoryIo> {
  const io = memoryIo({ "要点.txt": WORK_POINTS });
  expect(await run(["build", "要点.txt", "-o", "台账.xlsx", "--period", "2024-Q3"], io)).toBe(0);
  expect(await run(["split", "台账.xlsx", "-o", "分发"], io)).toBe(0);
  return io;
}

const bytesAt = (io: MemoryIo, path: string): Uint8Array => {
  const found = io.files.get(path);
  if (!(found instanceof Uint8Array)) throw new Error(`nothing at ${path}`);
  return found;
};

async function ledgerAt(io: MemoryIo, path: string) {
  const read = await readLedgerWorkbook(bytesAt(io, path));
  if (!read.ok) throw new Error(read.message);
  return read.ledger;
}

describe("duban merge", () => {
  it("merges returned forms into the ledger, logs the changes, and names conflicts and missing units", async () => {
    const io = await splitWorld();
    io.files.set(
      "回/卫健委.xlsx",
      await fillForm(bytesAt(io, HEALTH), { "1": { actual: 2, progress: "已选址" } }),
    );
    io.files.set(
      "回/财政局.xlsx",
      await fillForm(bytesAt(io, FINANCE), { "1": { actual: 3, reportedStatus: "序时推进" } }),
    );
    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx", "回/财政局.xlsx"], io)).toBe(0);
    const out = io.out.join("");
    expect(out).toContain("收到 2 个文件，汇总 2 个，未汇总 0 个；变更 4 处");
    expect(out).toMatch(/冲突 1 处[\s\S]*完成值：市卫生健康委填“2”，市财政局填“3”/);
    expect(out).toContain("未报送单位 1 个：市人力资源社会保障局");
    expect(out).toContain("已写入“台账.xlsx”");

    const ledger = await ledgerAt(io, "台账.xlsx");
    const entries = ledger.progress.filter((e) => e.period === "2024-Q3");
    expect(entries.map((e) => [e.reportedBy, e.actual, e.progress])).toEqual([
      ["市财政局", 3, ""],
      ["市卫生健康委", 2, "已选址"],
    ]);
    const grids = await readGrids(bytesAt(io, "台账.xlsx"));
    if (!grids.ok) throw new Error(grids.message);
    expect(grids.grids.map((g) => g.name)).toContain(CHANGE_LOG_SHEET);
    expect(readChangeLog(grids.grids).map((c) => [c.fileName, c.unit, c.field, c.new])).toEqual([
      ["卫健委.xlsx", "市卫生健康委", "完成值", "2"],
      ["卫健委.xlsx", "市卫生健康委", "进展情况", "已选址"],
      ["财政局.xlsx", "市财政局", "完成值", "3"],
      ["财政局.xlsx", "市财政局", "状态", "序时推进"],
    ]);
  });

  it("changes nothing when the same file is merged again, and keeps the earlier log", async () => {
    const io = await splitWorld();
    io.files.set("回/卫健委.xlsx", await fillForm(bytesAt(io, HEALTH), { "1": { actual: 2 } }));
    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx"], io)).toBe(0);
    const once = bytesAt(io, "台账.xlsx");
    io.out.length = 0;
    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx"], io)).toBe(0);
    expect(io.out.join("")).toContain("没有新的变更，台账“台账.xlsx”未改动");
    expect(bytesAt(io, "台账.xlsx")).toBe(once);

    io.files.set("回/卫健委2.xlsx", await fillForm(bytesAt(io, HEALTH), { "1": { actual: 3 } }));
    expect(await run(["merge", "台账.xlsx", "回/卫健委2.xlsx"], io)).toBe(0);
    const grids = await readGrids(bytesAt(io, "台账.xlsx"));
    if (!grids.ok) throw new Error(grids.message);
    expect(readChangeLog(grids.grids).map((c) => [c.old, c.new])).toEqual([
      ["", "2"],
      ["2", "3"],
    ]);
  });

  it("leaves the ledger untouched when a file is refused, unless told to write elsewhere", async () => {
    const io = await splitWorld();
    const original = bytesAt(io, "台账.xlsx");
    io.files.set("回/卫健委.xlsx", await fillForm(bytesAt(io, HEALTH), { "1": { actual: 2 } }));
    io.files.set("回/坏.xlsx", "这不是表格");
    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx", "回/坏.xlsx", "回/缺.xlsx"], io)).toBe(1);
    const out = io.out.join("");
    expect(out).toContain("坏.xlsx：这不是 .xlsx 工作簿");
    expect(out).toContain("缺.xlsx：无法读取：文件不存在");
    expect(out).toContain("台账“台账.xlsx”未改动");
    expect(bytesAt(io, "台账.xlsx")).toBe(original);

    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx", "回/坏.xlsx", "-o", "汇总.xlsx"], io)).toBe(1);
    expect(bytesAt(io, "台账.xlsx")).toBe(original);
    const merged = await ledgerAt(io, "汇总.xlsx");
    expect(merged.progress.map((e) => e.actual)).toEqual([2]);
  });

  it("refuses a form sent for another ledger or another period", async () => {
    const io = await splitWorld();
    const other = memoryIo({ "要点.txt": `${WORK_POINTS}\n\n3.新增任务。（责任单位：市财政局）` });
    await run(["build", "要点.txt", "-o", "台账.xlsx", "--period", "2024-Q3"], other);
    await run(["split", "台账.xlsx", "-o", "分发"], other);
    io.files.set("回/别的台账.xlsx", await fillForm(bytesAt(other, FINANCE), { "1": { actual: 1 } }));
    await run(["split", "台账.xlsx", "-o", "上期", "--period", "2024-Q2"], io);
    io.files.set(
      "回/上期.xlsx",
      await fillForm(bytesAt(io, "上期/填报-2024年第二季度-市财政局.xlsx"), { "1": { actual: 1 } }),
    );
    io.files.set("回/台账本身.xlsx", bytesAt(io, "台账.xlsx"));
    expect(
      await run(["merge", "台账.xlsx", "回/别的台账.xlsx", "回/上期.xlsx", "回/台账本身.xlsx"], io),
    ).toBe(1);
    const out = io.out.join("");
    expect(out).toContain("别的台账.xlsx：这是另一份台账的填报文件");
    expect(out).toContain("上期.xlsx：这是2024年第二季度的填报文件，本次汇总的是2024年第三季度");
    expect(out).toContain("台账本身.xlsx：这是台账文件，不是分发给单位的填报文件");
  });

  it("merges reordered rows by ID, reports deleted rows as not returned, keeps typed formulas as text", async () => {
    const io = memoryIo({
      "要点.txt":
        "1.甲。新建A3家。（责任单位：市财政局）\n\n2.乙。新建B5家。（责任单位：市财政局）\n\n3.丙。新建C7家。（责任单位：市财政局）",
    });
    await run(["build", "要点.txt", "-o", "台账.xlsx", "--period", "2024-Q3"], io);
    await run(["split", "台账.xlsx", "-o", "分发"], io);
    const filled = await fillForm(bytesAt(io, FINANCE), {
      "1": { actual: { formula: "1+1", date1904: false }, progress: "=已完成一半" },
      "3": { actual: 6, problems: "@资金" },
    });
    io.files.set(
      "回/财政局.xlsx",
      await editForm(filled, (sheet) => {
        const third = sheet.getRow(5).values;
        const first = sheet.getRow(3).values;
        sheet.getRow(3).values = third;
        sheet.getRow(5).values = first;
        sheet.spliceRows(4, 1);
      }),
    );
    expect(await run(["merge", "台账.xlsx", "回/财政局.xlsx"], io)).toBe(0);
    const out = io.out.join("");
    expect(out).toContain("缺少 1 项任务（编号 2），按未报送计");
    expect(out).toContain("M4、O4中以“=”开头的内容（公式或文字）已按文字保存，不作计算");
    // The 完成值 typed as a formula is kept as text, and named to be checked.
    expect(out).toMatch(/需核实 1 项[^\n]*\n {2}编号 1（[^）]*）：完成值不是数字，按“[^”]+”统计/);
    const ledger = await ledgerAt(io, "台账.xlsx");
    const byNumber = new Map(ledger.rows.map((r) => [r.id, r.number]));
    expect(
      ledger.progress.map((e) => [byNumber.get(e.rowId), e.actual ?? e.actualText, e.progress, e.problems]),
    ).toEqual([
      ["1", "=1+1", "=已完成一半", ""],
      ["3", 6, "", "@资金"],
    ]);
  });

  it("passes on what it noticed reading the ledger", async () => {
    const io = await splitWorld();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesAt(io, "台账.xlsx").slice().buffer);
    workbook.getWorksheet("任务清单")?.spliceColumns(TASK_COLUMNS.findIndex((c) => c.key === "rowId") + 1, 1);
    io.files.set("台账.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    io.files.set("回/卫健委.xlsx", await fillForm(bytesAt(io, HEALTH), { "1": { actual: 2 } }));
    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx"], io)).toBe(0);
    expect(io.err.join("")).toContain("[警告] “任务清单”缺少隐藏的“行ID”列");
  });

  it("lets one merge of a ledger run at a time: the second is refused and merges cleanly once rerun", async () => {
    const io = await splitWorld();
    io.files.set("回/卫健委.xlsx", await fillForm(bytesAt(io, HEALTH), { "1": { actual: 2 } }));
    io.files.set("回/财政局.xlsx", await fillForm(bytesAt(io, FINANCE), { "1": { progress: "已拨付" } }));
    const [first, second] = await Promise.all([
      run(["merge", "台账.xlsx", "回/卫健委.xlsx"], io),
      run(["merge", "台账.xlsx", "回/财政局.xlsx"], io),
    ]);
    expect([first, second]).toEqual([EXIT.ok, EXIT.cannotWrite]);
    expect(io.err.join("")).toMatch(/无法汇总“台账.xlsx”：另一个督办台账程序正在处理这份台账/);
    expect(await run(["merge", "台账.xlsx", "回/财政局.xlsx"], io)).toBe(0);
    const entries = (await ledgerAt(io, "台账.xlsx")).progress;
    expect(entries.map((e) => [e.reportedBy, e.actual ?? null, e.progress])).toEqual([
      ["市财政局", null, "已拨付"],
      ["市卫生健康委", 2, ""],
    ]);
  });

  it("refuses to write over a ledger someone saved while the merge ran, and keeps a backup of each version it replaces", async () => {
    const io = await splitWorld();
    const original = bytesAt(io, "台账.xlsx");
    io.files.set("回/卫健委.xlsx", await fillForm(bytesAt(io, HEALTH), { "1": { actual: 2 } }));
    // Saved in Excel while the merge reads the returned file.
    const savedMeanwhile = new Uint8Array([...original, 0]);
    const readFile = io.readFile;
    io.readFile = async (path) => {
      if (path === "回/卫健委.xlsx") io.files.set("台账.xlsx", savedMeanwhile);
      return readFile(path);
    };
    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx"], io)).toBe(EXIT.cannotWrite);
    expect(io.err.join("")).toContain("在汇总期间被修改或移走");
    expect(bytesAt(io, "台账.xlsx")).toBe(savedMeanwhile);
    expect([...io.files.keys()].filter((k) => k.startsWith("台账备份/"))).toEqual([]);

    io.readFile = readFile;
    io.files.set("台账.xlsx", original);
    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx"], io)).toBe(0);
    const backups = [...io.files.keys()].filter((k) => k.startsWith("台账备份/台账-"));
    expect(backups).toHaveLength(1);
    expect(bytesAt(io, backups[0] ?? "")).toBe(original);
    expect(io.out.join("")).toContain(`原文件备份为“${backups[0]}”`);
  });

  it("writes nothing when no file could be merged, even with -o", async () => {
    const io = await splitWorld();
    io.files.set("回/坏.xlsx", "这不是表格");
    expect(await run(["merge", "台账.xlsx", "回/坏.xlsx", "-o", "汇总.xlsx"], io)).toBe(1);
    expect(io.files.has("汇总.xlsx")).toBe(false);
    expect(io.out.join("")).toContain("没有可汇总的文件，未写入“汇总.xlsx”");
    expect(io.out.join("")).not.toContain("已写入");
  });

  it("keeps the office's own sheet, column and formulas through a merge, and says what it kept", async () => {
    const io = await splitWorld();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesAt(io, "台账.xlsx").slice().buffer);
    const tasks = workbook.getWorksheet("任务清单")!;
    const header = tasks.getRow(2).values as unknown[];
    const added = header.length;
    tasks.getCell(2, added).value = "督办人";
    tasks.getCell(3, added).value = "张三";
    workbook.addWorksheet("我的统计").getCell("A1").value = { formula: "COUNTA(任务清单!A:A)", result: 4 };
    io.files.set("台账.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    io.files.set("回/卫健委.xlsx", await fillForm(bytesAt(io, HEALTH), { "1": { actual: 2 } }));
    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx"], io)).toBe(0);
    expect(io.out.join("")).toContain("保留了原有的工作表“我的统计”、“任务清单”中的“督办人”列。");
    const merged = new ExcelJS.Workbook();
    await merged.xlsx.load(bytesAt(io, "台账.xlsx").slice().buffer);
    expect(merged.getWorksheet("我的统计")!.getCell("A1").formula).toBe("COUNTA(任务清单!A:A)");
    const mergedTasks = merged.getWorksheet("任务清单")!;
    expect(mergedTasks.getCell(2, added).text).toBe("督办人");
    expect(mergedTasks.getCell(3, added).text).toBe("张三");
    expect((await ledgerAt(io, "台账.xlsx")).progress.map((e) => e.actual)).toEqual([2]);
  });

  it("will not rewrite a ledger in place when the rewrite would lose a chart, and says so before writing", async () => {
    const io = await splitWorld();
    const zip = await JSZip.loadAsync(bytesAt(io, "台账.xlsx"));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    const withChart = await zip.generateAsync({ type: "uint8array" });
    io.files.set("台账.xlsx", withChart);
    io.files.set("回/卫健委.xlsx", await fillForm(bytesAt(io, HEALTH), { "1": { actual: 2 } }));
    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx"], io)).toBe(1);
    expect(io.out.join("")).toContain("中有图表，命令行汇总重写文件时无法保留，台账未改动");
    expect(bytesAt(io, "台账.xlsx")).toBe(withChart);
    expect(await run(["merge", "台账.xlsx", "回/卫健委.xlsx", "-o", "汇总.xlsx"], io)).toBe(0);
    expect(io.err.join("")).toContain("[警告] 原台账中的图表不会出现在“汇总.xlsx”中");
  });
});
