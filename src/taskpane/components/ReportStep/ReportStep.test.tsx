/** @jest-environment jsdom */
import { NOTHING_KEPT } from "../../../core/sheets";
import "../../testing/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import mammoth from "mammoth";
import { Buffer } from "node:buffer";
import { useState } from "react";
import type { Ledger, Period } from "../../../core/model";
import { readFileBytes } from "../../files";
import { inPane, reportedLedger, stubWorkbook } from "../../testing/workbooks";
import {
  EXCEL_BUSY,
  captureDownloads,
  pausedWorkbook,
  refuseNextClipboardWrite,
} from "../../testing/effects";
import { ReportStep } from "./ReportStep";

function Harness({ initial }: { initial: Ledger }) {
  const [ledger, setLedger] = useState(initial);
  const [period, setPeriod] = useState<Period>(initial.period);
  return <ReportStep ledger={ledger} period={period} onPeriod={setPeriod} onRead={setLedger} />;
}

const fullText = (): string => screen.getByRole<HTMLTextAreaElement>("textbox", { name: "通报全文" }).value;

describe("ReportStep", () => {
  afterEach(() => jest.restoreAllMocks());

  it("shows the 通报 of the chosen period as text", async () => {
    const user = userEvent.setup();
    render(inPane(<Harness initial={reportedLedger()} />, stubWorkbook({})));
    expect(fullText()).toMatch(/^关于2024年第三季度.*重点工作推进情况的通报/);
    expect(fullText()).toContain("一、总体情况");
    await user.selectOptions(screen.getByRole("combobox", { name: "报送期次" }), "2024-Q1");
    expect(fullText()).toMatch(/^关于2024年第一季度/);
  });

  it("takes the 主送, 落款, date and 下步工作要求 people set", async () => {
    const user = userEvent.setup();
    render(inPane(<Harness initial={reportedLedger()} />, stubWorkbook({})));
    await user.click(screen.getByRole("button", { name: /^通报设置/ }));
    const recipients = screen.getByRole("textbox", { name: "主送" });
    await user.clear(recipients);
    await user.type(recipients, "各处室、各直属单位：");
    expect(screen.getByText(/未填写，落款暂用“督查督办办公室”/)).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: /^发文单位（落款）/ }), "市卫生健康委办公室");
    const requirements = screen.getByRole("textbox", { name: /^下步工作要求/ });
    expect((requirements as HTMLTextAreaElement).value).toContain("市卫生健康委办公室将对进度滞后");
    await user.clear(requirements);
    await user.type(requirements, "加快进度{Enter}按时报送");
    expect(fullText()).toContain("\n各处室、各直属单位：\n");
    expect(fullText()).toMatch(/一是加快进度；二是按时报送。/);
    expect(fullText()).toMatch(/\n市卫生健康委办公室\n\d{4}年\d{1,2}月\d{1,2}日\n/);

    await user.clear(screen.getByLabelText("成文日期"));
    expect(screen.getByText(/成文日期“”无效/)).toBeTruthy();
  });

  it("starts from the settings kept in 设置 and saves what was used there with the 通报", async () => {
    const user = userEvent.setup();
    const workbook = stubWorkbook({
      write: () =>
        Promise.resolve({
          ok: true,
          skipped: [],
          replacedSheets: ["通报"],
          kept: NOTHING_KEPT,
          requestBytes: [],
        }),
    });
    const kept = {
      ...reportedLedger(),
      reportSettings: { issuer: "市卫生健康委办公室", scope: "全市卫生健康" },
    };
    render(inPane(<Harness initial={kept} />, workbook));
    expect(fullText()).toMatch(/^关于2024年第三季度全市卫生健康重点工作推进情况的通报/);
    expect(fullText()).toMatch(/\n市卫生健康委办公室\n\d{4}年/);
    await user.click(screen.getByRole("button", { name: /^通报设置/ }));
    await user.type(screen.getByRole("textbox", { name: "主送" }), "{Control>}a{/Control}委机关各处室");
    await user.click(screen.getByRole("button", { name: "写入“通报”工作表" }));
    expect(await screen.findByText(/主送、发文单位和通报范围已保存到“设置”工作表/)).toBeTruthy();
    expect(workbook.savedSettings).toEqual([
      { issuer: "市卫生健康委办公室", scope: "全市卫生健康", recipients: "委机关各处室" },
    ]);
  });

  it("writes only the 通报 sheet, with a progress bar", async () => {
    const user = userEvent.setup();
    const { workbook, finish } = pausedWorkbook();
    render(inPane(<Harness initial={reportedLedger()} />, workbook));
    await user.click(screen.getByRole("button", { name: "写入“通报”工作表" }));
    expect((await screen.findByRole("progressbar")).getAttribute("aria-valuenow")).toBe("1");
    finish({ ok: true, skipped: [], replacedSheets: ["通报"], kept: NOTHING_KEPT, requestBytes: [] });
    expect(await screen.findByText(/^已写入“通报”工作表；/)).toBeTruthy();
    expect(workbook.writes.map((plan) => plan.sheets.map((s) => s.name))).toEqual([["通报"]]);
    expect(JSON.stringify(workbook.writes[0]?.sheets[0]?.rows)).toContain("2024年第三季度");
  });

  it("shows the writer's failure", async () => {
    const user = userEvent.setup();
    render(
      inPane(
        <Harness initial={reportedLedger()} />,
        stubWorkbook({ write: () => Promise.resolve(EXCEL_BUSY) }),
      ),
    );
    await user.click(screen.getByRole("button", { name: "写入“通报”工作表" }));
    expect(await screen.findByText("写入台账时 Excel 报错：忙。")).toBeTruthy();
  });

  it("copies the text to the clipboard, and says what to do when the host refuses", async () => {
    const user = userEvent.setup();
    render(inPane(<Harness initial={reportedLedger()} />, stubWorkbook({})));
    await user.click(screen.getByRole("button", { name: "复制全文" }));
    expect(await screen.findByText(/通报全文已复制/)).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(fullText());

    refuseNextClipboardWrite();
    await user.click(screen.getByRole("button", { name: "复制全文" }));
    expect(await screen.findByText(/无法访问剪贴板（Write permission denied\.）.*Ctrl\+A/)).toBeTruthy();
  });

  it("copies with formatting where the webview has ClipboardItem", async () => {
    const user = userEvent.setup();
    /** The browser's ClipboardItem as far as the pane uses it: the blobs by type. */
    class RecordedClipboardItem {
      constructor(readonly items: Record<string, Blob>) {}
    }
    Object.assign(window, { ClipboardItem: RecordedClipboardItem });
    const written: RecordedClipboardItem[] = [];
    jest.spyOn(navigator.clipboard, "write").mockImplementation((items) => {
      written.push(...(items as unknown as RecordedClipboardItem[]));
      return Promise.resolve();
    });
    try {
      render(inPane(<Harness initial={reportedLedger()} />, stubWorkbook({})));
      await user.click(screen.getByRole("button", { name: "复制全文" }));
      expect(await screen.findByText(/通报全文已复制/)).toBeTruthy();
      const item = written[0]!.items;
      expect(Object.keys(item).sort()).toEqual(["text/html", "text/plain"]);
      expect(new TextDecoder().decode(await readFileBytes(item["text/plain"]!))).toBe(fullText());
      expect(new TextDecoder().decode(await readFileBytes(item["text/html"]!))).toMatch(
        /^<div><p style=".*一、总体情况/,
      );
    } finally {
      Reflect.deleteProperty(window, "ClipboardItem");
    }
  });

  it("offers the .docx as a download and says the sheet and the clipboard are the sure paths", async () => {
    const user = userEvent.setup();
    const { names, bytes: downloaded } = captureDownloads();
    render(inPane(<Harness initial={reportedLedger()} />, stubWorkbook({})));
    await user.click(screen.getByRole("button", { name: "下载 .docx" }));
    expect(await screen.findByText(/如果没有看到下载.*写入“通报”工作表或复制全文/)).toBeTruthy();
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^关于2024年第三季度.*通报\.docx$/);
    // A .docx is a zip: it starts with PK.
    const bytes = await downloaded(0);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK");
  });

  it("offers the 督办通知单 and the 催办 below the 通报, signed and dated by its settings and on its period", async () => {
    const user = userEvent.setup();
    const { names, bytes: downloaded } = captureDownloads();
    render(inPane(<Harness initial={reportedLedger()} />, stubWorkbook({})));
    await user.click(screen.getByRole("button", { name: /^通报设置/ }));
    await user.type(screen.getByRole("textbox", { name: /^发文单位（落款）/ }), "市卫生健康委办公室");
    const date = screen.getByLabelText("成文日期");
    await user.clear(date);
    await user.type(date, "2024-12-20");

    expect(screen.getByRole("heading", { name: "督办通知单" })).toBeTruthy();
    const messages = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "催办消息" });
    expect(messages.value).toContain("剩余11天");
    await user.click(screen.getByRole("button", { name: "下载督办通知单（.docx）" }));
    expect(await screen.findByText(/^已生成“督办通知单-2024年第三季度\.docx”/)).toBeTruthy();
    expect(names).toEqual(["督办通知单-2024年第三季度.docx"]);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await downloaded(0)) });
    expect(value).toContain("书面报送市卫生健康委办公室");
    expect(value).toContain("2024年12月20日");

    await user.selectOptions(screen.getByRole("combobox", { name: "报送期次" }), "2024-Q1");
    expect(
      screen.getByText(/^2024年第一季度各单位没有进度滞后、未启动或逾期未完成的牵头任务，无需督办。$/),
    ).toBeTruthy();
  });
});
