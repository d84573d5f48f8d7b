import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { memoryIo } from "../../../test/helpers/memoryIo";
import { readLedgerWorkbook } from "../../adapters/xlsx";
import { run } from "../run";

const SEEDS = join(__dirname, "../../../seeds");
const seed = (name: string): string => join(SEEDS, name);
const WORK_POINTS =
  "1.加强基层。新建社区医院3家。（责任单位：市卫生健康委，市财政局）\n\n2.加强人才。6月底前招聘医生20名。（责任单位：市人社局）";

async function workbookAt(io: ReturnType<typeof memoryIo>, path: string) {
  const bytes = io.files.get(path);
  if (!(bytes instanceof Uint8Array)) throw new Error(`nothing written at ${path}`);
  const read = await readLedgerWorkbook(bytes);
  if (!read.ok) throw new Error(read.message);
  return read.ledger;
}

describe("duban build", () => {
  it("writes a 台账 workbook that reads back as the ledger of the document", async () => {
    const io = memoryIo({ "要点.txt": WORK_POINTS });
    expect(await run(["build", "要点.txt", "-o", "台账.xlsx", "--period", "2024-Q3"], io)).toBe(0);
    expect(io.out.join("")).toContain("已生成台账“台账.xlsx”：1 份文件，2 项任务");
    expect(io.out.join("")).toContain("跟踪期间 2024年第三季度");
    const ledger = await workbookAt(io, "台账.xlsx");
    expect(ledger.period.key).toBe("2024-Q3");
    expect(ledger.documents[0]?.sourceName).toBe("要点.txt");
    expect(ledger.rows[0]).toMatchObject({ target: 3, leadUnits: ["市卫生健康委"], coUnits: ["市财政局"] });
    expect(ledger.rows[0]?.metric).toContain("社区医院");
  });

  it("tracks the quarter or month containing today when no period is given", async () => {
    const io = memoryIo({ "要点.txt": WORK_POINTS }, new Date("2024-08-15T10:00:00+08:00"));
    expect(await run(["build", "要点.txt", "-o", "q.xlsx"], io)).toBe(0);
    expect(await run(["build", "要点.txt", "-o", "m.xlsx", "--monthly"], io)).toBe(0);
    expect((await workbookAt(io, "q.xlsx")).period.key).toBe("2024-Q3");
    expect((await workbookAt(io, "m.xlsx")).period.key).toBe("2024-08");
  });

  it("builds one ledger from several documents, seeds included", async () => {
    const io = memoryIo();
    const code = await run(
      ["build", seed("002_864f5150332c02db.txt"), seed("003_440203b1828586b3.txt"), "-o", "/out/合并.xlsx"],
      io,
    );
    expect(code).toBe(0);
    const ledger = await workbookAt(io, "/out/合并.xlsx");
    expect(ledger.documents.map((d) => d.title)).toEqual([
      "2023年全市卫生健康工作要点",
      "四川省建设优质高效医疗卫生服务体系实施方案",
    ]);
    expect(new Set(ledger.rows.map((r) => r.docId)).size).toBe(2);
    expect(io.err.join("")).toMatch(/项任务没有写明牵头单位/);
  });

  it("answers mistakes with a Chinese message and a usage exit code, writing nothing", async () => {
    const cases: [string[], RegExp, number][] = [
      [["build", "要点.txt"], /请用 -o 指定输出的台账文件/, 64],
      [["build", "-o", "a.xlsx"], /请指定政策文件/, 64],
      [["build", "要点.txt", "-o", "a.csv"], /应以 \.xlsx 结尾/, 64],
      [["build", "要点.txt", "-o", "a.xlsx", "--period", "三季度"], /无法识别的期间“三季度”/, 64],
      [["build", "缺失.txt", "-o", "a.xlsx"], /无法读取“缺失.txt”：文件不存在/, 66],
      [["build", "要点.txt", "-o", "a.xlsx", "--bogus"], /未知选项/, 64],
    ];
    for (const [argv, message, code] of cases) {
      const io = memoryIo({ "要点.txt": WORK_POINTS });
      expect({ argv, code: await run(argv, io) }).toEqual({ argv, code });
      expect(io.err.join("")).toMatch(message);
      expect([...io.files.keys()]).toEqual(["要点.txt"]);
    }
  });
});

describe("duban demo", () => {
  it("writes one 台账 per seed, with sample progress labelled 示例数据", async () => {
    const names = ["000_94b0ec7e5a21699d.txt", "003_440203b1828586b3.txt"];
    const files: Record<string, Uint8Array> = {};
    for (const name of names) files[`seeds/${name}`] = new Uint8Array(await readFile(seed(name)));
    files["seeds/说明.pdf"] = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const io = memoryIo(files);
    expect(await run(["demo", "seeds", "-o", "out"], io)).toBe(0);
    const written = [...io.files.keys()].filter((k) => k.startsWith("out/") && k.endsWith(".xlsx"));
    expect(written).toEqual([
      "out/台账-2024年成都卫生健康工作这样干.xlsx",
      "out/台账-四川省建设优质高效医疗卫生服务体系实施方案.xlsx",
    ]);
    const ledger = await workbookAt(io, written[1]!);
    expect(ledger.period.key).toBe("2024-Q3");
    expect(ledger.progress.length).toBeGreaterThan(ledger.rows.length);
    expect(ledger.progress.every((e) => e.reportedBy === "示例数据")).toBe(true);
  });

  it("says so when the folder has no policy files", async () => {
    const io = memoryIo({ "empty/readme.pdf": "x" });
    expect(await run(["demo", "empty", "-o", "out"], io)).toBe(66);
    expect(io.err.join("")).toContain("没有 .txt、.md 或 .docx 文件");
  });
});
