/**
 * Scores the parser against the corpus gold, measure for measure as `../shared/tools/score-parse.mjs`
 * does, with one difference: documents that number their items afresh under each section (1, 2, 3
 * under 一 and again under 二) match the k-th gold task of a number with the k-th parsed one.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import type { Indicator, PlanDocument } from "../../src/core/model";
import { parseDocument } from "../../src/core/parse";
import { simplifiedOf } from "../../src/core/parse/script";

/** This folder, whether run from the sources (jest) or compiled into dist/test/corpus (the bench). */
export const CORPUS_DIR = resolve(
  __dirname,
  __dirname.includes(`${sep}dist${sep}`) ? "../../../test/corpus" : ".",
);

export interface GoldTask {
  number: string;
  title: string;
  section: string;
  lead?: string[];
  co?: string[];
  joint?: boolean;
  implementing?: string[];
}

export interface GoldIndicator {
  task: string | null;
  metric: string;
  op: string;
  alt_ops?: string[];
  value?: number;
  alt_values?: number[];
  unit?: string;
  deadline?: string;
}

export interface Gold {
  source: string;
  shape: string;
  title: string;
  year: number | null;
  sections?: string[];
  tasks: GoldTask[];
  indicators: GoldIndicator[];
  must_not?: string[];
}

export interface CorpusDocument {
  name: string;
  /** The text as found, without the `source:` line. */
  text: string;
  gold: Gold;
}

/**
 * A quarter of the corpus nobody tunes the parser on: three documents of each gatherer's set (four
 * of the task tables, tb-17 added with tb-13…16), chosen by name before the parser ever ran on them;
 * tb-20, ip-14 and wp-13 were added with the others of their round (tb-18…21, ip-12…14, wp-12…13,
 * nw-12…13), likewise chosen by name before the parser ran on any of them; ip-17, tb-24 and nw-15
 * were chosen the same way for the round after (ip-15…17, wp-14…15, tb-22…24, nw-14…15), and tb-26
 * and wp-16 for the round after that (ip-18…19, tb-25…26, wp-16, nw-16), ip-21 and nw-18 for the
 * next (ip-20…21, wp-17…18, tb-27…28, nw-17…18).
 * Their score is reported apart (README).
 */
export const HELD_OUT: ReadonlySet<string> = new Set([
  "ip-03",
  "ip-07",
  "ip-11",
  "ip-14",
  "ip-17",
  "ip-21",
  "nw-02",
  "nw-06",
  "nw-08",
  "nw-15",
  "nw-18",
  "tb-03",
  "tb-07",
  "tb-10",
  "tb-17",
  "tb-20",
  "tb-24",
  "tb-26",
  "wp-02",
  "wp-06",
  "wp-11",
  "wp-13",
  "wp-16",
]);

export function loadCorpus(dir = CORPUS_DIR): CorpusDocument[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".gold.json"))
    .sort()
    .map((goldName) => {
      const name = goldName.replace(/\.gold\.json$/, "");
      const raw = readFileSync(join(dir, `${name}.txt`), "utf8");
      const firstBreak = raw.indexOf("\n");
      return {
        name,
        text: firstBreak >= 0 ? raw.slice(firstBreak + 1) : "",
        gold: JSON.parse(readFileSync(join(dir, goldName), "utf8")) as Gold,
      };
    });
}

/** Script does not make two names different: gold written in simplified matches a traditional page's words. */
const squash = (s: string | undefined): string =>
  [...(s ?? "")]
    .map(simplifiedOf)
    .join("")
    .replace(/[\s*#“”"'（）()、，,。.]/g, "");

function bigrams(s: string): Set<string> {
  const t = squash(s);
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  return out;
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return squash(a) === squash(b) ? 1 : 0;
  let n = 0;
  for (const g of x) if (y.has(g)) n++;
  return (2 * n) / (x.size + y.size);
}

const sameUnit = (a: string | undefined, b: string | undefined): boolean => squash(a) === squash(b);
const closeValue = (gold: number, value: number | undefined): boolean =>
  typeof value === "number" && Math.abs(value - gold) <= 0.01 * Math.max(1, Math.abs(gold));

function sameOp(gold: GoldIndicator, op: string): boolean {
  if ([gold.op, ...(gold.alt_ops ?? [])].includes(op)) return true;
  // At 100% reaching and equalling say the same.
  return gold.value === 100 && gold.unit === "%" && [">=", "="].includes(gold.op) && [">=", "="].includes(op);
}

export interface DocumentScore {
  name: string;
  shape: string;
  heldOut: boolean;
  tasks: { gold: number; found: number; printed: number };
  titles: number;
  units: { gold: number; lead: number; co: number };
  indicators: { gold: number; found: number; printed: number; extras: number };
  mustNot: { phrases: number; reported: string[] };
  missed: string[];
  /** What the parser printed that no gold target matched. */
  unmatched: string[];
}

type Printed = Indicator & { task: string };

export function scoreDocument(document: CorpusDocument, parsed: PlanDocument): DocumentScore {
  const { gold } = document;
  const tasks = parsed.tasks;
  const byNumber = new Map<string, typeof tasks>();
  for (const task of tasks) byNumber.set(task.number, [...(byNumber.get(task.number) ?? []), task]);
  const seen = new Map<string, number>();
  let found = 0;
  let titles = 0;
  let unitTasks = 0;
  let lead = 0;
  let co = 0;
  for (const g of gold.tasks) {
    const occurrence = seen.get(g.number) ?? 0;
    seen.set(g.number, occurrence + 1);
    const task = byNumber.get(String(g.number))?.[occurrence];
    if (!task) continue;
    found++;
    if (dice(task.title, g.title) >= 0.8) titles++;
    if (g.lead?.length) {
      unitTasks++;
      const implementing = new Set((g.implementing ?? []).map(squash));
      const set = (units: readonly string[] | undefined): string =>
        JSON.stringify([...new Set((units ?? []).map(squash))].filter((u) => !implementing.has(u)).sort());
      if (set(task.leadUnits) === set(g.lead)) lead++;
      if (set(task.coUnits) === set(g.co)) co++;
    }
  }

  const printed: Printed[] = [
    ...tasks.flatMap((t) => t.indicators.map((i) => ({ ...i, task: t.number }))),
    ...parsed.indicators.map((i) => ({ ...i, task: "" })),
  ];
  const used = new Set<number>();
  const missed: string[] = [];
  let indicatorsFound = 0;
  for (const g of gold.indicators) {
    const candidates = printed
      .map((x, k) => ({ x, k }))
      .filter(({ k }) => !used.has(k))
      .filter(({ x }) => !g.task || x.task === String(g.task))
      .filter(({ x }) =>
        g.op === "milestone"
          ? x.op === "milestone" || (g.deadline !== undefined && x.deadline === g.deadline)
          : sameOp(g, x.op) &&
            [g.value ?? Number.NaN, ...(g.alt_values ?? [])].some((v) => closeValue(v, x.value)) &&
            sameUnit(x.unit, g.unit),
      )
      .map((c) => ({ ...c, similarity: dice(c.x.metric, g.metric) }))
      .filter((c) => c.similarity >= 0.25)
      .sort((a, b) => b.similarity - a.similarity);
    const best = candidates[0];
    if (best) {
      used.add(best.k);
      indicatorsFound++;
    } else {
      missed.push(
        `[${g.task ?? ""}] ${g.metric} ${g.op} ${g.value ?? ""}${g.unit ?? ""} ${g.deadline ?? ""}`.trim(),
      );
    }
  }

  const reported: string[] = [];
  for (const phrase of gold.must_not ?? []) {
    const m = /(\d+(?:\.\d+)?)\s*(万)?\s*([^\d\s.]*)/.exec(phrase);
    if (!m) continue;
    const value = parseFloat(m[1] ?? "") * (m[2] ? 10000 : 1);
    const unit = (m[3] ?? "").replace(/[（(].*$/, "").slice(0, 1);
    const hit = printed.find(
      (x) => closeValue(value, x.value) && (!unit || /[年强]/.test(unit) || squash(x.unit).startsWith(unit)),
    );
    if (hit) reported.push(`${phrase}（读作 ${hit.metric} ${hit.op} ${hit.value ?? ""}${hit.unit ?? ""}）`);
  }

  return {
    name: document.name,
    shape: gold.shape,
    heldOut: HELD_OUT.has(document.name),
    tasks: { gold: gold.tasks.length, found, printed: tasks.length },
    titles,
    units: { gold: unitTasks, lead, co },
    indicators: {
      gold: gold.indicators.length,
      found: indicatorsFound,
      printed: printed.length,
      extras: printed.length - used.size,
    },
    mustNot: { phrases: gold.must_not?.length ?? 0, reported },
    missed,
    unmatched: printed.flatMap((x, k) =>
      used.has(k)
        ? []
        : [`[${x.task}] ${x.metric} ${x.op} ${x.value ?? ""}${x.unit ?? ""} ${x.deadline ?? ""}`.trim()],
    ),
  };
}

export function parseCorpusDocument(document: CorpusDocument): PlanDocument {
  return parseDocument(document.text, { sourceName: `${document.name}.txt`, fallbackYear: 2024 });
}

export interface Totals {
  documents: number;
  tasksGold: number;
  tasksFound: number;
  unitTasks: number;
  leadExact: number;
  coExact: number;
  indicatorsGold: number;
  indicatorsFound: number;
  printed: number;
  extras: number;
  mustNotReported: number;
}

export function totals(scores: readonly DocumentScore[]): Totals {
  const sum = (f: (s: DocumentScore) => number): number => scores.reduce((n, s) => n + f(s), 0);
  return {
    documents: scores.length,
    tasksGold: sum((s) => s.tasks.gold),
    tasksFound: sum((s) => s.tasks.found),
    unitTasks: sum((s) => s.units.gold),
    leadExact: sum((s) => s.units.lead),
    coExact: sum((s) => s.units.co),
    indicatorsGold: sum((s) => s.indicators.gold),
    indicatorsFound: sum((s) => s.indicators.found),
    printed: sum((s) => s.indicators.printed),
    extras: sum((s) => s.indicators.extras),
    mustNotReported: sum((s) => s.mustNot.reported.length),
  };
}

const percent = (part: number, whole: number): string =>
  whole ? `${Math.round((100 * part) / whole)}%` : "—";

/**
 * The per-document table and the totals (tuned, held out, all), as `npm run bench -- corpus` prints.
 * Held-out documents appear only in their total, so nobody tunes on them by accident.
 */
export function corpusTable(scores: readonly DocumentScore[]): string {
  const lines = [
    "| document | shape | tasks | lead units | indicators | printed not in gold | past facts as targets |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const s of scores.filter((score) => !score.heldOut)) {
    lines.push(
      `| ${s.name}${s.heldOut ? " (held out)" : ""} | ${s.shape} | ${s.tasks.found}/${s.tasks.gold} | ${s.units.lead}/${s.units.gold} | ${s.indicators.found}/${s.indicators.gold} | ${s.indicators.extras} of ${s.indicators.printed} | ${s.mustNot.reported.length} |`,
    );
  }
  for (const [label, part] of [
    ["tuned", scores.filter((s) => !s.heldOut)],
    ["held out", scores.filter((s) => s.heldOut)],
    ["all", scores],
  ] as const) {
    const t = totals(part);
    lines.push(
      `| **${label}** (${t.documents}) | | ${percent(t.tasksFound, t.tasksGold)} (${t.tasksFound}/${t.tasksGold}) | ${percent(t.leadExact, t.unitTasks)} (${t.leadExact}/${t.unitTasks}) | ${percent(t.indicatorsFound, t.indicatorsGold)} (${t.indicatorsFound}/${t.indicatorsGold}) | ${percent(t.extras, t.printed)} (${t.extras}/${t.printed}) | ${t.mustNotReported} |`,
    );
  }
  return lines.join("\n");
}
