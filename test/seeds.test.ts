/**
 * The parser against the gold of three seed documents, scored by the project's scoring tool
 * (test/tools/score-parse.mjs, a copy of ../shared/tools/score-parse.mjs), and the two seeds without
 * gold against facts about the past that must not become targets.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "../src/core/parse";
import { toJson } from "../src/cli/commands/parse";
import { pdfJsInChild } from "./helpers/pdfjs";
import { pdfText } from "../src/adapters/pdf/text";

const root = join(__dirname, "..");
const seed = (name: string): string => readFileSync(join(root, "seeds", name), "utf8");
const work = mkdtempSync(join(tmpdir(), "duban-score-"));

interface Score {
  tasks: number;
  units: number;
  recall: number;
  extras: number;
  printed: number;
  mustNot: number;
}

function score(name: string, text = seed(name)): Score {
  const parsed = join(work, `${name}.json`);
  writeFileSync(parsed, JSON.stringify(toJson(parseDocument(text, { fallbackYear: 2024 }))));
  const out = execFileSync(
    process.execPath,
    [join(root, "test/tools/score-parse.mjs"), join(root, "test/fixtures/seed-gold.json"), name, parsed],
    {
      encoding: "utf8",
    },
  );
  const last = /score: tasks=(\d+)% units=(\d+)% recall=(\d+)% extras=(\d+) mustnot=(\d+)/.exec(out);
  const printed = /printed (\d+)/.exec(out);
  if (!last || !printed) throw new Error(`unexpected scorer output:\n${out}`);
  return {
    tasks: Number(last[1]),
    units: Number(last[2]),
    recall: Number(last[3]),
    extras: Number(last[4]),
    mustNot: Number(last[5]),
    printed: Number(printed[1]),
  };
}

describe("seed documents against the gold", () => {
  it.each([
    ["002_864f5150332c02db.txt", 95],
    ["003_440203b1828586b3.txt", 95],
    ["000_94b0ec7e5a21699d.txt", 85],
  ])(
    "%s: every task and unit, recall ≥ %i%, fewer than 1 in 5 printed indicators off the gold",
    (name, recall) => {
      const result = score(name);
      expect(result.tasks).toBe(100);
      expect(result.units).toBe(100);
      expect(result.recall).toBeGreaterThanOrEqual(recall);
      expect(result.extras * 5).toBeLessThan(result.printed);
      expect(result.mustNot).toBe(0);
    },
  );
});

describe("a seed as a PDF", () => {
  it("002 printed to PDF by LibreOffice (lines wrapped at the page width, pages broken) scores as its text does", async () => {
    const bytes = new Uint8Array(readFileSync(join(root, "test/fixtures/pdf/seed-002.pdf")));
    const read = await pdfText(pdfJsInChild, bytes);
    if (!read.ok) throw new Error(read.code);
    expect(read.pages).toBeGreaterThan(5);
    expect(score("002_864f5150332c02db.txt", read.text)).toEqual(score("002_864f5150332c02db.txt"));
  });
});

describe("seed documents without gold", () => {
  const values = (name: string): number[] => {
    const doc = parseDocument(seed(name));
    return [...doc.tasks.flatMap((t) => t.indicators), ...doc.indicators].map((i) => i.value ?? Number.NaN);
  };

  it("001 (a work conference): the 2022 review and the five years before are not targets", () => {
    const found = values("001_d79a42cf561dae8c.txt");
    for (const past of [78, 12400, 56, 1632, 41000, 149, 3.19, 29]) expect(found).not.toContain(past);
    expect(found).toEqual(expect.arrayContaining([90, 40, 2, 1980]));
  });

  it("004 (a page of news): past achievements are not targets, this year's plans are", () => {
    const doc = parseDocument(seed("004_e37310e534ce2c7b.txt"));
    expect(doc.year).toBe(2025);
    const found = values("004_e37310e534ce2c7b.txt");
    for (const past of [13, 53, 87, 112.56, 97.8, 75, 204, 46, 9]) expect(found).not.toContain(past);
    expect(found).toEqual(expect.arrayContaining([90, 200, 4.5, 3, 95, 5]));
    expect(doc.sections.map((s) => s.title)).toContain("湖北多措并举关爱“一老一小”");
  });
});
