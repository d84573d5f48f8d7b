import type { CellGrid, CellRange } from "./grid";
import { MAX_GRID_CELLS, cropGrid, rowPlace } from "./grid";
import { adoptTable } from "./adopt";
import { findHeader } from "./header";

const grid = (rows: string[][], merges: CellRange[] = [], sheet = "任务分解"): CellGrid => ({
  name: "任务表.xlsx",
  sheet,
  rows,
  merges,
  origin: { row: 1, column: 1 },
});

const adopted = (g: CellGrid, options = {}) => {
  const result = adoptTable(g, { fallbackYear: 2024, ...options });
  if (!result.ok) throw new Error(result.message);
  return result.table;
};

const brief = (g: CellGrid, options = {}) =>
  adopted(g, options).plan.tasks.map((t) => ({
    number: t.number,
    title: t.title,
    section: t.section,
    lead: t.leadUnits,
    co: t.coUnits,
    deadline: t.deadline,
  }));

describe("the header", () => {
  test("is found under source and title rows; a merged title is no header", () => {
    const g = grid(
      [
        ["来源：http://example.gov.cn/1.html"],
        ["2024年全市卫生健康重点工作任务分解表"],
        ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
        ["1", "新建社区医院3家", "市卫健委", "市发改委", "2024年12月底"],
      ],
      [{ top: 1, left: 0, bottom: 1, right: 4 }],
    );
    const mapping = findHeader(g);
    expect(mapping?.headerRows).toEqual({ first: 2, last: 2 });
    expect(mapping?.columns.map((c) => c.role)).toEqual(["number", "task", "lead", "co", "deadline"]);
    expect(adopted(g).plan.title).toBe("2024年全市卫生健康重点工作任务分解表");
  });

  test("a 督办 table's words: 督办事项, 主办单位, 协办单位, 办理时限, 办理情况, 存在问题", () => {
    const g = grid([
      ["序号", "督办事项", "主办单位", "协办单位", "办理时限", "办理情况", "存在问题"],
      ["1", "新建社区医院3家", "市卫健委", "市发改委", "2024年12月底", "已选址", "资金未到位"],
    ]);
    expect(findHeader(g)?.columns.map((c) => c.role)).toEqual([
      "number",
      "task",
      "lead",
      "co",
      "deadline",
      "progress",
      "note",
    ]);
    expect(brief(g)).toEqual([
      expect.objectContaining({ lead: ["市卫健委"], co: ["市发改委"], deadline: "2024-12-31" }),
    ]);
  });

  test("a 问题整改台账: the problems are the tasks, 整改时限 as a spreadsheet writes dates", () => {
    const g = grid([
      ["序号", "问题描述", "整改措施", "整改时限", "责任单位", "责任人"],
      ["1", "基层医疗机构人才不足", "招聘医学毕业生50名", "2024-12-31", "区卫健局", "张三"],
      ["2", "家庭医生签约率低", "签约率提升至45%", "2024/9/30", "区卫健局", "李四"],
    ]);
    expect(findHeader(g)?.columns.map((c) => c.role)).toEqual([
      "number",
      "task",
      "measures",
      "deadline",
      "lead",
      "person",
    ]);
    expect(brief(g).map((t) => [t.title, t.lead, t.deadline])).toEqual([
      ["基层医疗机构人才不足", ["区卫健局"], "2024-12-31"],
      ["家庭医生签约率低", ["区卫健局"], "2024-09-30"],
    ]);
  });

  test("two rows: 责任单位 merged over 牵头单位 and 配合单位", () => {
    const g = grid(
      [
        ["序号", "重点任务", "责任单位", "", "完成时限"],
        ["", "", "牵头单位", "配合单位", ""],
        ["1", "新建社区医院3家", "市卫健委", "市发改委、市财政局", "2024年12月底"],
      ],
      [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 1, right: 1 },
        { top: 0, left: 2, bottom: 0, right: 3 },
        { top: 0, left: 4, bottom: 1, right: 4 },
      ],
    );
    const mapping = findHeader(g);
    expect(mapping?.headerRows).toEqual({ first: 0, last: 1 });
    expect(mapping?.columns.map((c) => c.header)).toEqual([
      "序号",
      "重点任务",
      "责任单位/牵头单位",
      "责任单位/配合单位",
      "完成时限",
    ]);
    expect(brief(g)).toEqual([
      {
        number: "1",
        title: "新建社区医院3家",
        section: "",
        lead: ["市卫健委"],
        co: ["市发改委", "市财政局"],
        deadline: "2024-12-31",
      },
    ]);
  });

  test("two rows without merges, as a .csv keeps them", () => {
    const g = grid([
      ["序号", "工作任务", "责任单位", "", "完成时限"],
      ["", "", "牵头单位", "配合单位", ""],
      ["1", "开展免费体检", "市疾控中心", "各区县卫健局", "年底前"],
    ]);
    expect(brief(g)[0]).toMatchObject({ lead: ["市疾控中心"], co: ["各区县卫健局"] });
  });

  test("a first data row is never read as a second header row", () => {
    const g = grid([
      ["序号", "工作任务", "责任单位", "完成时限"],
      ["1", "工作方案", "办公室", "3月底"],
    ]);
    expect(findHeader(g)?.headerRows).toEqual({ first: 0, last: 0 });
  });
});

describe("merged cells", () => {
  test("a category merged down names the section of every row it spans", () => {
    const g = grid(
      [
        ["序号", "类别", "工作任务", "责任单位", "完成时限"],
        ["1", "基层能力提升", "新建社区医院3家", "市卫健委", "2024年12月底"],
        ["2", "", "推进家庭医生签约", "基层科", "2024年10月"],
        ["3", "公共卫生", "开展免费体检", "市疾控中心", "年底前"],
      ],
      [{ top: 1, left: 1, bottom: 2, right: 1 }],
    );
    expect(brief(g).map((t) => [t.number, t.section])).toEqual([
      ["1", "基层能力提升"],
      ["2", "基层能力提升"],
      ["3", "公共卫生"],
    ]);
  });

  test("a unit merged down is every spanned row's unit; a number merged down makes one task", () => {
    const g = grid(
      [
        ["序号", "重点任务", "具体措施", "牵头单位", "完成时限"],
        ["1", "提升基层服务能力", "新建社区医院3家", "市卫健委", "6月底前"],
        ["", "", "培训乡村医生500人次", "市卫健委", "12月底前"],
        ["2", "加强疾病预防控制", "开展免费体检", "市疾控中心", "年底前"],
      ],
      [
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 3, bottom: 2, right: 3 },
      ],
    );
    const table = adopted(g);
    expect(table.plan.tasks.map((t) => [t.number, t.title, t.leadUnits])).toEqual([
      ["1", "提升基层服务能力", ["市卫健委"]],
      ["2", "加强疾病预防控制", ["市疾控中心"]],
    ]);
    expect(table.plan.tasks[0]?.measures).toContain("培训乡村医生500人次");
    expect(table.places).toEqual({
      [table.plan.tasks[0]?.id ?? ""]: "“任务分解”工作表第2—3行",
      [table.plan.tasks[1]?.id ?? ""]: "“任务分解”工作表第4行",
    });
  });

  test("a task column merged over numbered rows is their category", () => {
    const g = grid(
      [
        ["序号", "重点任务", "具体措施", "责任单位", "完成时限"],
        ["1", "提升基层服务能力", "新建社区医院3家", "市卫健委", "6月底前"],
        ["2", "", "培训乡村医生500人次", "市卫健委", "12月底前"],
      ],
      [{ top: 1, left: 1, bottom: 2, right: 1 }],
    );
    const table = adopted(g);
    expect(table.mapping.columns[1]?.role).toBe("section");
    expect(table.plan.tasks.map((t) => [t.number, t.title, t.section])).toEqual([
      ["1", "新建社区医院3家", "提升基层服务能力"],
      ["2", "培训乡村医生500人次", "提升基层服务能力"],
    ]);
  });

  test("a merge across columns of different roles is read in its first column and said so", () => {
    const g = grid(
      [
        ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
        ["1", "新建社区医院3家", "市卫健委、市发改委", "", "2024年12月底"],
      ],
      [{ top: 1, left: 2, bottom: 1, right: 3 }],
    );
    const table = adopted(g);
    expect(table.plan.tasks[0]?.leadUnits).toEqual(["市卫健委", "市发改委"]);
    const note = table.diagnostics.find((d) => d.code === "merged-cell-unresolved");
    expect(note?.message).toContain("C2:D2");
    expect(note?.message).toContain("“牵头单位”“配合单位”");
  });
});

describe("rows", () => {
  test("footnotes end the table; a header repeated on a new page is skipped; empty rows too", () => {
    const g = grid([
      ["序号", "工作任务", "责任单位", "完成时限"],
      ["1", "新建社区医院3家", "市卫健委", "2024年12月底"],
      ["", "", "", ""],
      ["序号", "工作任务", "责任单位", "完成时限"],
      ["2", "开展免费体检", "市疾控中心", "年底前"],
      ["注：各单位每季度末报送进展。"],
      ["3", "不是任务", "某局", "年底前"],
    ]);
    expect(brief(g).map((t) => t.number)).toEqual(["1", "2"]);
  });

  test("targets and deadlines in a 目标要求 cell are read by the prose grammar", () => {
    const g = grid([
      ["序号", "重点任务", "目标要求", "责任单位", "完成时限"],
      ["1", "老年人健康管理", "为2.5万名65岁以上老年人免费体检，覆盖率达到90%以上", "市卫健委", "年底前"],
    ]);
    const [task] = adopted(g).plan.tasks;
    expect(task?.indicators.map((i) => [i.op, i.value, i.unit])).toEqual([
      [">=", 25000, "名"],
      [">=", 90, "%"],
    ]);
  });

  test("a 责任领导 column holds people: never units", () => {
    const g = grid([
      ["序号", "工作任务", "责任领导", "责任单位", "完成时限"],
      ["1", "新建社区医院3家", "张三", "市卫健委", "2024年12月底"],
    ]);
    expect(brief(g)[0]?.lead).toEqual(["市卫健委"]);
  });

  test("progress columns come back per task, status words read as statuses", () => {
    const g = grid([
      ["序号", "工作任务", "责任单位", "完成时限", "进展情况"],
      ["1", "新建社区医院3家", "市卫健委", "2024年12月底", "已建成2家"],
      ["2", "开展免费体检", "市疾控中心", "年底前", "已完成"],
      ["3", "推进家庭医生签约", "基层科", "年底前", ""],
    ]);
    const table = adopted(g);
    expect(table.progress.map((p) => [p.text, p.status])).toEqual([
      ["已建成2家", undefined],
      ["已完成", "已完成"],
    ]);
  });

  test("a cell's line breaks keep its sentences apart; a `|` in a cell stays in the cell", () => {
    const g = grid([
      ["序号", "工作任务", "责任单位", "完成时限"],
      ["1", "新建社区医院3家\n完善基层设施", "市卫健委|市发改委", "2024年12月底"],
    ]);
    const [task] = adopted(g).plan.tasks;
    expect(task?.title).toBe("新建社区医院3家");
    expect(task?.measures).toBe("完善基层设施");
    expect(task?.leadUnits.join("")).toContain("市卫健委");
  });
});

describe("the user's roles", () => {
  const g = grid([
    ["序号", "工作任务", "主办", "时间", "说明"],
    ["1", "新建社区医院3家", "市卫健委", "2024年12月底", "市发改委配合"],
    ["2", "开展免费体检", "市疾控中心", "年底前", ""],
  ]);

  test("a chosen role wins over the header's", () => {
    expect(findHeader(g)?.columns[2]?.role).toBe("ignore");
    const table = adopted(g, { chosen: { 2: "lead" } });
    expect(table.plan.tasks.map((t) => t.leadUnits)).toEqual([["市卫健委"], ["市疾控中心"]]);
  });

  test("roles remembered by header apply next month", () => {
    const first = adopted(g, { chosen: { 2: "lead", 4: "note" } });
    const remembered = first.mapping.columns.map(({ header, role }) => ({ header, role }));
    const next = adopted(g, { remembered });
    expect(next.mapping.columns.map((c) => c.role)).toEqual(first.mapping.columns.map((c) => c.role));
  });

  test("a column that holds what its role does not is flagged", () => {
    const mixed = grid([
      ["序号", "工作任务", "牵头单位", "完成时限"],
      ["1", "新建社区医院3家", "2024年12月底", "市卫健委"],
      ["2", "开展免费体检", "年底前", "市疾控中心"],
      ["3", "推进家庭医生签约", "10月底前", "基层科"],
    ]);
    const codes = adopted(mixed).diagnostics.filter((d) => d.code === "column-mixed-roles");
    expect(codes.map((d) => d.message).join("\n")).toMatch(/“牵头单位”列（C列）有 3 格不像“牵头单位”/);
  });
});

describe("bad tables get a clear message and nothing is read", () => {
  test.each([
    ["empty", [[""], []], "empty-table", "表格是空的"],
    [
      "no header",
      [
        ["甲", "乙"],
        ["1", "2"],
      ],
      "no-header",
      "没有找到任务表的表头",
    ],
  ])("%s", (_, rows, code, words) => {
    const result = adoptTable(grid(rows));
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.message).toContain(words);
  });

  test("too large", () => {
    const wide = Array.from({ length: 10 }, () => "x");
    const rows = Array.from({ length: MAX_GRID_CELLS / 10 + 1 }, () => wide);
    expect(adoptTable(grid(rows))).toMatchObject({ ok: false, code: "table-too-large" });
  });

  test("a header without a task column", () => {
    const g = grid([
      ["序号", "工作任务", "责任单位"],
      ["1", "新建社区医院3家", "市卫健委"],
    ]);
    expect(adoptTable(g, { chosen: { 1: "ignore" } })).toMatchObject({ ok: false, code: "no-task-column" });
  });
});

test("a selected range keeps the sheet's own row numbers", () => {
  const g = grid([["说明"], ["", "序号", "工作任务", "责任单位"], ["", "1", "新建社区医院3家", "市卫健委"]]);
  const part = cropGrid(g, { top: 1, left: 1, bottom: 2, right: 3 });
  expect(part.origin).toEqual({ row: 2, column: 2 });
  expect(rowPlace(part, 1)).toBe("“任务分解”工作表第3行");
  const table = adopted(part);
  expect(Object.values(table.places)).toEqual(["“任务分解”工作表第3行"]);
});

describe("roles read off the body", () => {
  test("a 序号 under a header spanning it and the task; the category left of it", () => {
    const g = grid(
      [
        ["工作任务", "具体要求", "", "责任科室", "时限要求"],
        ["强化规范性文件公开", "1", "对规范性文件进行全面清理", "办公室", "年底前"],
        ["深化政策解读", "2", "积极做好政策解读工作", "各科室", "持续推进"],
        ["", "3", "丰富解读形式", "各科室", "持续推进"],
      ],
      [{ top: 0, left: 1, bottom: 0, right: 2 }],
    );
    expect(adopted(g).mapping.columns.map((c) => c.role)).toEqual([
      "section",
      "number",
      "task",
      "lead",
      "deadline",
    ]);
    expect(brief(g).map((t) => [t.number, t.title, t.section])).toEqual([
      ["1", "对规范性文件进行全面清理", "强化规范性文件公开"],
      ["2", "积极做好政策解读工作", "深化政策解读"],
      ["3", "丰富解读形式", "深化政策解读"],
    ]);
  });

  test("a category written again on every row, as a .csv keeps it", () => {
    const g = grid([
      ["序号", "民生实事名称", "项目内容", "牵头单位"],
      ["1", "医疗卫生", "为老年人免费接种流感疫苗2万人", "县卫健局"],
      ["2", "医疗卫生", "新增配置自动体外除颤仪40台", "县卫健局"],
      ["3", "养老帮困", "新建老年食堂5个", "县民政局"],
    ]);
    expect(brief(g).map((t) => [t.title, t.section])).toEqual([
      ["为老年人免费接种流感疫苗2万人", "医疗卫生"],
      ["新增配置自动体外除颤仪40台", "医疗卫生"],
      ["新建老年食堂5个", "养老帮困"],
    ]);
  });

  test("a 主要目标 table: the year columns are targets due by their year, the first of three the base", () => {
    const g = grid([
      ["序号", "指标名称", "单位", "2022年", "2025年", "2027年", "牵头单位"],
      ["1", "人均预期寿命", "岁", "78.2", "≥79.2", "≥80", "县卫健局"],
      ["2", "30-70岁重大慢性病过早死亡率", "%", "13.1", "≤12.7", "≤12.5", "县卫健局"],
    ]);
    const table = adopted(g);
    expect(table.mapping.columns.map((c) => c.role)).toEqual([
      "number",
      "task",
      "ignore",
      "note",
      "target",
      "target",
      "lead",
    ]);
    expect(
      table.plan.tasks.map((t) => t.indicators.map((i) => [i.metric, i.op, i.value, i.unit, i.deadline])),
    ).toEqual([
      [
        ["人均预期寿命", ">=", 79.2, "岁", "2025-12-31"],
        ["人均预期寿命", ">=", 80, "岁", "2027-12-31"],
      ],
      [
        ["30-70岁重大慢性病过早死亡率", "<=", 12.7, "%", "2025-12-31"],
        ["30-70岁重大慢性病过早死亡率", "<=", 12.5, "%", "2027-12-31"],
      ],
    ]);
  });
});
