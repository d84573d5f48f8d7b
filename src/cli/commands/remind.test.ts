import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { asPeriod } from "../../../test/helpers/ledger";
import { memoryIo } from "../../../test/helpers/memoryIo";
import { renderWorkbook } from "../../adapters/xlsx";
import { parseDocument } from "../../core/parse";
import { buildLedger } from "../../core/plan";
import { sampleProgress } from "../../core/progress";
import { buildWorkbookPlan } from "../../core/sheets";
import { run } from "../run";

let workbook: Uint8Array;

beforeAll(async () => {
  // The Sichuan plan names a lead unit for every task and runs to the end of 2025.
  const text = await readFile(join(__dirname, "../../../seeds/003_440203b1828586b3.txt"), "utf8");
  const period = asPeriod("2024-Q3");
  const built = buildLedger([parseDocument(text, { sourceName: "003.txt" })], { period });
  if (!built.ok) throw new Error(built.message);
  workbook = await renderWorkbook(
    buildWorkbookPlan({ ...built.ledger, progress: sampleProgress(built.ledger, period) ?? [] }),
  );
});

describe("duban remind", () => {
  // The Sichuan plan runs to the end of 2025: ten days before, its unfinished tasks fall due.
  const DATE = "2025-12-21";

  test("prints each unit's message by default, dated and counted from --date", async () => {
    const io = memoryIo({ "台账.xlsx": workbook });
    expect(await run(["remind", "台账.xlsx", "--date", DATE], io)).toBe(0);
    const text = io.out.join("");
    expect(text.startsWith("【催办】")).toBe(true);
    expect(text).toContain("任务将于2025年12月31日到期，目前尚未完成：");
    expect(text).toContain("剩余10天");
    expect(text).toContain("请于2025年12月24日前报送进展。");
    expect(text).not.toMatch(/(^|[^\d])0项/);
    expect(io.err.join("")).toBe("");
  });

  test("-o writes the 催办清单 workbook; --unit keeps one unit; --text prints beside it", async () => {
    const io = memoryIo({ "台账.xlsx": workbook });
    expect(
      await run(
        ["remind", "台账.xlsx", "--date", DATE, "--unit", "省卫生健康委", "--text", "-o", "催办清单.xlsx"],
        io,
      ),
    ).toBe(0);
    expect(io.out.join("").split("【催办】")).toEqual(["", expect.stringMatching(/^省卫生健康委：/)]);
    expect(io.err.join("")).toMatch(
      /^已生成催办清单：催办清单\.xlsx（15日内（2026年1月5日前）到期或已超过完成时限的未完成任务，共1个单位、\d+条）\n$/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((io.files.get("催办清单.xlsx") as Uint8Array).slice().buffer);
    const sheet = book.getWorksheet("催办清单");
    expect(sheet).toBeDefined();
    const values = sheet!.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []));
    expect(values).toContain("牵头/配合");
    expect(values).toContain("省卫生健康委");
    expect(values).not.toContain("财政厅");
  });

  test("--days narrows the window; nothing due means a message, no file, exit 0", async () => {
    const io = memoryIo({ "台账.xlsx": workbook });
    expect(
      await run(["remind", "台账.xlsx", "--date", "2024-10-08", "--days", "3", "-o", "空.xlsx"], io),
    ).toBe(0);
    expect(io.files.has("空.xlsx")).toBe(false);
    expect(io.out.join("")).toBe(
      "截至2024年10月8日，各单位没有3日内（2024年10月11日前）到期或已超过完成时限的未完成任务，无需催办。\n",
    );
  });

  test.each([
    [["remind", "台账.xlsx", "-o", "清单.docx"], 64, "应以 .xlsx 结尾"],
    [["remind", "台账.xlsx", "--days", "-1"], 64, "--days 应为不小于0的整数天数"],
    [["remind", "台账.xlsx", "--date", "明天"], 64, "日期“明天”无效"],
    [["remind", "台账.xlsx", "--unit", "没有的单位"], 64, "台账中没有单位“没有的单位”"],
    [["remind"], 64, "请指定一个台账文件"],
  ])("%j exits %i saying %s", async (argv, code, message) => {
    const io = memoryIo({ "台账.xlsx": workbook });
    expect(await run(argv, io)).toBe(code);
    expect(io.err.join("")).toContain(message);
    expect(io.out.join("")).toBe("");
  });
});
