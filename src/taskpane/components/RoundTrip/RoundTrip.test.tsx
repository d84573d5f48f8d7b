/** @jest-environment jsdom */
import { asPeriod } from "../../../../test/helpers/ledger";
import "../../testing/dom";
import "../../testing/streams";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fillForm } from "../../../../test/helpers/forms";
import type { LedgerForMergeResult, WriteOptions, WriteResult } from "../../../adapters/excel";
import { readReturnedGrids } from "../../../adapters/xlsx/returned";
import { renderWorkbook } from "../../../adapters/xlsx/write";
import type { Ledger } from "../../../core/model";
import type { ChangeRecord } from "../../../core/roundtrip";
import { CHANGE_LOG_SHEET, mergeReturns, readReturnForm, splitLedger } from "../../../core/roundtrip";
import type { WorkbookPlan } from "../../../core/sheets";
import { WRITTEN, inPane, reportedLedger } from "../../testing/workbooks";
import type { RoundTripWorkbook } from "./RoundTrip";
import { RoundTrip } from "./RoundTrip";

/** 2024-10-08 09:00 in Beijing. */
const MERGE_TIME = new Date("2024-10-08T01:00:00Z");

const EARLIER: ChangeRecord = {
  at: "2024-07-05T10:00:00+08:00",
  fileName: "填报-2024年第二季度-市卫生健康委.xlsx",
  unit: "市卫生健康委",
  rowId: "r-earlier",
  number: "2",
  item: "推进智慧医院建设",
  field: "完成值",
  old: "",
  new: "2",
};

interface Fakes {
  workbook: RoundTripWorkbook;
  saved: { fileName: string; bytes: Uint8Array }[];
  opened: Uint8Array[];
  writes: WorkbookPlan[];
  written: Ledger[];
  reads: () => number;
}

/** The injected Office side, answering with `reads` in turn (the last one repeats) and `write`. */
function fakes({
  reads = [{ ok: true, ledger: reportedLedger(), diagnostics: [], changeLog: [EARLIER] }],
  write = () => Promise.resolve(WRITTEN),
  canOpen = true,
}: {
  reads?: (LedgerForMergeResult | Error | Promise<LedgerForMergeResult>)[];
  write?: (plan: WorkbookPlan, options?: Pick<WriteOptions, "onProgress">) => Promise<WriteResult>;
  canOpen?: boolean;
} = {}): Fakes {
  let readCount = 0;
  const fake: Fakes = {
    saved: [],
    opened: [],
    writes: [],
    written: [],
    reads: () => readCount,
    workbook: {
      readLedger: () => {
        const answer = reads[Math.min(readCount++, reads.length - 1)];
        if (!answer) throw new Error("no read scripted");
        return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
      },
      writeLedger: (plan, options) => {
        fake.writes.push(plan);
        return write(plan, options);
      },
      ...(canOpen && {
        openAsWorkbook: (bytes: Uint8Array) => {
          fake.opened.push(bytes);
          return Promise.resolve();
        },
      }),
    },
  };
  return fake;
}

function renderRoundTrip(fake: Fakes, user = userEvent.setup()) {
  render(
    inPane(
      <RoundTrip
        workbook={fake.workbook}
        saveFile={(fileName, bytes) => {
          fake.saved.push({ fileName, bytes });
        }}
        onWritten={(ledger) => fake.written.push(ledger)}
        now={() => MERGE_TIME}
      />,
      undefined,
    ),
  );
  return user;
}

/** The forms the CLI's split makes for the fixture ledger, as the units receive them. */
async function sentForms(period = "2024-Q3"): Promise<Map<string, Uint8Array>> {
  const split = splitLedger(reportedLedger(), asPeriod(period));
  if (!split.ok) throw new Error(split.message);
  const forms = new Map<string, Uint8Array>();
  for (const form of split.forms) forms.set(form.unit, await renderWorkbook(form.plan));
  return forms;
}

const xlsxFile = (bytes: Uint8Array, name: string): File => new File([new Uint8Array(bytes)], name);

async function readForm(bytes: Uint8Array) {
  const grids = await readReturnedGrids(bytes);
  if (!grids.ok) throw new Error(grids.message);
  const form = readReturnForm(grids.grids);
  if (!form.ok) throw new Error(form.message);
  return form.form;
}

const listItems = (name: string): string[] =>
  within(screen.getByRole("region", { name }))
    .getAllByRole("listitem")
    .map((item) => item.textContent ?? "");

describe("RoundTrip", () => {
  it("says outside Excel that it needs Excel", () => {
    render(inPane(<RoundTrip workbook={undefined} saveFile={jest.fn()} onWritten={jest.fn()} />, undefined));
    expect(screen.getByText("分发和汇总需要在 Excel 中打开本加载项，并打开台账工作簿。")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("generates one form per unit for the chosen period with a progress bar, and offers each as a download or a new workbook", async () => {
    const read: LedgerForMergeResult = { ok: true, ledger: reportedLedger(), diagnostics: [], changeLog: [] };
    let release: () => void = () => undefined;
    const held = new Promise<LedgerForMergeResult>((resolve) => {
      release = () => resolve(read);
    });
    const fake = fakes({ reads: [read, held] });
    const user = renderRoundTrip(fake);
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    const period = await screen.findByRole("combobox", { name: "报送期次" });
    expect(period).toHaveProperty("value", "2024-Q3");
    expect(screen.getByText(/3 行，3 个责任单位/)).toBeTruthy();

    await user.selectOptions(period, "2024-Q2");
    await user.type(screen.getByLabelText("报送时限"), "2024-07-10");
    const sendTo = screen.getByRole("textbox", { name: "报送对象" });
    await user.clear(sendTo);
    await user.type(sendTo, "市卫健委督查科");
    await user.click(screen.getByRole("button", { name: "生成填报文件" }));
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(screen.getByText("正在读取台账…")).toBeTruthy();
    // Dimmed but still focused, so focus stays where the user was while the work runs.
    expect(screen.getByRole("button", { name: "生成填报文件" }).getAttribute("aria-disabled")).toBe("true");
    release();

    const list = await screen.findByRole("list", { name: "填报文件" });
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.firstChild?.textContent),
    ).toEqual([
      "填报-2024年第二季度-市卫生健康委.xlsx（2项）",
      "填报-2024年第二季度-市财政局.xlsx（1项）",
      "填报-2024年第二季度-市医保局.xlsx（1项）",
    ]);
    expect(screen.getByText(/已为 3 个单位生成2024年第二季度填报文件，报送时限2024年7月10日/)).toBeTruthy();
    expect(screen.getByText(/部分桌面版 Excel 不允许加载项下载文件/)).toBeTruthy();
    expect(fake.reads()).toBe(2);

    await user.click(screen.getByRole("button", { name: "全部下载" }));
    expect(fake.saved.map((s) => s.fileName)).toEqual([
      "填报-2024年第二季度-市卫生健康委.xlsx",
      "填报-2024年第二季度-市财政局.xlsx",
      "填报-2024年第二季度-市医保局.xlsx",
    ]);
    expect(screen.getByText("已下载 3 个文件")).toBeTruthy();
    const finance = await readForm(fake.saved[1]!.bytes);
    expect([finance.unit, finance.period.key, finance.entries.length]).toEqual(["市财政局", "2024-Q2", 1]);

    await user.click(screen.getByRole("button", { name: "下载“填报-2024年第二季度-市医保局.xlsx”" }));
    expect(fake.saved.at(-1)?.fileName).toBe("填报-2024年第二季度-市医保局.xlsx");

    await user.click(
      screen.getByRole("button", { name: "在 Excel 中打开“填报-2024年第二季度-市卫生健康委.xlsx”" }),
    );
    expect(await screen.findByText("已在新窗口中打开“填报-2024年第二季度-市卫生健康委.xlsx”")).toBeTruthy();
    expect((await readForm(fake.opened[0]!)).unit).toBe("市卫生健康委");
  });

  it("says where downloads fail and no new workbook can be opened", async () => {
    const fake = fakes({ canOpen: false });
    const user = userEvent.setup();
    render(
      inPane(
        <RoundTrip
          workbook={fake.workbook}
          saveFile={() => {
            throw new Error("下载被阻止");
          }}
          onWritten={jest.fn()}
        />,
        undefined,
      ),
    );
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    await user.click(await screen.findByRole("button", { name: "生成填报文件" }));
    await screen.findByRole("list", { name: "填报文件" });
    expect(screen.queryByRole("button", { name: /在 Excel 中打开/ })).toBeNull();
    expect(screen.getByText(/不能从加载项新建工作簿（需要 ExcelApi 1\.8）/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "全部下载" }));
    expect(screen.getByText("下载失败")).toBeTruthy();
    expect(screen.getByText(/下载被阻止/)).toBeTruthy();
  });

  it("merges the picked returns, shows refusals, conflicts, changes and silent units, then writes the ledger with its 变更记录", async () => {
    const fresh = reportedLedger();
    const atWrite = reportedLedger();
    // Typed into 进度填报 in Excel after the merge was shown and before it was written.
    const typedInExcel = {
      rowId: atWrite.rows[2]!.id,
      period: "2024-Q3",
      progress: "实施方案已报市政府",
      problems: "",
      reportedBy: "市医保局",
    };
    const fake = fakes({
      reads: [
        { ok: true, ledger: fresh, diagnostics: [], changeLog: [EARLIER] },
        { ok: true, ledger: fresh, diagnostics: [], changeLog: [EARLIER] },
        {
          ok: true,
          ledger: { ...atWrite, progress: [...atWrite.progress, typedInExcel] },
          diagnostics: [],
          changeLog: [EARLIER],
        },
      ],
    });
    const user = renderRoundTrip(fake, userEvent.setup({ applyAccept: false }));
    const forms = await sentForms();
    const lastQuarter = await sentForms("2024-Q2");
    const health = await fillForm(forms.get("市卫生健康委")!, {
      "2": { actual: 3, progress: "已通过四级评审" },
    });
    const finance = await fillForm(forms.get("市财政局")!, { "1": { actual: 4 } });
    const picked = [
      xlsxFile(health, "卫健委.xlsx"),
      xlsxFile(finance, "财政局.xlsx"),
      new File(["不是工作簿"], "说明.xlsx"),
      xlsxFile(lastQuarter.get("市医保局")!, "医保局-二季度.xlsx"),
    ];
    const huge = xlsxFile(health, "巨大.xlsx");
    Object.defineProperty(huge, "size", { value: 64 * 1024 * 1024 });
    picked.push(huge);

    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    const input = await screen.findByLabelText<HTMLInputElement>("选择报回的填报文件");
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain(".xlsx");
    await user.upload(input, picked);

    expect(await screen.findByText(/收到 5 个文件，汇总 2 个，未汇总 3 个；变更 3 处/)).toBeTruthy();
    expect(listItems("未汇总的文件")).toEqual([
      "说明.xlsx：这不是 .xlsx 工作簿，请报送由督办台账分发的“填报-…”文件。",
      "医保局-二季度.xlsx：这是2024年第二季度的填报文件，本次汇总的是2024年第三季度，未汇总。",
      "巨大.xlsx：文件过大（64.0 MB，上限 20.0 MB），不像是填报文件，未读取。",
    ]);
    expect(listItems("已汇总的文件")).toEqual([
      "卫健委.xlsx（市卫生健康委）：变更 2 处",
      "财政局.xlsx（市财政局）：变更 1 处",
    ]);
    expect(listItems("冲突")).toEqual([
      "编号 1（加强临床重点专科建设：新建省级临床重点专科）的完成值：市卫生健康委填“5”，市财政局填“4”",
    ]);
    expect(screen.getByText("未报送单位 1 个：市医保局")).toBeTruthy();
    expect(fake.writes).toEqual([]);

    await user.click(screen.getByRole("button", { name: "写入台账（3 处变更）" }));
    expect(await screen.findByText("台账已更新")).toBeTruthy();
    const plan = fake.writes[0]!;
    const log = plan.sheets.find((s) => s.name === CHANGE_LOG_SHEET);
    // Columns: 时间, 文件, 单位, 编号, 任务及指标, 字段, 原值, 新值.
    expect(log?.rows.slice(1).map((r) => [0, 1, 2, 5, 7].map((c) => r.cells[c]))).toEqual([
      ["2024-07-05 10:00", EARLIER.fileName, "市卫生健康委", "完成值", "2"],
      ["2024-10-08 09:00", "卫健委.xlsx", "市卫生健康委", "完成值", "3"],
      ["2024-10-08 09:00", "卫健委.xlsx", "市卫生健康委", "进展情况", "已通过四级评审"],
      ["2024-10-08 09:00", "财政局.xlsx", "市财政局", "完成值", "4"],
    ]);
    const q3 = fake.written[0]!.progress.filter((e) => e.period === "2024-Q3");
    expect(q3.map((e) => [e.reportedBy, e.actual])).toEqual(
      expect.arrayContaining([
        ["市卫生健康委", 5],
        ["市财政局", 4],
        ["市卫生健康委", 3],
      ]),
    );
    expect(q3.map((e) => e.progress)).toContain("实施方案已报市政府");
    expect(q3).toHaveLength(4);
    expect(fake.reads()).toBe(3);
  });

  it("says in an old webview without DecompressionStream that returns cannot be read here, and reads none", async () => {
    const fake = fakes();
    const user = renderRoundTrip(fake);
    const forms = await sentForms();
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    const input = await screen.findByLabelText("选择报回的填报文件");
    const { DecompressionStream } = globalThis;
    Reflect.deleteProperty(globalThis, "DecompressionStream");
    try {
      await user.upload(input, xlsxFile(forms.get("市财政局")!, "财政局.xlsx"));
      expect(await screen.findByText(/内置浏览器过旧，无法在加载项中读取报回的文件/)).toBeTruthy();
    } finally {
      Object.assign(globalThis, { DecompressionStream });
    }
    expect(fake.reads()).toBe(1);
    expect(screen.queryByText(/收到 1 个文件/)).toBeNull();
  });

  it("writes nothing when the returns change nothing", async () => {
    const fake = fakes();
    const user = renderRoundTrip(fake);
    const forms = await sentForms();
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    await user.upload(
      await screen.findByLabelText("选择报回的填报文件"),
      xlsxFile(forms.get("市卫生健康委")!, "卫健委.xlsx"),
    );
    expect(await screen.findByText("没有新的变更，台账无需改动。")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /写入台账/ })).toBeNull();
    expect(fake.writes).toEqual([]);
  });

  it("writes nothing when the returns are already in the ledger by the time of writing", async () => {
    const forms = await sentForms();
    const finance = await fillForm(forms.get("市财政局")!, { "1": { actual: 4 } });
    const before = reportedLedger();
    const merged = mergeReturns(
      before,
      [{ fileName: "财政局.xlsx", read: { ok: true, form: await readForm(finance) } }],
      {
        period: asPeriod("2024-Q3"),
        at: "2024-10-08T09:00:00+08:00",
      },
    );
    const fake = fakes({
      reads: [
        { ok: true, ledger: before, diagnostics: [], changeLog: [] },
        { ok: true, ledger: before, diagnostics: [], changeLog: [] },
        // Merged meanwhile, in another pane or by `duban merge`.
        { ok: true, ledger: merged.ledger, diagnostics: [], changeLog: merged.changes },
      ],
    });
    const user = renderRoundTrip(fake);
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    await user.upload(await screen.findByLabelText("选择报回的填报文件"), xlsxFile(finance, "财政局.xlsx"));
    await user.click(await screen.findByRole("button", { name: "写入台账（1 处变更）" }));
    expect(await screen.findByText("台账无需改动")).toBeTruthy();
    expect(fake.writes).toEqual([]);
    expect(fake.written).toEqual([]);
  });

  it("shows why the ledger could not be read or written, and reports no ledger written", async () => {
    const answers: WriteResult[] = [
      { ok: false, code: "excel-error", message: "写入台账时 Excel 报错：工作表被保护。", restored: true },
    ];
    const fake = fakes({
      reads: [
        new Error("GeneralException"),
        { ok: false, code: "not-a-ledger", message: "这个工作簿不是督办台账：找不到“_duban”工作表。" },
        { ok: true, ledger: reportedLedger(), diagnostics: [], changeLog: [] },
      ],
      write: () => {
        const answer = answers.shift();
        return answer ? Promise.resolve(answer) : Promise.reject(new Error("RichApi.Error"));
      },
    });
    const user = renderRoundTrip(fake);
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    expect(await screen.findByText("读取台账失败：GeneralException")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    expect(await screen.findByText("这个工作簿不是督办台账：找不到“_duban”工作表。")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "生成填报文件" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));

    const forms = await sentForms();
    const finance = await fillForm(forms.get("市财政局")!, { "1": { actual: 4 } });
    await user.upload(await screen.findByLabelText("选择报回的填报文件"), xlsxFile(finance, "财政局.xlsx"));
    const write = await screen.findByRole("button", { name: "写入台账（1 处变更）" });
    await user.click(write);
    expect(await screen.findByText("写入台账时 Excel 报错：工作表被保护。")).toBeTruthy();
    await user.click(write);
    expect(await screen.findByText("写入台账失败：RichApi.Error")).toBeTruthy();
    expect(fake.writes).toHaveLength(2);
    expect(fake.written).toEqual([]);
  });
});
