/** @jest-environment jsdom */
import { isShown } from "../../testing/dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Ledger } from "../../../core/model";
import {
  detectCapabilities,
  type ReadWorkbookResult,
  type WriteOptions,
  type WriteResult,
} from "../../../adapters/excel";
import { FakeExcel, typeInto } from "../../../adapters/excel/testing/fakeExcel";
import {
  WRITTEN,
  inPane,
  policyDocument,
  reportedLedger,
  scriptedWorkbook,
  stubWorkbook,
} from "../../testing/workbooks";
import { IMPORTED_REPORTER, bestAdoption } from "../../../core/adopt";
import { LedgerStep } from "./LedgerStep";

// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

const NO_LEDGER: ReadWorkbookResult = { ok: false, code: "not-a-ledger", message: "这个工作簿中没有台账。" };
const noLedger = () => Promise.resolve(NO_LEDGER);

function renderStep(workbook: Parameters<typeof inPane>[1], document = policyDocument()) {
  const written: Ledger[] = [];
  render(
    inPane(
      <LedgerStep document={document} onWritten={(l) => written.push(l)} onContinue={() => undefined} />,
      workbook,
    ),
  );
  return written;
}

describe("LedgerStep", () => {
  it("offers the quarters of the document's year, or its months", async () => {
    const user = userEvent.setup();
    renderStep(stubWorkbook({}));
    const period = screen.getByRole("combobox", { name: "当前期次" });
    expect(
      within(period)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["2024年第一季度", "2024年第二季度", "2024年第三季度", "2024年第四季度"]);
    await user.click(screen.getByRole("radio", { name: "按月" }));
    const months = within(period).getAllByRole("option");
    expect(months).toHaveLength(12);
    expect(months[8]?.textContent).toBe("2024年9月");
  });

  it("counts the tasks that still have no lead unit", () => {
    const document = policyDocument();
    const [first, ...rest] = document.tasks;
    renderStep(stubWorkbook({}), { ...document, tasks: [{ ...first!, leadUnits: [] }, ...rest] });
    expect(screen.getByText(/有 1 项任务没有写明牵头单位/)).toBeTruthy();
  });

  it("says before writing that ExcelApi 1.7 sets no drop-down list", () => {
    const excel17 = detectCapabilities({ isSetSupported: (_, version) => version === "1.7" });
    renderStep(stubWorkbook({ capabilities: excel17 }));
    expect(screen.getByText("此版本的 Excel 不支持以下设置，写入时将略过")).toBeTruthy();
    expect(screen.getByText(/不支持数据有效性/)).toBeTruthy();
  });

  it("writes the chosen period's ledger with a progress bar, then says it is done", async () => {
    const user = userEvent.setup();
    let finish: (result: WriteResult) => void = () => undefined;
    const workbook = stubWorkbook({
      read: noLedger,
      write: (_plan, options?: WriteOptions) =>
        new Promise((resolve) => {
          options?.onProgress?.({ done: 1, total: 3 });
          finish = resolve;
        }),
    });
    const written = renderStep(workbook);
    expect(screen.queryByText(/不支持/)).toBeNull();
    await user.selectOptions(screen.getByRole("combobox", { name: "当前期次" }), "2024-Q2");
    await user.click(screen.getByRole("button", { name: "写入台账" }));

    const bar = await screen.findByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("1");
    expect(bar.getAttribute("aria-valuemax")).toBe("3");
    // Dimmed but still focused, so focus stays where the user was while the work runs.
    const button = screen.getByRole("button", { name: "写入台账" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(button);
    finish(WRITTEN);

    expect(await screen.findByText("台账已写入")).toBeTruthy();
    expect(document.activeElement).toBe(button);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(workbook.writes[0]?.sheets.map((s) => s.name)).toContain("任务清单");
    expect(written.map((l) => l.period.key)).toEqual(["2024-Q2"]);
  });

  it("shows the writer's failure and a rejected call in Chinese, and keeps the ledger unwritten", async () => {
    const user = userEvent.setup();
    const answers: WriteResult[] = [
      { ok: false, code: "excel-error", message: "写入台账时 Excel 报错：工作表被保护。", restored: true },
    ];
    const written = renderStep(
      stubWorkbook({
        read: noLedger,
        write: () => {
          const answer = answers.shift();
          return answer ? Promise.resolve(answer) : Promise.reject(new Error("RichApi.Error"));
        },
      }),
    );
    await user.click(screen.getByRole("button", { name: "写入台账" }));
    expect(await screen.findByText("写入台账时 Excel 报错：工作表被保护。")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "写入台账" }));
    expect(await screen.findByText("写入台账失败：RichApi.Error")).toBeTruthy();
    expect(screen.getByText("写入失败")).toBeTruthy();
    expect(written).toEqual([]);
  });

  it("keeps the reports already in the workbook when the same document is written again", async () => {
    const user = userEvent.setup();
    const inWorkbook = reportedLedger();
    const workbook = stubWorkbook({
      read: () => Promise.resolve({ ok: true, ledger: inWorkbook, diagnostics: [] }),
      write: () => Promise.resolve(WRITTEN),
    });
    const written = renderStep(workbook);
    await user.click(screen.getByRole("button", { name: "写入台账" }));
    expect(await screen.findByText(/保留了工作簿中已有的 3 条填报记录。/)).toBeTruthy();
    expect(written[0]?.progress).toEqual(inWorkbook.progress);
  });

  it("does not write over a ledger it cannot read whole", async () => {
    const user = userEvent.setup();
    const workbook = stubWorkbook({
      read: () =>
        Promise.resolve({ ok: false, code: "missing-column", message: "“进度填报”缺少“完成值”列。" }),
    });
    renderStep(workbook);
    await user.click(screen.getByRole("button", { name: "写入台账" }));
    expect(await screen.findByText(/缺少“完成值”列。.*未写入/)).toBeTruthy();
    expect(workbook.writes).toEqual([]);
  });

  it("says outside Excel that writing needs Excel", () => {
    renderStep(undefined);
    expect(screen.getByText("写入台账需要在 Excel 中打开本加载项。")).toBeTruthy();
    // Dimmed but still focused, so focus stays where the user was while the work runs.
    expect(screen.getByRole("button", { name: "写入台账" }).getAttribute("aria-disabled")).toBe("true");
  });

  it("writes the sheets into the scripted Excel, the blank Sheet1 removed", async () => {
    const user = userEvent.setup();
    const excel = new FakeExcel();
    renderStep(scriptedWorkbook(excel));
    await user.click(screen.getByRole("button", { name: "写入台账" }));
    const done = await screen.findByText("台账已写入");
    expect(isShown(done)).toBe(true);
    await waitFor(() => expect(excel.syncs).toBeGreaterThan(1));
    expect(excel.sheets.map((s) => s.name)).toEqual([
      "任务清单",
      "进度填报",
      "单位汇总",
      "通报",
      "设置",
      "_duban",
    ]);
    expect(excel.sheet("任务清单").grid().length).toBeGreaterThan(2);
  });

  it("writes again into the scripted Excel for another period, keeping a report typed there", async () => {
    const user = userEvent.setup();
    const excel = new FakeExcel();
    renderStep(scriptedWorkbook(excel));
    await user.click(screen.getByRole("button", { name: "写入台账" }));
    await screen.findByText("台账已写入");
    const progressSheet = excel.sheet("进度填报");
    const grid = progressSheet.grid();
    const header = grid.findIndex((cells) => cells.includes("进展情况"));
    const column = grid[header]!.indexOf("进展情况");
    progressSheet.setCell(header + 2, column + 1, typeInto("已完成专家评审") ?? null);

    await user.selectOptions(screen.getByRole("combobox", { name: "当前期次" }), "2024-Q3");
    await user.click(screen.getByRole("button", { name: "写入台账" }));
    expect(await screen.findByText(/保留了工作簿中已有的 1 条填报记录。/)).toBeTruthy();
    expect(JSON.stringify(excel.sheet("进度填报").grid())).toContain("已完成专家评审");
  });
});

describe("LedgerStep with a table adopted from the open sheet", () => {
  it("writes the ledger beside the office's own sheet, its progress column as this period's reports", async () => {
    const user = userEvent.setup();
    const excel = new FakeExcel({
      workbookName: "台账.xlsx",
      sheets: [
        {
          name: "分解表",
          rows: [
            ["序号", "工作任务", "牵头单位", "完成时限", "进展情况"],
            ["1", "新建社区医院3家", "市卫健委", "2024年12月底", "已建成2家"],
            ["2", "开展老年人免费体检", "市疾控中心", "2024年6月底", "已完成"],
          ],
        },
      ],
    });
    const workbook = scriptedWorkbook(excel);
    const read = await workbook.readTable("sheet");
    if (!read.ok) throw new Error(read.message);
    const adoption = bestAdoption([read.grid], { fallbackYear: 2024 });
    if (!adoption.ok) throw new Error(adoption.message);
    const written: Ledger[] = [];
    render(
      inPane(
        <LedgerStep
          document={adoption.table.plan}
          adoption={adoption}
          onWritten={(l) => written.push(l)}
          onContinue={() => undefined}
        />,
        workbook,
      ),
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "当前期次" }), "2024-Q3");
    await user.click(screen.getByRole("button", { name: "写入台账" }));
    await screen.findByText("台账已写入");
    expect(excel.sheets.map((s) => s.name)).toContain("分解表");
    expect(excel.sheet("分解表").grid()[1]).toEqual([
      1,
      "新建社区医院3家",
      "市卫健委",
      "2024年12月底",
      "已建成2家",
    ]);
    const ledger = written[0]!;
    expect(ledger.rows.map((r) => r.source)).toEqual([
      "台账.xlsx（分解表）“分解表”工作表第2行",
      "台账.xlsx（分解表）“分解表”工作表第3行",
    ]);
    expect(ledger.progress.map((p) => [p.period, p.progress, p.reportedBy])).toEqual([
      ["2024-Q3", "已建成2家", IMPORTED_REPORTER],
      ["2024-Q3", "已完成", IMPORTED_REPORTER],
    ]);
    const back = await workbook.readLedger();
    expect(back.ok && back.ledger.tableColumns?.map((c) => c.role)).toEqual([
      "number",
      "task",
      "lead",
      "deadline",
      "progress",
    ]);
  });
});
