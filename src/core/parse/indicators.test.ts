import { extractIndicators, targetCell, type IndicatorCandidate } from "./indicators";
import { normalize } from "./normalize";

const read = (text: string, year = 2024): IndicatorCandidate[] =>
  extractIndicators(normalize(text).text, { documentYear: year, defaultTense: "future" });

const readItem = (text: string): IndicatorCandidate[] =>
  extractIndicators(normalize(text).text, { documentYear: 2024, defaultTense: "future", item: true });

const brief = (c: IndicatorCandidate): string =>
  `${c.metric}|${c.op}|${c.value ?? ""}${c.maxValue !== undefined ? `-${c.maxValue}` : ""}|${c.unit ?? ""}${c.deadline ? `|${c.deadline}` : ""}${c.doubt ? "|?" : ""}`;

describe("indicator grammar", () => {
  it("reads each item of a list that opens with 其中, past the brackets after an item", () => {
    expect(
      readItem("新建和改扩建25所学校，其中城区学校10所（含幼儿园4所）、乡镇学校15所（含幼儿园5所）。").map(
        brief,
      ),
    ).toEqual(["新建和改扩建|>=|25|所", "新建城区学校|>=|10|所", "新建乡镇学校|>=|15|所"]);
    expect(readItem("新建学校11所，其中幼儿园7个、小学4个。").map(brief)).toEqual([
      "新建学校|>=|11|所",
      "新建幼儿园|>=|7|个",
      "新建小学|>=|4|个",
    ]);
  });

  it("reads 均能提供 as every one of them, and a comparison before 的 as whom it covers", () => {
    expect(readItem("常住人口超过6万的县均能提供血液透析服务。").map(brief)).toEqual([
      "常住人口超过6万的县提供血液透析服务比例|=|100|%",
    ]);
    expect(readItem("原则上所有县域均应设置中医适宜技术推广中心。").map(brief)).toEqual([
      "县域设置中医适宜技术推广中心比例|=|100|%",
    ]);
    expect(read("为年收入低于3000元的家庭提供救助。")).toEqual([]);
    expect(read("力争实现覆盖率达到90%的目标。")).toEqual([expect.objectContaining({ op: ">=", value: 90 })]);
  });

  it("reads people counted into the training or screening held for them, and a count that opens an item", () => {
    expect(readItem("开展3200名骨干人才培训。").map(brief)).toEqual(["开展骨干人才培训|>=|3200|名"]);
    expect(readItem("开展2万名儿童眼健康筛查。").map(brief)).toEqual(["开展儿童眼健康筛查|>=|20000|名"]);
    expect(readItem("全国1万家医疗机构提供早孕关爱门诊服务。").map(brief)).toEqual([
      "全国医疗机构提供早孕关爱门诊服务|>=|10000|家",
    ]);
    // In prose the count that opens a sentence reports who does it.
    expect(read("全市1万家医疗机构提供早孕关爱门诊服务。")).toEqual([]);
  });

  it("reads a count of things to build after 推进/加快, and 万 before the people it counts", () => {
    expect(read("积极推进300家标准化示范性托育机构创建。").map(brief)).toEqual([
      "推进标准化示范性托育机构创建|>=|300|家",
    ]);
    expect(read("推进10个紧密型县域医共体建设。").map(brief)).toEqual(["推进紧密型县域医共体建设|>=|10|个"]);
    // Without the building named after the count, moving work on sets nothing; nor going on with it.
    expect(read("推进5项改革。")).toEqual([]);
    expect(read("持续推动10个市级高水平临床重点专科建设。")).toEqual([]);
    expect(read("10月底前完成全省1160万中小学生脊柱侧弯筛查。").map(brief)).toEqual([
      "完成中小学生脊柱侧弯筛查|>=|11600000|人|2024-10-31",
    ]);
    expect(read("作为一个拥有2100万人口的超大城市。")).toEqual([]);
  });

  it("reads a verb of checking with its object and count, and keeps a carried comparison's words in its clause", () => {
    expect(read("全年抽检食品样品5000批次。").map(brief)).toEqual(["抽检食品样品|>=|5000|批次"]);
    // `监测点` is a thing, not a check: the count belongs to the verb that opens the clause.
    expect(readItem("实施土壤培肥3万亩，布设耕地质量监测点30处。").map((c) => c.metric)).not.toContain(
      "监测点",
    );
    expect(read("覆盖率达到91%，省级卫生乡镇复审3个，省级卫生村复审58个。").map(brief)).toEqual([
      "覆盖率|>=|91|%",
      "省级卫生乡镇复审|>=|3|个",
      "省级卫生村复审|>=|58|个",
    ]);
  });

  it("names a value raised to (提高…至) by what is raised, without the 至", () => {
    expect(read("提高村卫生室基本运行经费补助至6000元。").map(brief)).toEqual([
      "村卫生室基本运行经费补助|>=|6000|元",
    ]);
  });

  it("keeps the year a report looks back on after 报告指出 for the sentences that follow it", () => {
    expect(
      read(
        "报告指出，2023年，全市新增婴幼儿托位3400个。失能特困人员集中照护全覆盖，建成54个乡镇养老综合体。2024年，将新建社区医院3家。",
      ).map(brief),
    ).toEqual(["新建社区医院|>=|3|家|2024-12-31"]);
  });

  it("names the things counted after the qualities listed before them, and reads a value right after a count's name", () => {
    expect(
      read(
        "建立3-5家功能健全、设施完善、承担一定指导功能的示范性婴幼儿照护服务机构，每千人口拥有婴幼儿托位数4.5个。",
      ).map(brief),
    ).toEqual(["建立示范性婴幼儿照护服务机构|>=|3-5|家", "每千人口拥有婴幼儿托位数|>=|4.5|个"]);
  });

  it("reads 曾因/曾被 as a look back, and 名医 as no count of people", () => {
    expect(read("海塘加固等5个项目曾因过程性滞后被通报，但均能如期完成。")).toEqual([]);
    expect(read("建成21名医基层工作室。").map((c) => c.unit)).not.toContain("名");
    expect(read("招聘100名医生。").map((c) => `${c.value}${c.unit}`)).toEqual(["100名"]);
  });

  it("reads the event a plan follows on from (继…) as done, and the plan after it", () => {
    expect(
      read("继今年1月市胸科医院和平院区正式开诊，今年，市卫健委还将推进2个国家级医学中心项目建设。").map(
        (c) => c.op,
      ),
    ).not.toContain("milestone");
  });

  it("reads a rate per head (每人每年), a verb broken by its bracket (新（改扩）建), and 今年以来 as a look back", () => {
    expect(
      read("城乡居民医保财政补助标准提高到每人每年640元。").map((c) => `${c.op}|${c.value}${c.unit}`),
    ).toEqual([">=|640元"]);
    expect(read("新（改扩）建村卫生室30个。").map(brief)).toEqual(["新（改扩）建村卫生室|>=|30|个"]);
    expect(read("年内完成投资1.2亿元。").map((c) => c.value)).toEqual([120_000_000]);
    expect(read("今年以来完成投资1.2亿元。")).toEqual([]);
    expect(read("今年以来，全市新建社区医院3家。")).toEqual([]);
  });

  it("reads rates per period (3次/月, 6万管/日) and 60周岁 as an age, never a count of people", () => {
    expect(read("巡回诊疗车出诊频率达到3次/月。").map(brief)).toEqual(["巡回诊疗车出诊频率|>=|3|次/月"]);
    expect(read("在高新区新建6万管/日的核酸检测基地。").map((c) => `${c.value}${c.unit}`)).toEqual([
      "60000管/日",
    ]);
    expect(read("为60周岁以上重点人群免费接种流感疫苗。")).toEqual([]);
    expect(read("为2万名60周岁以上老年人免费体检。").map((c) => `${c.value}${c.unit}`)).toEqual(["20000名"]);
  });

  it("keeps what a second look found read right: bounds before 的, money before people, 名 before 医养, lists before 的", () => {
    expect(
      read("确保不少于80%的村卫生室达到服务能力标准。").map((c) => `${c.op}|${c.value}${c.unit}`),
    ).toEqual([">=|80%"]);
    expect(read("力争超过60%的居民拥有家庭医生。").map((c) => `${c.value}${c.unit}`)).toEqual(["60%"]);
    expect(read("确保落实资金300万用于老年人体检。").map((c) => c.unit)).not.toContain("人");
    expect(read("培训200名医养结合服务人员。").map((c) => `${c.value}${c.unit}`)).toEqual(["200名"]);
    expect(read("新建5家社区卫生服务中心、改造10家乡镇卫生院的发热门诊。")[0]?.metric).toBe(
      "新建社区卫生服务中心",
    );
    expect(read("推进紧密型医共体加快5个县域医疗中心建设。").map((c) => `${c.value}${c.unit}`)).toEqual([
      "5个",
    ]);
  });

  it("reads no target in a check received, a check's findings, or what there is now", () => {
    expect(read("迎接国家督查2次。")).toEqual([]);
    expect(read("检查发现问题隐患120处。")).toEqual([]);
    expect(read("全县现有执业医师人数1200人。")).toEqual([]);
  });

  it("reads lines opened and fleets put out as things made", () => {
    expect(read("新辟公交线路10条。").map(brief)).toEqual(["新辟公交线路|>=|10|条"]);
    expect(read("新投放公共自行车3000辆。").map(brief)).toEqual(["投放公共自行车|>=|3000|辆"]);
  });

  it("reads 扶持成功创业 as a plan, and 超额完成 as a report", () => {
    // Before, `成功` made the sentence a report and its employment targets were lost.
    expect(read("全区城镇新增就业15000人，支持成功自主创业2000人。").map(brief)).toEqual([
      "新增就业|>=|15000|人",
      "新增支持成功自主创业|>=|2000|人|?",
    ]);
    expect(read("全年17项超额完成，占比56.67%。")).toEqual([]);
  });

  it("skips what a sentence reports from 截至 a past year until it turns to the future", () => {
    expect(
      read("截至2016年底，我市老年人口达160万人，到2020年，建成省级健康教育基地15个。", 2017).map(brief),
    ).toEqual(["建成省级健康教育基地|>=|15|个|2020-12-31"]);
  });

  it("takes a dated clause that only keeps up the target before it for no milestone of its own", () => {
    expect(read("2025年，综合干预措施覆盖比例达95%以上，到2030年持续保持。").map(brief)).toEqual([
      "综合干预措施覆盖比例|>=|95|%|2025-12-31",
    ]);
    expect(read("居民健康素养水平达到30%，到2030年持续巩固提升。").map(brief)).toEqual([
      "居民健康素养水平|>=|30|%",
    ]);
  });

  it.each([
    ["力争县域就诊率达到90%以上。", "县域就诊率|>=|90|%"],
    ["家庭医生签约服务率达42%。", "家庭医生签约服务率|>=|42|%"],
    ["基层医疗卫生机构诊疗量占比提升至60%以上。", "基层医疗卫生机构诊疗量占比|>=|60|%"],
    ["职业病危害企业治理完成率不低于55%。", "职业病危害企业治理完成率|>=|55|%"],
    ["组织开展招才引智活动不少于10场次。", "组织开展招才引智活动|>=|10|场次"],
    [
      "对全省20万名33-64周岁城镇低收入妇女进行“两癌”免费检查。",
      "全省城镇低收入妇女“两癌”免费检查|>=|200000|名",
    ],
    ["主流媒体每季度至少开展1次艾滋病防治公益宣传。", "主流媒体每季度开展艾滋病防治公益宣传|>=|1|次"],
    ["建成5G基站300座。", "建成5G基站|>=|300|座"],
    ["各学校每学期至少举办2场健康讲座。", "各学校每学期举办健康讲座|>=|2|场"],
    ["引进硕博士300名以上。", "引进硕博士|>=|300|名"],
    ["全市二级以上医疗机构检查结果互认项目超过200项。", "全市二级以上医疗机构检查结果互认项目|>|200|项"],
    ["推进胸痛、卒中、创伤等“五大中心”建设100%覆盖。", "胸痛、卒中、创伤等“五大中心”建设覆盖率|=|100|%"],
    ["新建5家县域医疗卫生次中心。", "新建县域医疗卫生次中心|>=|5|家"],
    ["创建国家级临床重点专科1个。", "创建国家级临床重点专科|>=|1|个"],
    ["累计建成智慧医院不少于57家。", "累计建成智慧医院|>=|57|家"],
    ["为4.1万名失能老年人提供免费上门健康服务。", "失能老年人提供免费上门健康服务|>=|41000|名"],
    ["力争年底种植面积达到145万亩。", "种植面积|>=|1450000|亩|2024-12-31"],
    ["打造示范点位2至3个。", "打造示范点位|>=|2-3|个"],
    ["二级及以上医疗机构100%设置公共卫生科。", "二级及以上医疗机构设置公共卫生科比例|=|100|%"],
    ["50%的县开展紧密型县域医共体试点。", "县开展紧密型县域医共体试点比例|>=|50|%"],
    ["二级以上公立医院医责险覆盖率$\\geq 100\\%$。", "二级以上公立医院医责险覆盖率|>=|100|%"],
    ["全市人均期望寿命达 78 岁以上。", "全市人均期望寿命|>=|78|岁"],
    ["三级医院达到4级。", "三级医院|>=|4|级"],
    ["院前急救平均反应时间控制在12分钟以内。", "院前急救平均反应时间|<=|12|分钟"],
    ["平均住院日不超过8天。", "平均住院日|<=|8|天"],
    ["二级以上医院患者满意度提高2个百分点。", "二级以上医院患者满意度提高|>=|2|个百分点"],
    ["完成医疗卫生项目投资5亿元。", "完成医疗卫生项目投资|>=|500000000|元"],
  ])("%s", (text, expected) => {
    expect(read(text).map(brief)).toEqual([expected]);
  });

  it("reads a quota of people written as a bare count in 万 before the group it serves (quota)", () => {
    expect(read("为1.5万65岁以上老年人免费开展健康体检。").map(brief)).toEqual([
      "老年人免费开展健康体检|>=|15000|人",
    ]);
  });

  it("reads a count of events after a verb of holding them, in an item, as made (making)", () => {
    const item = (text: string): string[] =>
      extractIndicators(normalize(text).text, { documentYear: 2024, defaultTense: "future", item: true }).map(
        brief,
      );
    expect(item("举办社区健康讲座50场次。")).toEqual(["举办社区健康讲座|>=|50|场次"]);
    expect(item("开展家庭医生签约宣传活动6期。")).toEqual(["开展家庭医生签约宣传活动|>=|6|期"]);
    // With its own comparison the subject names it; in prose the events are reported, not set.
    expect(item("各社区每月至少开展1次义诊。")).toEqual(["各社区每月开展义诊|>=|1|次"]);
    expect(read("当天开展义诊12场。")).toEqual([]);
  });

  it("names a count by the short object between its verb and number, but not by a kind or level", () => {
    expect(read("改造危房30户，新增学位900个。").map(brief)).toEqual([
      "改造危房|>=|30|户",
      "新增学位|>=|900|个",
    ]);
    expect(read("打造8个专科。").map(brief)).toEqual(["打造专科|>=|8|个|?"]);
    expect(read("新建市级2家。").map(brief)).toEqual(["新建市级|>=|2|家|?"]);
  });

  it("reads a numbered heading that is only a name and its number as the item's target (heading-quantity)", () => {
    const heading = (text: string, defaultTense: "future" | "past" = "future"): string[] =>
      extractIndicators(normalize(text).text, {
        documentYear: 2024,
        defaultTense,
        item: true,
        heading: true,
      }).map(brief);
    expect(heading("城乡居民免费健康体检8万人")).toEqual(["城乡居民免费健康体检|>=|80000|人"]);
    expect(heading("农村危桥改造12座以上")).toEqual(["农村危桥改造|>=|12|座"]);
    // A heading of a look back states what was done; a heading without a measure word counts nothing.
    expect(heading("城乡居民免费健康体检8万人", "past")).toEqual([]);
    expect(heading("深化医改2024")).toEqual([]);
  });

  it("reads a 目标 cell that names its own target before the number (target-column)", () => {
    expect(targetCell("送戏曲下乡30场", "文化惠民")).toMatchObject({
      metric: "送戏曲下乡",
      value: 30,
      unit: "场",
    });
    expect(targetCell("完成1200人", "技能培训")).toMatchObject({
      metric: "技能培训",
      value: 1200,
      unit: "人",
    });
    expect(targetCell("8950", "新增城镇就业")).toMatchObject({
      metric: "新增城镇就业",
      value: 8950,
      unit: "",
    });
  });

  it("names a count a comparison bounds after a bare verb by the object after the number", () => {
    expect(read("全年抽检不少于300家存在风险的食品经营户。").map(brief)).toEqual([
      "抽检存在风险的食品经营户|>=|300|家",
    ]);
    expect(read("举办不少于6场次健康知识讲座。").map(brief)).toEqual(["举办健康知识讲座|>=|6|场次"]);
    expect(read("新增就业不少于5000人。").map(brief)).toEqual(["新增就业|>=|5000|人"]);
  });

  it("keeps words that end in 能 whole, and reads a count of people vaccinated (接种)", () => {
    expect(read("开展职业技能培训3000人次。").map(brief)).toEqual(["开展职业技能培训|>=|3000|人次"]);
    expect(read("为适龄女生免费接种HPV疫苗1200人。").map(brief)).toEqual(["接种HPV疫苗|>=|1200|人"]);
  });

  it("dates a project that is to be completed (建成…项目) as a milestone (project-stage)", () => {
    expect(read("年内建成县人民医院门诊综合楼等一批重点项目。", 2024).map(brief)).toEqual([
      "建成县人民医院门诊综合楼等一批重点项目|milestone|||2024-12-31",
    ]);
    // Building a network or a kind of hospital is no project with a completion date.
    expect(read("建成覆盖城乡的中医医疗服务网络。")).toEqual([]);
  });

  it("gives each of two horizons its value: one measure, 分别 two values (horizon-pair)", () => {
    expect(read("到2025年和2030年，全县人均预期寿命分别达到79岁和80岁。").map(brief)).toEqual([
      "全县人均预期寿命|>=|79|岁|2025-12-31",
      "全县人均预期寿命|>=|80|岁|2030-12-31",
    ]);
    expect(read("到2025年、2030年，儿童青少年近视率分别控制在50%、45%以下。").map(brief)).toEqual([
      "儿童青少年近视率|<=|50|%|2025-12-31",
      "儿童青少年近视率|<=|45|%|2030-12-31",
    ]);
    expect(read("经常参加体育锻炼人数比例到2025年和2030年分别达到38%和40%。").map(brief)).toEqual([
      "经常参加体育锻炼人数比例|>=|38|%|2025-12-31",
      "经常参加体育锻炼人数比例|>=|40|%|2030-12-31",
    ]);
  });

  it("dates a sentence by its two horizons up to its first `；`, and a part that opens with a year by that year", () => {
    expect(
      read("2025年和2030年，吸烟人群比例均较前5年下降5%以上；2025年，学校健康教育覆盖比例达90%以上。").map(
        brief,
      ),
    ).toEqual([
      "吸烟人群比例均较前5年下降|>=|5|%|2025-12-31",
      "吸烟人群比例均较前5年下降|>=|5|%|2030-12-31",
      "学校健康教育覆盖比例|>=|90|%|2025-12-31",
    ]);
  });

  it("reads 左右 as a target with a tolerance, not a warning (approximate)", () => {
    const [target] = read("全县地区生产总值增长7%左右。");
    expect(target && brief(target)).toBe("全县地区生产总值增长|=|7|%");
    expect(target?.rule).toBe("approximate");
    expect(read("婴儿死亡率降至4‰左右。").map(brief)).toEqual(["婴儿死亡率|<=|4|‰"]);
  });

  it("reads 扩展到, 缩短至 and 压缩到 as comparisons", () => {
    expect(read("家庭医生签约服务扩展到12个乡镇。").map(brief)).toEqual(["家庭医生签约服务|>=|12|个"]);
    expect(read("急救平均反应时间缩短至12分钟以内。").map(brief)).toEqual(["急救平均反应时间|<=|12|分钟"]);
    expect(read("检查检验等候时间压缩到30分钟。").map(brief)).toEqual(["检查检验等候时间|<=|30|分钟"]);
  });

  it("dates a project's stage by the month right before it (month-stage)", () => {
    expect(read("县中医院门诊楼5月份开工建设，10月主体封顶。", 2024).map(brief)).toEqual([
      "县中医院门诊楼开工建设|milestone|||2024-05-31",
      "主体封顶|milestone|||2024-10-31",
    ]);
    expect(read("市妇女儿童医院7月份动工建设。", 2024).map(brief)).toEqual([
      "市妇女儿童医院动工建设|milestone|||2024-07-31",
    ]);
  });

  it("dates nothing by a year inside a title, nor by a clause of purpose", () => {
    expect(read("印发《全民健康素养提升2024年工作方案》，修订配套标准。", 2024)).toEqual([]);
    expect(read("6月底前印发《2024年健康乡镇建设方案》。", 2024).map(brief)).toEqual([
      "印发《2024年健康乡镇建设方案》|milestone|||2024-06-30",
    ]);
    expect(read("为确保2024年民生实事如期完成，区卫健委细化了任务分工。", 2024)).toEqual([]);
    // Nor does it make the sentence a look back.
    expect(read("落实《健康乡村建设2023年工作要点》，新建村卫生室12个。", 2024).map(brief)).toEqual([
      "新建村卫生室|>=|12|个",
    ]);
  });

  it("reads nothing in a web address, not even a doubtful share", () => {
    expect(read("详见https://www.example.gov.cn/art/2024/6/28/art_1229_58959.html。")).toEqual([]);
    expect(read("网址：www.example.gov.cn/col/3/4/index.html，到2025年签约率达到75%。").map(brief)).toEqual([
      "签约率|>=|75|%|2025-12-31",
    ]);
  });

  it("reads rates per population and per mille", () => {
    expect(read("孕产妇死亡率控制在10/10万以下，婴儿死亡率控制在5‰以下。").map(brief)).toEqual([
      "孕产妇死亡率|<=|10|/10万",
      "婴儿死亡率|<=|5|‰",
    ]);
  });

  it("reads an enumeration that shares its head noun, one indicator each", () => {
    expect(
      read("到2025年，力争新建70个国家级、300个省级、500个市级、1000个县级临床重点专科。").map(brief),
    ).toEqual([
      "新建国家级临床重点专科|>=|70|个|2025-12-31",
      "新建省级临床重点专科|>=|300|个|2025-12-31",
      "新建市级临床重点专科|>=|500|个|2025-12-31",
      "新建县级临床重点专科|>=|1000|个|2025-12-31",
    ]);
  });

  it("distributes 分别 over the names before it", () => {
    expect(read("市级和县级临床重点专科分别7个、13个。").map(brief)).toEqual([
      "市级临床重点专科|>=|7|个",
      "县级临床重点专科|>=|13|个",
    ]);
    expect(read("实现医疗服务收入、收支平衡分别占比达36%、60%以上。").map(brief)).toEqual([
      "医疗服务收入占比|>=|36|%",
      "收支平衡占比|>=|60|%",
    ]);
    expect(read("门诊号源和住院床位下沉比例分别达到1/3和1/4。").map((c) => c.value)).toEqual([33.33, 25]);
  });

  it("reads 三个100% as one target per listed measure", () => {
    expect(read("行政许可事项办理实现按时办结率、现场办结率和群众评议满意率三个100%。").map(brief)).toEqual([
      "按时办结率|=|100|%",
      "现场办结率|=|100|%",
      "群众评议满意率|=|100|%",
    ]);
  });

  it("carries a verb over to the clauses that only list nouns and numbers", () => {
    expect(read("力争新增省级临床重点专科8个，市级临床重点专科30个。").map(brief)).toEqual([
      "新增省级临床重点专科|>=|8|个",
      "新增市级临床重点专科|>=|30|个",
    ]);
  });

  it("reads Chinese numerals only where they count a list", () => {
    expect(read("申报儿童和妇产两个省级区域医疗中心。").map(brief)).toEqual([
      "申报省级区域医疗中心（儿童、妇产）|>=|2|个",
    ]);
    expect(read("持续推进两项改革“后半篇”文章。")).toEqual([]);
  });

  it("dates targets by their own clause, or by a horizon stated before them", () => {
    expect(
      read("6月底前实现二级及以上医疗机构法定传染病监测信息报告自动交换，12月底前完成平台对接。", 2023).map(
        brief,
      ),
    ).toEqual([
      "二级及以上医疗机构法定传染病监测信息报告自动交换|milestone|||2023-06-30",
      "平台对接|milestone|||2023-12-31",
    ]);
    expect(read("年底前建成社区医院3家。", 2023)[0]?.deadline).toBe("2023-12-31");
    expect(read("新增托位100个，到2025年底，建成社区医院3家。", 2024).map((c) => c.deadline)).toEqual([
      undefined,
      "2025-12-31",
    ]);
    expect(read("新增托位100个。")[0]?.deadline).toBeUndefined();
  });

  it.each([
    ["2022年，全市新建省级无烟单位149个。", "a past year"],
    ["目前已建成智慧医院40家。", "已"],
    ["截至目前，全疆在87个项目点开展老年心理关爱行动。", "截至目前"],
    ["新建社区医院2家（各县市区各1家）。", "brackets: only the total"],
    ["推动市三医院等8个项目按时完工。", "a count of listed things"],
    ["每县（市、区）至少新建1家示范基地。", "a quota per county"],
    ["持续提升60岁及以上老年人群接种率。", "an age qualifying a group"],
    ["以“12个专项”推动落实。", "a quoted name"],
    ["对首批19个次中心开展绩效评价。", "the object of an evaluation"],
    ["对12个县进行督导考核。", "whom a check covers"],
    ["15个居委会完成改扩建，16个居委会正在施工中。", "work in progress"],
    ["全年完成三年目标任务的100.54%。", "a share of the plan already done"],
    ["开展专题宣传100天。", "a duration"],
    ["作为一个拥有2100万人口的超大城市。", "a number without a target word"],
  ])("does not read %s as a target (%s)", (text) => {
    expect(
      read(text, 2024)
        .filter((c) => c.op !== "milestone")
        .filter((c) => !c.doubt),
    ).toEqual(text === "新建社区医院2家（各县市区各1家）。" ? [expect.objectContaining({ value: 2 })] : []);
  });

  it("offers doubtful readings with the reason instead of asserting them", () => {
    // `实现…全覆盖` commits to every one of them: a 100% target of its own, not a doubt.
    const [coverage] = read("实现建制村每月巡诊全覆盖。");
    expect(coverage).toMatchObject({ op: "=", value: 100, unit: "%", rule: "full-coverage" });
    expect(coverage?.doubt).toBeUndefined();
    // A bracket after it says what the coverage comes to.
    expect(
      readItem("免费为新生儿进行遗传代谢病筛查全覆盖（5000人）。").map((c) => `${c.value}${c.unit}`),
    ).toEqual(["100%"]);
    const [vague] = read("重点打造10个专科。");
    expect(vague?.doubt).toContain("笼统");
  });

  it("keeps spans on the quantity and its comparison word", () => {
    const text = normalize("力争县域就诊率达到90%以上。").text;
    const [found] = extractIndicators(text, { documentYear: 2024, defaultTense: "future" });
    expect(text.slice(found?.start, found?.end)).toBe("90%以上");
  });
});
