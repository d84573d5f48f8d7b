/** @jest-environment jsdom */
import "../../testing/dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { reviewDocument } from "../../../../test/fixtures/reviewDocument";
import type { TaskEdit } from "../../../core/review";
import { TaskEditor } from "./TaskEditor";

async function open(taskIndex: number) {
  const document = reviewDocument();
  const saved: TaskEdit[] = [];
  const onClose = jest.fn();
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskEditor
        document={document}
        task={document.tasks[taskIndex]}
        onSave={(edit) => saved.push(edit)}
        onClose={onClose}
      />
    </FluentProvider>,
  );
  const dialog = await screen.findByRole("dialog");
  return { user, saved, onClose, dialog };
}

describe("TaskEditor", () => {
  it("starts from the task as parsed and hands back units in canonical form", async () => {
    const { user, saved, dialog } = await open(0);
    const lead = within(dialog).getByRole("textbox", { name: "牵头单位" });
    expect(lead).toHaveProperty("value", "市卫生健康委");
    expect(within(dialog).getByRole("textbox", { name: "配合单位" })).toHaveProperty("value", "市医保局");
    await user.type(lead, "，市卫健委、省人社厅");
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.leadUnits).toEqual(["市卫生健康委", "人力资源社会保障厅"]);
    expect(saved[0]!.coUnits).toEqual(["市医保局"]);
  });

  it("offers only suggestions not yet chosen, and co-unit suggestions once there is a lead", async () => {
    const { user, dialog } = await open(1);
    const leadSuggestions = () =>
      within(dialog)
        .queryAllByRole("button", { name: /^添加牵头单位：/ })
        .map((b) => b.textContent);
    expect(leadSuggestions()).toEqual(["市妇幼保健院", "市疾控中心", "市卫生健康委", "市医保局"]);
    await user.type(within(dialog).getByRole("textbox", { name: "牵头单位" }), "市疾病预防控制中心");
    expect(leadSuggestions()).toEqual(["市妇幼保健院", "市卫生健康委", "市医保局"]);
    expect(within(dialog).getAllByRole("button", { name: /^添加配合单位：/ })).toHaveLength(3);
  });

  it("refuses a target that is not a number, and a missing one, saying why beside the field", async () => {
    const { user, saved, dialog } = await open(0);
    const cover = within(dialog).getByRole("group", { name: "指标：县域内就诊率" });
    const value = within(cover).getByRole("textbox", { name: "目标值" });
    await user.clear(value);
    await user.type(value, "约九成");
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    expect(within(cover).getByText("“约九成”不是数值。")).toBeTruthy();
    await user.clear(value);
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    expect(within(cover).getByText("请填写目标值，或把比较方式改为“节点”。")).toBeTruthy();
    expect(saved).toEqual([]);

    await user.type(value, "4.1万");
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    expect(saved[0]!.indicators[0]).toEqual({ id: "d1-T001-I01", op: ">=", value: 41000, unit: "%" });
  });

  it("lets the 起始值 be set, and refuses one that is not a number", async () => {
    const { user, saved, dialog } = await open(0);
    const cover = within(dialog).getByRole("group", { name: "指标：县域内就诊率" });
    const baseline = within(cover).getByRole("textbox", { name: "起始值" });
    await user.type(baseline, "八成");
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    expect(saved).toHaveLength(0);
    expect(within(cover).getByText("“八成”不是数值。")).toBeTruthy();
    await user.clear(baseline);
    await user.type(baseline, "80");
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    expect(saved[0]!.indicators[0]).toMatchObject({ baseline: 80 });
  });

  it("turns a target into a milestone, which needs no value", async () => {
    const { user, saved, dialog } = await open(0);
    const centres = within(dialog).getByRole("group", { name: "指标：新建胸痛中心" });
    await user.selectOptions(within(centres).getByRole("combobox", { name: "比较" }), "milestone");
    expect(within(centres).getByRole("textbox", { name: "目标值" })).toHaveProperty("disabled", true);
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    expect(saved[0]!.indicators[1]).toMatchObject({
      id: "d1-T001-I02",
      op: "milestone",
      deadline: "2024-06-30",
    });
  });

  it("closes with Escape without saving", async () => {
    const { user, saved, onClose } = await open(2);
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(saved).toEqual([]);
  });
});
