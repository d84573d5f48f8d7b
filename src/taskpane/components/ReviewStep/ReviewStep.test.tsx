/** @jest-environment jsdom */
import "../../testing/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { reviewDocument } from "../../../../test/fixtures/reviewDocument";
import type { PlanDocument } from "../../../core/model";
import { parseDocument } from "../../../core/parse";
import { ReviewHarness } from "../../testing/ReviewHarness";

function setup() {
  const edits: PlanDocument[] = [];
  const user = userEvent.setup();
  render(<ReviewHarness initial={reviewDocument()} edits={edits} />);
  const latest = () => edits[edits.length - 1]!;
  return { user, edits, latest };
}

const table = () => screen.getByRole("table", { name: "任务与指标" });
/** The dialog's exit leaves the page hidden from assistive technology until it has finished. */
const editorClosed = async () => {
  await screen.findByRole("table", { name: "任务与指标" });
  expect(screen.queryByRole("dialog")).toBeNull();
};
/** Each body row's cells as text, for comparing what the table shows; section headings apart. */
const rows = () =>
  within(table())
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .queryAllByRole("cell")
        .map((cell) => cell.textContent),
    )
    .filter((cells) => cells.length > 0);
const headings = () =>
  within(table())
    .queryAllByRole("rowheader")
    .map((cell) => cell.textContent);

describe("ReviewStep", () => {
  it("lists tasks with their indicators, targets, deadlines and lead units", () => {
    setup();
    expect(
      within(table())
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["任务 / 指标", "目标", "时限"]);
    expect(rows()).toEqual([
      ["1. 提升县域医疗服务能力牵头：市卫生健康委；配合：市医保局", "", ""],
      ["县域内就诊率", "≥ 90%", "12月31日"],
      ["新建胸痛中心", "≥ 2–3 个", "6月30日"],
      ["2. 做好妇幼健康服务牵头：未指定1 条待确认", "", ""],
      ["适龄妇女宫颈癌筛查率", "≥ 70%", "12月31日"],
      ["3. 开展爱国卫生运动牵头：未指定", "节点", ""],
    ]);
  });

  it("lists the document's targets that belong to no task after the tasks", () => {
    const edits: PlanDocument[] = [];
    const doc = reviewDocument();
    const overall = {
      ...doc.tasks[0]!.indicators[0]!,
      id: "d1-I01",
      metric: "人均预期寿命",
      value: 79,
      unit: "岁",
    };
    delete overall.taskId;
    render(<ReviewHarness initial={{ ...doc, indicators: [overall] }} edits={edits} />);
    expect(rows().slice(-2)).toEqual([["不属于具体任务的指标"], ["人均预期寿命", "≥ 79 岁", "12月31日"]]);
    expect(screen.getByText(/3 项任务 · 4 个指标/)).toBeTruthy();
  });

  it("names the tasks without a lead unit, live, instead of the parser's summary", () => {
    setup();
    expect(screen.getByText(/还有 2 项任务没有牵头单位（第 2、3 项）/)).toBeTruthy();
    expect(screen.queryByText(/2 项任务没有写明牵头单位/)).toBeNull();
  });

  it("assigns units task by task with suggestions from the text, from the keyboard", async () => {
    const { user, latest } = setup();
    await user.click(screen.getByRole("button", { name: "逐项指定" }));

    const dialog = await screen.findByRole("dialog", { name: "任务 2：做好妇幼健康服务" });
    expect(within(dialog).getByLabelText("任务原文").textContent).toContain(
      "市妇幼保健院、市疾控中心加强指导",
    );
    const suggestions = within(dialog)
      .getAllByRole("button", { name: /^添加牵头单位：/ })
      .map((b) => b.textContent);
    expect(suggestions).toEqual(["市妇幼保健院", "市疾控中心", "市卫生健康委", "市医保局"]);
    expect(within(dialog).queryByRole("button", { name: /^添加配合单位：/ })).toBeNull();

    within(dialog).getByRole("button", { name: "添加牵头单位：市妇幼保健院" }).focus();
    await user.keyboard("{Enter}");
    expect(within(dialog).getByRole("textbox", { name: "牵头单位" })).toHaveProperty("value", "市妇幼保健院");
    await user.click(within(dialog).getByRole("button", { name: "添加配合单位：市疾控中心" }));
    await user.click(within(dialog).getByRole("button", { name: "保存并指定下一项" }));

    const task2 = latest().tasks[1]!;
    expect([task2.leadUnits, task2.coUnits]).toEqual([["市妇幼保健院"], ["市疾控中心"]]);
    const next = await screen.findByRole("dialog", { name: "任务 3：开展爱国卫生运动" });
    // The last task without a unit: nothing to go on to.
    expect(within(next).queryByRole("button", { name: "保存并指定下一项" })).toBeNull();
    await user.type(within(next).getByRole("textbox", { name: "牵头单位" }), "市爱卫办{Enter}");

    await editorClosed();
    expect(latest().tasks[2]!.leadUnits).toEqual(["市爱卫办"]);
    expect(screen.getByText("每项任务都有牵头单位。")).toBeTruthy();
    expect(rows()[3]![0]).toBe("2. 做好妇幼健康服务牵头：市妇幼保健院；配合：市疾控中心1 条待确认");
  });

  it("adopts a doubtful reading into its task", async () => {
    const { user, edits, latest } = setup();
    const list = screen.getByRole("region", { name: "待确认的解析结果" });
    expect(list.textContent).toContain("第 6 行：“全覆盖”可能是目标“产前筛查覆盖率”");
    await user.click(within(list).getByRole("button", { name: "采用指标“产前筛查覆盖率”" }));

    expect(latest().tasks[1]!.indicators.map((i) => i.metric)).toEqual([
      "适龄妇女宫颈癌筛查率",
      "产前筛查覆盖率",
    ]);
    expect(rows()[5]).toEqual(["产前筛查覆盖率", "= 100%", "12月31日"]);
    expect(screen.queryByRole("region", { name: "待确认的解析结果" })).toBeNull();
    expect(rows()[3]![0]).toBe("2. 做好妇幼健康服务牵头：未指定");
    expect(edits).toHaveLength(1);
  });

  it("dismissing leaves the indicators as parsed", async () => {
    const { user, latest } = setup();
    await user.click(screen.getByRole("button", { name: /^忽略提示：/ }));
    expect(latest().diagnostics.map((d) => d.code)).toEqual(["task-without-units"]);
    expect(latest().tasks[1]!.indicators).toHaveLength(1);
  });

  it("shows only the tasks that need attention when asked", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("switch", { name: "只显示需要处理的任务" }));
    expect(
      within(table())
        .getAllByRole("button", { name: /^\d+\. / })
        .map((b) => b.textContent),
    ).toEqual(["2. 做好妇幼健康服务", "3. 开展爱国卫生运动"]);
  });

  it("edits targets and deadlines of a task", async () => {
    const { user, latest } = setup();
    await user.click(within(table()).getByRole("button", { name: "1. 提升县域医疗服务能力" }));
    const dialog = await screen.findByRole("dialog", { name: "任务 1：提升县域医疗服务能力" });
    const centres = within(dialog).getByRole("group", { name: "指标：新建胸痛中心" });
    const value = within(centres).getByRole("textbox", { name: "目标值" });
    expect(value).toHaveProperty("value", "2");
    await user.clear(value);
    await user.type(value, "4");
    const deadline = within(dialog).getByLabelText("任务时限");
    await user.type(deadline, "2024-09-30");
    await user.click(within(dialog).getByRole("button", { name: "保存" }));

    await editorClosed();
    expect(rows().slice(0, 3)).toEqual([
      ["1. 提升县域医疗服务能力牵头：市卫生健康委；配合：市医保局", "", "9月30日"],
      ["县域内就诊率", "≥ 90%", "9月30日"],
      ["新建胸痛中心", "≥ 4 个", "6月30日"],
    ]);
    expect(latest().tasks[0]!.deadline).toBe("2024-09-30");
  });

  it("keeps the document as it was when the editor is cancelled", async () => {
    const { user, edits } = setup();
    await user.click(within(table()).getByRole("button", { name: "1. 提升县域医疗服务能力" }));
    const dialog = await screen.findByRole("dialog", { name: "任务 1：提升县域医疗服务能力" });
    await user.type(within(dialog).getByRole("textbox", { name: "牵头单位" }), "、市财政局");
    await user.keyboard("{Escape}");
    await editorClosed();
    expect(edits).toEqual([]);
    expect(rows()[0]![0]).toBe("1. 提升县域医疗服务能力牵头：市卫生健康委；配合：市医保局");
  });
});

describe("ReviewStep's structure edits", () => {
  const titles = () =>
    within(table())
      .getAllByRole("button", { name: /^\S+\. / })
      .map((b) => b.textContent);

  it("deletes, merges and splits tasks from each task's menu, and 撤销 (button and Ctrl+Z) goes back", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "任务 2 的操作" }));
    await user.click(screen.getByRole("menuitem", { name: "删除任务" }));
    expect(titles()).toEqual(["1. 提升县域医疗服务能力", "3. 开展爱国卫生运动"]);

    await user.click(screen.getByRole("button", { name: "撤销" }));
    expect(titles()).toHaveLength(3);

    await user.click(screen.getByRole("button", { name: "任务 1 的操作" }));
    await user.click(screen.getByRole("menuitem", { name: "与下一项合并" }));
    expect(titles()).toEqual(["1. 提升县域医疗服务能力", "3. 开展爱国卫生运动"]);
    screen.getByRole("button", { name: "撤销" }).focus();
    await user.keyboard("{Control>}z{/Control}");
    expect(titles()).toHaveLength(3);

    await user.click(screen.getByRole("button", { name: "任务 1 的操作" }));
    await user.click(screen.getByRole("menuitem", { name: "拆分任务…" }));
    const dialog = await screen.findByRole("dialog");
    const choices = within(dialog).getAllByRole("radio");
    expect(choices.length).toBeGreaterThan(0);
    await user.click(choices[0]!);
    await user.click(within(dialog).getByRole("button", { name: "拆分" }));
    await editorClosed();
    expect(titles()).toHaveLength(4);
  });

  it("adds a task, then opens its editor, where a target is added", async () => {
    const { user, latest } = setup();
    await user.click(screen.getByRole("button", { name: "添加任务…" }));
    const add = await screen.findByRole("dialog");
    await user.click(within(add).getByRole("button", { name: "添加并编辑" }));
    expect(within(add).getByText("请填写任务标题。")).toBeTruthy();
    await user.type(within(add).getByRole("textbox", { name: "任务标题" }), "加强基层人才队伍建设");
    await user.click(within(add).getByRole("button", { name: "添加并编辑" }));
    const editor = await screen.findByRole("dialog", { name: /加强基层人才队伍建设/ });
    await user.click(within(editor).getByRole("button", { name: "添加指标" }));
    const target = within(editor).getByRole("group", { name: "新增指标 1" });
    await user.type(within(target).getByRole("textbox", { name: "指标名称" }), "招聘医生");
    await user.type(within(target).getByRole("textbox", { name: "目标值" }), "20");
    await user.type(within(target).getByRole("textbox", { name: "单位" }), "名");
    await user.click(within(editor).getByRole("button", { name: "保存" }));
    await editorClosed();
    const added = latest().tasks.at(-1)!;
    expect(added).toMatchObject({ number: "4", title: "加强基层人才队伍建设" });
    expect(added.indicators.map((i) => [i.metric, i.op, i.value, i.unit])).toEqual([
      ["招聘医生", ">=", 20, "名"],
    ]);
  });

  it("moves a target to another task and deletes one, in the editor", async () => {
    const { user, latest } = setup();
    await user.click(within(table()).getByRole("button", { name: "1. 提升县域医疗服务能力" }));
    const editor = await screen.findByRole("dialog", { name: "任务 1：提升县域医疗服务能力" });
    const cover = within(editor).getByRole("group", { name: "指标：县域内就诊率" });
    await user.click(within(cover).getByRole("button", { name: "移到其他任务…" }));
    // The list of tasks opens with focus on it.
    expect(document.activeElement).toBe(within(cover).getByRole("combobox", { name: "归属任务" }));
    await user.selectOptions(
      within(cover).getByRole("combobox", { name: "归属任务" }),
      "移到 3. 开展爱国卫生运动",
    );
    const centres = within(editor).getByRole("group", { name: "指标：新建胸痛中心" });
    await user.click(within(centres).getByRole("button", { name: "删除此指标" }));
    await user.click(within(editor).getByRole("button", { name: "保存" }));
    await editorClosed();
    const [first, , third] = latest().tasks;
    expect(first!.indicators).toEqual([]);
    expect(third!.indicators.map((i) => i.metric)).toEqual(["县域内就诊率"]);
  });

  it("changes the document's title and year, and refuses a year that is none", async () => {
    const { user, latest } = setup();
    await user.click(screen.getByRole("button", { name: "文件标题与年度" }));
    const year = screen.getByRole("spinbutton", { name: "年度" });
    await user.clear(year);
    await user.type(year, "24");
    await user.click(screen.getByRole("button", { name: "应用" }));
    expect(screen.getByText("年度应是 2000 至 2100 之间的整数，如 2024。")).toBeTruthy();
    await user.clear(year);
    await user.type(year, "2025");
    await user.click(screen.getByRole("button", { name: "应用" }));
    expect(latest().year).toBe(2025);
  });
});

describe("ReviewStep's search and sections", () => {
  it("heads each section's tasks with its title, and finds tasks by number, words or unit", async () => {
    const { user } = setup();
    expect(headings()).toEqual(["一、医疗服务", "二、公共卫生"]);
    const search = screen.getByRole("searchbox", { name: "搜索任务" });
    await user.type(search, "妇幼");
    expect(
      within(table())
        .getAllByRole("button", { name: /^\d+\. / })
        .map((b) => b.textContent),
    ).toEqual(["2. 做好妇幼健康服务"]);
    await user.clear(search);
    await user.type(search, "市卫生健康委");
    expect(within(table()).getAllByRole("button", { name: /^\d+\. / })).toHaveLength(1);
    await user.clear(search);
    await user.type(search, "没有这样的任务");
    expect(screen.getByText("没有与“没有这样的任务”相符的任务。")).toBeTruthy();
  });
});

describe("ReviewStep's focus", () => {
  it("returns to the task's button when its editor closes, saved or cancelled", async () => {
    const { user } = setup();
    const task = within(table()).getByRole("button", { name: "1. 提升县域医疗服务能力" });
    await user.click(task);
    const editor = await screen.findByRole("dialog");
    await user.click(within(editor).getByRole("button", { name: "取消" }));
    await editorClosed();
    expect(document.activeElement?.textContent).toBe("1. 提升县域医疗服务能力");
    await user.click(within(table()).getByRole("button", { name: "1. 提升县域医疗服务能力" }));
    const again = await screen.findByRole("dialog");
    await user.click(within(again).getByRole("button", { name: "保存" }));
    await editorClosed();
    expect(document.activeElement?.textContent).toBe("1. 提升县域医疗服务能力");
  });
});

describe("ReviewStep's source text", () => {
  it("shows where a doubtful reading is, marked in the source, instead of a line number", async () => {
    const text = [
      "2024年全市卫生健康工作要点",
      "1.加强妇幼健康服务。重点打造10个专科。（责任单位：市卫生健康委）",
      "2.推进智慧医院建设。（责任单位：市卫生健康委）",
    ].join("\n");
    const plan = parseDocument(text, { sourceName: "要点.txt" });
    expect(plan.diagnostics.some((d) => d.code === "uncertain-indicator")).toBe(true);
    const user = userEvent.setup();
    render(<ReviewHarness initial={plan} edits={[]} source={text} />);
    const list = screen.getByRole("region", { name: "待确认的解析结果" });
    expect(list.textContent).not.toMatch(/第 \d+ 行/);
    await user.click(within(list).getAllByRole("button", { name: "在原文中查看" })[0]!);
    const source = screen.getByRole("region", { name: "原文" });
    const mark = source.querySelector("mark");
    expect(mark?.textContent).toContain("10个");
    expect(document.activeElement).toBe(mark);
    await user.click(within(source).getByRole("button", { name: "关闭原文" }));
    expect(screen.queryByRole("region", { name: "原文" })).toBeNull();
  });
});

describe("ReviewStep's start and end of the plan", () => {
  const text = [
    "市卫生健康委关于做好2024年重点工作的通知",
    "各区卫生健康局，委机关各处室：",
    "现将有关事项通知如下。",
    "1.各单位要高度重视，认真组织实施。",
    "2.请于每季度末5日前报送工作进展情况。",
    "2024年全市卫生健康重点工作",
    "1.加强临床重点专科建设。新建省级临床重点专科5个。（牵头单位：医政处；配合单位：财务处）",
    "2.完善分级诊疗制度。6月底前出台紧密型县域医共体建设实施方案。（牵头单位：基层处）",
    "3.开展老年人健康管理。65岁以上老年人健康管理率达到70%。（牵头单位：老龄处）",
  ].join("\n");
  const taskButtons = () =>
    within(table())
      .getAllByRole("button", { name: /^\d+\. / })
      .map((button) => button.textContent);

  it("drops a cover notice read as tasks by starting at the plan's own line, from the keyboard, keeping the edits that still apply", async () => {
    const plan = parseDocument(text, { sourceName: "通知.txt" });
    // The notice's own requirements are read as tasks 1 and 2 before the plan's.
    expect(plan.tasks).toHaveLength(5);
    const user = userEvent.setup();
    render(<ReviewHarness initial={plan} edits={[]} source={text} />);

    await user.click(screen.getByRole("button", { name: "文件标题与年度" }));
    const title = screen.getByRole("textbox", { name: "文件标题" });
    await user.clear(title);
    await user.type(title, "市卫健委2024年重点工作");
    await user.click(screen.getByRole("button", { name: "应用" }));
    // An edit of the notice's requirement: it will not apply once the notice is left out.
    await user.click(screen.getAllByRole("button", { name: "任务 2 的操作" })[0]!);
    await user.click(await screen.findByRole("menuitem", { name: "删除任务" }));
    expect(taskButtons()).toHaveLength(4);

    await user.click(screen.getByRole("button", { name: "原文：从哪里开始，到哪里结束" }));
    const lines = screen.getByRole("listbox", { name: "原文各行" });
    // The lines the tasks start on are marked.
    expect(
      within(lines)
        .getAllByText(/^任务 /)
        .map((badge) => badge.textContent),
    ).toEqual(["任务 1", "任务 1", "任务 2", "任务 3"]);
    lines.focus();
    await user.keyboard("{Home}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}");
    expect(within(lines).getByRole("option", { selected: true }).textContent).toBe(
      "2024年全市卫生健康重点工作",
    );
    await user.click(screen.getByRole("button", { name: "从这一行开始" }));

    expect(taskButtons()).toEqual([
      "1. 加强临床重点专科建设",
      "2. 完善分级诊疗制度",
      "3. 开展老年人健康管理",
    ]);
    expect(screen.getByRole("status").textContent).toContain("有 1 处所涉任务不在范围内");
    // The title typed before is the title still.
    const titled = screen.getAllByText("市卫健委2024年重点工作").filter((shown) => !lines.contains(shown));
    expect(titled).toHaveLength(1);
    // The notice's lines are shown as left out.
    expect(within(lines).getAllByRole("option")[3]!.textContent).toContain("（不读）");

    // The end, too: the plan ends with its second task.
    await user.click(within(lines).getByText(/^2\.完善分级诊疗制度/));
    await user.click(screen.getByRole("button", { name: "到这一行结束" }));
    expect(taskButtons()).toEqual(["1. 加强临床重点专科建设", "2. 完善分级诊疗制度"]);
    await user.click(screen.getByRole("button", { name: "撤销" }));

    // 撤销 brings the reading before the start moved back, the deletion with it.
    await user.click(screen.getByRole("button", { name: "撤销" }));
    expect(taskButtons()).toHaveLength(4);
  });
});

describe("ReviewStep with a thousand tasks", () => {
  const text = [
    "2024年全市卫生健康工作任务清单",
    ...Array.from(
      { length: 1000 },
      (_, i) => `${i + 1}.推进第${i + 1}项重点工作。年底前完成。（牵头单位：市卫生健康委）`,
    ),
  ].join("\n");

  it("renders only the rows in view, and the search finds a task far below them", async () => {
    // jsdom lays nothing out: a 600 px table whose rows are 40 px each.
    const height = jest.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(600);
    const rowHeight = jest.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(40);
    try {
      const plan = parseDocument(text, { sourceName: "清单.txt" });
      expect(plan.tasks).toHaveLength(1000);
      const user = userEvent.setup();
      render(<ReviewHarness initial={plan} edits={[]} />);
      const shown = () => [...table().querySelectorAll("[data-task-id]")].map((button) => button.textContent);
      expect(shown().length).toBeGreaterThan(5);
      expect(shown().length).toBeLessThan(60);
      expect(shown()).not.toContain("998. 推进第998项重点工作");
      await user.type(screen.getByRole("searchbox", { name: "搜索任务" }), "第998项");
      expect(shown()).toEqual(["998. 推进第998项重点工作"]);
    } finally {
      height.mockRestore();
      rowHeight.mockRestore();
    }
  });
});

it("does not show a task outside any section as if under the section before it", () => {
  const text = [
    "2024年工作要点",
    "一、医疗服务",
    "1.建设专科。（牵头单位：医政处）",
    "2.完善制度。（牵头单位：基层处）",
  ].join("\n");
  const plan = parseDocument(text, { sourceName: "要点.txt" });
  const loose = { ...plan, tasks: plan.tasks.map((task, k) => (k === 1 ? { ...task, section: "" } : task)) };
  delete loose.tasks[1]!.sectionId;
  render(<ReviewHarness initial={loose} edits={[]} />);
  expect(
    within(table())
      .getAllByRole("rowheader")
      .map((cell) => cell.textContent),
  ).toEqual(["一、医疗服务", "（不属于任何部分）"]);
});

it("deletes several ticked tasks in one step, and 撤销 brings them all back", async () => {
  const { user } = setup();
  const numbers = () =>
    [...table().querySelectorAll("[data-task-id]")].map((button) => button.textContent?.split(".")[0]);
  expect(numbers()).toEqual(["1", "2", "3"]);
  await user.click(screen.getByRole("checkbox", { name: /^选择任务 1 / }));
  screen.getByRole("checkbox", { name: /^选择任务 3 / }).focus();
  await user.keyboard(" ");
  await user.click(screen.getByRole("button", { name: "删除所选（2 项）" }));
  expect(numbers()).toEqual(["2"]);
  expect(screen.queryByRole("button", { name: /删除所选/ })).toBeNull();
  // The button went with the selection; focus stays in the toolbar.
  expect(document.activeElement).toBe(screen.getByRole("button", { name: "撤销" }));
  await user.click(screen.getByRole("button", { name: "撤销" }));
  expect(numbers()).toEqual(["1", "2", "3"]);
});
