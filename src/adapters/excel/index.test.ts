// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

import { buildWorkbookPlan } from "../../core/sheets";
import { ledgerOf, ledgerRow } from "../../../test/helpers/ledger";
import { excelCapabilities, readLedgerFromExcel, writePlanToExcel } from ".";
import { FakeExcel } from "./testing/fakeExcel";

/** The two Office.js globals the entry points use, as the host would provide them. */
function installHost(fake: FakeExcel): void {
  Object.assign(globalThis, {
    Office: { context: { requirements: fake.requirements } },
    Excel: {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(fake.context),
    },
  });
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
  Reflect.deleteProperty(globalThis, "Excel");
});

describe("entry points for the task pane", () => {
  it("ask the host once for its capabilities, write inside Excel.run and read the ledger back", async () => {
    const fake = new FakeExcel({ apiVersion: "1.8" });
    installHost(fake);
    const capabilities = excelCapabilities();
    expect(capabilities).toMatchObject({ canWrite: true, dataValidation: true, pageLayout: false });

    const ledger = ledgerOf([ledgerRow({ id: "r1" })], []);
    const written = await writePlanToExcel(buildWorkbookPlan(ledger), capabilities);
    expect(written).toMatchObject({ ok: true });
    if (written.ok) expect(written.skipped.map((s) => s.code)).toEqual(["page-layout", "auto-filter"]);

    const read = await readLedgerFromExcel();
    expect(read).toMatchObject({ ok: true, ledger: { id: ledger.id, rows: ledger.rows } });
  });
});
