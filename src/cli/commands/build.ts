import type { ColumnRole, Diagnostic, Ledger, PlanDocument } from "../../core/model";
import { UnitDirectory } from "../../core/model";
import { type BuildLedgerOptions, type BuildLedgerResult, buildLedger } from "../../core/plan";
import {
  type AdoptedTable,
  COLUMN_ROLE_WORDS,
  IMPORTED_REPORTER,
  adoptedLedger,
  columnLetter,
  readsBetterAsTable,
  roleOfWord,
} from "../../core/adopt";
import { parseRange } from "../../adapters/table";
import type { WorkbookOptions } from "../../core/sheets";
import { buildWorkbookPlan } from "../../core/sheets";
import { renderWorkbook } from "../../adapters/xlsx";
import { parseArgs, periodOption, stringOption } from "../args";
import { EXIT, type Command } from "../command";
import { printWarnings, replaceLedger } from "../files";
import { loadAliases, loadDocument } from "../input";
import { type TableChoice, isTableFile, loadTable } from "../table";
import { readLedgerWorkbook } from "../../adapters/xlsx";
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
    "      duban build 任务表.xlsx|任务表.csv|分解表.docx -o 台账.xlsx [--sheet 工作表] [--range A3:H40]",
    "",
    "  文件可以是政策文件（.txt、.md、.docx、.pdf），也可以是单位已有的任务表（.xlsx、.csv，或含任务表的 .docx）",
    "  -o, --output  输出的台账文件（.xlsx）",
    "  --period      跟踪的期间：季度写成 2024-Q3 或 2024年第三季度，月份写成 2024-09 或 2024年9月（默认为今天所在的季度）",
    "  --monthly     按月跟踪（未指定 --period 时，默认为今天所在的月份）",
    '  --aliases     补充单位别名表：{"规范名称": ["别名", …]}',
    "  --sheet       任务表所在的工作表（.docx 中的第二个表格写“表2”）；默认取读出任务最多的一个",
    "  --range       任务表所在的区域，如 A3:H40（从表头开始）",
    '  --columns     改变列的对应，如 "C=牵头单位,F=忽略"（序号、类别、任务、具体措施、指标、牵头单位、配合单位、责任单位、责任领导、时限、进展情况、备注、忽略）；下次导入时沿用',
  ].join("\n"),
  async run(argv, io) {
    const parsed = parseArgs(
      argv,
      { output: true, period: true, monthly: false, aliases: true, sheet: true, range: true, columns: true },
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

    const ledgerOptions: BuildLedgerOptions = {
      ...(period.period !== undefined && { period: period.period }),
      periodKind: parsed.args.options.has("monthly") ? "month" : "quarter",
      today: localToday(io),
      units,
    };
    const columns = chosenColumns(stringOption(parsed.args, "columns"));
    if (typeof columns === "string") {
      io.stderr(`${columns}\n`);
      return EXIT.usage;
    }
    const choice: TableChoice = {
      ...optionalString(parsed.args, "sheet", "sheet"),
      ...optionalString(parsed.args, "range", "range"),
      ...(columns && { columns }),
    };
    const [only] = positionals;
    const asTable =
      only !== undefined && (isTableFile(only) || Object.keys(choice).length > 0 || /\.docx$/i.test(only));
    if (positionals.length > 1 && (positionals.some(isTableFile) || Object.keys(choice).length > 0)) {
      io.stderr("任务表（.xlsx、.csv）一次只能导入一个文件，且不能与政策文件一起导入。\n未生成台账。\n");
      return EXIT.usage;
    }
    let result: BuildLedgerResult | undefined;
    if (asTable && positionals.length === 1) {
      const adopted = await adoptedFromFile(only, output, choice, units, io);
      if (adopted === "failed") return EXIT.cannotRead;
      if (adopted) result = adoptedLedger(adopted.plan, adopted, ledgerOptions);
    }
    if (!result) {
      const documents: PlanDocument[] = [];
      for (const path of positionals) {
        const loaded = await loadDocument(path, io, units);
        if (!loaded.ok) {
          io.stderr(`${loaded.message}\n未生成台账。\n`);
          return EXIT.cannotRead;
        }
        documents.push(loaded.document);
      }
      result = buildLedger(documents, ledgerOptions);
    }
    if (!result.ok) {
      io.stderr(`${result.message}\n`);
      return EXIT.dataError;
    }
    reportLedgerDiagnostics(result.diagnostics, io);
    const { ledger } = result;
    if (!(await writeLedgerWorkbook(ledger, output, io))) return EXIT.cannotWrite;
    const tasks = new Set(ledger.rows.map((r) => r.taskId)).size;
    const imported = ledger.progress.filter((p) => p.reportedBy === IMPORTED_REPORTER).length;
    if (imported > 0) {
      io.stderr(
        `[提示] 原表“进展情况”等列的内容已作为${ledger.period.label}的进度导入（${imported}行，报送人记为“${IMPORTED_REPORTER}”）。\n`,
      );
    }
    io.stdout(
      `已生成台账“${output}”：${ledger.documents.length} 份文件，${tasks} 项任务，${ledger.rows.length} 行，跟踪期间 ${ledger.period.label}。\n`,
    );
    return EXIT.ok;
  },
};

/** `--columns "C=牵头单位,F=忽略"` as roles by 0-based column; a message when a pair cannot be read. */
function chosenColumns(written: string | undefined): Record<number, ColumnRole> | string | undefined {
  if (written === undefined) return undefined;
  const chosen: Record<number, ColumnRole> = {};
  for (const pair of written.split(/[,，;；]/).filter((p) => p.trim() !== "")) {
    const [letter = "", word = ""] = pair.split(/[=＝:：]/);
    const range = parseRange(`${letter.trim()}1`);
    const role = roleOfWord(word);
    if (!range || !role)
      return `--columns 中的“${pair.trim()}”无法识别：应写成“C=牵头单位”，列用字母，对应写序号、任务、牵头单位、配合单位、时限、忽略等。`;
    chosen[range.left] = role;
  }
  return chosen;
}

function optionalString<K extends "sheet" | "range">(
  args: Parameters<typeof stringOption>[0],
  option: string,
  key: K,
): Partial<TableChoice> {
  const value = stringOption(args, option);
  return value === undefined ? {} : { [key]: value };
}

/** The columns the ledger at `path` was adopted with last time, if it is one. */
async function rememberedColumns(path: string, io: CliIo) {
  try {
    const read = await readLedgerWorkbook(await io.readFile(path));
    return read.ok ? read.ledger.tableColumns : undefined;
  } catch {
    // No ledger there yet: nothing remembered, which is the first month's case.
    return undefined;
  }
}

/**
 * The office's own table, adopted; undefined when a .docx holds no task table (it is then read as
 * a document), or holds fewer tasks in its table than its text; "failed" after saying why.
 */
async function adoptedFromFile(
  path: string,
  output: string,
  choice: TableChoice,
  units: UnitDirectory,
  io: CliIo,
): Promise<AdoptedTable | "failed" | undefined> {
  const remembered = await rememberedColumns(output, io);
  const loaded = await loadTable(path, io, choice, { units, ...(remembered && { remembered }) });
  const document = /\.docx$/i.test(path) && Object.keys(choice).length === 0;
  if (!loaded.ok) {
    if (document && loaded.noTable) return undefined;
    io.stderr(`${loaded.message}\n未生成台账。\n`);
    return "failed";
  }
  if (document) {
    const prose = await loadDocument(path, io, units);
    if (prose.ok && !readsBetterAsTable(loaded, prose.document)) return undefined;
  }
  const where = loaded.grid.sheet ? `“${loaded.grid.sheet}”中的任务表` : "任务表";
  const columns = loaded.table.mapping.columns
    .filter((column) => column.header !== "")
    .map(
      (column) =>
        `${columnLetter(column.index + loaded.grid.origin.column - 1)}列“${column.header}”→${COLUMN_ROLE_WORDS[column.role]}`,
    )
    .join("；");
  io.stderr(`[提示] 按${where}读取，列的对应：${columns}。\n`);
  printWarnings(
    loaded.table.diagnostics.filter(
      (d) => d.code === "merged-cell-unresolved" || d.code === "column-mixed-roles",
    ),
    io,
  );
  return loaded.table;
}
