import { DEFAULT_UNITS, UnitDirectory, splitUnitList } from "./units";

describe("the unit directory", () => {
  it("keeps names with numbers (120急救中心, 第3人民医院) but not a target that ran into a unit list", () => {
    expect(DEFAULT_UNITS.tidyList("完成在职参保人数6300人、区人社局、120急救中心、市第3人民医院")).toEqual([
      "区人社局",
      "120急救中心",
      "市第3人民医院",
    ]);
  });

  it.each([
    ["省卫健委", "省卫生健康委"],
    ["省卫生健康委员会", "省卫生健康委"],
    ["省人社厅", "人力资源社会保障厅"],
    ["省人力资源和社会保障厅", "人力资源社会保障厅"],
    ["省教育厅", "教育厅"],
    ["市卫健委", "市卫生健康委"],
    ["区卫健局", "区卫生健康局"],
    ["各市(州)人民政府", "各市（州）人民政府"],
    [" 市 医保局 ", "市医保局"],
    ["市财政局等单位", "市财政局"],
    // Direction and zero-width characters pasted from mail and web pages are not part of a name.
    ["市卫生\u202e健康委", "市卫生健康委"],
    ["\u200f市医保局\u2066", "市医保局"],
    ["市\u200b疾控中心\ufeff", "市疾控中心"],
  ])("%j → %s", (written, canonical) => {
    expect(DEFAULT_UNITS.normalize(written)).toBe(canonical);
  });

  it("takes the office's aliases on top of the built-in ones, and keeps them to record", () => {
    const units = new UnitDirectory({ 市委编办: ["市编办", "编办"] });
    expect(units.normalize("编办")).toBe("市委编办");
    expect(units.normalize("省卫健委")).toBe("省卫生健康委");
    expect(units.extra).toEqual({ 市委编办: ["市编办", "编办"] });
    expect(units.with({ 市委编办: ["机构编制办"] }).normalize("机构编制办")).toBe("市委编办");
  });

  it("parts names after a bracket the page cut off, and reads the same list back from its cell", () => {
    const cut = splitUnitList("市卫健委、本报讯（记者、王明");
    expect(cut).toEqual(["市卫健委", "本报讯（记者", "王明"]);
    expect(splitUnitList(DEFAULT_UNITS.format(cut))).toEqual(cut);
    expect(splitUnitList("各县（市、区）人民政府、市教育局（区")).toEqual([
      "各县（市、区）人民政府",
      "市教育局（区",
    ]);
  });

  it("splits lists only at the top level, on the separators documents and people use", () => {
    expect(splitUnitList("各市（州、县）人民政府、省卫生健康委；省医保局")).toEqual([
      "各市（州、县）人民政府",
      "省卫生健康委",
      "省医保局",
    ]);
    expect(DEFAULT_UNITS.parseList("市卫健委, 市医保局;市卫生健康委员会/市疾控中心\n市民政局")).toEqual([
      "市卫生健康委",
      "市医保局",
      "市疾控中心",
      "市民政局",
    ]);
  });

  it("treats two names that differ only by invisible characters as one unit", () => {
    expect(DEFAULT_UNITS.same("市卫生健康委", "市卫生\u202e健康委")).toBe(true);
    expect(DEFAULT_UNITS.parseList("市卫生健康委、市卫生健\u200d康委")).toEqual(["市卫生健康委"]);
  });

  it("formats a list as documents write it", () => {
    expect(DEFAULT_UNITS.format(["市卫生健康委", "市医保局"])).toBe("市卫生健康委、市医保局");
  });
});
