import { DEFAULT_UNITS, UnitDirectory } from "../model";
import { buildLedger } from "../plan";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanDocument, Task } from "../model";
import { parseDocument } from ".";

const fixture = (name: string): PlanDocument =>
  parseDocument(readFileSync(join(__dirname, "../../../test/fixtures/parse", name), "utf8"), {
    fallbackYear: 2026,
  });

const brief = (task: Task): string[] =>
  task.indicators.map(
    (i) =>
      `${i.metric}|${i.op}|${i.value ?? ""}|${i.unit ?? ""}|${i.deadlineStated ? (i.deadline ?? "") : ""}`,
  );

/** The parser reports names as written; these tests compare the units they stand for. */
const canon = (units: readonly string[]): string[] => DEFAULT_UNITS.names(units);

describe("document shapes", () => {
  it("reads `1.2025年，…` as item 1 about 2025, not as the number 1.2025", () => {
    const doc = parseDocument(
      "某县防治规划\n一、防治目标\n1.2025年，居民防治知识知晓率达90%以上。\n2.2025年和2030年，危险行为均较前5年减少10%以上。",
      { fallbackYear: 2025 },
    );
    expect(doc.tasks.map((t) => t.number)).toEqual(["1", "2"]);
    expect(doc.tasks.flatMap((t) => t.indicators.map((i) => `${i.value}${i.unit}|${i.deadline}`))).toEqual([
      "90%|2025-12-31",
      "10%|2025-12-31",
      "10%|2030-12-31",
    ]);
  });

  it("reads a PDF's `.` as a full stop, and a breakdown by 分别 beside the total it breaks down", () => {
    const doc = parseDocument(
      "某区健康促进实施方案\n一、工作目标\n（一）全区居民健康素养水平提高到 26%以上.城、乡 居民健康素养水平分别提高到 26%和18%以上.\n（二）开展义诊。",
      { fallbackYear: 2025 },
    );
    expect(doc.tasks.flatMap((t) => t.indicators.map((i) => `${i.metric}|${i.value}`))).toEqual([
      "全区居民健康素养水平|26",
      "城居民健康素养水平|26",
      "乡居民健康素养水平|18",
    ]);
  });

  it("keeps a numbered heading without punctuation whole: the progress line under it is its body", () => {
    const doc = parseDocument(
      "某区民生实事项目\n六、新建老年活动室7个\n已完成5个。\n七、居委会办公用房标准化改扩建20个\n15个居委会完成改扩建，16个居委会正在施工中。",
      { fallbackYear: 2024 },
    );
    expect(doc.tasks.map((t) => [t.title, t.indicators.map((i) => `${i.value}${i.unit}`)])).toEqual([
      ["新建老年活动室7个", ["7个"]],
      ["居委会办公用房标准化改扩建20个", ["20个"]],
    ]);
  });

  it("keeps a numbered line with a comma whole when it stops well short of the body line under it", () => {
    const doc = parseDocument(
      "某区民政实事项目进度\n二、新建社区食堂3个，老年助浴点2个\n食堂选址已确定，两个助浴点完成设备采购，按计划进度正常推进。\n三、城乡居民免费体检8万人\n已体检6.2万人。",
      { fallbackYear: 2024 },
    );
    expect(
      doc.tasks.map((t) => [t.title, t.indicators.map((i) => `${i.metric}|${i.value}${i.unit}`)]),
    ).toEqual([
      ["新建社区食堂3个，老年助浴点2个", ["新建社区食堂|3个", "新建老年助浴点|2个"]],
      ["城乡居民免费体检8万人", ["城乡居民免费体检|80000人"]],
    ]);
    // A line a column cut runs as long as the next one: it goes on there.
    const column = parseDocument(
      "某县工作要点\n1.加强基层医疗卫生服务体系建设，到年底全县\n新建村卫生室15个，改造乡镇卫生院8所，提升服务能力。\n2.推进分级诊疗。",
      { fallbackYear: 2024 },
    );
    expect(column.tasks[0]?.indicators.map((i) => `${i.value}${i.unit}`)).toEqual(["15个", "8所"]);
  });

  it("reads a 目标 cell that is a count (`3所`) as the target, not as a unit whose name ends in 所", () => {
    const doc = parseDocument(
      "序号 实事项目 责任单位 目标任务 计划投资 完成情况\n1 新建公办幼儿园 教育局 3所 已开工\n2 新增养老床位 民政局 120张 800万元 80%",
      { fallbackYear: 2024 },
    );
    expect(doc.tasks.map((t) => [t.leadUnits, t.indicators.map((i) => `${i.value}${i.unit}`)])).toEqual([
      [["教育局"], ["3所"]],
      [["民政局"], ["120张"]],
    ]);
  });

  it("reads a plan's parts (工作目标, 重点任务) as sections, and its tasks under them even when only one survives", () => {
    const doc = parseDocument(
      "某区慢病防治行动计划\n一、工作目标\n到2030年，全区慢病患者规范管理率达到70%以上。\n二、重点任务\n（一）实施健康教育行动\n1.普及防治知识。各社区每季度至少开展1次慢病防治讲座，",
      { fallbackYear: 2025 },
    );
    expect(doc.tasks.map((t) => [t.number, t.title])).toEqual([["1", "普及防治知识"]]);
    expect(doc.indicators.map((i) => `${i.value}${i.unit}`)).toEqual(["70%"]);
  });

  it("reads the one item a page kept under its first heading as a task", () => {
    const doc = parseDocument(
      "2023年全市卫生健康工作要点\n一、  全面深化一个主题\n1.全面深化主题实践。坚持目标引领、差距管理、过程管控，",
      { fallbackYear: 2023 },
    );
    expect(doc.tasks.map((t) => [t.number, t.title, t.section])).toEqual([
      ["1", "全面深化主题实践", "一、全面深化一个主题"],
    ]);
    // One heading alone, with nothing under it, is no task list.
    expect(
      parseDocument("关于做好工作的通知\n一、提高认识。各单位要高度重视，认真抓好落实。", {
        fallbackYear: 2023,
      }).tasks,
    ).toEqual([]);
  });

  it("reads 实事 items divided into the same parts (目标任务, 序时进度, 责任分工) as one task each, units named with their duties", () => {
    const doc = parseDocument(
      [
        "2022年市政府为民办十件实事",
        "（六）产前筛查和新生儿疾病筛查",
        "一、目标任务",
        "实现产前筛查和新生儿疾病筛查全覆盖。",
        "二、序时进度",
        "三季度：完成项目市级培训。",
        "三、责任分工",
        "1.责任单位：市卫健委负责制订项目实施方案，推动项目落实。",
        "2.协办单位：市财政局负责安排市级补助资金。各县区政府、园区管委会负责建立工作机制。",
        "（七）提升常态化疫情防控水平",
        "一、目标任务",
        "开工建设市四院发热门诊和应急病房楼，新增床位200张。",
        "二、序时进度",
        "一季度：完成地下室施工。",
      ].join("\n"),
      { fallbackYear: 2022 },
    );
    expect(doc.tasks.map((t) => [t.number, t.title, t.leadUnits, t.coUnits])).toEqual([
      ["六", "产前筛查和新生儿疾病筛查", ["市卫健委"], ["市财政局", "各县区政府", "园区管委会"]],
      ["七", "提升常态化疫情防控水平", [], []],
    ]);
    expect(doc.tasks[1]?.indicators.map((i) => `${i.metric}|${i.value ?? i.op}`)).toContain("新增床位|200");
  });

  it("reads the items under a task-level heading without a body of its own as the tasks, beside neighbours that have one", () => {
    const doc = parseDocument(
      [
        "某区卫生健康工作方案",
        "一、整体工作安排",
        "（一）拟研究制定的文件",
        "研究制定爱国卫生运动实施意见。制定年度工作计划。",
        "（二）重点举措",
        "1.探索建立专项经费保障机制，推出健康行动专项。",
        "2.建立完善激励表扬机制，发挥引导示范作用。",
        "（三）加强督导考核",
        "将健康行动纳入各级考核内容。",
        "1.每季度开展一次督导。",
      ].join("\n"),
      { fallbackYear: 2024 },
    );
    expect(doc.tasks.map((t) => [t.number, t.title, t.section])).toEqual([
      ["一", "拟研究制定的文件", "一、整体工作安排"],
      ["1", "探索建立专项经费保障机制，推出健康行动专项", "（二）重点举措"],
      ["2", "建立完善激励表扬机制，发挥引导示范作用", "（二）重点举措"],
      ["三", "加强督导考核", "一、整体工作安排"],
    ]);
  });

  it("does not read again, as the document's own, the targets a summary above the table restates", () => {
    const doc = parseDocument(
      [
        "2024年，县卫生健康局列入政府十大民生实事项目共2项，主要为新建院前急救服务站2个、新增巡回诊疗车2辆。",
        "序号 | 项目名称 | 项目内容 | 责任单位",
        "1 | 急救经费 | 新建院前急救服务站2个 | 县卫健局",
        "2 | 巡诊经费 | 新增巡回诊疗车2辆 | 县卫健局",
      ].join("\n"),
      { fallbackYear: 2024 },
    );
    expect(doc.tasks.flatMap((t) => t.indicators.map((i) => `${i.value}${i.unit}`))).toEqual(["2个", "2辆"]);
    expect(doc.indicators).toEqual([]);
  });

  it("keeps a look back a look back under a heading item it turns into a section", () => {
    const doc = parseDocument(
      [
        "某县卫生健康工作要点",
        "一、2023年工作回顾",
        "（一）医疗服务",
        "1.新建村卫生室5个。",
        "2.开展义诊20场。",
        "（二）建成社区医院3家。（责任单位：县卫健局）",
        "二、2024年重点任务",
        "（一）新建社区医院2家。（责任单位：县卫健局）",
        "（二）开展义诊30场。（责任单位：县卫健局）",
      ].join("\n"),
      { fallbackYear: 2024 },
    );
    expect(doc.tasks.flatMap((t) => t.indicators.map((i) => `${i.value}${i.unit}`))).toEqual(["2家", "30场"]);
  });

  it("reads a review's parts (总体情况, 主要做法和工作成效) as sections, not tasks", () => {
    const doc = parseDocument(
      "某区卫生健康局2023年工作总结\n一、总体情况\n2023年，全区卫生健康工作取得新进展。\n二、主要做法和工作成效\n（一）强化基层服务\n1.推动优质资源下沉。区医院与8家社区卫生服务中心组建医联体，",
      { fallbackYear: 2024 },
    );
    expect(doc.tasks.map((t) => [t.number, t.title])).toEqual([["1", "推动优质资源下沉"]]);
  });

  it("reads the next numbered item a flattened page ran on in the same cell as a row of its own", () => {
    const doc = parseDocument(
      "工作要点 | 具体任务 | 责任科室 |\n（一）规范信息公开。 | 3.更新主动公开目录，确保公开到位。 4.规范依申请公开办理流程，提升答复质量。 | 办公室 |",
      { fallbackYear: 2024 },
    );
    expect(doc.tasks.map((t) => [t.number, t.title, t.leadUnits])).toEqual([
      ["3", "更新主动公开目录，确保公开到位", ["办公室"]],
      ["4", "规范依申请公开办理流程，提升答复质量", ["办公室"]],
    ]);
  });

  it("reads numbering past 999 as its own tasks, not folded into item 999", () => {
    const paragraphs = Array.from(
      { length: 1200 },
      (_, i) => `${i + 1}.推进第${i + 1}项工作。新建社区医院${(i % 9) + 1}家。（责任单位：市卫健委）`,
    );
    const doc = parseDocument(["2024年全市卫生健康工作要点", ...paragraphs].join("\n\n"), {
      fallbackYear: 2024,
    });
    expect(doc.tasks).toHaveLength(1200);
    expect(doc.tasks.slice(998, 1001).map((t) => [t.number, t.title])).toEqual([
      ["999", "推进第999项工作"],
      ["1000", "推进第1000项工作"],
      ["1001", "推进第1001项工作"],
    ]);
    expect(doc.tasks.at(-1)?.indicators.map((i) => i.value)).toEqual([(1199 % 9) + 1]);
  });

  it("reads a Markdown task table with section rows and its own columns for lead, co-units and deadline", () => {
    const doc = fixture("task-table.md");
    expect(doc.kind).toBe("task-table");
    expect(doc.sections.map((s) => s.title)).toEqual(["一、基层能力提升", "二、公共卫生"]);
    expect(
      doc.tasks.map((t) => [t.number, t.section, canon(t.leadUnits), canon(t.coUnits), t.deadline]),
    ).toEqual([
      ["1", "一、基层能力提升", ["市卫生健康委"], ["市发展改革委", "市财政局"], "2025-12-31"],
      ["2", "一、基层能力提升", ["市卫生健康委"], ["各县（市、区）人民政府"], "2025-06-30"],
      ["3", "二、公共卫生", ["市疾控中心"], [], undefined],
      ["4", "二、公共卫生", ["市卫生健康委"], ["市妇幼保健院"], "2025-12-31"],
    ]);
    expect(brief(doc.tasks[3]!)).toEqual([
      "孕产妇死亡率|<=|10|/10万|2025-12-31",
      "婴儿死亡率|<=|5|‰|2025-12-31",
    ]);
  });

  it("reads a tab-separated table pasted from Excel, with 牵头 marked in the unit list", () => {
    const doc = fixture("tab-table.txt");
    expect(doc.tasks.map((t) => [canon(t.leadUnits), canon(t.coUnits), t.deadline])).toEqual([
      [["县医保局"], ["县卫生健康局"], "2024-09-30"],
      [["县卫生健康局", "县数据局"], [], "2024-12-31"],
    ]);
  });

  it("reads labelled units on their own lines and bracketed roles", () => {
    const doc = fixture("labelled.txt");
    expect(doc.tasks.map((t) => [t.title, canon(t.leadUnits), canon(t.coUnits)])).toEqual([
      ["提升疾控能力", ["市疾控中心"], ["市卫生健康委", "市财政局"]],
      ["加强精神卫生", ["市卫生健康委"], ["市公安局", "市民政局"]],
      ["优化就医体验", ["市卫生健康委", "市医保局"], ["各区县政府", "市属医院"]],
      ["加强人才队伍", ["市人力资源社会保障局", "市卫生健康委"], []],
      ["推进医疗联合体建设", ["市卫生健康委"], []],
      ["完善医保支付", ["市医保局"], ["市卫生健康委"]],
    ]);
    expect(doc.tasks[4]?.deadline).toBe("2024-09-30");
    expect(doc.tasks[4]?.indicators[0]).toMatchObject({
      metric: "组建城市医疗集团",
      value: 2,
      deadline: "2024-09-30",
    });
  });

  it("reads a table with two text columns as one item, titled by the first", () => {
    const doc = parseDocument(
      "| 序号 | 重点任务 | 具体措施 | 牵头单位 |\n|---|---|---|---|\n| 1 | 加强基层建设 | 新建社区医院3家 | 市卫健委 |\n| 2 | 提升服务 | 预约诊疗率达到60% | 市卫健委 |",
    );
    expect(doc.tasks.map((t) => [t.title, t.indicators.map((i) => i.value)])).toEqual([
      ["加强基层建设", [3]],
      ["提升服务", [60]],
    ]);
  });

  it("finds the task level under sub-headings and keeps the top-level section", () => {
    const doc = fixture("nested-levels.txt");
    expect(doc.tasks.map((t) => `${t.number}:${t.section}`)).toEqual([
      "1:一、深化医药卫生体制改革",
      "2:一、深化医药卫生体制改革",
      "3:一、深化医药卫生体制改革",
      "4:二、加强公共卫生体系建设",
    ]);
    expect(brief(doc.tasks[0]!)).toEqual(["紧密型县域医共体覆盖率|>=|90|%|2024-12-31"]);
  });

  it("reads an implementation plan inside its notice: issuer, date, joint leads, standing implementers", () => {
    const doc = fixture("implementation-plan.txt");
    expect(doc).toMatchObject({
      title: "某市促进中医药传承创新发展实施方案",
      year: 2024,
      issuer: "某市人民政府办公室",
      date: "2024-03-05",
    });
    const [first, second, third] = doc.tasks;
    expect(first).toMatchObject({
      leadUnits: ["市卫生健康委"],
      coUnits: ["市发展改革委", "市财政局"],
      implementingUnits: ["各区（县）人民政府"],
    });
    expect(second).toMatchObject({
      jointLead: true,
      leadUnits: ["市卫生健康委", "市医保局"],
      implementingUnits: ["各区（县）人民政府"],
    });
    expect(third?.implementingUnits).toEqual(["各区（县）人民政府"]);
    expect(doc.indicators.map((i) => `${i.metric}|${i.value ?? ""}|${i.deadline ?? ""}`)).toEqual([
      "每千人口公立中医医院床位数|0.85|2025-12-31",
    ]);
    expect(brief(first!)).toEqual([
      "新建省级中医重点专科|>=|5|个|2025-12-31",
      "新建市级中医重点专科|>=|10|个|2025-12-31",
    ]);
  });

  it("reads a county's 工作要点: preamble targets, (X牵头，Y配合), 分别 over a shared noun, milestones", () => {
    const doc = fixture("county-work-points.txt");
    expect(doc.indicators.map((i) => `${i.metric}|${i.op}|${i.value ?? ""}|${i.unit ?? ""}`)).toEqual([
      "人均预期寿命|>=|79.5|岁",
      "孕产妇死亡率|<=|12|/10万",
      "婴儿死亡率|<=|4|‰",
    ]);
    const [first, second, third] = doc.tasks;
    expect(first).toMatchObject({ leadUnits: ["县卫健局"], coUnits: ["县医保局", "县财政局"] });
    expect(brief(first!)).toContain("医共体信息平台升级改造|milestone|||2025-06-30");
    expect(brief(second!)[0]).toBe("县人民医院创建三级医院，通过评审|milestone|||2025-12-31");
    expect(brief(third!)).toEqual([
      "适龄儿童国家免疫规划疫苗接种率|>=|95|%|",
      "肺结核患者成功治疗率|>=|90|%|",
      "高血压患者规范管理率|>=|65|%|",
      "糖尿病患者规范管理率|>=|62|%|",
    ]);
    expect(doc.tasks.at(-1)?.indicators).toEqual([]);
  });

  it("reads a notice's plan: yearly targets, a deadline clause dating the next, labelled units", () => {
    const doc = fixture("notice-with-plan.txt");
    expect(doc).toMatchObject({
      title: "XX市推进健康乡村建设实施方案",
      issuer: "XX市卫生健康委员会",
      date: "2024-04-10",
    });
    expect(doc.tasks.slice(0, 3).map((t) => [canon(t.leadUnits), canon(t.coUnits), brief(t)])).toEqual([
      [
        ["市卫生健康委"],
        ["市发展改革委", "市财政局"],
        ["改造乡镇卫生院|>=|10|所|", "建成县域医疗卫生次中心|>=|8|个|"],
      ],
      [
        ["市卫生健康委"],
        ["市人力资源社会保障局"],
        ["招聘医学专业毕业生|>=|50|名|", "乡村医生中具备执业（助理）医师资格的人员比例|>=|45|%|"],
      ],
      [["各区县人民政府"], [], ["村卫生室标准化建设摸底|milestone|||2024-09-30"]],
    ]);
    expect(doc.indicators.map((i) => `${i.value ?? ""}${i.unit ?? ""}|${i.deadline ?? ""}`)).toEqual([
      "90%|2025-12-31",
      "30%|2025-12-31",
      "100%|2025-12-31",
    ]);
  });

  it("reads a task list with 责任处室 and 完成时限 lines under each item", () => {
    const doc = fixture("task-list-offices.txt");
    expect(doc.tasks.map((t) => [canon(t.leadUnits), canon(t.coUnits), t.deadline])).toEqual([
      [["医政处", "规划处"], [], "2024-12-31"],
      [["医政处"], [], "2024-11-30"],
      [["基层卫生处", "人事处"], [], "2024-10-31"],
      [["疾控处"], [], undefined],
    ]);
    expect(brief(doc.tasks[3]!)).toEqual([
      "高血压患者基层规范管理服务率|>=|62|%|",
      "糖尿病患者基层规范管理服务率|>=|64|%|",
      "肺结核发病率|<=|40|/10万|",
    ]);
  });

  it("reads news: articles as sections, targets in prose, and no targets from a look back", () => {
    const doc = fixture("news-two-articles.txt");
    expect(doc.kind).toBe("news");
    expect(doc.sections.map((s) => s.title)).toEqual(["甲市部署今年卫生健康工作", "乙县回顾去年工作成效"]);
    expect(doc.tasks).toHaveLength(2);
    expect(brief(doc.tasks[0]!)).toEqual([
      "新建社区医院|>=|4|家|",
      "基层诊疗量占比|>=|65|%|",
      "每千人口托位数|>=|4.5|个|",
    ]);
    expect(brief(doc.tasks[1]!)).toEqual(["县域医共体覆盖率|=|100|%|2025-12-31"]);
  });

  it("reads a conference report: last year's results skipped, 一是…二是… as one task each", () => {
    const doc = fixture("news-conference.txt");
    expect(
      doc.tasks.map((t) => [t.title, t.indicators.map((i) => `${i.value ?? ""}${i.unit ?? ""}`)]),
    ).toEqual([
      ["深化医改", ["100%", "90%"]],
      ["强化公共卫生", ["3个", "99%"]],
      ["提升服务", ["60%"]],
      ["加强人才", ["5000名", "2000人"]],
    ]);
    const source = readFileSync(join(__dirname, "../../../test/fixtures/parse/news-conference.txt"), "utf8");
    expect(source.slice(doc.tasks[3]!.span.start, doc.tasks[3]!.span.end)).toBe(
      "四是加强人才，全年招聘基层医务人员5000名，培训全科医生2000人。",
    );
  });

  it("repairs conversion damage: column breaks, full-width digits, LaTeX, a stray `and`", () => {
    const doc = fixture("damaged.txt");
    expect(doc.title).toBe("丙市卫生健康工作这样干");
    expect(doc.tasks.flatMap(brief)).toEqual([
      "二级及以上公立医疗机构预约诊疗率|>=|80|%|",
      "新增普惠托位|>=|1200|个|",
      "基层医疗卫生机构诊疗量占比|>=|60|%|",
      "新建智慧医院|>=|5|家|",
      "医疗卫生机构上线“信用就医”服务|>=|30|家|",
    ]);
    expect(doc.tasks[0]?.text).toContain("精神和心理健康服务");
  });

  it("points every indicator's span at the source text, before normalisation", () => {
    const source = readFileSync(join(__dirname, "../../../test/fixtures/parse/damaged.txt"), "utf8");
    const doc = parseDocument(source);
    const quoted = doc.tasks.flatMap((t) => t.indicators).map((i) => source.slice(i.span.start, i.span.end));
    expect(quoted).toEqual(["８０％ 以上", "１２００个", "60\\%", "5家", "30家"]);
  });

  it("gives stable IDs: the same text, the same IDs", () => {
    const a = fixture("labelled.txt");
    const b = fixture("labelled.txt");
    expect(a.id).toMatch(/^[0-9a-z]{7}$/);
    expect(b.tasks.map((t) => t.id)).toEqual(a.tasks.map((t) => t.id));
    expect(a.tasks[0]?.indicators[1]?.id).toBe(`${a.id}-T001-I02`);
  });

  it("lets the user extend the unit alias table", () => {
    const text =
      "1.加强基层建设。新建社区医院3家。（责任单位：市卫健委，市编办）\n\n2.加强人才。招聘医生20名。（责任单位：市委编办）";
    const doc = parseDocument(text, { units: new UnitDirectory({ 市委编办: ["市编办"] }) });
    // Names are reported as written, but for the office's own aliases.
    expect(doc.tasks.map((t) => [...t.leadUnits, ...t.coUnits])).toEqual([
      ["市卫健委", "市委编办"],
      ["市委编办"],
    ]);
  });
});

describe("bad input", () => {
  it("refuses an empty text with a Chinese message", () => {
    const doc = parseDocument("  \n\n ");
    expect(doc.diagnostics).toEqual([expect.objectContaining({ code: "empty-input", severity: "error" })]);
    expect(doc.diagnostics[0]?.message).toMatch(/为空/);
  });

  it("refuses binary data decoded as text", () => {
    const binary = Array.from({ length: 4000 }, (_, i) => String.fromCharCode(i % 7 === 0 ? 0 : 0xfffd)).join(
      "",
    );
    expect(parseDocument(binary).diagnostics.map((d) => d.code)).toEqual(["binary-input"]);
  });

  it("says so when a document holds no tasks or targets", () => {
    const doc = parseDocument("关于召开座谈会的通知\n\n定于下周三下午召开座谈会，请各单位派员参加。");
    expect(doc.tasks).toEqual([]);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(["no-tasks"]);
  });

  it("parses a 5 MB document without error, finding every item", () => {
    const filler = "加强统筹协调，压实工作责任，强化督促检查，确保各项措施落到实处。".repeat(40);
    const item = (n: number): string =>
      `${n}.推进第${n}项工作。新建社区医院${n}家，签约服务率达到${n % 100}%以上。${filler}（责任单位：市卫健委，市财政局）`;
    const lines: string[] = ["# 压力测试工作要点", ""];
    let bytes = 0;
    let items = 0;
    for (let section = 1; bytes < 5 * 1024 * 1024; section++) {
      lines.push(`## 第${section}部分`, "");
      for (let n = 1; n <= 50; n++, items++) {
        const line = item(n);
        lines.push(line, "");
        bytes += line.length * 3;
      }
    }
    const doc = parseDocument(lines.join("\n"));
    expect(doc.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(doc.tasks).toHaveLength(items);
    expect(doc.tasks.at(-1)?.indicators.map((i) => i.unit)).toEqual(["家", "%"]);
  });

  it("refuses text far beyond any policy document", () => {
    expect(parseDocument("字".repeat(20_000_001)).diagnostics.map((d) => d.code)).toEqual([
      "input-too-large",
    ]);
  });
});

test("doubtful readings in separate news paragraphs get IDs of their own, so adopting both keeps rows apart", () => {
  const text = [
    "本报讯 今年我市将推进基层医疗服务。",
    "全市将重点打造10个专科。",
    "今年将打造5个中心。",
  ].join("\n\n");
  const doc = parseDocument(text, { fallbackYear: 2024 });
  const offered = doc.diagnostics.flatMap((d) => (d.indicator ? [d.indicator] : []));
  expect(offered.length).toBeGreaterThanOrEqual(2);
  expect(new Set(offered.map((i) => i.id)).size).toBe(offered.length);
  const built = buildLedger([{ ...doc, indicators: [...doc.indicators, ...offered] }], {
    today: "2024-08-15",
  });
  expect(built.ok).toBe(true);
});

test("a table flattened to one cell per line, its rows the items numbered inside the task column", () => {
  const doc = fixture("line-table-items.txt");
  expect(doc.tasks.map((t) => [t.number, t.section, t.leadUnits])).toEqual([
    ["1", "做好各类规划主动公开", ["规划财务科"]],
    ["2", "做好各类规划主动公开", ["规划财务科"]],
    ["3", "做好重大建设项目信息公开", ["办公室"]],
    ["4", "做好重大建设项目信息公开", ["办公室"]],
  ]);
});

describe("the plan's horizon, which dates the tasks that state no deadline", () => {
  const horizon = (text: string) => parseDocument(text, { fallbackYear: 2023 }).horizon;
  const body = "一、重点任务\n（一）推进基层医疗服务。市卫生健康委牵头。";

  test("a span in the title ends it", () => {
    expect(horizon(`某市基层卫生提升行动方案（2023—2025年）\n${body}`)).toBe("2025-12-31");
  });

  test("a year's plan is due within its year, whatever it says of later ones", () => {
    expect(horizon(`2023年全市卫生健康工作要点\n到2025年，建成整合型服务体系。\n${body}`)).toBe("2023-12-31");
  });

  test("a plan without a year in its title ends where its opening aims", () => {
    expect(horizon(`关于推进基层卫生的实施方案\n到2027年，基层服务能力明显提升。\n${body}`)).toBe(
      "2027-12-31",
    );
  });

  test("otherwise the end of its year", () => {
    expect(horizon(`关于推进基层卫生的实施方案\n${body}`)).toBe("2023-12-31");
  });
});

describe("the document's title and year", () => {
  const read = (text: string) => {
    const doc = parseDocument(text, { fallbackYear: 2020 });
    return { title: doc.title, year: doc.year };
  };
  const body =
    "一、重点任务\n（一）推进基层医疗服务。市卫生健康委牵头。\n（二）加强疾病预防控制。市疾控中心牵头。";

  test("a plan's heading a page broke over two lines, after the page's furniture and sign-off", () => {
    expect(
      read(
        `索引号：11330000/2024-00021\n发布机构：某市卫生健康委员会\n某市卫生健康委员会\n2024年3月1日\n某市基层医疗卫生服务能力提升\n行动方案（2024—2026年）\n${body}`,
      ),
    ).toEqual({ title: "某市基层医疗卫生服务能力提升行动方案（2024—2026年）", year: 2024 });
  });

  test("a notice's 附件 line names what is attached: no target, no milestone of its own", () => {
    const doc = parseDocument(
      `某市人民政府办公室关于重点民生实事二季度进展情况的通报\n附件：2024年重点民生实事二季度进展情况表\n某市人民政府办公室\n2024年7月10日\n${body}`,
      { fallbackYear: 2024 },
    );
    expect(doc.indicators).toEqual([]);
    expect(doc.tasks.flatMap((t) => t.indicators)).toEqual([]);
  });

  test("never a notice the text only cites, nor the page's links: the year is the page's own", () => {
    const doc = parseDocument(
      [
        "原文链接：点击查看源文件",
        "2024年，某县卫生健康局列入政府十大民生实事项目共3项。",
        "某县卫生健康局2024年民生项目情况公开",
        "序号 | 项目名称 | 项目内容 | 项目标准",
        "1 | 公共卫生服务经费补助 | 为重点人群免费接种流感疫苗 | 《某县卫生健康局关于印发2021年重点人群免费接种流感疫苗项目实施方案的通知》",
      ].join("\n"),
      { fallbackYear: 2020 },
    );
    expect({ title: doc.title, year: doc.year }).toEqual({
      title: "某县卫生健康局2024年民生项目情况公开",
      year: 2024,
    });
  });

  test("never the 文号 or the addressee: the heading that ends as the genre's titles end", () => {
    expect(
      read(`某卫发〔2024〕8号\n各区卫生健康局：\n现将有关事项通知如下。\n2024年健康促进工作要点\n${body}`),
    ).toEqual({
      title: "2024年健康促进工作要点",
      year: 2024,
    });
  });

  test("the plan a notice names, with or without book-title marks", () => {
    expect(
      read(`某市卫生健康委关于印发2024年老龄健康工作要点的通知\n各区：现印发给你们。\n${body}`).title,
    ).toBe("2024年老龄健康工作要点");
    expect(read(`某市卫生健康委关于印发《2024年老龄健康工作要点》的通知\n${body}`).title).toBe(
      "2024年老龄健康工作要点",
    );
  });

  test("a newspaper's headline over its article, not its masthead, date or page", () => {
    expect(
      read(
        "某某日报\n2024年03月05日\n第02版：要闻\n守护一老一小\n本报讯（记者 王五）今年，全市将新建社区食堂20家。\n另一篇报道的工作方案\n本报讯 又讯。",
      ).title,
    ).toBe("守护一老一小");
  });

  test("a plan over years is of the year it was signed; a year's plan of its year", () => {
    expect(read(`某省办公室\n2017年2月10日\n健康发展规划纲要\n（2016—2030年）实施分工方案\n${body}`)).toEqual(
      {
        title: "健康发展规划纲要（2016—2030年）实施分工方案",
        year: 2017,
      },
    );
    expect(read(`某县卫生健康局\n2023年12月28日\n2024年卫生健康工作要点\n${body}`).year).toBe(2024);
  });
});
