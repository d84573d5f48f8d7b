/** @jest-environment jsdom */
import "../../testing/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import mammoth from "mammoth";
import { Buffer } from "node:buffer";
import type { Ledger, ProgressEntry } from "../../../core/model";
import { DEFAULT_STATUS_OPTIONS, Period } from "../../../core/model";
import { REMIND_SHEET_NAME } from "../../../core/report";
import { downloadDocx } from "../../files";
import { WRITTEN, inPane, reportedLedger, stubWorkbook } from "../../testing/workbooks";
import { EXCEL_BUSY, pausedWorkbook, refuseNextClipboardWrite } from "../../testing/effects";
import type { WorkbookAccess } from "../../workbook";
import { SuperviseStep } from "./SuperviseStep";

// The notices' .docx is rendered for real; only the browser's download is replaced.
jest.mock("../../files", () => ({
  ...jest.requireActual<typeof import("../../files")>("../../files"),
  downloadDocx: jest.fn(),
}));
const downloaded = jest.mocked(downloadDocx);

const Q3 = Period.of("quarter", 2024, 3);
// Eleven days before the inferred deadline (31 December) of the 电子病历 row, which lags in Q3.
const DATE = "2024-12-20";

/** The fixture's ledger with every row reported complete in Q3: nobody behind, nothing due. */
function calmLedger(): Ledger {
  const ledger = reportedLedger();
  const done = (rowId: string): ProgressEntry => ({
    rowId,
    period: "2024-Q3",
    status: "已完成",
    progress: "已完成",
    problems: "",
    reportedBy: "市卫生健康委",
  });
  return { ...ledger, progress: ledger.rows.map((row) => done(row.id)) };
}

function show(ledger: Ledger, workbook: WorkbookAccess | undefined) {
  return render(
    inPane(<SuperviseStep ledger={ledger} period={Q3} issuer="市卫生健康委办公室" date={DATE} />, workbook),
  );
}

const messages = (): string => screen.getByRole<HTMLTextAreaElement>("textbox", { name: "催办消息" }).value;

async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

describe("SuperviseStep", () => {
  afterEach(() => {
    jest.restoreAllMocks();
    downloaded.mockReset();
  });

  describe("督办通知单", () => {
    it("names the units that would receive a notice, with how many tasks and their numbers", () => {
      show(reportedLedger(), stubWorkbook({}));
      const units = screen.getByRole("list", { name: "督办通知单发送单位" });
      expect(
        within(units)
          .getAllByRole("listitem")
          .map((item) => item.textContent),
      ).toEqual(["市卫生健康委（1项任务） 督办〔2024〕第1号"]);
      expect(screen.getByText("2024年第三季度将向1个单位发出督办通知单：")).toBeTruthy();
    });

    it("downloads every notice in one .docx, signed and dated as the 通报, with the days set", async () => {
      const user = userEvent.setup();
      show(reportedLedger(), stubWorkbook({}));
      const days = screen.getByRole("spinbutton", { name: /^办理时限（天）/ });
      expect((days as HTMLInputElement).value).toBe("10");
      await user.clear(days);
      await user.type(days, "5");
      await user.click(screen.getByRole("button", { name: "下载督办通知单（.docx）" }));
      expect(await screen.findByText(/^已生成“督办通知单-2024年第三季度\.docx”（1个单位/)).toBeTruthy();
      expect(downloaded).toHaveBeenCalledTimes(1);
      const [name, bytes] = downloaded.mock.calls[0]!;
      expect(name).toBe("督办通知单-2024年第三季度.docx");
      const text = await docxText(bytes);
      expect(text).toContain("督办〔2024〕第1号");
      expect(text).toContain("市卫生健康委：");
      expect(text).toContain("自本通知印发之日起5日内");
      expect(text).toContain("书面报送市卫生健康委办公室");
      expect(text).toContain("2024年12月20日");
    });

    it("says the core's refusal of the days typed", async () => {
      const user = userEvent.setup();
      show(reportedLedger(), stubWorkbook({}));
      const days = screen.getByRole("spinbutton", { name: /^办理时限（天）/ });
      await user.clear(days);
      await user.type(days, "0");
      expect(screen.getByText(/办理时限天数“0”无效/)).toBeTruthy();
      expect(screen.queryByRole("button", { name: "下载督办通知单（.docx）" })).toBeNull();
    });

    it("says in Chinese when no unit is behind, and offers nothing to download", () => {
      show(calmLedger(), stubWorkbook({}));
      expect(
        screen.getByText("2024年第三季度各单位没有进度滞后、未启动或逾期未完成的牵头任务，无需督办。"),
      ).toBeTruthy();
      expect(screen.queryByRole("button", { name: "下载督办通知单（.docx）" })).toBeNull();
    });

    it("names the rows behind that have no lead unit to send a notice to", () => {
      const ledger = reportedLedger();
      const lagging = ledger.rows[1]!;
      const orphan = { ...lagging, id: "orphan", leadUnits: [] };
      const report = ledger.progress.find((e) => e.rowId === lagging.id && e.period === "2024-Q3")!;
      const withOrphan = {
        ...ledger,
        rows: [...ledger.rows, orphan],
        progress: [...ledger.progress, { ...report, rowId: "orphan" }],
      };
      show(withOrphan, stubWorkbook({}));
      expect(screen.getByText(/^另有1项未达到序时进度或逾期的任务未明确牵头单位/)).toBeTruthy();
    });
  });

  describe("催办", () => {
    it("shows each unit's message, counted from the 成文日期, for the days in the field", async () => {
      const user = userEvent.setup();
      show(reportedLedger(), stubWorkbook({}));
      // The 设置 sheet holds no 临期提醒天数 here: the core's 15 days.
      const days = screen.getByRole("spinbutton", { name: /^临期天数/ });
      expect((days as HTMLInputElement).value).toBe("15");
      expect(messages()).toMatch(/^【催办】市卫生健康委：/);
      expect(messages()).toContain("剩余11天");
      expect(messages()).toContain("【催办】市医保局：");
      expect(
        screen.getByText("15日内（2025年1月4日前）到期或已超过完成时限的未完成任务：共2个单位、2条。"),
      ).toBeTruthy();
      await user.clear(days);
      await user.type(days, "7");
      // The overdue row stays; the one due in eleven days leaves the list.
      expect(messages()).toMatch(/^【催办】市医保局：/);
      expect(messages()).not.toContain("市卫生健康委");
    });

    it("starts from the 设置 sheet's 临期提醒天数", () => {
      const ledger = reportedLedger();
      show({ ...ledger, statusOptions: { ...DEFAULT_STATUS_OPTIONS, dueSoonDays: 5 } }, stubWorkbook({}));
      expect(screen.getByRole<HTMLInputElement>("spinbutton", { name: /^临期天数/ }).value).toBe("5");
      expect(messages()).toMatch(/^【催办】市医保局：/);
    });

    it("says so when nothing is due or overdue, as the CLI does", () => {
      show(calmLedger(), stubWorkbook({}));
      expect(
        screen.getByText(
          "截至2024年12月20日，各单位没有15日内（2025年1月4日前）到期或已超过完成时限的未完成任务，无需催办。",
        ),
      ).toBeTruthy();
      expect(screen.queryByRole("textbox", { name: "催办消息" })).toBeNull();
    });

    it("copies the messages, and says what to do when the host refuses", async () => {
      const user = userEvent.setup();
      show(reportedLedger(), stubWorkbook({}));
      await user.click(screen.getByRole("button", { name: "复制催办消息" }));
      expect(await screen.findByText(/催办消息已复制/)).toBeTruthy();
      expect(await navigator.clipboard.readText()).toBe(messages());

      refuseNextClipboardWrite();
      await user.click(screen.getByRole("button", { name: "复制催办消息" }));
      expect(
        await screen.findByText(/无法访问剪贴板（Write permission denied\.）。请在“催办消息”框中按 Ctrl\+A/),
      ).toBeTruthy();
    });

    it("writes the 催办清单 sheet alone into the workbook, with a progress bar", async () => {
      const user = userEvent.setup();
      const { workbook, finish } = pausedWorkbook();
      const ledger = reportedLedger();
      show(ledger, workbook);
      await user.click(screen.getByRole("button", { name: "写入“催办清单”工作表" }));
      expect((await screen.findByRole("progressbar")).getAttribute("aria-valuenow")).toBe("1");
      expect(screen.getByRole("button", { name: "写入“催办清单”工作表" })).toHaveProperty("disabled", true);
      finish(WRITTEN);
      expect(await screen.findByText("已写入“催办清单”工作表（共2个单位、2条）。")).toBeTruthy();
      expect(workbook.writes.map((plan) => plan.sheets.map((s) => s.name))).toEqual([[REMIND_SHEET_NAME]]);
      expect(workbook.writes[0]!.title).toBe(ledger.title);
      expect(JSON.stringify(workbook.writes[0]!.sheets[0]!.rows)).toContain("推进智慧医院建设");
    });

    it("shows the writer's failure", async () => {
      const user = userEvent.setup();
      show(reportedLedger(), stubWorkbook({ write: () => Promise.resolve(EXCEL_BUSY) }));
      await user.click(screen.getByRole("button", { name: "写入“催办清单”工作表" }));
      expect(await screen.findByText("写入台账时 Excel 报错：忙。")).toBeTruthy();
    });

    it("cannot write the sheet outside Excel, and still copies", () => {
      show(reportedLedger(), undefined);
      expect(screen.getByRole("button", { name: "写入“催办清单”工作表" })).toHaveProperty("disabled", true);
      expect(screen.getByRole("button", { name: "复制催办消息" })).toHaveProperty("disabled", false);
    });
  });
});
