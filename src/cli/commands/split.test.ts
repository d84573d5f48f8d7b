import { memoryIo } from "../../../test/helpers/memoryIo";
import { readReturnedGrids } from "../../adapters/xlsx/returned";
import { readReturnForm } from "../../core/roundtrip";
import { run } from "../run";

const WORK_POINTS =
  "1.加强基层。新建社区医院3家。（责任单位：市卫生健康委，市财政局）\n\n2.加强人才。6月底前招聘医生20名。（责任单位：市人社局）";

describe("duban split", () => {
  it("writes one 填报 file per responsible unit into the folder", async () => {
    const io = memoryIo({ "要点.txt": WORK_POINTS });
    expect(await run(["build", "要点.txt", "-o", "台账.xlsx", "--period", "2024-Q3"], io)).toBe(0);
    expect(await run(["split", "台账.xlsx", "-o", "分发", "--deadline", "2024-10-10"], io)).toBe(0);
    const written = [...io.files.keys()].filter((k) => k.startsWith("分发/")).sort();
    expect(written).toEqual([
      "分发/填报-2024年第三季度-市人力资源社会保障局.xlsx",
      "分发/填报-2024年第三季度-市卫生健康委.xlsx",
      "分发/填报-2024年第三季度-市财政局.xlsx",
    ]);
    expect(io.out.join("")).toContain("已为 3 个单位生成2024年第三季度填报文件，报送时限2024年10月10日");
    const grids = await readReturnedGrids(
      io.files.get("分发/填报-2024年第三季度-市财政局.xlsx") as Uint8Array,
    );
    if (!grids.ok) throw new Error(grids.message);
    const read = readReturnForm(grids.grids);
    expect(read.ok && read.form.unit).toBe("市财政局");
    expect(read.ok && read.form.entries.length).toBe(1);
  });

  it("answers mistakes in Chinese and writes nothing", async () => {
    const cases: [string[], RegExp, number][] = [
      [["split", "台账.xlsx"], /请用 -o 指定存放填报文件的文件夹/, 64],
      [["split", "缺失.xlsx", "-o", "d"], /无法读取“缺失.xlsx”：文件不存在/, 66],
      [["split", "要点.txt", "-o", "d"], /不是有效的 \.xlsx 工作簿/, 66],
    ];
    for (const [argv, message, code] of cases) {
      const io = memoryIo({ "要点.txt": WORK_POINTS });
      expect({ argv, code: await run(argv, io) }).toEqual({ argv, code });
      expect(io.err.join("")).toMatch(message);
      expect([...io.files.keys()]).toEqual(["要点.txt"]);
    }
  });

  it("refuses a period the ledger does not track", async () => {
    const io = memoryIo({ "要点.txt": WORK_POINTS });
    await run(["build", "要点.txt", "-o", "台账.xlsx", "--period", "2024-Q3"], io);
    expect(await run(["split", "台账.xlsx", "-o", "d", "--period", "2024-09"], io)).toBe(64);
    expect(io.err.join("")).toContain("这份台账按季度跟踪");
  });
});
