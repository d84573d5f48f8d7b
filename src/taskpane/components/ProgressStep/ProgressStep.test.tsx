/** @jest-environment jsdom */
import "../../testing/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { Ledger, Period } from "../../../core/model";
import { ALERT_COLOURS, ALERT_WORDS } from "../../../core/model";
import { assessLedger } from "../../../core/progress";
import { buildWorkbookPlan } from "../../../core/sheets";
import { ALL_CAPABILITIES, writeWorkbookPlan, type ReadWorkbookResult } from "../../../adapters/excel";
import { FakeExcel, typeInto } from "../../../adapters/excel/testing/fakeExcel";
import { inPane, reportedLedger, scriptedWorkbook, stubWorkbook } from "../../testing/workbooks";
import { ProgressStep } from "./ProgressStep";

/** The step as the app holds it: what it reads becomes the ledger shown, at the ledger's period. */
function Harness({ initial }: { initial?: Ledger }) {
  const [ledger, setLedger] = useState(initial);
  const [period, setPeriod] = useState<Period | undefined>(initial?.period);
  return (
    <ProgressStep
      ledger={ledger}
      period={period}
      onPeriod={setPeriod}
      onRead={(read) => {
        setLedger(read);
        setPeriod(read.period);
      }}
    />
  );
}

// office-addin-mock imports office-addin-manifest for one enum; the rest of that package is ESM, which jest cannot load.
jest.mock("office-addin-manifest", () => jest.requireActual<object>("office-addin-manifest/lib/officeApp"));

const statusOfRow = (name: RegExp): string => {
  const row = within(screen.getByRole("table", { name: "任务状态" }))
    .getAllByRole("row")
    .find((r) => name.test(r.textContent ?? ""));
  if (!row) throw new Error(`no row matches ${name}`);
  return within(row).getAllByRole("cell").at(-1)?.querySelector(".fui-Badge")?.textContent ?? "";
};

/** `C6EFCE` as the DOM reports a colour: `rgb(198, 239, 206)`. */
const hexToRgb = (hex: string): string =>
  `rgb(${[0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

const countOf = (status: string): string =>
  within(screen.getByRole("list", { name: "各状态任务数" }))
    .getAllByRole("listitem")
    .find((item) => item.textContent?.startsWith(status))
    ?.textContent?.slice(status.length)
    .trim() ?? "";

describe("ProgressStep", () => {
  it("reads the ledger from the workbook and shows each row's status in words, with counts", async () => {
    const user = userEvent.setup();
    const read: ReadWorkbookResult = {
      ok: true,
      ledger: reportedLedger(),
      diagnostics: [
        {
          code: "unknown-status",
          severity: "warning",
          message:
            "第 5 行填报状态“完成”不在列表中（可能是“已完成”），已原样保留，未按该状态计；请从列表中选择。",
        },
      ],
    };
    const workbook = stubWorkbook({ read: () => Promise.resolve(read) });
    render(inPane(<Harness />, workbook));
    expect(screen.queryByRole("table")).toBeNull();

    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    await screen.findByRole("table", { name: "任务状态" });
    expect(workbook.reads).toBe(1);
    expect(screen.getByText("读取时有 1 条提示")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "报送期次" })).toHaveProperty("value", "2024-Q3");
    expect(statusOfRow(/临床重点专科/)).toBe("已完成");
    expect(statusOfRow(/电子病历/)).toBe("进度滞后");
    expect(statusOfRow(/医共体/)).toBe("未报送");
    expect(screen.getByText(/完成 50\.0%，序时 /)).toBeTruthy();
    expect(["已完成", "进度滞后", "逾期未完成", "未报送"].map(countOf)).toEqual(["1", "1", "0", "1"]);
    expect(screen.getByRole("button", { name: "重新读取工作簿" })).toBeTruthy();
  });

  it("counts what someone typed into 进度填报 in Excel", async () => {
    const user = userEvent.setup();
    const ledger = reportedLedger();
    const excel = new FakeExcel();
    const written = await writeWorkbookPlan(excel.context, buildWorkbookPlan(ledger), ALL_CAPABILITIES);
    expect(written.ok).toBe(true);
    // The 医共体 row's 2024-Q3 line: its unit reports it done, by hand, in Excel.
    const sheet = excel.sheet("进度填报");
    const grid = sheet.grid();
    const header = grid.findIndex((cells) => cells.includes("填报状态"));
    const statusColumn = grid[header]!.indexOf("填报状态");
    const number = ledger.rows[2]!.number;
    const line = grid.findIndex((cells) => cells[0] === "2024年第三季度" && cells[1] === number);
    expect(line).toBeGreaterThan(header);
    sheet.setCell(line + 1, statusColumn + 1, typeInto("已完成") ?? null);

    render(inPane(<Harness />, scriptedWorkbook(excel)));
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    await screen.findByRole("table", { name: "任务状态" });
    expect(statusOfRow(/临床重点专科/)).toBe("已完成");
    expect(statusOfRow(/电子病历/)).toBe("进度滞后");
    expect(statusOfRow(/医共体/)).toBe("已完成");
  });

  it("shows only the rows behind schedule when asked", async () => {
    const user = userEvent.setup();
    render(inPane(<Harness initial={reportedLedger()} />, stubWorkbook({})));
    await user.click(screen.getByRole("switch", { name: "只显示进度滞后、逾期未完成和未启动的任务" }));
    const rows = within(screen.getByRole("table", { name: "任务状态" })).getAllByRole("row");
    expect(rows).toHaveLength(2);
    expect(statusOfRow(/电子病历/)).toBe("进度滞后");
    // The counts still cover every row.
    expect(countOf("未报送")).toBe("1");
    await user.selectOptions(screen.getByRole("combobox", { name: "报送期次" }), "2024-Q1");
    expect(screen.getByText("没有符合条件的任务。")).toBeTruthy();
  });

  it("judges the rows again for another period", async () => {
    const user = userEvent.setup();
    render(inPane(<Harness initial={reportedLedger()} />, stubWorkbook({})));
    await user.selectOptions(screen.getByRole("combobox", { name: "报送期次" }), "2024-Q1");
    expect(statusOfRow(/临床重点专科/)).toBe("未报送");
    expect(statusOfRow(/电子病历/)).toBe("未报送");
    expect(countOf("未报送")).toBe("3");
  });

  it("shows each row's 预警 in the sheet's colours and what a unit sent against itself", () => {
    const ledger = reportedLedger();
    const [specialties] = ledger.rows;
    // 已完成 chosen, but the number says otherwise: kept, judged by the number, flagged.
    const contradicted = {
      ...ledger,
      progress: ledger.progress.map((e) =>
        e.rowId === specialties!.id && e.period === "2024-Q3"
          ? { ...e, actual: 1, status: "已完成" as const }
          : e,
      ),
    };
    render(inPane(<Harness initial={contradicted} />, stubWorkbook({})));
    const row = within(screen.getByRole("table", { name: "任务状态" }))
      .getAllByRole("row")
      .find((r) => /临床重点专科/.test(r.textContent ?? ""))!;
    const assessed = assessLedger(contradicted, contradicted.period).rows.find(
      (r) => r.row.id === specialties!.id,
    )!;
    expect(statusOfRow(/临床重点专科/)).toBe(assessed.status);
    expect(assessed.check).toBe("填报状态与完成值不符");
    expect(within(row).getByText("需核实：填报状态与完成值不符")).toBeTruthy();
    const alert = within(row).getByLabelText(`预警：${ALERT_WORDS[assessed.alert]}`);
    expect(alert.textContent).toBe(assessed.alert);
    expect(alert.style.backgroundColor).toBe(hexToRgb(ALERT_COLOURS[assessed.alert].fill));
  });

  it("shows why the workbook could not be read", async () => {
    const user = userEvent.setup();
    const answers: ReadWorkbookResult[] = [
      { ok: false, code: "not-a-ledger", message: "这个工作簿不是督办台账：找不到“_duban”工作表。" },
    ];
    const workbook = stubWorkbook({
      read: () => {
        const answer = answers.shift();
        return answer ? Promise.resolve(answer) : Promise.reject(new Error("GeneralException"));
      },
    });
    render(inPane(<Harness />, workbook));
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    expect(await screen.findByText("这个工作簿不是督办台账：找不到“_duban”工作表。")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "读取工作簿中的台账" }));
    expect(await screen.findByText("读取台账失败：GeneralException")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says outside Excel that reading needs Excel", () => {
    render(inPane(<Harness />, undefined));
    expect(screen.getByText("读取工作簿中的台账需要在 Excel 中打开本加载项。")).toBeTruthy();
  });
});
