/**
 * Scores the adoption of the real task tables in `tables/` against the gold read off their pages:
 * each gold task found by its number (in order, for numbers a table repeats), with its title, lead
 * and co units as written.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CORPUS_DIR } from "./score";
import { adoptTable, adoptedLedger } from "../../src/core/adopt";
import { DEFAULT_UNITS } from "../../src/core/model";
import type { Task } from "../../src/core/model";
import { readTableFile } from "../../src/adapters/table";

export const TABLES_DIR = join(CORPUS_DIR, "tables");

export interface TableGoldTask {
  number: string;
  title: string;
  section?: string;
  lead: string[];
  co: string[];
  deadline?: string | null;
  /** The row's targets as the table writes them: `≥79.2`, `8950人`, `持续改善`. */
  targets?: string[];
}

export interface TableGold {
  source: string;
  file: string;
  sheet?: string;
  title: string | null;
  year: number | null;
  roles: string[];
  tasks: TableGoldTask[];
}

export interface TableScore {
  name: string;
  shape: string;
  tasks: number;
  found: number;
  titles: number;
  leads: number;
  cos: number;
  deadlines: number;
  /** Tasks whose rows in the adopted ledger carry the gold's units, as the ledger files them. */
  inLedger: number;
  /** Gold targets, and those the adopted task has as an indicator. */
  targets: number;
  targetsFound: number;
  roles: boolean;
  misses: string[];
}

/** `th-`: tables kept out of tuning, read by nobody working on the reader: their score is the honest one. */
export const isHeldOutTable = (name: string): boolean => name.startsWith("th-");

export function tableGolds(): { name: string; gold: TableGold }[] {
  return readdirSync(TABLES_DIR)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.gold\.json$/, ""),
      gold: JSON.parse(readFileSync(join(TABLES_DIR, f), "utf8")) as TableGold,
    }));
}

/** Punctuation, a title cut with `…`, and the `等单位` that closes a list do not make a different name. */
const squash = (text: string): string =>
  text
    .replace(/等(?:相关|有关)?(?:部门|单位)?(?:[、和及与](?:部门|单位))*$/, "")
    .replace(/…$/, "")
    .replace(/[\s，,。；;：:、“”"（）()]/g, "");
/** Roles that read a row the same way: any text column can name the task; notes and ignored columns say nothing. */
const roleClass = (role: string): string =>
  ["task", "target", "measures"].includes(role) ? "text" : role === "note" ? "ignore" : role;
const sameTitle = (task: Task, gold: TableGoldTask): boolean => {
  const [a, b] = [squash(task.title), squash(gold.title)];
  return a === b || (a.length >= 6 && (b.startsWith(a) || a.startsWith(b)));
};
const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, k) => squash(x) === squash(b[k] ?? ""));

/** A number in the gold target is the indicator's value; words alone are a milestone's. */
function hasTarget(task: Task, target: string): boolean {
  const number = /\d+(?:\.\d+)?/.exec(target.replace(/万/, ""))?.[0];
  if (number !== undefined) {
    const scaled = Number(number) * (/\d万/.test(target) ? 10_000 : 1);
    return task.indicators.some((i) => i.value === scaled || i.value === Number(number));
  }
  return task.indicators.some((i) => i.op === "milestone" && squash(i.text).includes(squash(target)));
}

export async function scoreTable(name: string, gold: TableGold): Promise<TableScore> {
  const read = await readTableFile(readFileSync(join(TABLES_DIR, gold.file)), gold.file);
  const score: TableScore = {
    name,
    shape: gold.file.split(".").pop() ?? "",
    tasks: gold.tasks.length,
    found: 0,
    titles: 0,
    leads: 0,
    cos: 0,
    deadlines: 0,
    inLedger: 0,
    targets: 0,
    targetsFound: 0,
    roles: false,
    misses: [],
  };
  if (!read.ok) {
    score.misses.push(read.message);
    return score;
  }
  const grids = gold.sheet ? read.grids.filter((g) => g.sheet === gold.sheet) : read.grids;
  const adopted = grids
    .map((grid) => adoptTable(grid, { fallbackYear: gold.year ?? 2024 }))
    .flatMap((r) => (r.ok ? [r.table] : []))
    .sort((a, b) => b.plan.tasks.length - a.plan.tasks.length)[0];
  if (!adopted) {
    score.misses.push("no table adopted");
    return score;
  }
  score.roles = sameList(
    adopted.mapping.columns.map((c) => roleClass(c.role)),
    gold.roles.map(roleClass),
  );
  if (!score.roles)
    score.misses.push(
      `roles ${adopted.mapping.columns.map((c) => c.role).join(",")} ≠ ${gold.roles.join(",")}`,
    );
  const used = new Set<Task>();
  for (const want of gold.tasks) {
    const task =
      adopted.plan.tasks.find((t) => !used.has(t) && t.number === want.number && sameTitle(t, want)) ??
      adopted.plan.tasks.find((t) => !used.has(t) && sameTitle(t, want));
    if (!task) {
      score.misses.push(`missing ${want.number} ${want.title}`);
      continue;
    }
    used.add(task);
    score.found++;
    // Numbers are checked where the table numbers its rows; without a 序号 column they are ours.
    if (task.number === want.number || !gold.roles.includes("number")) score.titles++;
    else score.misses.push(`number ${task.number} ≠ ${want.number}`);
    if (sameList(task.leadUnits, want.lead)) score.leads++;
    else score.misses.push(`${want.number} lead ${task.leadUnits.join("、")} ≠ ${want.lead.join("、")}`);
    if (sameList(task.coUnits, want.co)) score.cos++;
    else score.misses.push(`${want.number} co ${task.coUnits.join("、")} ≠ ${want.co.join("、")}`);
    for (const target of want.targets ?? []) {
      score.targets++;
      if (hasTarget(task, target)) score.targetsFound++;
      else score.misses.push(`${want.number} target ${target} not read`);
    }
    // Without a 完成时限 column the gold names no deadline; the task's is then its targets' latest.
    const dated = gold.roles.includes("deadline");
    if (!dated || want.deadline === undefined || (want.deadline ?? undefined) === task.deadline)
      score.deadlines++;
    else score.misses.push(`${want.number} deadline ${task.deadline ?? "—"} ≠ ${want.deadline ?? "—"}`);
  }
  const built = adoptedLedger(adopted.plan, adopted, { today: `${gold.year ?? 2024}-09-30` });
  if (!built.ok) score.misses.push(`ledger: ${built.message}`);
  else {
    for (const want of gold.tasks) {
      const task = [...used].find((t) => sameTitle(t, want));
      const rows = built.ledger.rows.filter((row) => row.taskId === task?.id);
      const filed = (names: readonly string[]) =>
        DEFAULT_UNITS.names(names.map((n) => n.replace(/等(?:部门|单位)?[、]?(?:部门|单位)?$/, "")));
      const right =
        rows.length > 0 &&
        rows.every(
          (row) =>
            sameList(row.leadUnits, filed(want.lead)) &&
            sameList(
              row.coUnits,
              filed(want.co).filter((u) => !row.leadUnits.includes(u)),
            ),
        );
      if (right) score.inLedger++;
      else if (task)
        score.misses.push(
          `${want.number} ledger units ${rows[0]?.leadUnits.join("、") ?? "—"} / ${rows[0]?.coUnits.join("、") ?? "—"}`,
        );
    }
  }
  const extra = adopted.plan.tasks.filter((t) => !used.has(t));
  for (const t of extra) score.misses.push(`extra ${t.number} ${t.title}`);
  return score;
}

const percent = (n: number, of: number): string =>
  `${of === 0 ? 100 : Math.round((n / of) * 100)}% (${n}/${of})`;

/** The Markdown tables `npm run bench -- corpus` prints: the tuned tables, then the held-out ones. */
export function tablesTable(scores: readonly TableScore[]): string {
  const tuned = scores.filter((s) => !isHeldOutTable(s.name));
  const heldOut = scores.filter((s) => isHeldOutTable(s.name));
  return [tableRows(tuned, "tuned"), ...(heldOut.length > 0 ? [tableRows(heldOut, "held out")] : [])].join(
    "\n\n",
  );
}

function tableRows(scores: readonly TableScore[], label: string): string {
  const sum = (
    key:
      "tasks" | "found" | "titles" | "leads" | "cos" | "deadlines" | "inLedger" | "targets" | "targetsFound",
  ): number => scores.reduce((n, s) => n + s[key], 0);
  const lines = [
    "| table | file | tasks found | numbers | lead units | co units | deadlines | in the ledger | targets read | column roles |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...scores.map(
      (s) =>
        `| ${s.name} | .${s.shape} | ${percent(s.found, s.tasks)} | ${s.titles}/${s.found} | ${s.leads}/${s.found} | ${s.cos}/${s.found} | ${s.deadlines}/${s.found} | ${s.inLedger}/${s.tasks} | ${s.targets === 0 ? "—" : `${s.targetsFound}/${s.targets}`} | ${s.roles ? "as gold" : "differ"} |`,
    ),
    `| **${label}** (${scores.length}) | | ${percent(sum("found"), sum("tasks"))} | ${percent(sum("titles"), sum("found"))} | ${percent(sum("leads"), sum("found"))} | ${percent(sum("cos"), sum("found"))} | ${percent(sum("deadlines"), sum("found"))} | ${percent(sum("inLedger"), sum("tasks"))} | ${percent(sum("targetsFound"), sum("targets"))} | ${scores.filter((s) => s.roles).length}/${scores.length} |`,
  ];
  return lines.join("\n");
}
