/** @jest-environment jsdom */
import { NOTHING_KEPT } from "../core/sheets";
import { isShown } from "./testing/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import { stubWorkbook } from "./testing/workbooks";

const POLICY = [
  "2024年全市卫生健康工作要点",
  "一、提升医疗服务能力",
  "1.加强临床重点专科建设。新建省级临床重点专科5个。（责任单位：市卫生健康委，市财政局）",
  "2.推进智慧医院建设。二级以上医院电子病历应用水平达到4级。（责任单位：市卫生健康委）",
].join("\n");

describe("App", () => {
  it("shows the six steps in order, starting at 导入, with review locked until a document is parsed", () => {
    render(<App host={{ kind: "excel" }} />);
    const tabs = within(screen.getByRole("tablist", { name: "步骤" })).getAllByRole("tab");
    expect(tabs).toEqual(
      ["导入", "校对", "写入台账", "进度", "通报", "分发汇总"].map((name) =>
        screen.getByRole("tab", { name }),
      ),
    );
    expect(screen.getByRole("tab", { name: "导入" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tab", { name: "校对" })).toHaveProperty("disabled", true);
    expect(isShown(screen.getByRole("tabpanel", { name: "导入" }))).toBe(true);
    expect(screen.queryByText("未在 Excel 中运行")).toBeNull();
  });

  it("offers 分发汇总 with the workbook's round trip, and says it needs Excel without one", async () => {
    const readLedger = jest.fn(() =>
      Promise.resolve({ ok: false as const, code: "excel-error" as const, message: "读取失败" }),
    );
    const { unmount } = render(
      <App host={{ kind: "excel" }} roundTrip={{ readLedger, writeLedger: jest.fn() }} />,
    );
    await userEvent.click(screen.getByRole("tab", { name: "分发汇总" }));
    expect(isShown(screen.getByRole("tabpanel", { name: "分发汇总" }))).toBe(true);
    expect(
      within(screen.getByRole("tabpanel", { name: "分发汇总" })).queryByText(/需要在 Excel 中打开/),
    ).toBeNull();
    unmount();
    render(<App host={{ kind: "browser" }} />);
    await userEvent.click(screen.getByRole("tab", { name: "分发汇总" }));
    expect(
      within(screen.getByRole("tabpanel", { name: "分发汇总" })).getByText(/需要在 Excel 中打开/),
    ).toBeTruthy();
  });

  it("says so when it runs outside Excel", () => {
    const { unmount } = render(<App host={{ kind: "browser" }} />);
    expect(screen.getByText("未在 Excel 中运行")).toBeTruthy();
    unmount();
    render(<App host={{ kind: "other-office", host: "Word" }} />);
    expect(screen.getByText(/不支持当前的 Office 应用（Word）/)).toBeTruthy();
  });

  // Arrow keys between tabs need layout, which jsdom lacks: the browser test covers them.
  it("selects a step from the keyboard; 写入台账 waits for a document, 进度 reads the workbook", async () => {
    const user = userEvent.setup();
    render(<App host={{ kind: "excel" }} />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "导入" }));
    expect(screen.getByRole("tab", { name: "写入台账" })).toHaveProperty("disabled", true);
    screen.getByRole("tab", { name: "进度" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "进度" }).getAttribute("aria-selected")).toBe("true");
    // Hidden panels leave the accessibility tree: only the chosen one is found.
    const [progress, ...others] = screen.getAllByRole("tabpanel");
    expect(others).toEqual([]);
    expect(progress!.getAttribute("aria-labelledby")).toBe(screen.getByRole("tab", { name: "进度" }).id);
    expect(isShown(progress!)).toBe(true);
  });

  it("parses pasted text, opens 校对, and keeps the pasted text when going back", async () => {
    const user = userEvent.setup();
    render(<App host={{ kind: "browser" }} />);
    await user.click(screen.getByRole("textbox", { name: "政策文件文字" }));
    await user.paste(POLICY);
    await user.click(screen.getByRole("button", { name: "解析文字" }));
    await user.click(await screen.findByRole("button", { name: "下一步：校对" }));

    expect(screen.getByRole("tab", { name: "校对" }).getAttribute("aria-selected")).toBe("true");
    // 校对 loads when first opened.
    const table = await screen.findByRole("table", { name: "任务与指标" });
    expect(within(table).getByRole("button", { name: "1. 加强临床重点专科建设" })).toBeTruthy();
    expect(within(table).getByRole("button", { name: "2. 推进智慧医院建设" })).toBeTruthy();

    await user.click(screen.getByRole("tab", { name: "导入" }));
    expect(screen.getByRole("textbox", { name: "政策文件文字" })).toHaveProperty("value", POLICY);
  });

  it("goes from the reviewed document to the written ledger, its statuses and its 通报", async () => {
    const user = userEvent.setup();
    const workbook = stubWorkbook({
      read: () => Promise.resolve({ ok: false, code: "not-a-ledger", message: "这个工作簿中没有台账。" }),
      write: () =>
        Promise.resolve({ ok: true, skipped: [], replacedSheets: [], kept: NOTHING_KEPT, requestBytes: [] }),
    });
    render(<App host={{ kind: "excel" }} workbook={workbook} />);
    await user.click(screen.getByRole("textbox", { name: "政策文件文字" }));
    await user.paste(POLICY);
    await user.click(screen.getByRole("button", { name: "解析文字" }));
    await user.click(await screen.findByRole("button", { name: "下一步：校对" }));
    await user.click(await screen.findByRole("button", { name: "下一步：写入台账" }));
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "写入台账" }));
    await user.click(await screen.findByRole("button", { name: "写入台账" }));
    await user.click(await screen.findByRole("button", { name: "下一步：查看进度" }));

    expect(screen.getByRole("tab", { name: "进度" }).getAttribute("aria-selected")).toBe("true");
    const statuses = await screen.findByRole("table", { name: "任务状态" });
    // A header and the two indicators, nothing reported yet.
    expect(within(statuses).getAllByRole("row")).toHaveLength(3);
    expect(within(statuses).getAllByText("未报送")).toHaveLength(2);
    expect(workbook.writes).toHaveLength(1);
    await user.click(screen.getByRole("tab", { name: "通报" }));
    expect((await screen.findByRole<HTMLTextAreaElement>("textbox", { name: "通报全文" })).value).toMatch(
      /^关于2024年第四季度.*重点工作推进情况的通报/,
    );
  });
});
