/** @jest-environment jsdom */
import "../../testing/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Adoption, CellGrid } from "../../../core/adopt";
import { bestAdoption } from "../../../core/adopt";
import { inPane } from "../../testing/workbooks";
import { TableMapping } from "./TableMapping";

const GRID: CellGrid = {
  name: "台账.xlsx",
  sheet: "分解表",
  origin: { row: 1, column: 1 },
  merges: [],
  rows: [
    ["序号", "工作任务", "主办", "完成时限"],
    ["1", "新建社区医院3家", "市卫健委", "2024年12月底"],
    ["2", "开展老年人免费体检", "市疾控中心", "2024年6月底"],
  ],
};

function setup() {
  const adopted = bestAdoption([GRID], { fallbackYear: 2024 });
  if (!adopted.ok) throw new Error(adopted.message);
  const changes: Adoption[] = [];
  const user = userEvent.setup({ delay: null });
  render(inPane(<TableMapping adoption={adopted} onChange={(next) => changes.push(next)} />, undefined));
  return { user, changes };
}

describe("TableMapping", () => {
  it("lists each column with its role and reads the table again when one is changed", async () => {
    const { user, changes } = setup();
    await user.click(screen.getByRole("button", { name: "列的对应（4 列）" }));
    const lead = screen.getByRole<HTMLSelectElement>("combobox", { name: "C列“主办”" });
    expect(lead.value).toBe("ignore");
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "D列“完成时限”" }).value).toBe("deadline");
    await user.selectOptions(lead, "牵头单位");
    expect(changes).toHaveLength(1);
    expect(changes[0]?.table.plan.tasks.map((t) => t.leadUnits)).toEqual([["市卫健委"], ["市疾控中心"]]);
    expect(changes[0]?.options.chosen).toEqual({ 2: "lead" });
  });

  it("refuses a change that leaves no task column, says why under the list, and keeps the reading", async () => {
    const { user, changes } = setup();
    await user.click(screen.getByRole("button", { name: "列的对应（4 列）" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "B列“工作任务”" }), "忽略");
    expect(changes).toEqual([]);
    expect(screen.getByText(/没有写任务内容的列/)).toBeTruthy();
  });
});
