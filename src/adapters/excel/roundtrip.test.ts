// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChangeRecord } from "../../core/roundtrip";
import { withChangeLog } from "../../core/roundtrip";
import { buildWorkbookPlan } from "../../core/sheets";
import { detectCapabilities } from "./capabilities";
import { canCreateWorkbooks, readLedgerForMerge, toBase64 } from "./roundtrip";
import { FakeExcel } from "./testing/fakeExcel";
import { ledgerFromSeed } from "./testing/ledgers";
import { writeWorkbookPlan } from "./write";

const SEED = readFileSync(join(__dirname, "../../../seeds/002_864f5150332c02db.txt"), "utf8");

const RECORD: ChangeRecord = {
  at: "2024-10-08T09:00:00+08:00",
  fileName: "填报-2024年第三季度-市卫生健康委.xlsx",
  unit: "市卫生健康委",
  rowId: "row-1",
  number: "1",
  item: "加强临床重点专科建设",
  field: "完成值",
  old: "3",
  new: "=5",
};

async function workbookWith(records: readonly ChangeRecord[]): Promise<FakeExcel> {
  const fake = new FakeExcel();
  const ledger = ledgerFromSeed(SEED, 5);
  const plan = withChangeLog(buildWorkbookPlan(ledger), records);
  const written = await writeWorkbookPlan(fake.context, plan, detectCapabilities(fake.requirements));
  if (!written.ok) throw new Error(written.message);
  return fake;
}

describe("readLedgerForMerge", () => {
  it("reads the ledger and the records of its 变更记录 sheet", async () => {
    const read = await readLedgerForMerge((await workbookWith([RECORD, { ...RECORD, new: "6" }])).context);
    if (!read.ok) throw new Error(read.message);
    expect(read.ledger.rows).toHaveLength(5);
    expect(read.changeLog).toEqual([RECORD, { ...RECORD, new: "6" }]);
  });

  it("gives no records for a ledger never merged into", async () => {
    const read = await readLedgerForMerge((await workbookWith([])).context);
    expect(read.ok && read.changeLog).toEqual([]);
  });

  it("says so when the workbook is not a ledger", async () => {
    const read = await readLedgerForMerge(new FakeExcel().context);
    expect(read.ok ? "read" : read.code).toBe("not-a-ledger");
  });
});

describe("opening a form as a new workbook", () => {
  it("needs ExcelApi 1.8", () => {
    expect(canCreateWorkbooks(new FakeExcel({ apiVersion: "1.7" }).requirements)).toBe(false);
    expect(canCreateWorkbooks(new FakeExcel({ apiVersion: "1.8" }).requirements)).toBe(true);
  });

  it("encodes the bytes as standard base64, in chunks longer files need", () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(toBase64(new Uint8Array(0))).toBe("");
  });
});
