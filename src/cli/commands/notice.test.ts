import { readFile } from "node:fs/promises";
import { join } from "node:path";
import mammoth from "mammoth";
import { asPeriod, ledgerOf, ledgerRow, progressEntry } from "../../../test/helpers/ledger";
import { memoryIo } from "../../../test/helpers/memoryIo";
import { renderWorkbook } from "../../adapters/xlsx";
import type { Ledger } from "../../core/model";
import { DEFAULT_STATUS_OPTIONS } from "../../core/model";
import { parseDocument } from "../../core/parse";
import { buildLedger } from "../../core/plan";
import { sampleProgress } from "../../core/progress";
import { buildNotices } from "../../core/report";
import { buildWorkbookPlan } from "../../core/sheets";
import { run } from "../run";
import { ISSUER_FALLBACK_NOTE } from "./report";

let ledger: Ledger;
let workbook: Uint8Array;
/** A ledger whose rows are all on schedule: nothing to send. */
let quiet: Uint8Array;

beforeAll(async () => {
  // The Sichuan plan names a lead unit for every task, so its lagging rows have someone to notify.
  const text = await readFile(join(__dirname, "../../../seeds/003_440203b1828586b3.txt"), "utf8");
  const period = asPeriod("2024-Q3");
  const built = buildLedger([parseDocument(text, { sourceName: "003.txt" })], { period });
  if (!built.ok) throw new Error(built.message);
  ledger = { ...built.ledger, progress: sampleProgress(built.ledger, period) ?? [] };
  workbook = await renderWorkbook(buildWorkbookPlan(ledger));
  const calm = ledgerOf(
    [ledgerRow({ id: "a", op: ">=", target: 10, unit: "家", deadline: "2024-12-31", leadUnits: ["医政处"] })],
    [progressEntry({ rowId: "a", period: "2024-Q3", actual: 10 })],
  );
  quiet = await renderWorkbook(
    buildWorkbookPlan({ ...calm, period: asPeriod("2024-Q3"), statusOptions: DEFAULT_STATUS_OPTIONS }),
  );
});

async function docxText(bytes: Uint8Array | string | undefined): Promise<string> {
  expect(bytes).toBeInstanceOf(Uint8Array);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes as Uint8Array) });
  return value;
}

function expected() {
  const built = buildNotices(ledger, { period: asPeriod("2024-Q3"), date: "2024-10-08" });
  if (!built.ok) throw new Error(built.message);
  return built.notices;
}

describe("duban notice", () => {
  test("writes every unit's notice into one .docx and says which units, falling back to the default issuer", async () => {
    const io = memoryIo({ "台账.xlsx": workbook });
    expect(await run(["notice", "台账.xlsx", "-o", "督办通知单.docx"], io)).toBe(0);
    const text = await docxText(io.files.get("督办通知单.docx"));
    const notices = expected();
    expect(notices.length).toBeGreaterThan(1);
    for (const notice of notices) {
      expect(text).toContain(notice.number);
      expect(text).toContain(notice.recipient);
    }
    for (const heading of ["一、督办事项", "二、存在问题", "三、办理时限", "四、反馈要求"]) {
      expect(text.split(heading)).toHaveLength(notices.length + 1);
    }
    expect(text).toContain("请于2024年10月18日前办理并反馈（自本通知印发之日起10日内）。");
    expect(text).toContain("2024年10月8日");
    const units = notices.map((n) => `${n.unit}（${n.tasks.length}项）`).join("、");
    expect(io.out.join("")).toBe(
      `已生成督办通知单：督办通知单.docx（2024年第三季度，共${notices.length}个单位：${units}）\n`,
    );
    expect(io.err.join("")).toBe(`${ISSUER_FALLBACK_NOTE}\n`);
  });

  test("--unit writes that unit's notice alone, numbered as in the whole set; --issuer, --date and --days", async () => {
    const io = memoryIo({ "台账.xlsx": workbook });
    const second = expected()[1]!;
    expect(
      await run(
        [
          "notice",
          "台账.xlsx",
          "--unit",
          second.unit,
          "--issuer",
          "省卫生健康委督查室",
          "--date",
          "2024-10-09",
          "--days",
          "5",
          "-o",
          "一个.docx",
        ],
        io,
      ),
    ).toBe(0);
    const text = await docxText(io.files.get("一个.docx"));
    expect(text).toContain(second.number);
    expect(text.match(/督办〔2024〕第\d+号/g)).toEqual([second.number]);
    expect(text).toContain("书面报送省卫生健康委督查室");
    expect(text).toContain("请于2024年10月14日前办理并反馈（自本通知印发之日起5日内）。");
    expect(text).toContain("2024年10月9日");
    expect(io.err.join("")).toBe("");
  });

  test("the numbers run on from the year's earlier quarters; --first-number sets where they start", async () => {
    const io = memoryIo({ "台账.xlsx": workbook });
    const numbersOf = async (period: string, ...extra: string[]): Promise<string[]> => {
      const file = `${period}.docx`;
      expect(await run(["notice", "台账.xlsx", "--period", period, "-o", file, ...extra], io)).toBe(0);
      return (await docxText(io.files.get(file))).match(/督办〔2024〕第\d+号/g) ?? [];
    };
    const earlier = [...(await numbersOf("2024-Q1")), ...(await numbersOf("2024-Q2"))];
    const third = await numbersOf("2024-Q3");
    expect(earlier.length).toBeGreaterThan(0);
    // One sequence through the year: no number given twice, none skipped.
    expect([...earlier, ...third]).toEqual(
      Array.from({ length: earlier.length + third.length }, (_, i) => `督办〔2024〕第${i + 1}号`),
    );
    expect(third).toEqual(expected().map((n) => n.number));
    const set = await numbersOf("2024-Q3", "--first-number", "31");
    expect(set[0]).toBe("督办〔2024〕第31号");
    expect(set).toHaveLength(third.length);
  });

  test("a unit with nothing behind, or a ledger with nothing behind, writes no file and exits 0", async () => {
    const io = memoryIo({ "台账.xlsx": quiet });
    expect(await run(["notice", "台账.xlsx", "--period", "2024-Q3", "-o", "空.docx"], io)).toBe(0);
    expect(io.files.has("空.docx")).toBe(false);
    expect(io.out.join("")).toBe(
      "2024年第三季度各单位没有进度滞后、未启动或逾期未完成的牵头任务，无需督办，未生成文件。\n",
    );
    const one = memoryIo({ "台账.xlsx": quiet });
    expect(
      await run(["notice", "台账.xlsx", "--period", "2024-Q3", "--unit", "医政处", "-o", "空.docx"], one),
    ).toBe(0);
    expect(one.files.has("空.docx")).toBe(false);
    expect(one.out.join("")).toContain("医政处2024年第三季度没有进度滞后、未启动或逾期未完成的牵头任务");
  });

  test.each([
    [["notice", "台账.xlsx"], 64, "请用 -o 指定输出的 .docx 文件"],
    [["notice", "台账.xlsx", "-o", "通知.pdf"], 64, "应以 .docx 结尾"],
    [["notice", "台账.xlsx", "-o", "a.docx", "--days", "0"], 64, "--days 应为不小于1的整数天数"],
    [["notice", "台账.xlsx", "-o", "a.docx", "--days", "十"], 64, "--days 应为不小于1的整数天数"],
    [["notice", "台账.xlsx", "-o", "a.docx", "--date", "10月8日"], 64, "成文日期"],
    [["notice", "台账.xlsx", "-o", "a.docx", "--first-number", "0"], 64, "--first-number 应为不小于1的整数"],
    [["notice", "台账.xlsx", "-o", "a.docx", "--period", "2024-09"], 64, "按季度跟踪"],
    [["notice", "台账.xlsx", "-o", "a.docx", "--unit", "没有的单位"], 64, "台账中没有牵头单位“没有的单位”"],
    [["notice", "没有.xlsx", "-o", "a.docx"], 66, "无法读取"],
    [["notice", "-o", "a.docx"], 64, "请指定一个台账文件"],
  ])("%j exits %i saying %s", async (argv, code, message) => {
    const io = memoryIo({ "台账.xlsx": workbook });
    expect(await run(argv, io)).toBe(code);
    expect(io.err.join("")).toContain(message);
    expect(io.out.join("")).toBe("");
    expect([...io.files.keys()]).toEqual(["台账.xlsx"]);
  });
});
