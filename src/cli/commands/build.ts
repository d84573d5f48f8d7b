import type { Diagnostic, Ledger, PlanDocument } from "../../core/model";
import { UnitDirectory } from "../../core/model";
import { buildLedger } from "../../core/plan";
import type { WorkbookOptions } from "../../core/sheets";
import { buildWorkbookPlan } from "../../core/sheets";
import { renderWorkbook } from "../../adapters/xlsx";
import { parseArgs, periodOption, stringOption } from "../args";
import { EXIT, type Command } from "../command";
import { printWarnings, replaceLedger } from "../files";
import { loadAliases, loadDocument } from "../input";
import type { CliIo } from "../io";

/** Today in the machine's time zone, as an ISO date. */
export function localToday(io: CliIo): string {
  const now = io.now();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Warnings one by one; notes of one kind (rows without a lead unit) as a single line with their count. */
export function reportLedgerDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo): void {
  printWarnings(diagnostics, io);
  const withoutLead = diagnostics.filter((d) => d.code === "row-without-lead-unit");
  if (withoutLead.length > 0) {
    io.stderr(`[提示] ${withoutLead.length} 项任务没有写明牵头单位，请在“任务清单”的牵头单位列中补充。\n`);
  }
}

/** Renders the ledger's workbook and writes it; false (after saying why) when the file cannot be written. */
export async function writeLedgerWorkbook(
  ledger: Ledger,
  path: string,
  io: CliIo,
  options: WorkbookOptions = {},
  keepBackup = true,
): Promise<boolean> {
  // A ledger already at `path` is copied into the backup folder first: it may hold months of reports.
  const bytes = await renderWorkbook(buildWorkbookPlan(ledger, options));
  const written = await replaceLedger(path, bytes, undefined, io, keepBackup);
  if (written.ok && written.backup) io.stderr(`[提示] 原有的“${path}”已备份为“${written.backup}”。\n`);
  return written.ok;
}

export const buildCommand: Command = {
  name: "build",
  summary: "由政策文件生成督办台账工作簿（.xlsx）",
  usage: [
    "用法：duban build 文件… -o 台账.xlsx [--period 期间] [--monthly] [--aliases 别名表.json]",
    "",
    "  -o, --output  输出的台账文件（.xlsx）",
    "  --period      跟踪的期间：季度写成 2024-Q3 或 2024年第三季度，月份写成 2024-09 或 2024年9月（默认为今天所在的季度）",
    "  --monthly     按月跟踪（未指定 --period 时，默认为今天所在的月份）",
    '  --aliases     补充单位别名表：{"规范名称": ["别名", …]}',
  ].join("\n"),
  async run(argv, io) {
    const parsed = parseArgs(
      argv,
      { output: true, period: true, monthly: false, aliases: true },
      { o: "output" },
    );
    if (!parsed.ok) {
      io.stderr(`${parsed.message}\n${this.usage}\n`);
      return EXIT.usage;
    }
    const { positionals } = parsed.args;
    const output = stringOption(parsed.args, "output");
    if (positionals.length === 0 || !output) {
      io.stderr(
        `${positionals.length === 0 ? "请指定政策文件。" : "请用 -o 指定输出的台账文件。"}\n${this.usage}\n`,
      );
      return EXIT.usage;
    }
    if (!output.toLowerCase().endsWith(".xlsx")) {
      io.stderr(`输出文件“${output}”应以 .xlsx 结尾。\n`);
      return EXIT.usage;
    }
    const period = periodOption(parsed.args);
    if (!period.ok) {
      io.stderr(`${period.message}\n`);
      return EXIT.usage;
    }
    const aliasPath = stringOption(parsed.args, "aliases");
    const aliases = aliasPath ? await loadAliases(aliasPath, io) : undefined;
    if (aliases && !aliases.ok) {
      io.stderr(`${aliases.message}\n`);
      return EXIT.cannotRead;
    }
    const units = new UnitDirectory(aliases?.aliases);

    const documents: PlanDocument[] = [];
    for (const path of positionals) {
      const loaded = await loadDocument(path, io, units);
      if (!loaded.ok) {
        io.stderr(`${loaded.message}\n未生成台账。\n`);
        return EXIT.cannotRead;
      }
      documents.push(loaded.document);
    }

    const result = buildLedger(documents, {
      ...(period.period !== undefined && { period: period.period }),
      periodKind: parsed.args.options.has("monthly") ? "month" : "quarter",
      today: localToday(io),
      units,
    });
    if (!result.ok) {
      io.stderr(`${result.message}\n`);
      return EXIT.dataError;
    }
    reportLedgerDiagnostics(result.diagnostics, io);
    const { ledger } = result;
    if (!(await writeLedgerWorkbook(ledger, output, io))) return EXIT.cannotWrite;
    const tasks = new Set(ledger.rows.map((r) => r.taskId)).size;
    io.stdout(
      `已生成台账“${output}”：${ledger.documents.length} 份文件，${tasks} 项任务，${ledger.rows.length} 行，跟踪期间 ${ledger.period.label}。\n`,
    );
    return EXIT.ok;
  },
};
