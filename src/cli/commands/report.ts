import { renderReportDocx } from "../../adapters/docx";
import { DEFAULT_ISSUER, DEFAULT_RECIPIENTS } from "../../core/model";
import type { StatusCounts } from "../../core/progress";
import type { ReportDoc, ReportInput } from "../../core/report";
import { buildReport, renderReportText } from "../../core/report";
import { ledgerCommandArgs, ledgerPeriod, stringOption } from "../args";
import { EXIT, type Command } from "../command";
import { describe } from "../input";
import { readLedgerFile, writeOutput } from "../files";
import type { CliIo } from "../io";
import { localToday } from "./build";

/** Said whenever a 通报 or notice signs with the default: a 落款 is the office's to choose. */
export const ISSUER_FALLBACK_NOTE = `未设置发文单位，落款暂用“${DEFAULT_ISSUER}”；可用 --issuer 指定，或在台账“设置”表中填写“发文单位”。`;

/** `共81项：已完成24项、序时推进42项…`, the statuses that occur, in the standard order. */
export function countsLine(counts: StatusCounts): string {
  const parts = (["已完成", "序时推进", "进度滞后", "逾期未完成", "未启动", "未报送"] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => `${status}${counts[status]}项`);
  return `共${counts.total}项：${parts.join("、")}`;
}

/** Writes the 通报 as .docx; false (after saying why) when the file cannot be written. */
export async function writeReportDocx(report: ReportDoc, path: string, io: CliIo): Promise<boolean> {
  return writeOutput(path, await renderReportDocx(report), io);
}

export const reportCommand: Command = {
  name: "report",
  summary: "由台账生成通报（.docx 或纯文本）",
  usage: [
    "用法：duban report 台账.xlsx [--period 2024-Q3] (-o 通报.docx | --text) [选项]",
    "",
    "  --period     通报的期间：月份写 2024-09，季度写 2024-Q3；默认为台账当前期间",
    "  -o           输出的 .docx 文件（GB/T 9704 公文格式）",
    "  --text       在终端输出通报全文（纯文本，可直接复制）",
    "  --date       成文日期，如 2024-10-08；默认为今天",
    `  --issuer     落款（发文单位）；默认取台账“设置”表的“发文单位”，未填写时为“${DEFAULT_ISSUER}”`,
    "  --scope      标题中的范围，如“全市卫生健康”；默认取“设置”表的“通报范围”",
    `  --to         主送单位；默认取“设置”表的“主送单位”，未填写时为“${DEFAULT_RECIPIENTS}”`,
    "  --requirements 文件.txt   “四、下步工作要求”的内容，每行一条（默认为通用的三条）",
  ].join("\n"),
  async run(argv, io) {
    const command = ledgerCommandArgs(
      argv,
      {
        period: true,
        output: true,
        text: false,
        date: true,
        issuer: true,
        scope: true,
        to: true,
        requirements: true,
      },
      this.usage,
      io,
    );
    if (!command) return EXIT.usage;
    const { args, ledgerPath } = command;
    const output = stringOption(args, "output");
    const asText = args.options.has("text");
    if (!output && !asText) {
      io.stderr(`请用 -o 指定输出的 .docx 文件，或用 --text 在终端输出通报。\n${this.usage}\n`);
      return EXIT.usage;
    }
    if (output && !/\.docx$/i.test(output)) {
      io.stderr(`输出文件“${output}”应以 .docx 结尾。\n`);
      return EXIT.usage;
    }

    const file = await readLedgerFile(ledgerPath, io);
    if (!file.ok) return file.exit;
    const { read } = file;

    let requirements: string[] | undefined;
    const requirementsFile = stringOption(args, "requirements");
    if (requirementsFile !== undefined) {
      try {
        const text = new TextDecoder().decode(await io.readFile(requirementsFile));
        requirements = text.split(/\r?\n/).filter((line) => line.trim() !== "");
      } catch (error) {
        io.stderr(`无法读取“${requirementsFile}”：${describe(error)}\n`);
        return EXIT.cannotRead;
      }
    }

    const ledger = read.ledger;
    const issuer = stringOption(args, "issuer");
    const scope = stringOption(args, "scope");
    const recipients = stringOption(args, "to");
    const period = ledgerPeriod(args, ledger, io);
    if (!period) return EXIT.usage;
    const reportInput: ReportInput = {
      period,
      date: stringOption(args, "date") ?? localToday(io),
      ...(issuer !== undefined && { issuer }),
      ...(scope !== undefined && { scope }),
      ...(recipients !== undefined && { recipients }),
      ...(requirements !== undefined && { requirements }),
    };
    const built = buildReport(ledger, reportInput);
    if (!built.ok) {
      io.stderr(`${built.message}\n`);
      return built.code === "empty-ledger" ? EXIT.dataError : EXIT.usage;
    }
    const { report } = built;
    if (built.issuerIsDefault) io.stderr(`${ISSUER_FALLBACK_NOTE}\n`);
    if (asText) io.stdout(renderReportText(report));
    if (output) {
      if (!(await writeReportDocx(report, output, io))) return EXIT.cannotWrite;
      // With --text the report itself is on stdout; the note about the file goes beside it.
      const note = `已生成通报：${output}（${report.title}，${countsLine(report.figures.counts)}）\n`;
      if (asText) io.stderr(note);
      else io.stdout(note);
    }
    return EXIT.ok;
  },
};
