import type { Indicator, PlanDocument, Task } from "../../core/model";
import { UnitDirectory, describeLocation } from "../../core/model";
import { parseArgs, stringOption } from "../args";
import { EXIT, type Command } from "../command";
import { loadAliases, loadDocument } from "../input";

const OP_TEXT: Record<Indicator["op"], string> = {
  ">=": "≥",
  "<=": "≤",
  "=": "=",
  ">": ">",
  "<": "<",
  milestone: "完成",
};

export function describeIndicator(indicator: Indicator): string {
  if (indicator.op === "milestone") return `${indicator.metric}（${indicator.deadline ?? ""}前完成）`;
  const range =
    indicator.maxValue !== undefined
      ? `${indicator.value}~${indicator.maxValue}`
      : `${indicator.value ?? ""}`;
  const deadline = indicator.deadlineStated ? `，时限 ${indicator.deadline ?? ""}` : "";
  return `${indicator.metric} ${OP_TEXT[indicator.op]} ${range}${indicator.unit ?? ""}${deadline}`;
}

function units(task: Task): string {
  const lead = task.leadUnits.length
    ? `牵头：${task.leadUnits.join("、")}${task.jointLead ? "（按职责分工负责）" : ""}`
    : "牵头：（未写明）";
  const co = task.coUnits.length ? `；配合：${task.coUnits.join("、")}` : "";
  return lead + co;
}

export function summarize(document: PlanDocument): string {
  const indicatorCount = document.tasks.reduce((n, t) => n + t.indicators.length, document.indicators.length);
  const lines = [
    `《${document.title || document.sourceName || "未命名文件"}》`,
    `  年度 ${document.year}${document.issuer ? `，发文单位 ${document.issuer}` : ""}${document.date ? `，成文日期 ${document.date}` : ""}`,
    `  ${document.sections.length} 个篇章，${document.tasks.length} 项任务，${indicatorCount} 个量化目标或节点`,
  ];
  let section: string | undefined;
  for (const task of document.tasks) {
    if (task.section && task.section !== section) {
      section = task.section;
      lines.push(`  ${section}`);
    }
    lines.push(`    ${task.number}. ${task.title}\u3000${units(task)}`);
    for (const indicator of task.indicators) lines.push(`       · ${describeIndicator(indicator)}`);
  }
  if (document.indicators.length > 0) {
    lines.push("  不属于具体任务的目标：");
    for (const indicator of document.indicators) lines.push(`       · ${describeIndicator(indicator)}`);
  }
  for (const d of document.diagnostics) {
    lines.push(
      `  [${d.severity === "error" ? "错误" : d.severity === "warning" ? "警告" : "提示"}] ${d.message}${d.at ? `（${describeLocation(d.at)}）` : ""}`,
    );
  }
  return lines.join("\n") + "\n";
}

/** The JSON `../shared/tools/score-parse.mjs` reads, with IDs and spans kept for other tools. */
export function toJson(document: PlanDocument): unknown {
  return { ...document, sections: document.sections.map((s) => s.title) };
}

export const parseCommand: Command = {
  name: "parse",
  summary: "解析政策文件（.txt/.md/.docx），输出任务、单位和量化目标",
  usage: [
    "用法：duban parse 文件… [--json] [--aliases 别名表.json]",
    "",
    "  --json       输出 JSON（单个文件时为一个对象，多个文件时为数组）",
    '  --aliases    补充单位别名表：{"规范名称": ["别名", …]}',
  ].join("\n"),
  async run(argv, io) {
    const parsed = parseArgs(argv, { json: false, aliases: true });
    if (!parsed.ok) {
      io.stderr(`${parsed.message}\n${this.usage}\n`);
      return EXIT.usage;
    }
    const { positionals } = parsed.args;
    if (positionals.length === 0) {
      io.stderr(`请指定要解析的文件。\n${this.usage}\n`);
      return EXIT.usage;
    }
    const aliasPath = stringOption(parsed.args, "aliases");
    let aliases;
    if (aliasPath) {
      const loaded = await loadAliases(aliasPath, io);
      if (!loaded.ok) {
        io.stderr(`${loaded.message}\n`);
        return EXIT.cannotRead;
      }
      aliases = loaded.aliases;
    }
    const documents: PlanDocument[] = [];
    let failed = false;
    for (const path of positionals) {
      const loaded = await loadDocument(path, io, new UnitDirectory(aliases));
      if (!loaded.ok) {
        io.stderr(`${loaded.message}\n`);
        failed = true;
        continue;
      }
      documents.push(loaded.document);
    }
    if (parsed.args.options.has("json")) {
      const json =
        documents.length === 1 && positionals.length === 1
          ? toJson(documents[0] as PlanDocument)
          : documents.map(toJson);
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout(documents.map(summarize).join("\n"));
    }
    if (failed) return documents.length === 0 ? EXIT.cannotRead : EXIT.dataError;
    return documents.some((d) => d.tasks.length === 0 && d.indicators.length === 0)
      ? EXIT.dataError
      : EXIT.ok;
  },
};
