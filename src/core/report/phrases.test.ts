import {
  bookTitle,
  chineseNumeral,
  formatNumber,
  formatPercent,
  formatQuantity,
  sectionName,
  targetAndActual,
  targetPhrase,
} from "./phrases";

describe("phrases", () => {
  test.each([
    [1, 3, "33.3"],
    [2, 3, "66.7"],
    [1, 8, "12.5"],
    [1, 16, "6.3"],
    [0, 5, "0.0"],
    [5, 5, "100.0"],
    [3, 0, "0.0"],
  ])("%d of %d is %s%%", (part, total, expected) => {
    expect(formatPercent(part, total)).toBe(expected);
  });

  test.each([
    [1, "一"],
    [10, "十"],
    [12, "十二"],
    [20, "二十"],
    [35, "三十五"],
  ])("%d → %s", (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });

  test("large quantities are written in 万, as documents do", () => {
    expect(formatQuantity(1450000)).toBe("145万");
    expect(formatQuantity(674493)).toBe("67.45万");
    expect(formatQuantity(41000)).toBe("4.1万");
    expect(formatQuantity(9999)).toBe("9999");
    expect(targetAndActual({ op: ">=", target: 1450000, unit: "亩" }, 674493)).toBe(
      "（目标：不少于145万亩，完成67.45万亩）",
    );
  });

  test("numbers print without noise", () => {
    expect(formatNumber(41000)).toBe("41000");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(4.5)).toBe("4.5");
  });

  test.each([
    ["一、立足新发展阶段", "立足新发展阶段"],
    ["（二）强化公共卫生", "强化公共卫生"],
    ["3. 基层", "基层"],
    ["第一章 总则", "总则"],
    ["", "其他"],
  ])("section %j is quoted as %j", (section, expected) => {
    expect(sectionName(section)).toBe(expected);
  });

  test("targets are quoted back in the document's own unit", () => {
    expect(targetPhrase({ op: ">=", target: 20, unit: "家" })).toBe("不少于20家");
    expect(targetPhrase({ op: ">=", target: 90, unit: "%" })).toBe("不低于90%");
    expect(targetPhrase({ op: "milestone" })).toBeUndefined();
    expect(targetAndActual({ op: ">=", target: 20, unit: "家" }, 12)).toBe("（目标：不少于20家，完成12家）");
    expect(targetAndActual({ op: "<=", target: 10, unit: "%" }, 12)).toBe("（目标：不高于10%，实际12%）");
    expect(targetAndActual({ op: ">", target: 3, unit: "个" }, undefined)).toBe("（目标：超过3个）");
  });

  test("document titles get 《》 once", () => {
    expect(bookTitle("工作要点")).toBe("《工作要点》");
    expect(bookTitle("《工作要点》")).toBe("《工作要点》");
  });
});
