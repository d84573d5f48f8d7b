/** @jest-environment jsdom */
import "../../testing/dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as textAdapter from "../../../adapters/text/readDocument";
import type { Adoption } from "../../../core/adopt";
import type { PlanDocument } from "../../../core/model";
import { inPane, stubWorkbook } from "../../testing/workbooks";
import { ImportStep } from "./ImportStep";

const POLICY = [
  "2024年全市卫生健康工作要点",
  "一、提升医疗服务能力",
  "1.加强临床重点专科建设。新建省级临床重点专科5个。（责任单位：市卫生健康委，市财政局）",
  "2.推进智慧医院建设。二级以上医院电子病历应用水平达到4级。",
].join("\n");

function setup({ hasEdits = false, applyAccept = true } = {}) {
  const parsed: PlanDocument[] = [];
  const onContinue = jest.fn();
  // No delay between simulated events: the step's own yield before parsing stays observable.
  const user = userEvent.setup({ delay: null, applyAccept });
  render(
    <FluentProvider theme={webLightTheme}>
      <ImportStep onParsed={(doc) => parsed.push(doc)} onContinue={onContinue} hasEdits={hasEdits} />
    </FluentProvider>,
  );
  return { user, parsed, onContinue };
}

const textbox = () => screen.getByRole("textbox", { name: "政策文件文字" });

describe("ImportStep", () => {
  it("parses pasted text with a progress bar, reports what it found, and moves on to 校对", async () => {
    const { user, parsed, onContinue } = setup();
    const parse = screen.getByRole("button", { name: "解析文字" });
    expect(parse).toHaveProperty("disabled", true);

    await user.click(textbox());
    await user.paste(POLICY);
    await user.click(parse);
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByText("正在解析“粘贴的文字”…")).toBeTruthy();

    expect(await screen.findByText("解析完成")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText(/《2024年全市卫生健康工作要点》（2024 年）：2 项任务、2 个指标/)).toBeTruthy();
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.sourceName).toBe("粘贴的文字");
    expect(parsed[0]!.tasks.map((t) => t.leadUnits)).toEqual([["市卫生健康委"], []]);

    await user.click(screen.getByRole("button", { name: "下一步：校对" }));
    expect(onContinue).toHaveBeenCalledTimes(1);
  });

  it("shows the parser's diagnostics in Chinese and offers no next step when it found no task", async () => {
    const { user, parsed } = setup();
    await user.click(textbox());
    await user.paste("今天天气很好，我们去公园散步。");
    await user.click(screen.getByRole("button", { name: "解析文字" }));

    const diagnostics = await screen.findByRole("region", { name: "解析提示" });
    expect(diagnostics.textContent).toMatch(/任务/);
    expect(parsed[0]!.diagnostics.map((d) => d.code)).toContain("no-tasks");
    expect(screen.queryByRole("button", { name: "下一步：校对" })).toBeNull();
    expect(screen.queryByText("解析完成")).toBeNull();
  });

  it("reads a chosen .txt file into the text box and parses it under the file's name", async () => {
    const { user, parsed } = setup();
    const input = screen.getByLabelText<HTMLInputElement>("选择政策文件或任务表");
    expect(input.accept).toContain(".docx");
    expect(input.accept).toContain(".pdf");
    await user.upload(input, new File([POLICY], "工作要点.txt", { type: "text/plain" }));

    expect(await screen.findByText("解析完成")).toBeTruthy();
    expect(textbox()).toHaveProperty("value", POLICY);
    expect(parsed.map((doc) => doc.sourceName)).toEqual(["工作要点.txt"]);
  });

  it("says why a file cannot be read and parses nothing", async () => {
    // A file dialog's "all files" lets people pick what `accept` does not list.
    const { user, parsed } = setup({ applyAccept: false });
    const doc = new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])], "方案.doc");
    await user.upload(screen.getByLabelText("选择政策文件或任务表"), doc);

    const diagnostics = await screen.findByRole("region", { name: "解析提示" });
    expect(diagnostics.textContent).toContain("“方案.doc”是旧版 Word（.doc）格式");
    expect(parsed).toEqual([]);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("says so when the .docx reader cannot be downloaded, instead of spinning forever", async () => {
    const failedChunk = jest
      .spyOn(textAdapter, "readPolicyDocument")
      .mockRejectedValue(new Error("Loading chunk 306 failed."));
    try {
      const { user, parsed } = setup();
      await user.upload(screen.getByLabelText("选择政策文件或任务表"), new File(["PK"], "方案.docx"));
      const diagnostics = await screen.findByRole("region", { name: "解析提示" });
      expect(diagnostics.textContent).toContain("读取“方案.docx”所需的组件未能加载，请检查网络连接后重试。");
      expect(screen.queryByRole("progressbar")).toBeNull();
      expect(parsed).toEqual([]);
    } finally {
      failedChunk.mockRestore();
    }
  });

  it("opens the file picker from its button, so the keyboard reaches it", async () => {
    const { user } = setup();
    const input = screen.getByLabelText("选择政策文件或任务表");
    const picked = jest.fn();
    input.addEventListener("click", picked);
    screen.getByRole("button", { name: "选择文件…" }).focus();
    await user.keyboard("{Enter}");
    expect(picked).toHaveBeenCalledTimes(1);
  });

  it("warns that parsing again replaces the edits made in 校对", () => {
    setup({ hasEdits: true });
    expect(screen.getByText(/重新解析会用新的解析结果替换这些修改/)).toBeTruthy();
  });
});

describe("ImportStep with the office's own task table", () => {
  const TABLE = [
    ["2024年重点工作任务分解表"],
    ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
    ["1", "新建社区医院3家", "市卫健委", "市发改委", "2024年12月底", "已建成2家"],
    ["2", "开展老年人免费体检", "市疾控中心", "", "2024年6月底", "已完成"],
  ];

  function inExcel(workbook: ReturnType<typeof stubWorkbook>) {
    const parsed: { document: PlanDocument; adoption: Adoption | undefined }[] = [];
    const user = userEvent.setup({ delay: null });
    render(
      inPane(
        <ImportStep
          onParsed={(document, adoption) => parsed.push({ document, adoption })}
          onContinue={jest.fn()}
          hasEdits={false}
        />,
        workbook,
      ),
    );
    return { user, parsed };
  }

  it("使用当前工作表 adopts the open sheet's table with the mapping the workbook remembers", async () => {
    const asked: string[] = [];
    const workbook = stubWorkbook({
      readTable: (source) => {
        asked.push(source);
        return Promise.resolve({
          ok: true,
          grid: {
            name: "台账.xlsx",
            sheet: "分解表",
            rows: TABLE,
            merges: [],
            origin: { row: 1, column: 1 },
          },
        });
      },
      read: () => Promise.resolve({ ok: false, code: "not-a-ledger", message: "不是台账" }),
    });
    const { user, parsed } = inExcel(workbook);
    await user.click(screen.getByRole("button", { name: "使用当前工作表" }));
    expect(await screen.findByText("已读取任务表")).toBeTruthy();
    expect(
      screen.getByText(/按“分解表”中第2行起的表头读取 A—F 列，2 项的进展情况将作为本期进度导入/),
    ).toBeTruthy();
    expect(asked).toEqual(["sheet"]);
    expect(parsed[0]?.document.tasks.map((t) => [t.leadUnits, t.coUnits])).toEqual([
      [["市卫健委"], ["市发改委"]],
      [["市疾控中心"], []],
    ]);
    expect(parsed[0]?.adoption?.table.progress).toHaveLength(2);
  });

  it("says in Chinese why the selection is no task table, and adopts nothing", async () => {
    const workbook = stubWorkbook({
      readTable: () =>
        Promise.resolve({
          ok: true,
          grid: {
            name: "台账.xlsx",
            sheet: "Sheet1",
            rows: [
              ["甲", "乙"],
              ["1", "2"],
            ],
            merges: [],
            origin: { row: 1, column: 1 },
          },
        }),
      read: () => Promise.resolve({ ok: false, code: "not-a-ledger", message: "不是台账" }),
    });
    const { user, parsed } = inExcel(workbook);
    await user.click(screen.getByRole("button", { name: "使用所选区域" }));
    const diagnostics = await screen.findByRole("region", { name: "解析提示" });
    expect(diagnostics.textContent).toContain("没有找到任务表的表头");
    expect(parsed).toEqual([]);
  });

  it("adopts a chosen .csv; outside Excel the sheet buttons are not offered", async () => {
    const { user, parsed } = setup();
    expect(screen.queryByRole("button", { name: "使用当前工作表" })).toBeNull();
    const input = screen.getByLabelText<HTMLInputElement>("选择政策文件或任务表");
    expect(input.accept).toContain(".xlsx");
    expect(input.accept).toContain(".csv");
    const csv = TABLE.map((row) => row.join(",")).join("\r\n");
    await user.upload(input, new File([`\uFEFF${csv}`], "分解表.csv", { type: "text/csv" }));
    expect(await screen.findByText("已读取任务表")).toBeTruthy();
    expect(parsed[0]?.tasks).toHaveLength(2);
  });
});
