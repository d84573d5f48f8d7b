import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { memoryIo } from "../../../test/helpers/memoryIo";
import { run } from "../run";

const seed = (name: string): string => join(__dirname, "../../../seeds", name);

describe("duban parse", () => {
  it("reads a PDF as the installed command does (bin/duban.js, pdf.js through Node's own loader)", () => {
    const root = join(__dirname, "../../..");
    const out = execFileSync(
      process.execPath,
      [join(root, "bin/duban.js"), "parse", join(root, "test/fixtures/pdf/work-points.pdf")],
      { encoding: "utf8" },
    );
    expect(out).toContain("《2024年全市卫生健康工作要点》");
    expect(out).toContain("1. 加强临床重点专科建设　牵头：市卫生健康委；配合：市财政局");
    expect(out).toContain("· 新建省级临床重点专科 ≥ 5个");
  });

  it("prints a readable summary: sections, tasks with units, targets", async () => {
    const io = memoryIo();
    const code = await run(["parse", seed("003_440203b1828586b3.txt")], io);
    expect(code).toBe(0);
    const out = io.out.join("");
    expect(out).toContain("《四川省建设优质高效医疗卫生服务体系实施方案》");
    expect(out).toContain("25 项任务");
    expect(out).toContain("四. 全力推进医学医疗中心建设　牵头：省卫生健康委、省发展改革委");
    expect(out).toContain("· 新建国家级临床重点专科 ≥ 70个，时限 2025-12-31");
  });

  it("prints the scoring JSON with --json: section titles, tasks with nested indicators", async () => {
    const io = memoryIo();
    expect(await run(["parse", seed("002_864f5150332c02db.txt"), "--json"], io)).toBe(0);
    const json = JSON.parse(io.out.join("")) as {
      sections: unknown[];
      tasks: { number: string; indicators: unknown[] }[];
    };
    expect(json.sections[0]).toBe("一、立足新发展阶段，站高谋远打造成渝医疗副中心");
    expect(json.tasks).toHaveLength(32);
    expect(json.tasks[0]?.indicators.length).toBeGreaterThan(3);
  });

  it("prints an array for several files", async () => {
    const io = memoryIo({
      "a.txt": "1.新建社区医院3家。\n\n2.建成智慧医院2家。",
      "b.txt": "1.招聘医生20名。\n\n2.培训护士50名。",
    });
    expect(await run(["parse", "a.txt", "b.txt", "--json"], io)).toBe(0);
    expect(JSON.parse(io.out.join(""))).toHaveLength(2);
  });

  it("extends the unit aliases from a JSON file", async () => {
    const io = memoryIo({
      "a.txt":
        "1.加强基层。新建社区医院3家。（责任单位：市编办）\n\n2.加强人才。招聘医生20名。（责任单位：市委编办）",
      "aliases.json": JSON.stringify({ 市委编办: ["市编办"] }),
    });
    expect(await run(["parse", "a.txt", "--aliases", "aliases.json", "--json"], io)).toBe(0);
    const json = JSON.parse(io.out.join("")) as { tasks: { leadUnits: string[] }[] };
    expect(json.tasks.map((t) => t.leadUnits)).toEqual([["市委编办"], ["市委编办"]]);
  });

  it.each([
    [[], 64, /请指定要解析的文件/],
    [["--bogus", "a.txt"], 64, /未知选项/],
    [["missing.txt"], 66, /无法读取“missing.txt”：文件不存在/],
    [["empty.txt"], 66, /空文件/],
    [["binary.txt"], 66, /不是文本文件/],
    [["a.txt", "--aliases", "bad.json"], 66, /别名表.*格式不对/],
  ])("refuses %j with exit %i and a Chinese message", async (args, exit, message) => {
    const io = memoryIo({
      "a.txt": "1.新建社区医院3家。",
      "empty.txt": "",
      "binary.txt": new Uint8Array([0, 1, 2, 0, 5]),
      "bad.json": "[1,2]",
    });
    expect(await run(["parse", ...args], io)).toBe(exit);
    expect(io.err.join("")).toMatch(message);
  });

  it("exits 1 and says why when a document holds no tasks", async () => {
    const io = memoryIo({
      "notice.txt": "关于召开座谈会的通知\n\n定于下周三下午召开座谈会，请各单位派员参加。",
    });
    expect(await run(["parse", "notice.txt"], io)).toBe(1);
    expect(io.out.join("")).toContain("没有识别出任务或量化目标");
  });
});

describe("duban", () => {
  it("lists its commands and exits 64 without one", async () => {
    const io = memoryIo();
    expect(await run([], io)).toBe(64);
    expect(io.out.join("")).toContain("parse");
  });

  it("refuses an unknown command", async () => {
    const io = memoryIo();
    expect(await run(["frobnicate"], io)).toBe(64);
    expect(io.err.join("")).toContain("未知命令：frobnicate");
  });
});
