import ExcelJS from "exceljs";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { memoryIo } from "../../../test/helpers/memoryIo";
import { readLedgerWorkbook } from "../../adapters/xlsx";
import { IMPORTED_REPORTER } from "../../core/adopt";
import { run } from "../run";

async function ledgerAt(io: ReturnType<typeof memoryIo>, path: string) {
  const bytes = io.files.get(path);
  if (!(bytes instanceof Uint8Array)) throw new Error(`nothing written at ${path}`);
  const read = await readLedgerWorkbook(bytes);
  if (!read.ok) throw new Error(read.message);
  return read.ledger;
}

async function taskWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("封面").addRow(["2024年任务分解"]);
  const sheet = workbook.addWorksheet("任务分解");
  sheet.addRow(["2024年卫生健康重点工作任务分解表"]);
  sheet.mergeCells("A1:F1");
  sheet.addRow(["序号", "重点任务", "责任单位", "", "完成时限", "进展情况"]);
  sheet.addRow(["", "", "牵头单位", "配合单位", "", ""]);
  sheet.mergeCells("C2:D2");
  sheet.mergeCells("A2:A3");
  sheet.addRow([1, "新建社区医院3家", "市卫健委", "市发改委", "2024年12月底", "已建成2家"]);
  sheet.addRow([2, "开展老年人免费体检", "市疾控中心", "", "2024年6月底", "已完成"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("duban build with the office's own task table", () => {
  it("adopts an .xlsx: the sheet that holds the table, two-row header, progress as imported reports", async () => {
    const io = memoryIo({ "任务表.xlsx": await taskWorkbook() });
    expect(await run(["build", "任务表.xlsx", "-o", "台账.xlsx", "--period", "2024-Q3"], io)).toBe(0);
    expect(io.out.join("")).toContain("2 项任务");
    const notes = io.err.join("");
    expect(notes).toContain("按“任务分解”中的任务表读取");
    expect(notes).toContain("C列“责任单位/牵头单位”→牵头单位；D列“责任单位/配合单位”→配合单位");
    expect(notes).toContain(`报送人记为“${IMPORTED_REPORTER}”`);
    const ledger = await ledgerAt(io, "台账.xlsx");
    expect(ledger.rows.map((r) => [r.leadUnits, r.coUnits, r.deadline])).toEqual([
      [["市卫生健康委"], ["市发展改革委"], "2024-12-31"],
      [["市疾控中心"], [], "2024-06-30"],
    ]);
    expect(ledger.rows[0]?.source).toBe("任务表.xlsx（任务分解）“任务分解”工作表第4行");
    expect(ledger.progress.map((p) => [p.progress, p.reportedBy])).toEqual([
      ["已建成2家", IMPORTED_REPORTER],
      ["已完成", IMPORTED_REPORTER],
    ]);
  });

  it("--sheet and --range choose the table; a wrong sheet is named with the ones there are", async () => {
    const io = memoryIo({ "任务表.xlsx": await taskWorkbook() });
    expect(
      await run(["build", "任务表.xlsx", "-o", "a.xlsx", "--sheet", "任务分解", "--range", "A2:F4"], io),
    ).toBe(0);
    expect((await ledgerAt(io, "a.xlsx")).rows).toHaveLength(1);
    expect(await run(["build", "任务表.xlsx", "-o", "b.xlsx", "--sheet", "第二张"], io)).not.toBe(0);
    expect(io.err.join("")).toContain("没有名为“第二张”的工作表（有：“封面”、“任务分解”）");
    expect(io.files.has("b.xlsx")).toBe(false);
  });

  it("adopts a .csv, and says so when it has no header", async () => {
    const io = memoryIo({
      "表.csv": "\uFEFF序号,工作任务,牵头单位,完成时限\n1,新建社区医院3家,市卫健委,2024年12月底\n",
      "乱.csv": "甲,乙\n1,2\n",
    });
    expect(await run(["build", "表.csv", "-o", "c.xlsx", "--period", "2024-Q3"], io)).toBe(0);
    expect((await ledgerAt(io, "c.xlsx")).rows[0]).toMatchObject({ target: 3, leadUnits: ["市卫生健康委"] });
    expect(await run(["build", "乱.csv", "-o", "d.xlsx"], io)).not.toBe(0);
    expect(io.err.join("")).toContain("没有找到任务表的表头");
    expect(io.files.has("d.xlsx")).toBe(false);
  });

  it("a .docx is read by its task table, or as a document when it has none", async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const row = (...cells: string[]) => new TableRow({ children: cells.map(cell) });
    const table = new Document({
      sections: [
        {
          children: [
            new Paragraph("附件：重点任务分解表"),
            new Table({
              rows: [
                row("序号", "工作任务", "牵头单位", "配合单位", "完成时限"),
                row("1", "新建社区医院3家", "市卫健委", "市财政局", "2024年12月底"),
                row("2", "招聘医生20名", "市人社局", "", "2024年6月底"),
              ],
            }),
          ],
        },
      ],
    });
    const prose = new Document({
      sections: [{ children: [new Paragraph("1.加强基层。新建社区医院3家。（责任单位：市卫生健康委）")] }],
    });
    const io = memoryIo({
      "分解表.docx": new Uint8Array(await Packer.toBuffer(table)),
      "要点.docx": new Uint8Array(await Packer.toBuffer(prose)),
    });
    expect(await run(["build", "分解表.docx", "-o", "e.xlsx", "--period", "2024-Q3"], io)).toBe(0);
    expect(io.err.join("")).toContain("按任务表读取");
    expect((await ledgerAt(io, "e.xlsx")).rows.map((r) => r.coUnits)).toEqual([["市财政局"], []]);
    expect(await run(["build", "要点.docx", "-o", "f.xlsx", "--period", "2024-Q3"], io)).toBe(0);
    expect((await ledgerAt(io, "f.xlsx")).rows[0]).toMatchObject({ target: 3 });
  });

  it("--columns changes a column's role, and next month the ledger remembers it", async () => {
    const io = memoryIo({
      "表.csv": "序号,工作任务,主办,时间\n1,新建社区医院3家,市卫健委,2024年12月底\n",
    });
    // 主办 is no header word of the genre: until someone maps it, the row has no lead unit.
    expect(await run(["build", "表.csv", "-o", "台账.xlsx", "--period", "2024-Q3"], io)).toBe(0);
    expect((await ledgerAt(io, "台账.xlsx")).rows[0]?.leadUnits).toEqual([]);
    expect(
      await run(["build", "表.csv", "-o", "台账.xlsx", "--period", "2024-Q3", "--columns", "C=牵头单位"], io),
    ).toBe(0);
    expect((await ledgerAt(io, "台账.xlsx")).tableColumns?.map((c) => c.role)).toEqual([
      "number",
      "task",
      "lead",
      "deadline",
    ]);
    expect(await run(["build", "表.csv", "-o", "台账.xlsx", "--period", "2024-Q3"], io)).toBe(0);
    expect((await ledgerAt(io, "台账.xlsx")).rows[0]?.leadUnits).toEqual(["市卫生健康委"]);
    expect(await run(["build", "表.csv", "-o", "x.xlsx", "--columns", "C=领导们"], io)).not.toBe(0);
    expect(io.err.join("")).toContain("--columns 中的“C=领导们”无法识别");
  });
});
