import { LineIndex, describeLocation } from "./diagnostics";

describe("LineIndex", () => {
  it("gives 1-based lines and columns", () => {
    const lines = new LineIndex("ab\ncd\n\nefg");
    expect(lines.locate(0)).toEqual({ line: 1, column: 1 });
    expect(lines.locate(1)).toEqual({ line: 1, column: 2 });
    expect(lines.locate(3)).toEqual({ line: 2, column: 1 });
    expect(lines.locate(6)).toEqual({ line: 3, column: 1 });
    expect(lines.locate(9)).toEqual({ line: 4, column: 3 });
  });

  it("agrees with counting the lines by hand at every offset", () => {
    const text = "一、总体\n\n（一）任务。目标达到90%。\n责任单位：市卫健委\n";
    const lines = new LineIndex(text);
    for (let offset = 0; offset < text.length; offset++) {
      const before = text.slice(0, offset);
      expect(lines.locate(offset)).toEqual({
        line: before.split("\n").length,
        column: offset - before.lastIndexOf("\n"),
      });
    }
  });
});

describe("where a diagnostic points", () => {
  it("reads as the CLI prints it", () => {
    expect(describeLocation({ kind: "text", span: { start: 0, end: 1 }, line: 3, column: 1 })).toBe(
      "第 3 行",
    );
    expect(describeLocation({ kind: "cell", sheet: "进度填报", cell: "H7" })).toBe("“进度填报” H7");
    expect(describeLocation({ kind: "row", rowId: "d-T001" })).toBe("行 d-T001");
    expect(describeLocation(undefined)).toBe("");
  });
});
