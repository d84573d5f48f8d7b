// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

import { buildWorkbookPlan } from "../../core/sheets";
import { ledgerOf, ledgerRow } from "../../../test/helpers/ledger";
import { ALL_CAPABILITIES, detectCapabilities, skippedFeatures } from "./capabilities";
import { FakeExcel } from "./testing/fakeExcel";

const host = (apiVersion: string) => detectCapabilities(new FakeExcel({ apiVersion }).requirements);

describe("detectCapabilities", () => {
  it("reads what each ExcelApi version brings", () => {
    expect(host("1.6")).toEqual({
      canWrite: false,
      dataValidation: false,
      gridlines: false,
      pageLayout: false,
      autoFilter: false,
      autoFill: false,
      copyCells: false,
      mergedAreas: false,
    });
    expect(host("1.7")).toMatchObject({ canWrite: true, dataValidation: false, pageLayout: false });
    expect(host("1.8")).toMatchObject({
      canWrite: true,
      dataValidation: true,
      gridlines: true,
      pageLayout: false,
    });
    expect(host("1.9")).toEqual({ ...ALL_CAPABILITIES, mergedAreas: false });
    expect(host("1.13")).toEqual(ALL_CAPABILITIES);
    expect(host("1.17")).toEqual(ALL_CAPABILITIES);
  });

  it("asks for each requirement set once", () => {
    const asked: string[] = [];
    detectCapabilities({
      isSetSupported: (name, version) => {
        asked.push(`${name} ${version ?? ""}`);
        return true;
      },
    });
    expect(asked.sort()).toEqual(["ExcelApi 1.13", "ExcelApi 1.7", "ExcelApi 1.8", "ExcelApi 1.9"]);
  });
});

describe("skippedFeatures", () => {
  const plan = buildWorkbookPlan(ledgerOf([ledgerRow({ id: "r1" })], []));

  it("lists nothing on a current Excel", () => {
    expect(skippedFeatures(plan, ALL_CAPABILITIES)).toEqual([]);
  });

  it("says in Chinese what Office 2019 leaves out and what to do about it", () => {
    const messages = skippedFeatures(plan, host("1.7")).map((s) => s.message);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(
      /^此版本的 Excel（如 Office 2019）不支持数据有效性，“进度填报”的状态列未设置下拉列表/,
    );
    expect(messages[1]).toContain("打印前请在“页面布局”选项卡中设置");
  });

  it("only names features the plan asks for", () => {
    const bare = {
      ...plan,
      sheets: plan.sheets.map(({ autoFilter: _filter, ...s }) => ({ ...s, validations: [] })),
    };
    expect(skippedFeatures(bare, host("1.7")).map((s) => s.code)).toEqual(["page-layout", "gridlines"]);
  });
});
