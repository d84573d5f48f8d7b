/**
 * Parse time for the five seeds and for 1, 2 and 4 MB documents, plain, full of doubtful readings
 * (each a diagnostic with a line and column) and without punctuation: the ratios show the parser is
 * linear.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "../src/core/parse";
import { printTable, timeIt } from "./measure";

/** A synthetic 工作要点 of about `bytes` UTF-8 bytes, in the shape of the seeds. */
export function syntheticPlan(bytes: number): string {
  const lines = ["# 性能测试工作要点", ""];
  let size = 0;
  for (let section = 1; size < bytes; section++) {
    lines.push(`## 第${section}部分`, "");
    for (let n = 1; n <= 30 && size < bytes; n++) {
      const line = `${n}.推进第${n}项重点工作。新建社区医院${n}家、乡镇卫生院${n + 1}家，家庭医生签约服务率达到${40 + (n % 50)}%以上，6月底前完成信息平台对接。加强统筹协调，压实工作责任，确保各项措施落到实处。（责任单位：市卫健委，市财政局、市医保局）`;
      lines.push(line, "");
      size += new TextEncoder().encode(line).length + 2;
    }
  }
  return lines.join("\n");
}

/**
 * A document whose every paragraph yields doubtful readings — a count of a kind (`打造3个专科`) —
 * beside a 全覆盖 and a 左右 target, a dated hire and a past fact.
 */
export function doubtfulPlan(bytes: number): string {
  const lines = ["# 疑似指标性能测试", ""];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const line = `${n}.推进重点工作${n}。基层医疗机构全覆盖，服务能力提升${n % 9}%左右，打造${n}个专科，6月底前招聘医生${n}名，去年建成${n}家。`;
    lines.push(line, "");
    size += new TextEncoder().encode(line).length + 2;
  }
  return lines.join("\n");
}

/**
 * A page that lost its punctuation: one item whose single clause runs the whole document, every
 * few characters a count of the same value (the worst case for looking back inside a clause and for
 * telling a repeated target from a new one).
 */
export function unpunctuatedPlan(bytes: number): string {
  const piece = "开展30名医生培训新建社区医院3家";
  const count = Math.ceil(bytes / new TextEncoder().encode(piece).length);
  return ["# 无标点性能测试", "", `1.推进重点工作${piece.repeat(count)}`].join("\n");
}

export async function benchParse(): Promise<void> {
  const seedDir = join(__dirname, "../../seeds");
  const rows: (string | number)[][] = [["文档", "大小 (KB)", "任务", "指标", "解析 (ms)"]];
  for (const name of readdirSync(seedDir).sort()) {
    const text = readFileSync(join(seedDir, name), "utf8");
    const doc = parseDocument(text);
    const ms = await timeIt(() => parseDocument(text), 9);
    const indicators = doc.tasks.reduce((n, t) => n + t.indicators.length, doc.indicators.length);
    rows.push([name, Buffer.byteLength(text) / 1024, doc.tasks.length, indicators, ms]);
  }
  const ratios: string[] = [];
  for (const [label, make] of [
    ["合成文档", syntheticPlan],
    ["疑似指标文档", doubtfulPlan],
    ["无标点文档", unpunctuatedPlan],
  ] as const) {
    const times: number[] = [];
    for (const mb of [1, 2, 4]) {
      const text = make(mb * 1024 * 1024);
      const doc = parseDocument(text);
      const ms = await timeIt(() => parseDocument(text), 3);
      times.push(ms);
      rows.push([
        `${label} ${mb} MB（提示 ${doc.diagnostics.length} 条）`,
        Buffer.byteLength(text) / 1024,
        doc.tasks.length,
        doc.tasks.reduce((n, t) => n + t.indicators.length, doc.indicators.length),
        ms,
      ]);
    }
    const [one = 1, two = 0, four = 0] = times;
    ratios.push(
      `  ${label}：2 MB / 1 MB 耗时比 ${(two / one).toFixed(2)}，4 MB / 2 MB ${(four / (two || 1)).toFixed(2)}`,
    );
  }
  printTable("解析速度（中位数）", rows);
  process.stdout.write(`${ratios.join("\n")}（线性时约为 2）\n`);
}
