// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

import { adoptTable } from "../../core/adopt";
import { detectCapabilities } from "./capabilities";
import { mergedRanges, readTableFromWorkbook } from "./table";
import { FakeExcel } from "./testing/fakeExcel";

const TABLE = [
  [],
  ["", "2024年重点工作任务分解表"],
  ["", "序号", "重点任务", "责任单位", "", "完成时限"],
  ["", "", "", "牵头单位", "配合单位", ""],
  ["", "1", "新建社区医院3家", "市卫健委", "市发改委", "2024年12月底"],
  ["", "2", "开展老年人免费体检", "市疾控中心", "", "2024年6月底"],
];
const MERGES = ["B2:F2", "D3:E3", "B3:B4", "C3:C4", "F3:F4"];

const excel = (apiVersion = "1.17", selection?: string) =>
  new FakeExcel({
    apiVersion,
    workbookName: "任务表.xlsx",
    ...(selection && { selection }),
    sheets: [{ name: "分解表", rows: TABLE, merges: MERGES }],
  });

describe("readTableFromWorkbook", () => {
  it("reads the active sheet's used range, as shown, with its merged cells, in two syncs", async () => {
    const fake = excel();
    const read = await readTableFromWorkbook(fake.context, "sheet", detectCapabilities(fake.requirements));
    if (!read.ok) throw new Error(read.message);
    expect(fake.syncs).toBe(2);
    expect(read.grid).toMatchObject({ name: "任务表.xlsx", sheet: "分解表", origin: { row: 2, column: 2 } });
    expect(read.grid.rows[0]).toEqual(["2024年重点工作任务分解表", "", "", "", ""]);
    expect(read.grid.merges).toContainEqual({ top: 1, left: 2, bottom: 1, right: 3 });
    const adopted = adoptTable(read.grid, { fallbackYear: 2024 });
    expect(adopted.ok && adopted.table.plan.tasks.map((t) => [t.leadUnits, t.coUnits])).toEqual([
      [["市卫健委"], ["市发改委"]],
      [["市疾控中心"], []],
    ]);
    expect(adopted.ok && Object.values(adopted.table.places)).toEqual([
      "“分解表”工作表第5行",
      "“分解表”工作表第6行",
    ]);
  });

  it("reads the selection, addressed as the sheet is", async () => {
    const fake = excel("1.17", "B3:F5");
    const read = await readTableFromWorkbook(
      fake.context,
      "selection",
      detectCapabilities(fake.requirements),
    );
    expect(read.ok && read.grid.origin).toEqual({ row: 3, column: 2 });
    expect(read.ok && read.grid.rows).toHaveLength(3);
  });

  it("on ExcelApi 1.7 reads without merged areas, which it cannot ask for", async () => {
    const fake = excel("1.7");
    const read = await readTableFromWorkbook(fake.context, "sheet", detectCapabilities(fake.requirements));
    expect(read.ok && read.grid.merges).toEqual([]);
    // The two-row header still reads: the sub-header row names 牵头单位 and 配合单位 itself.
    const adopted = read.ok ? adoptTable(read.grid, { fallbackYear: 2024 }) : undefined;
    expect(adopted?.ok && adopted.table.plan.tasks[0]?.coUnits).toEqual(["市发改委"]);
  });

  it("an empty sheet or a selection of a whole sheet is refused in Chinese", async () => {
    const empty = new FakeExcel({ sheets: [{ name: "空表" }] });
    expect(await readTableFromWorkbook(empty.context, "sheet", { mergedAreas: true })).toEqual({
      ok: false,
      message: "“空表”工作表是空的：没有可读取的任务表。",
    });
    const whole = excel("1.17", "A1:Z20000");
    const read = await readTableFromWorkbook(whole.context, "selection", { mergedAreas: true });
    expect(!read.ok && read.message).toContain("所选区域有 20000 行 × 26 列，不像一张任务台账");
    expect(whole.syncs).toBe(1);
  });
});

test("merged areas are read relative to the table, sheet names with commas included", () => {
  expect(mergedRanges("'表,一'!B2:F2, '表,一'!D3:E3", { row: 2, column: 2 })).toEqual([
    { top: 0, left: 0, bottom: 0, right: 4 },
    { top: 1, left: 2, bottom: 1, right: 3 },
  ]);
});
