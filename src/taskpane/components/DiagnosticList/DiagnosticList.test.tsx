/** @jest-environment jsdom */
import "../../testing/dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Diagnostic } from "../../../core/model";
import { DiagnosticList } from "./DiagnosticList";

const diagnostic = (n: number, severity: Diagnostic["severity"] = "warning"): Diagnostic => ({
  code: "uncertain-indicator",
  severity,
  message: `提示${n}`,
  at: { kind: "text", span: { start: n, end: n + 1 }, line: n, column: 1 },
});

const renderList = (diagnostics: Diagnostic[]) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <DiagnosticList label="解析提示" diagnostics={diagnostics} foldedCount={2} />
    </FluentProvider>,
  );

describe("DiagnosticList", () => {
  it("renders nothing when there is nothing to say", () => {
    renderList([]);
    expect(screen.queryByRole("region", { name: "解析提示" })).toBeNull();
  });

  it("folds a long list and unfolds it on request, with line numbers", async () => {
    renderList([diagnostic(1, "error"), diagnostic(2), diagnostic(3, "info")]);
    const list = screen.getByRole("region", { name: "解析提示" });
    expect(list.textContent).toContain("第 1 行：提示1");
    expect(list.textContent).toContain("第 2 行：提示2");
    expect(list.textContent).not.toContain("提示3");
    await userEvent.click(within(list).getByRole("button", { name: "显示其余 1 条提示" }));
    expect(list.textContent).toContain("第 3 行：提示3");
    expect(within(list).queryByRole("button", { name: /显示其余/ })).toBeNull();
  });
});

it("shows a task's warning by its words, never by the ID the ledger keeps for the task", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <DiagnosticList
        label="待确认的解析结果"
        diagnostics={[
          {
            code: "duplicate-task-number",
            severity: "warning",
            message: "“甲”与“乙”编号都是 1：可能是同一项任务读了两次，或编号有误。",
            at: { kind: "row", rowId: "026xjd8-T002" },
          },
        ]}
      />
    </FluentProvider>,
  );
  const list = screen.getByRole("region", { name: "待确认的解析结果" });
  expect(list.textContent).toContain("“甲”与“乙”编号都是 1");
  expect(list.textContent).not.toContain("026xjd8");
});
