import ExcelJS from "exceljs";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { docxBomb } from "../../../test/helpers/zip";
import { adoptTable } from "../../core/adopt";
import { readTableFile } from "./read";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function read(bytes: Uint8Array, name: string) {
  const result = await readTableFile(bytes, name);
  if (!result.ok) throw new Error(result.message);
  return result.grids;
}

describe(".csv", () => {
  test("UTF-8 with Excel's BOM, quoted cells holding commas and line breaks", async () => {
    const text =
      '\uFEFF来源：http://example.gov.cn\n序号,工作任务,牵头单位,完成时限\n1,"新建社区医院3家，\n完善设施","市卫健委,市发改委",2024年12月底\n';
    const [grid] = await read(utf8(text), "任务表.csv");
    expect(grid?.rows[0]).toEqual(["来源：http://example.gov.cn"]);
    expect(grid?.rows[2]).toEqual(["1", "新建社区医院3家，\n完善设施", "市卫健委,市发改委", "2024年12月底"]);
  });

  test("GB18030, as Excel in Chinese Windows saves a .csv", async () => {
    // 序号,工作任务,责任单位 / 1,开展体检,市疾控中心 in GBK bytes.
    const gbk = Uint8Array.from(
      Buffer.from(
        "d0f2bac52cb9a4d7f7c8cecef12cd4f0c8ceb5a5cebb0d0a312cbfaad5b9cce5bcec2ccad0bcb2bfd8d6d0d0c40d0a",
        "hex",
      ),
    );
    const [grid] = await read(gbk, "任务表.csv");
    expect(grid?.rows.slice(0, 2)).toEqual([
      ["序号", "工作任务", "责任单位"],
      ["1", "开展体检", "市疾控中心"],
    ]);
  });
});

test(".xlsx: every visible sheet, cells as shown, merges kept", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务分解");
  sheet.addRow(["2024年任务分解表"]);
  sheet.mergeCells("A1:D1");
  sheet.addRow(["序号", "工作任务", "牵头单位", "完成时限"]);
  sheet.addRow([1, "新建社区医院3家", "市卫健委", new Date(Date.UTC(2024, 11, 31))]);
  sheet.addRow([2, "开展免费体检", null, "年底前"]);
  sheet.mergeCells("C3:C4");
  workbook.addWorksheet("说明").state = "hidden";
  const grids = await read(new Uint8Array(await workbook.xlsx.writeBuffer()), "任务表.xlsx");
  expect(grids.map((g) => g.sheet)).toEqual(["任务分解"]);
  const [grid] = grids;
  expect(grid?.rows[2]).toEqual(["1", "新建社区医院3家", "市卫健委", "2024年12月31日"]);
  expect(grid?.merges).toEqual(
    expect.arrayContaining([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 2, left: 2, bottom: 3, right: 2 },
    ]),
  );
  const adopted = grid && adoptTable(grid, { fallbackYear: 2024 });
  expect(adopted?.ok && adopted.table.plan.tasks.map((t) => [t.leadUnits, t.deadline])).toEqual([
    [["市卫健委"], "2024-12-31"],
    [["市卫健委"], "2024-12-31"],
  ]);
});

test(".docx: each table, laid out with its rowspans and colspans, under the paragraphs above it", async () => {
  const cell = (text: string, span: { rowSpan?: number; columnSpan?: number } = {}) =>
    new TableCell({ children: text.split("\n").map((line) => new Paragraph(line)), ...span });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph("来源：http://example.gov.cn"),
          new Paragraph("2024年任务分解表"),
          new Table({
            rows: [
              new TableRow({
                children: [
                  cell("序号", { rowSpan: 2 }),
                  cell("任务", { rowSpan: 2 }),
                  cell("责任单位", { columnSpan: 2 }),
                ],
              }),
              new TableRow({ children: [cell("牵头单位"), cell("配合单位")] }),
              new TableRow({
                children: [
                  cell("1"),
                  cell("新建社区医院3家\n完善设施"),
                  cell("甲局", { rowSpan: 2 }),
                  cell("乙局"),
                ],
              }),
              new TableRow({ children: [cell("2"), cell("开展体检"), cell("丙局")] }),
            ],
          }),
        ],
      },
    ],
  });
  const [grid] = await read(new Uint8Array(await Packer.toBuffer(doc)), "分解表.docx");
  expect(grid?.rows).toEqual([
    ["来源：http://example.gov.cn"],
    ["2024年任务分解表"],
    ["序号", "任务", "责任单位", ""],
    ["", "", "牵头单位", "配合单位"],
    ["1", "新建社区医院3家\n完善设施", "甲局", "乙局"],
    ["2", "开展体检", "", "丙局"],
  ]);
  const adopted = grid && adoptTable(grid, { fallbackYear: 2024 });
  expect(adopted?.ok && adopted.table.plan.tasks.map((t) => [t.title, t.leadUnits, t.coUnits])).toEqual([
    ["新建社区医院3家", ["甲局"], ["乙局"]],
    ["开展体检", ["甲局"], ["丙局"]],
  ]);
});

describe("files that are no table get a clear message", () => {
  test.each([
    ["empty", new Uint8Array(), "任务表.xlsx", "是空文件"],
    ["binary", Uint8Array.from([0, 1, 2, 3, 0, 0, 7, 8]), "任务表.csv", "不是文本文件"],
    ["old .xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), "任务表.xlsx", "旧版 .xls"],
    ["not a zip", utf8("序号,任务"), "任务表.xlsx", "不是有效的"],
  ])("%s", async (_, bytes, name, words) => {
    const result = await readTableFile(bytes, name);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(words);
  });

  test("a zip bomb is refused before it is inflated", async () => {
    const result = await readTableFile(docxBomb(48, { lie: true }), "任务表.xlsx");
    expect(!result.ok && result.message).toMatch(/解压后超过 32 MB/);
  });

  test("a Word document without tables", async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph("一、加强基层建设")] }] });
    const result = await readTableFile(new Uint8Array(await Packer.toBuffer(doc)), "方案.docx");
    expect(!result.ok && result.message).toContain("没有表格");
  });
});
