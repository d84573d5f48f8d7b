/**
 * The Office.js writer and reader against the scripted Excel (office-addin-mock): syncs and time
 * for ledgers of 10, 1,000 and 10,000 tasks with three quarters of reports. Syncs are what costs in
 * a real Excel (each is a round trip, on the web over the network); the time here is the adapter's
 * own work plus the mock's, not Excel's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_CAPABILITIES } from "../src/adapters/excel/capabilities";
import { readLedgerFromWorkbook } from "../src/adapters/excel/read";
import { FakeExcel } from "../src/adapters/excel/testing/fakeExcel";
import { ledgerFromSeed } from "../src/adapters/excel/testing/ledgers";
import { writeWorkbookPlan } from "../src/adapters/excel/write";
import type { WorkbookPlan } from "../src/core/sheets";
import { buildWorkbookPlan } from "../src/core/sheets";
import { printTable, timeIt } from "./measure";

interface Run {
  syncs: number;
  requestBytes: number;
}

/** Writes `plan` into a fresh scripted Excel; `unlimited` lifts the 5 MB request limit (desktop Excel). */
async function writeOnce(plan: WorkbookPlan, unlimited: boolean): Promise<Run & { fake: FakeExcel }> {
  const fake = new FakeExcel(unlimited ? { requestLimitBytes: Infinity } : {});
  const result = await writeWorkbookPlan(
    fake.context,
    plan,
    ALL_CAPABILITIES,
    unlimited ? { requestBudgetBytes: Infinity } : {},
  );
  if (!result.ok) throw new Error(result.message);
  return { fake, syncs: fake.syncs, requestBytes: fake.requestBytes.reduce((a, b) => a + b, 0) };
}

export async function benchExcel(): Promise<void> {
  const seed = readFileSync(join(__dirname, "../../seeds/002_864f5150332c02db.txt"), "utf8");
  const rows: (string | number)[][] = [
    ["任务", "填报行", "请求量 (MB)", "同步：5 MB 上限", "同步：不限", "写入 (ms)", "读回同步", "读回 (ms)"],
  ];
  for (const tasks of [10, 1000, 10_000]) {
    const ledger = ledgerFromSeed(seed, tasks);
    const plan = buildWorkbookPlan(ledger);
    const limited = await writeOnce(plan, false);
    const unlimited = await writeOnce(plan, true);
    const times = tasks > 1000 ? 3 : 5;
    const writeMs = await timeIt(() => writeOnce(plan, false), times);

    const { fake } = limited;
    fake.syncs = 0;
    const read = await readLedgerFromWorkbook(fake.context);
    if (!read.ok) throw new Error(read.message);
    const readSyncs = fake.syncs;
    const readMs = await timeIt(() => readLedgerFromWorkbook(fake.context), times);

    rows.push([
      tasks,
      ledger.progress.length,
      limited.requestBytes / 1e6,
      limited.syncs,
      unlimited.syncs,
      writeMs,
      readSyncs,
      readMs,
    ]);
  }
  printTable("Office.js 写入与读回（模拟 Excel；中位数）", rows);
  process.stdout.write(
    "  请求量为模拟 Excel 按调用计得的字节数。同步次数 = 1 次查看工作簿 + 按字节装箱的请求（每个不超过 4 MB）；\n" +
      "  不限请求大小时（桌面版 Excel）与行数无关。\n" +
      "  读回 = 工作表列表、已用区域、按单元格数分块的值。\n",
  );
}
