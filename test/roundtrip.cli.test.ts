import { join } from "node:path";
import { editForm } from "./helpers/forms";
import { memoryIo, type MemoryIo } from "./helpers/memoryIo";
import { FORM_COLUMNS, FORM_FIRST_DATA_ROW } from "../src/core/roundtrip";
import { run } from "../src/cli/run";
import { readLedgerWorkbook } from "../src/adapters/xlsx";
import { assessLedger } from "../src/core/progress";

/** The 实施方案 seed: 25 tasks with 责任单位 lists, 24 responsible units. */
const SEED = join(__dirname, "../seeds/003_440203b1828586b3.txt");
const FILLED = ["人力资源社会保障厅", "省疾控局"];

const bytesAt = (io: MemoryIo, path: string): Uint8Array => {
  const found = io.files.get(path);
  if (!(found instanceof Uint8Array)) throw new Error(`nothing at ${path}`);
  return found;
};

/** Every row of a unit's form filled in, as the unit would in Excel. */
function fillEveryRow(bytes: Uint8Array, unit: string): Promise<Uint8Array> {
  const column = (key: string): number => FORM_COLUMNS.findIndex((c) => c.key === key) + 1;
  return editForm(bytes, (sheet) => {
    for (let row = FORM_FIRST_DATA_ROW; row <= sheet.rowCount; row++) {
      sheet.getRow(row).getCell(column("reportedStatus")).value = "序时推进";
      sheet.getRow(row).getCell(column("progress")).value = `${unit}按计划推进`;
    }
  });
}

describe("the email round trip on the seeds' ledger, through the CLI", () => {
  it("build → split → two units fill their forms → merge → the 通报 names the lead units of unreported rows", async () => {
    const io = memoryIo();
    expect(await run(["build", SEED, "-o", "台账.xlsx", "--period", "2024-Q3"], io)).toBe(0);
    expect(await run(["split", "台账.xlsx", "-o", "分发"], io)).toBe(0);
    const forms = [...io.files.keys()].filter((k) => k.startsWith("分发/"));
    expect(forms).toHaveLength(24);

    const returned: string[] = [];
    for (const unit of FILLED) {
      const path = `回收/${unit}.xlsx`;
      io.files.set(path, await fillEveryRow(bytesAt(io, `分发/填报-2024年第三季度-${unit}.xlsx`), unit));
      returned.push(path);
    }
    expect(await run(["merge", "台账.xlsx", ...returned], io)).toBe(0);
    const summary = io.out.join("");
    expect(summary).toContain("收到 2 个文件，汇总 2 个，未汇总 0 个");
    expect(summary).toContain("未报送单位 22 个：");

    const missing = /未报送单位 (\d+) 个：(.*)/.exec(summary)?.[2]?.split("、") ?? [];
    expect(missing).toHaveLength(22);

    io.out.length = 0;
    expect(await run(["report", "台账.xlsx", "--text", "--date", "2024-10-08"], io)).toBe(0);
    const report = io.out.join("");
    // The 通报 names the lead units of rows nobody reported, never a unit that only assists.
    const read = await readLedgerWorkbook(bytesAt(io, "台账.xlsx"));
    if (!read.ok) throw new Error(read.message);
    const { ledger } = read;
    const unreported = assessLedger(ledger, ledger.period).rows.filter((r) => r.status === "未报送");
    const leads = new Set(unreported.flatMap((r) => r.row.leadUnits));
    const onlyAssisting = missing.filter((unit) => !ledger.rows.some((r) => r.leadUnits.includes(unit)));
    expect(leads.size).toBeGreaterThan(0);
    expect(onlyAssisting.length).toBeGreaterThan(0);
    const sentence = /部分单位未按时报送。(.*)/.exec(report)?.[1] ?? "";
    expect(sentence).toContain(`共${unreported.length}项任务本期未报送进展`);
    for (const unit of leads) expect(sentence).toContain(unit);
    for (const unit of [...FILLED, ...onlyAssisting]) expect(sentence).not.toContain(unit);
  });
});
