import { normalize as normalizeText } from "./normalize";
import { DEFAULT_UNITS, type UnitDirectory } from "../model";
import {
  findResponsibility as findIn,
  inlineLeads,
  inlineResponsibility,
  mentionedUnits,
  plainListRuleOf,
} from "./units";

/** The parser reads normalised text: full-width brackets and colons, no stray spaces. */
const findResponsibility = (
  text: string,
  units: UnitDirectory,
  options?: Parameters<typeof findIn>[2],
): ReturnType<typeof findIn> => findIn(normalizeText(text).text, units, options);

const units = DEFAULT_UNITS;

describe("responsibility clauses", () => {
  it.each(["（", "〔", "【", "["])("reads %s责任单位：…", (open) => {
    const close = { "（": "）", "〔": "〕", "【": "】", "[": "]" }[open];
    const found = findResponsibility(`推进建设。${open}责任单位：省卫健委，省发改委、财政厅${close}`, units);
    expect(found).toMatchObject({ lead: ["省卫健委"], co: ["省发改委", "财政厅"], joint: false });
  });

  it("reads 责任单位 beside 牵头 and 配合 labels as answering for the task, and without 配合 as helping", () => {
    expect(
      findResponsibility("（牵头单位：区卫健委；配合单位：区财政局；责任单位：各街道）", units),
    ).toMatchObject({ lead: ["区卫健委", "各街道"], co: ["区财政局"] });
    expect(findResponsibility("（牵头单位：区卫健委；责任单位：区财政局、各街道）", units)).toMatchObject({
      lead: ["区卫健委"],
      co: ["区财政局", "各街道"],
    });
  });

  it("reads a unit bracket the page cut off at the end, leaving out the name it cut", () => {
    const plain = { plain: "first-leads" as const };
    expect(
      findResponsibility("推进中医馆建设。（省中医药局、省发展改革委、省财政厅", units, plain),
    ).toMatchObject({
      lead: ["省中医药局"],
      co: ["省发展改革委", "省财政厅"],
    });
    expect(
      findResponsibility("推进中医馆建设。（省中医药局、省发展改革委、省财", units, plain),
    ).toMatchObject({
      lead: ["省中医药局"],
      co: ["省发展改革委"],
    });
    expect(
      findResponsibility("（牵头单位：区卫健委；配合单位：区财政局；责任单位：各镇（", units),
    ).toMatchObject({ lead: ["区卫健委"], co: ["区财政局"] });
    // A bracket of words that are no units is no unit clause.
    expect(findResponsibility("推进中医馆建设。（含中医诊所、门诊部", units)).toBeUndefined();
  });

  it("reads 按职责分工负责 in brackets after the list as a joint lead too", () => {
    const found = findResponsibility("责任单位：各县（市、区）人民政府、县卫健委（按职责分工负责）", units);
    expect(found).toMatchObject({ lead: ["各县（市、区）人民政府", "县卫健委"], co: [], joint: true });
  });

  it("reads 按职责分工负责 as a joint lead", () => {
    const found = findResponsibility("（责任单位：省卫生健康委、教育厅、科技厅按职责分工负责）", units);
    expect(found).toMatchObject({ lead: ["省卫生健康委", "教育厅", "科技厅"], co: [], joint: true });
  });

  it("reads a standing note for later items and stops the unit list at the note", () => {
    const found = findResponsibility(
      "〔责任单位:省卫生健康委,人力资源社会保障厅、各市(州)人民政府。逗号前为牵头单位,下同。以下均需各市(州)人民政府落实,不再列出〕",
      units,
    );
    expect(found).toMatchObject({
      lead: ["省卫生健康委"],
      co: ["人力资源社会保障厅", "各市（州）人民政府"],
      standingImplementers: ["各市（州）人民政府"],
    });
  });

  it("reads (A主办，B协办) and (A主责，B配合) as a lead and its helpers", () => {
    expect(findResponsibility("（市卫健委主办，市医保局、市财政局协办）", units)).toMatchObject({
      lead: ["市卫健委"],
      co: ["市医保局", "市财政局"],
    });
    expect(findResponsibility("（责任单位：区卫健局主责，区民政局配合）", units)).toMatchObject({
      lead: ["区卫健局"],
      co: ["区民政局"],
    });
  });

  it("stops a labelled list at the next field, past people named first, and reads 【牵头单位】 labels", () => {
    expect(findResponsibility("（责任单位：市卫健委；完成时限：2024年6月）", units)).toMatchObject({
      lead: ["市卫健委"],
      co: [],
    });
    expect(findResponsibility("（责任单位：市卫健委  完成时限：2024年底）", units)?.lead).toEqual([
      "市卫健委",
    ]);
    expect(
      findResponsibility("（牵头领导：张三；牵头单位：市卫健委；配合单位：市医保局）", units),
    ).toMatchObject({ lead: ["市卫健委"], co: ["市医保局"] });
    expect(findResponsibility("（主要责任单位：市卫健委；协同单位：市民政局）", units)).toMatchObject({
      lead: ["市卫健委"],
      co: ["市民政局"],
    });
    expect(findResponsibility("（牵头部门：市卫健委；参与部门：市医保局）", units)).toMatchObject({
      lead: ["市卫健委"],
      co: ["市医保局"],
    });
    expect(findResponsibility("【牵头单位】市卫健委 【配合单位】市医保局", units)).toMatchObject({
      lead: ["市卫健委"],
      co: ["市医保局"],
    });
  });

  it("reads a bracket of names only that closes the item, and the short labels 牵头：/配合：", () => {
    expect(
      findResponsibility("加强乡镇卫生院建设，提升服务水平。（市卫健委、市医保局）", units),
    ).toMatchObject({
      lead: ["市卫健委", "市医保局"],
      joint: true,
    });
    expect(findResponsibility("提升服务水平。（市卫健委，市医保局、市财政局）", units)).toMatchObject({
      lead: ["市卫健委"],
      co: ["市医保局", "市财政局"],
    });
    expect(findResponsibility("完善疾控体系。（医政处、基层处）", units)?.lead).toEqual(["医政处", "基层处"]);
    expect(findResponsibility("（牵头：市卫健委；配合：市医保局）", units)).toMatchObject({
      lead: ["市卫健委"],
      co: ["市医保局"],
    });
    // A bracket that is part of the name before it (`镇（街道）`) is no list of its own.
    expect(findResponsibility("责任单位：各有关部门，各开发区、镇（街道）", units)).toMatchObject({
      lead: ["各有关部门"],
      co: ["各开发区", "镇（街道）"],
    });
    // After 全县 the bracket is still the units; `（二级以上综合医院）` says which, not who.
    expect(findResponsibility("将家庭医生签约服务推广到全县（县卫健局、县医保局）。", units)?.lead).toEqual([
      "县卫健局",
      "县医保局",
    ]);
    expect(findResponsibility("开展胸痛中心建设（二级以上综合医院）。", units)).toBeUndefined();
    // A bracket inside the sentence, or one that says what something holds, names no one.
    expect(findResponsibility("在市人民医院（市儿童医院）建设儿科中心。", units)).toBeUndefined();
    expect(findResponsibility("新建门诊部。（含中医诊所、门诊部）", units)).toBeUndefined();
  });

  it("reads (A、B负责，C、D参与)", () => {
    expect(findResponsibility("（市卫健委、市医保局负责，市财政局、各区县政府参与）", units)).toMatchObject({
      lead: ["市卫健委", "市医保局"],
      co: ["市财政局", "各区县政府"],
    });
  });

  it("reads labelled lines: 牵头单位/配合单位 and 牵头责任单位/主要协作单位", () => {
    expect(findResponsibility("牵头单位：市疾控中心\n配合单位：市卫健委、市财政局", units)).toMatchObject({
      lead: ["市疾控中心"],
      co: ["市卫健委", "市财政局"],
    });
    expect(
      findResponsibility("牵头责任单位：市卫健委；主要协作单位：市公安局、市民政局", units),
    ).toMatchObject({
      lead: ["市卫健委"],
      co: ["市公安局", "市民政局"],
    });
  });

  it("reads several labels inside one bracket", () => {
    expect(findResponsibility("（牵头单位：市卫健委；责任单位：各区县政府、市医保局）", units)).toMatchObject(
      {
        lead: ["市卫健委"],
        co: ["各区县政府", "市医保局"],
      },
    );
  });

  it("reads a plain list as a joint lead, unless the document says the first unit leads", () => {
    expect(findResponsibility("（责任单位：市人社局、市卫健委）", units)).toMatchObject({
      lead: ["市人社局", "市卫健委"],
      co: [],
      joint: true,
    });
    expect(
      findResponsibility("（责任单位：市人社局、市卫健委）", units, { plain: "first-leads" }),
    ).toMatchObject({
      lead: ["市人社局"],
      co: ["市卫健委"],
    });
    expect(plainListRuleOf("（排在第一位的为牵头单位，下同）")).toBe("first-leads");
    // The State Council's form: `（A、B、C负责。列第一位者为牵头部门或单位，…下同）`.
    expect(plainListRuleOf("列第一位者为牵头部门或单位，其他有关部门按职责分工负责")).toBe("first-leads");
    expect(
      findResponsibility("（国家中医药局、国家发展改革委、财政部负责）", units, { plain: "first-leads" }),
    ).toMatchObject({ lead: ["国家中医药局"], co: ["国家发展改革委", "财政部"] });
    expect(
      findResponsibility("（责任单位：市人社局、市卫健委共同负责）", units, { plain: "first-leads" }),
    ).toMatchObject({ lead: ["市人社局", "市卫健委"], joint: true });
    expect(plainListRuleOf("（责任单位：市人社局、市卫健委）")).toBe("joint");
  });

  it("reads (A牵头，B、C按职责分工负责): the lead, then the others as co-units", () => {
    expect(
      findResponsibility("（卫生健康委牵头，中央宣传部、中央网信办、科技部按职责分工负责）", units),
    ).toMatchObject({ lead: ["卫生健康委"], co: ["中央宣传部", "中央网信办", "科技部"], joint: false });
    expect(findResponsibility("（教育部牵头，发展改革委、卫生健康委按职责分工负责）", units)).toMatchObject({
      lead: ["教育部"],
      co: ["发展改革委", "卫生健康委"],
    });
  });

  it("reads a bracket with a note after its units: （各县区分别负责，全年持续推进）", () => {
    expect(findResponsibility("加强监测。（各县区分别负责，全年持续推进）", units)).toMatchObject({
      lead: ["各县区"],
      co: [],
    });
  });

  it("leaves out half a name where the text is cut off inside the clause", () => {
    expect(
      findResponsibility("推进建设。（责任单位：市卫健委、市财政局、市人力资源社会", units),
    ).toMatchObject({
      lead: ["市卫健委", "市财政局"],
    });
  });

  it("finds nothing in a task without a clause", () => {
    expect(findResponsibility("推进分级诊疗，提升基层能力（含中医）。", units)).toBeUndefined();
  });
});

describe("units in running text", () => {
  it("reads X牵头 as a lead, but not 牵头医院 or 为牵头单位", () => {
    expect(
      inlineLeads("开展监测。市疾控中心牵头做好艾滋等重大传染病监测，促进医联体牵头医院资源下沉。", units),
    ).toEqual(["市疾控中心"]);
    expect(inlineLeads("完善以市中心医院为牵头单位的城市医疗集团。", units)).toEqual([]);
  });

  it("reads A牵头，B配合 and 由A负责 in running text, the helpers as co-units", () => {
    const read = (text: string) => inlineResponsibility(normalizeText(text).text, units);
    expect(read("县中医院牵头，各乡镇卫生院、县妇幼保健院配合，推广适宜技术。")).toEqual({
      lead: ["县中医院"],
      co: ["各乡镇卫生院", "县妇幼保健院"],
    });
    expect(read("完善院前急救网络，由县急救中心负责，县消防救援大队协助。")).toEqual({
      lead: ["县急救中心"],
      co: ["县消防救援大队"],
    });
    expect(read("开展健康义诊进社区活动。县卫健委负责。")).toEqual({ lead: ["县卫健委"], co: [] });
    // A group a hospital leads, and a person in charge, name no responsible unit.
    expect(read("组建由县人民医院牵头的医共体，由县人民医院负责人具体落实。")).toEqual({ lead: [], co: [] });
  });

  it("reads A牵头，会同B、C… as a lead and the units it works with", () => {
    expect(inlineResponsibility("由市卫健委牵头，会同市医保局、市财政局组织实施。", units)).toEqual({
      lead: ["市卫健委"],
      co: ["市医保局", "市财政局"],
    });
    // What the lead does after its comma names nobody.
    expect(inlineResponsibility("市卫健委牵头，协调解决基层医院人才短缺问题。", units).co).toEqual([]);
  });

  it("keeps a bracketed second name whole", () => {
    expect(mentionedUnits("支持市妇幼保健院（市儿童医院）建设川西北地区妇女儿童医疗中心。", units)).toEqual([
      "市妇幼保健院（市儿童医院）",
    ]);
  });

  it("collects unit names the text mentions, for suggestions", () => {
    expect(mentionedUnits("由市卫健委会同市财政局、市医保局推进，支持市中心医院建设。", units)).toEqual(
      expect.arrayContaining(["市卫健委", "市财政局", "市医保局", "市中心医院"]),
    );
  });
});
