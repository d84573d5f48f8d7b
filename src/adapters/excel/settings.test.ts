// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../core/sheets";
import { detectCapabilities } from "./capabilities";
import { readLedgerFromWorkbook } from "./read";
import { writeReportSettings } from "./settings";
import { FakeExcel } from "./testing/fakeExcel";
import { ledgerFromSeed } from "./testing/ledgers";
import { writeWorkbookPlan } from "./write";

const SEED = readFileSync(join(__dirname, "../../../seeds/002_864f5150332c02db.txt"), "utf8");

describe("writeReportSettings", () => {
  it("fills the three cells of 设置 in three syncs and reads back as the 通报's settings", async () => {
    const fake = new FakeExcel();
    const written = await writeWorkbookPlan(
      fake.context,
      buildWorkbookPlan(ledgerFromSeed(SEED, 6)),
      detectCapabilities(fake.requirements),
    );
    if (!written.ok) throw new Error(written.message);
    fake.syncs = 0;
    const settings = { issuer: "市卫生健康委办公室", recipients: "=各处室", scope: "全市卫生健康" };
    expect(await writeReportSettings(fake.context, settings)).toEqual({ ok: true });
    expect(fake.syncs).toBe(3);
    const read = await readLedgerFromWorkbook(fake.context);
    expect(read.ok && read.ledger.reportSettings).toEqual(settings);

    // Saving without an issuer empties its cell; the 通报 then signs with the default again.
    expect(await writeReportSettings(fake.context, { scope: "全市卫生健康" })).toEqual({ ok: true });
    const again = await readLedgerFromWorkbook(fake.context);
    expect(again.ok && again.ledger.reportSettings).toEqual({ scope: "全市卫生健康" });
  });

  it("says so when the workbook has no 设置 sheet", async () => {
    const result = await writeReportSettings(new FakeExcel().context, { issuer: "办公室" });
    expect(result).toEqual({ ok: false, message: "工作簿中没有“设置”工作表，请先写入台账。" });
  });
});
