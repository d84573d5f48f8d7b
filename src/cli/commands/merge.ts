import { partsLostOnRewrite, readGrids, renderWorkbookOver } from "../../adapters/xlsx";
import { readReturnedGrids } from "../../adapters/xlsx/returned";
import type { Period } from "../../core/model";
import { assessLedger } from "../../core/progress";
import type { MergeResult, ReturnedFile } from "../../core/roundtrip";
import {
  beijingTimestamp,
  mergeReturns,
  readChangeLog,
  readReturnForm,
  withChangeLog,
} from "../../core/roundtrip";
import { buildWorkbookPlan, keptSentence, readLedger } from "../../core/sheets";
import type { ParsedArgs } from "../args";
import { parseArgs, periodOption, stringOption } from "../args";
import { EXIT, type Command } from "../command";
import { describe } from "../input";
import { printWarnings, replaceLedger } from "../files";
import type { CliIo } from "../io";

async function readReturned(path: string, io: CliIo): Promise<ReturnedFile> {
  const fileName = io.basename(path);
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    return { fileName, read: { ok: false, message: `无法读取：${describe(error)}` } };
  }
  const grids = await readReturnedGrids(bytes);
  if (!grids.ok) return { fileName, read: grids };
  return { fileName, read: readReturnForm(grids.grids) };
}

/** The summary people read after a merge: what came in, what changed, what needs them. */
function summary(result: MergeResult, received: number, period: Period): string {
  const lines = [
    `汇总${period.label}：收到 ${received} 个文件，汇总 ${result.merged.length} 个，未汇总 ${result.refused.length} 个；变更 ${result.changes.length} 处。`,
  ];
  if (result.merged.length > 0) {
    lines.push("已汇总：");
    for (const file of result.merged) {
      const parts = [`变更 ${file.changes} 处`];
      if (file.empty) parts.push("未填写任何内容，按未报送计");
      if (file.missingRows.length > 0) {
        parts.push(
          `缺少 ${file.missingRows.length} 项任务（编号 ${file.missingRows.map((r) => r.number).join("、")}），按未报送计`,
        );
      }
      lines.push(`  ${file.fileName}（${file.unit}）：${parts.join("；")}`);
      for (const note of file.notes) lines.push(`    [提示] ${note.message}`);
    }
  }
  if (result.refused.length > 0) {
    lines.push("未汇总：");
    for (const file of result.refused) lines.push(`  ${file.fileName}：${file.message}`);
  }
  if (result.conflicts.length > 0) {
    lines.push(
      `冲突 ${result.conflicts.length} 处（各单位的填报均已保留，状态按牵头单位的填报判定，请核实后在“进度填报”中修改）：`,
    );
    for (const conflict of result.conflicts) {
      const reports = conflict.reports.map((r) => `${r.unit}填“${r.value}”`).join("，");
      lines.push(`  编号 ${conflict.number}（${conflict.item}）的${conflict.field}：${reports}`);
    }
  }
  // What a unit sent against itself: kept as sent, counted by the rules, named here to be checked.
  const toCheck = assessLedger(result.ledger, period).rows.filter((r) => r.check !== "");
  if (toCheck.length > 0) {
    lines.push(`需核实 ${toCheck.length} 项（已按原样保留，判定见“进度填报”的“核对”列）：`);
    for (const row of toCheck) {
      lines.push(
        `  编号 ${row.row.number}（${row.row.metric || row.row.task}）：${row.check}，按“${row.status}”统计`,
      );
    }
  }
  lines.push(
    result.missingUnits.length > 0
      ? `未报送单位 ${result.missingUnits.length} 个：${result.missingUnits.join("、")}`
      : "各责任单位均已报送。",
  );
  return `${lines.join("\n")}\n`;
}

export const mergeCommand: Command = {
  name: "merge",
  summary: "汇总：把各单位报回的填报文件合并进台账",
  usage: [
    "用法：duban merge 台账.xlsx 填报文件.xlsx… [-o 输出.xlsx] [--period 2024-Q3]",
    "",
    "  -o, --output  汇总结果另存为此文件；不指定时写回台账（有文件未能汇总时不写回）",
    "  --period      汇总的期间，默认为台账当前期间",
    "",
    "每处变更记入台账的“变更记录”表；同一文件汇总两次不会重复记录。",
  ].join("\n"),
  async run(argv, io) {
    const parsed = parseArgs(argv, { output: true, period: true }, { o: "output" });
    if (!parsed.ok) {
      io.stderr(`${parsed.message}\n${this.usage}\n`);
      return EXIT.usage;
    }
    const { args } = parsed;
    const [ledgerPath, ...returnedPaths] = args.positionals;
    const output = stringOption(args, "output");
    if (!ledgerPath || returnedPaths.length === 0) {
      io.stderr(`请指定台账文件和至少一个报回的填报文件。\n${this.usage}\n`);
      return EXIT.usage;
    }
    if (output !== undefined && !/\.xlsx$/i.test(output)) {
      io.stderr(`输出文件“${output}”应以 .xlsx 结尾。\n`);
      return EXIT.usage;
    }

    // One merge of a ledger at a time: a second would write over the first's changes.
    let release: () => Promise<void>;
    try {
      release = await io.lock(ledgerPath);
    } catch (error) {
      io.stderr(`无法汇总“${ledgerPath}”：${describe(error)}\n`);
      return EXIT.cannotWrite;
    }
    try {
      return await mergeInto(ledgerPath, returnedPaths, output, args, io);
    } finally {
      await release();
    }
  },
};

async function mergeInto(
  ledgerPath: string,
  returnedPaths: readonly string[],
  output: string | undefined,
  args: ParsedArgs,
  io: CliIo,
): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(ledgerPath);
  } catch (error) {
    io.stderr(`无法读取“${ledgerPath}”：${describe(error)}\n`);
    return EXIT.cannotRead;
  }
  const grids = await readGrids(bytes);
  if (!grids.ok) {
    io.stderr(`“${ledgerPath}”：${grids.message}\n`);
    return EXIT.cannotRead;
  }
  const read = readLedger(grids.grids);
  if (!read.ok) {
    io.stderr(`“${ledgerPath}”：${read.message}\n`);
    return EXIT.dataError;
  }
  printWarnings(read.diagnostics, io);
  const ledger = read.ledger;
  const chosen = periodOption(args, ledger.periodKind, ledger.year);
  if (!chosen.ok) {
    io.stderr(`${chosen.message}\n`);
    return EXIT.usage;
  }
  const period = chosen.period ?? ledger.period;

  const files: ReturnedFile[] = [];
  for (const path of returnedPaths) files.push(await readReturned(path, io));
  const result = mergeReturns(ledger, files, { period, at: beijingTimestamp(io.now()) });
  io.stdout(summary(result, files.length, period));

  const target = output ?? ledgerPath;
  if (output === undefined && result.refused.length > 0) {
    io.stdout(`有文件未能汇总，台账“${ledgerPath}”未改动。处理后重新汇总，或用 -o 另存已汇总的结果。\n`);
    return EXIT.dataError;
  }
  if (output === undefined && result.changes.length === 0) {
    io.stdout(`没有新的变更，台账“${ledgerPath}”未改动。\n`);
    return EXIT.ok;
  }
  if (result.merged.length === 0) {
    io.stdout(`没有可汇总的文件，未写入“${target}”。\n`);
    return EXIT.dataError;
  }
  // What the file cannot keep through a rewrite is said before anything is written.
  const lost = partsLostOnRewrite(bytes);
  if (lost.length > 0 && target === ledgerPath) {
    io.stdout(
      `台账“${ledgerPath}”中有${lost.join("、")}，命令行汇总重写文件时无法保留，台账未改动。请用 -o 另存汇总结果，或在 Excel 中用督办台账加载项汇总（加载项只改写台账自己的工作表）。\n`,
    );
    return EXIT.dataError;
  }
  if (lost.length > 0) io.stderr(`[警告] 原台账中的${lost.join("、")}不会出现在“${target}”中。\n`);
  const plan = withChangeLog(buildWorkbookPlan(result.ledger), [
    ...readChangeLog(grids.grids),
    ...result.changes,
  ]);
  // Drawn over the ledger it replaces, so what the office added there stays.
  const { bytes: merged, kept } = await renderWorkbookOver(plan, bytes);
  const written = await replaceLedger(target, merged, target === ledgerPath ? bytes : undefined, io);
  if (!written.ok) return written.exit;
  io.stdout(
    `已写入“${target}”，变更记入“变更记录”表。${keptSentence(kept)}${written.backup ? `原文件备份为“${written.backup}”。` : ""}\n`,
  );
  return result.refused.length > 0 ? EXIT.dataError : EXIT.ok;
}
