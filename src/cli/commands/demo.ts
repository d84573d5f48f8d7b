import type { Ledger, PlanDocument } from "../../core/model";
import { Period, dayNumber, isoFromDayNumber } from "../../core/model";
import { buildLedger } from "../../core/plan";
import { sampleProgress } from "../../core/progress";
import type { BuildReportResult } from "../../core/report";
import { buildReport, reportSheetPlan } from "../../core/report";
import { parseArgs, stringOption } from "../args";
import { EXIT, type Command } from "../command";
import { describe, loadDocument } from "../input";
import type { CliIo } from "../io";
import { writeLedgerWorkbook } from "./build";
import { writeReportDocx } from "./report";

const POLICY_FILE = /\.(txt|md|docx)$/i;

/** A name a file system accepts, from a document title. */
function fileSafe(title: string): string {
  return title.replace(/[\\/:*?"<>|\s]+/g, "").slice(0, 40);
}

/**
 * One demonstration ledger per policy document, tracked at the third quarter of the document's year
 * and filled with progress labelled 示例数据, so every sheet has something to show.
 */
export function demoLedger(document: PlanDocument): Ledger | undefined {
  const built = buildLedger([document], { period: Period.of("quarter", document.year, 3) });
  if (!built.ok) return undefined;
  return { ...built.ledger, progress: sampleProgress(built.ledger, built.ledger.period) };
}

export interface DemoOutput {
  ledger: Ledger;
  /** File name without extension, shared by everything written for this ledger. */
  baseName: string;
}

/**
 * The demo's 通报, dated the 8th day after the period ends so every run writes the same file, with a
 * 附注 saying its figures are sample data.
 */
function demoReport(ledger: Ledger): BuildReportResult {
  const date = isoFromDayNumber(dayNumber(ledger.period.end) + 8);
  return buildReport(ledger, { period: ledger.period, date, note: "本通报由示例数据生成，仅供演示" });
}

async function writeDemo(output: DemoOutput, outDir: string, io: CliIo): Promise<string[] | undefined> {
  const workbook = io.join(outDir, `${output.baseName}.xlsx`);
  const built = demoReport(output.ledger);
  if (!built.ok) io.stderr(`${output.baseName}：${built.message}，未生成通报。\n`);
  const options = built.ok ? { reportSheet: reportSheetPlan(built.report) } : {};
  // The demo's output is made again on every run: nothing of the office's to back up.
  if (!(await writeLedgerWorkbook(output.ledger, workbook, io, options, false))) return undefined;
  if (!built.ok) return [workbook];
  const report = io.join(outDir, `${output.baseName}-通报.docx`);
  if (!(await writeReportDocx(built.report, report, io))) return undefined;
  return [workbook, report];
}

export const demoCommand: Command = {
  name: "demo",
  summary: "演示：由一个文件夹中的政策文件各生成一份带示例进度的台账",
  usage: [
    "用法：duban demo 文件夹 -o 输出文件夹",
    "",
    "  文件夹中的每个 .txt/.md/.docx 文件生成一份“台账-标题.xlsx”，进度为标注“示例数据”的模拟填报，",
    "  并据此生成第三季度通报“台账-标题-通报.docx”（台账的“通报”表中也有全文）。",
  ].join("\n"),
  async run(argv, io) {
    const parsed = parseArgs(argv, { output: true }, { o: "output" });
    if (!parsed.ok) {
      io.stderr(`${parsed.message}\n${this.usage}\n`);
      return EXIT.usage;
    }
    const [inputDir] = parsed.args.positionals;
    const outDir = stringOption(parsed.args, "output");
    if (!inputDir || !outDir || parsed.args.positionals.length > 1) {
      io.stderr(`请指定一个政策文件所在的文件夹和输出文件夹。\n${this.usage}\n`);
      return EXIT.usage;
    }
    let names: string[];
    try {
      names = (await io.listDir(inputDir)).filter((name) => POLICY_FILE.test(name));
    } catch (error) {
      io.stderr(`无法读取文件夹“${inputDir}”：${describe(error)}\n`);
      return EXIT.cannotRead;
    }
    if (names.length === 0) {
      io.stderr(`文件夹“${inputDir}”中没有 .txt、.md 或 .docx 文件。\n`);
      return EXIT.cannotRead;
    }
    try {
      await io.makeDir(outDir);
    } catch (error) {
      io.stderr(`无法创建输出文件夹“${outDir}”：${describe(error, "write")}\n`);
      return EXIT.cannotWrite;
    }

    let failed = false;
    const used = new Set<string>();
    for (const name of names) {
      const loaded = await loadDocument(io.join(inputDir, name), io);
      const ledger = loaded.ok ? demoLedger(loaded.document) : undefined;
      if (!loaded.ok || !ledger) {
        io.stderr(`${loaded.ok ? `“${name}”中没有识别出任务` : loaded.message}，已跳过。\n`);
        failed = true;
        continue;
      }
      const title = `台账-${fileSafe(loaded.document.title) || fileSafe(name.replace(POLICY_FILE, ""))}`;
      let baseName = title;
      for (let n = 2; used.has(baseName); n++) baseName = `${title}-${n}`;
      used.add(baseName);
      const written = await writeDemo({ ledger, baseName }, outDir, io);
      if (!written) return EXIT.cannotWrite;
      io.stdout(
        `${name} → ${written.join("、")}（${ledger.rows.length} 行，${ledger.period.label}，示例进度 ${ledger.progress.length} 条）\n`,
      );
    }
    return failed ? EXIT.dataError : EXIT.ok;
  },
};
