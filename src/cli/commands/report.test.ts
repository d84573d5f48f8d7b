import { asPeriod } from "../../../test/helpers/ledger";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import mammoth from "mammoth";
import { memoryIo } from "../../../test/helpers/memoryIo";
import { renderWorkbook } from "../../adapters/xlsx";
import type { Ledger } from "../../core/model";
import { parseDocument } from "../../core/parse";
import { buildLedger } from "../../core/plan";
import { assessLedger, countStatuses, sampleProgress } from "../../core/progress";
import { buildWorkbookPlan } from "../../core/sheets";
import { run } from "../run";
import { countsLine } from "./report";

let ledger: Ledger;
let workbook: Uint8Array;

beforeAll(async () => {
  const text = await readFile(join(__dirname, "../../../seeds/002_864f5150332c02db.txt"), "utf8");
  const built = buildLedger([parseDocument(text, { sourceName: "002.txt" })], {
    period: asPeriod("2023-Q3"),
  });
  if (!built.ok) throw new Error(built.message);
  ledger = { ...built.ledger, progress: sampleProgress(built.ledger, asPeriod("2023-Q3")) ?? [] };
  workbook = await renderWorkbook(buildWorkbookPlan(ledger));
});

function countsAt(period: string): string {
  const assessed = assessLedger(ledger, asPeriod(period));
  return countsLine(countStatuses(assessed.rows));
}

describe("duban report", () => {
  test("writes the 通报 as .docx and says what it counted", async () => {
    const io = memoryIo({ "台账.xlsx": workbook });
    expect(await run(["report", "台账.xlsx", "-o", "通报.docx"], io)).toBe(0);
    const docx = io.files.get("通报.docx");
    expect(docx).toBeInstanceOf(Uint8Array);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx as Uint8Array) });
    expect(value).toContain("关于2023年第三季度重点工作推进情况的通报");
    expect(value).toContain("现将有关情况通报如下：");
    expect(io.out.join("")).toBe(
      `已生成通报：通报.docx（关于2023年第三季度重点工作推进情况的通报，${countsAt("2023-Q3")}）\n`,
    );
  });

  test("--text prints it, dated today unless told otherwise", async () => {
    const io = memoryIo({ "台账.xlsx": workbook });
    expect(await run(["report", "台账.xlsx", "--text", "--issuer", "市卫生健康委办公室"], io)).toBe(0);
    const text = io.out.join("");
    expect(text.startsWith("关于2023年第三季度重点工作推进情况的通报\n\n各有关单位：\n")).toBe(true);
    expect(text).toContain("\n市卫生健康委办公室\n2024年10月8日\n");
    const dated = memoryIo({ "台账.xlsx": workbook });
    await run(["report", "台账.xlsx", "--text", "--date", "2023-10-09", "--to", "各区县卫生健康局"], dated);
    expect(dated.out.join("")).toContain("\n各区县卫生健康局：\n");
    expect(dated.out.join("")).toContain("\n2023年10月9日\n");
  });

  test("--requirements replaces 下步工作要求 with the office's own lines", async () => {
    const io = memoryIo({ "台账.xlsx": workbook, "要求.txt": "抓紧整改。\n\n按月报送\n" });
    expect(await run(["report", "台账.xlsx", "--text", "--requirements", "要求.txt"], io)).toBe(0);
    expect(io.out.join("")).toContain("四、下步工作要求\n　　一是抓紧整改；二是按月报送。\n");
  });

  test("--period reports an earlier period from the same ledger", async () => {
    const io = memoryIo({ "台账.xlsx": workbook });
    expect(
      await run(
        ["report", "台账.xlsx", "--period", "2023-Q2", "--scope", "全市卫生健康", "-o", "q2.docx", "--text"],
        io,
      ),
    ).toBe(0);
    expect(io.out.join("")).toContain("关于2023年第二季度全市卫生健康重点工作推进情况的通报");
    expect(io.err.join("")).toContain(countsAt("2023-Q2"));
  });

  test.each([
    [["report", "台账.xlsx"], 64, "请用 -o 指定输出的 .docx 文件"],
    [["report", "台账.xlsx", "-o", "通报.pdf"], 64, "应以 .docx 结尾"],
    [["report", "台账.xlsx", "--text", "--period", "2023年第五季度"], 64, "无法识别的期间"],
    [["report", "台账.xlsx", "--text", "--date", "10月8日"], 64, "成文日期"],
    [["report", "没有这个文件.xlsx", "--text"], 66, "无法读取"],
    [["report", "文本.xlsx", "--text"], 66, "不是有效的 .xlsx 工作簿"],
    [["report", "--text"], 64, "请指定一个台账文件"],
    [["report", "台账.xlsx", "--text", "--requirements", "没有.txt"], 66, "无法读取“没有.txt”"],
  ])("%j exits %i saying %s", async (argv, code, message) => {
    const io = memoryIo({ "台账.xlsx": workbook, "文本.xlsx": "这不是工作簿" });
    expect(await run(argv, io)).toBe(code);
    expect(io.err.join("")).toContain(message);
    expect(io.out.join("")).toBe("");
  });
});
