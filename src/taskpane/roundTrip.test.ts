// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

import { buildWorkbookPlan } from "../core/sheets";
import { ALL_CAPABILITIES, writeWorkbookPlan } from "../adapters/excel";
import { FakeExcel } from "../adapters/excel/testing/fakeExcel";
import { WRITTEN, reportedLedger } from "./testing/workbooks";
import { officeRoundTrip } from "./roundTrip";

/** Office.js's globals as the pane sees them in an Excel of `apiVersion`, over a scripted workbook. */
function officeHost(excel: FakeExcel) {
  const created: string[] = [];
  Object.assign(globalThis, {
    Office: { context: { requirements: excel.requirements } },
    Excel: {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(excel.context),
      createWorkbook: (base64: string) => {
        created.push(base64);
        return Promise.resolve();
      },
    },
  });
  return created;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
  Reflect.deleteProperty(globalThis, "Excel");
});

describe("officeRoundTrip", () => {
  it("reads the ledger through Excel.run, writes through the pane's writer, and opens forms as new workbooks", async () => {
    const excel = new FakeExcel();
    const ledger = reportedLedger();
    const seeded = await writeWorkbookPlan(excel.context, buildWorkbookPlan(ledger), ALL_CAPABILITIES);
    if (!seeded.ok) throw new Error(seeded.message);
    const created = officeHost(excel);
    const writes: unknown[] = [];
    const roundTrip = officeRoundTrip({
      writePlan: (plan) => {
        writes.push(plan);
        return Promise.resolve(WRITTEN);
      },
    });

    const read = await roundTrip.readLedger();
    expect(read.ok && read.ledger.rows.map((r) => r.number)).toEqual(ledger.rows.map((r) => r.number));
    expect(await roundTrip.writeLedger(buildWorkbookPlan(ledger))).toBe(WRITTEN);
    expect(writes).toHaveLength(1);
    await roundTrip.openAsWorkbook?.(new Uint8Array([0x50, 0x4b, 3, 4]));
    expect(created).toEqual(["UEsDBA=="]);
  });

  it("offers no new workbook in an Excel before ExcelApi 1.8", () => {
    officeHost(new FakeExcel({ apiVersion: "1.7" }));
    const roundTrip = officeRoundTrip({ writePlan: () => Promise.resolve(WRITTEN) });
    expect(roundTrip.openAsWorkbook).toBeUndefined();
  });
});
