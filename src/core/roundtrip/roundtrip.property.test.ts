import { asPeriod } from "../../../test/helpers/ledger";
/**
 * split → edit → merge over a year of months, at the data level (grids, not .xlsx bytes): units
 * fill their forms with numbers, words, statuses in other words, formulas and text starting with
 * `= + - @`, leave fields empty, send again, delete or reorder rows, send the same file twice, send
 * last month's file or another ledger's. Nothing a unit wrote or the ledger held may be lost, every
 * conflict between units must be listed, and merging again must change nothing.
 */
import fc from "fast-check";
import { gridsOf } from "../../../test/helpers/grids";
import type { Ledger, LedgerRow, ProgressEntry } from "../model";
import { STATUSES } from "../model";
import type { SheetGrid } from "../sheets";
import { cellText } from "../sheets";
import { randomSource } from "../util";
import { FORM_COLUMNS, FORM_FIRST_DATA_ROW, FORM_SHEET_NAMES, type FormColumnKey } from "./form";
import type { MergeResult, ReturnedFile } from "./merge";
import { mergeReturns } from "./merge";
import { readReturnForm } from "./read";
import { responsibleUnits, splitLedger } from "./split";

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const chance = (rng: Rng, p: number): boolean => rng() < p;

function randomLedger(rng: Rng, unitCount: number, rowCount: number): Ledger {
  const units = Array.from({ length: unitCount }, (_, i) => `单位${i + 1}`);
  const rows: LedgerRow[] = Array.from({ length: rowCount }, (_, i) => {
    const lead = pick(rng, units);
    const others = units.filter((u) => u !== lead);
    const co = others.filter(() => chance(rng, Math.min(0.5, 2 / unitCount)));
    return {
      id: `r${i + 1}`,
      taskId: `t${i + 1}`,
      docId: "doc",
      number: String(i + 1),
      section: "一、重点任务",
      task: `任务${i + 1}`,
      metric: `指标${i + 1}`,
      op: ">=",
      target: 10 + i,
      unit: "家",
      leadUnits: [lead],
      coUnits: co.slice(0, 3),
      source: "",
    };
  });
  return {
    schemaVersion: 1,
    unitAliases: {},
    id: "ledger-a",
    title: "属性测试台账",
    year: 2024,
    periodKind: "month",
    period: asPeriod("2024-01"),
    documents: [{ id: "doc", title: "工作要点", year: 2024 }],
    rows,
    progress: [],
  };
}

/** What a unit typed in one row, and what merging it should keep. */
type Typing = string | number | null;

interface Typed {
  actual: Typing;
  status: Typing;
  progress: Typing;
  problems: Typing;
}

let serial = 0;
function typedRow(rng: Rng): Typed {
  const k = ++serial;
  const n = Math.floor(rng() * 30);
  return {
    actual: pick(rng, [null, null, n, `约${n}家`, `=${n}+1`, String(n)]),
    status: pick(rng, [null, null, ...STATUSES.filter((s) => s !== "未报送"), "完成", "差不多"]),
    progress: pick(rng, [null, `进展${k}`, `=进展${k}`, `@提醒${k}`, `+${k}项`]),
    problems: pick(rng, [null, null, `问题${k}`, `=问题${k}`]),
  };
}

const isEmpty = (value: Typing): boolean => value === null || String(value).trim() === "";

/** 完成值 as the merge keeps it: a number when the cell holds one, else the text as typed. */
function expectedActual(value: Typing): number | string | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return /^\d+$/.test(value.trim()) ? Number(value) : value.trim();
}

/** 状态 as the merge keeps it: a listed status, or the word as typed (not read as one). */
function expectedStatus(value: Typing): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return value.trim();
}

/** Texts that must appear in the unit's 进展情况: its words. */
function expectedTexts(typed: Typed): string[] {
  return isEmpty(typed.progress) ? [] : [String(typed.progress)];
}

const column = (key: FormColumnKey): number => FORM_COLUMNS.findIndex((c) => c.key === key);

/** The form's 进度填报 rewritten: typed values in, some rows deleted or the rows shuffled. */
function filledGrids(
  grids: readonly SheetGrid[],
  typedFor: (rowId: string) => Typed,
  damage: { deleteRowId?: string; shuffle?: Rng },
): SheetGrid[] {
  return grids.map((grid) => {
    if (grid.name !== FORM_SHEET_NAMES.progress) return grid;
    const head = grid.rows.slice(0, FORM_FIRST_DATA_ROW - 1);
    let data = grid.rows.slice(FORM_FIRST_DATA_ROW - 1).map((cells) => {
      const line = [...(cells ?? [])];
      const typed = typedFor(cellText(line[column("rowId")] ?? null));
      line[column("actual")] = typed.actual;
      line[column("reportedStatus")] = typed.status;
      line[column("progress")] = typed.progress;
      line[column("problems")] = typed.problems;
      return line;
    });
    if (damage.deleteRowId) data = data.filter((line) => line[column("rowId")] !== damage.deleteRowId);
    const shuffle = damage.shuffle;
    if (shuffle)
      data = data
        .map((line) => ({ line, key: shuffle() }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.line);
    return { ...grid, rows: [...head, ...data] };
  });
}

function withLedgerId(grids: readonly SheetGrid[], id: string): SheetGrid[] {
  return grids.map((grid) =>
    grid.name !== "_duban"
      ? grid
      : { ...grid, rows: grid.rows.map((cells) => (cells?.[0] === "ledgerId" ? ["ledgerId", id] : cells)) },
  );
}

const returnedFile = (fileName: string, grids: readonly SheetGrid[]): ReturnedFile => {
  const read = readReturnForm(grids);
  return { fileName, read: read.ok ? read : { ok: false, message: read.message } };
};

type Field = "actual" | "status" | "progress" | "problems";
const LABELS: Record<Field, string> = {
  actual: "完成值",
  status: "状态",
  progress: "进展情况",
  problems: "存在问题",
};

/** Every value the ledger held is still there, or a change record says what replaced it. */
function expectNothingLost(before: Ledger, result: MergeResult): void {
  const after = new Map(result.ledger.progress.map((e) => [`${e.rowId}|${e.period}|${e.reportedBy}`, e]));
  expect(result.ledger.progress.length).toBeGreaterThanOrEqual(before.progress.length);
  for (const old of before.progress) {
    const now = after.get(`${old.rowId}|${old.period}|${old.reportedBy}`);
    expect(now).toBeDefined();
    // 完成值 and 状态 as sent: a number or a listed status, or the text that stood in its place.
    const sent = (e: ProgressEntry | undefined, field: Field): string | number | undefined =>
      field === "actual"
        ? (e?.actual ?? e?.actualText)
        : field === "status"
          ? (e?.status ?? e?.statusText)
          : e?.[field];
    for (const field of ["actual", "status", "progress", "problems"] as const) {
      const was = sent(old, field);
      if (was === undefined || was === "" || sent(now, field) === was) continue;
      expect(sent(now, field)).not.toBe("");
      expect(sent(now, field)).toBeDefined();
      const recorded = result.changes.some(
        (c) =>
          c.rowId === old.rowId &&
          c.unit === old.reportedBy &&
          c.field === LABELS[field] &&
          c.old === String(was),
      );
      expect(recorded).toBe(true);
    }
  }
}

interface Kept {
  actual?: number | string;
  status?: string;
  texts: string[];
  problems?: string;
}

/** What the unit's report must hold after the batches it sent: later non-empty values over earlier. */
function overlay(kept: Kept | undefined, typed: Typed): Kept {
  const actual = expectedActual(typed.actual) ?? kept?.actual;
  const status = expectedStatus(typed.status) ?? kept?.status;
  const problems = isEmpty(typed.problems) ? kept?.problems : String(typed.problems);
  // A new 进展情况 replaces the old (the change log keeps it); notes about unreadable values add up.
  const texts = isEmpty(typed.progress)
    ? [...(kept?.texts ?? []), ...expectedTexts(typed)]
    : expectedTexts(typed);
  return {
    ...(actual !== undefined && { actual }),
    ...(status !== undefined && { status }),
    texts,
    ...(problems !== undefined && { problems }),
  };
}

function hasContent(kept: Kept): boolean {
  return kept.actual !== undefined || kept.status !== undefined || kept.texts.length > 0;
}

function checkMonth(
  ledger: Ledger,
  period: string,
  expected: Map<string, Map<string, Kept>>,
  result: MergeResult,
): void {
  const entry = (rowId: string, unit: string): ProgressEntry | undefined =>
    result.ledger.progress.find((e) => e.rowId === rowId && e.period === period && e.reportedBy === unit);
  const conflicts: string[] = [];
  for (const row of ledger.rows) {
    const byUnit = expected.get(row.id) ?? new Map<string, Kept>();
    for (const [unit, kept] of byUnit) {
      const found = entry(row.id, unit);
      expect(found?.actual ?? found?.actualText).toBe(kept.actual);
      expect(found?.status ?? found?.statusText).toBe(kept.status);
      if (kept.problems !== undefined) expect(found?.problems).toBe(kept.problems);
      for (const text of kept.texts) expect(found?.progress).toContain(text);
    }
    const units = [...row.leadUnits, ...row.coUnits];
    for (const field of ["actual", "status"] as const) {
      const values = new Set(
        units.flatMap((u) => (byUnit.get(u)?.[field] === undefined ? [] : [byUnit.get(u)?.[field]])),
      );
      if (values.size > 1) conflicts.push(`${row.id}|${LABELS[field]}`);
    }
  }
  expect(result.conflicts.map((c) => `${c.rowId}|${c.field}`).sort()).toEqual(conflicts.sort());
  const reported = new Set<string>();
  for (const byUnit of expected.values())
    for (const [unit, kept] of byUnit) if (hasContent(kept)) reported.add(unit);
  expect(result.missingUnits).toEqual(responsibleUnits(ledger).filter((u) => !reported.has(u)));
}

function runYear(unitCount: number, rowCount: number, seed: number): void {
  const rng = randomSource(seed);
  let ledger = randomLedger(rng, unitCount, rowCount);
  let lastMonthFiles: ReturnedFile[] = [];
  for (let month = 1; month <= 12; month++) {
    const period = `2024-${String(month).padStart(2, "0")}`;
    ledger = { ...ledger, period: asPeriod(period) };
    const split = splitLedger(ledger, asPeriod(period));
    if (!split.ok) throw new Error(split.message);
    const at = `${period}-28T09:00:00+08:00`;
    const expected = new Map<string, Map<string, Kept>>();
    const remember = (rowId: string, unit: string, typed: Typed): void => {
      const byUnit = expected.get(rowId) ?? new Map<string, Kept>();
      byUnit.set(unit, overlay(byUnit.get(unit), typed));
      expected.set(rowId, byUnit);
    };

    let files: ReturnedFile[] = [];
    let refusedCount = 0;
    const sent: { unit: string; grids: SheetGrid[]; rowIds: string[] }[] = [];
    for (const form of split.forms) {
      if (!chance(rng, 0.75)) continue;
      const grids = gridsOf(form.plan);
      const rowIds = ledger.rows
        .filter((r) => [...r.leadUnits, ...r.coUnits].includes(form.unit))
        .map((r) => r.id);
      const deleteRowId = chance(rng, 0.15) ? pick(rng, rowIds) : undefined;
      const typed = new Map(rowIds.map((id) => [id, typedRow(rng)]));
      const filled = filledGrids(grids, (id) => typed.get(id) ?? typedRow(rng), {
        ...(deleteRowId !== undefined && { deleteRowId }),
        ...(chance(rng, 0.3) && { shuffle: rng }),
      });
      for (const id of rowIds) if (id !== deleteRowId) remember(id, form.unit, typed.get(id) as Typed);
      const file = returnedFile(form.fileName, filled);
      files.push(file);
      if (chance(rng, 0.1)) files.push(file);
      if (chance(rng, 0.05)) {
        files.push(returnedFile(`别的台账-${form.fileName}`, withLedgerId(filled, "ledger-b")));
        refusedCount++;
      }
      sent.push({ unit: form.unit, grids, rowIds: rowIds.filter((id) => id !== deleteRowId) });
      const merged = file.read.ok ? file.read.form : undefined;
      if (deleteRowId) expect(merged?.missingRows.map((r) => r.id)).toEqual([deleteRowId]);
    }
    const stale = lastMonthFiles.filter(() => chance(rng, 0.1));
    files = [...files, ...stale];
    refusedCount += stale.length;

    const first = mergeReturns(ledger, files, { period: asPeriod(period), at });
    expect(first.refused).toHaveLength(refusedCount);
    expectNothingLost(ledger, first);
    checkMonth(ledger, period, expected, first);
    const again = mergeReturns(first.ledger, files, {
      period: asPeriod(period),
      at: `${period}-29T09:00:00+08:00`,
    });
    expect(again.changes).toEqual([]);
    expect(again.ledger).toEqual(first.ledger);

    // Some units send again: fields emptied, changed or left as they were.
    const resent: ReturnedFile[] = [];
    for (const { unit, grids, rowIds } of sent.filter(() => chance(rng, 0.3))) {
      const typed = new Map(
        rowIds.map((id) => {
          const fresh = typedRow(rng);
          const blank = (value: Typing): Typing => (chance(rng, 0.5) ? null : value);
          return [
            id,
            {
              actual: blank(fresh.actual),
              status: blank(fresh.status),
              progress: blank(fresh.progress),
              problems: blank(fresh.problems),
            },
          ];
        }),
      );
      const keep = new Set(rowIds);
      const filled = filledGrids(
        grids,
        (id) => typed.get(id) ?? { actual: null, status: null, progress: null, problems: null },
        {},
      );
      const onlyKept = filled.map((grid) =>
        grid.name !== FORM_SHEET_NAMES.progress
          ? grid
          : {
              ...grid,
              rows: grid.rows.filter(
                (cells, i) =>
                  i < FORM_FIRST_DATA_ROW - 1 || keep.has(cellText(cells?.[column("rowId")] ?? null)),
              ),
            },
      );
      for (const id of rowIds) remember(id, unit, typed.get(id) as Typed);
      resent.push(returnedFile(`补报-${unit}.xlsx`, onlyKept));
    }
    const second = mergeReturns(first.ledger, resent, {
      period: asPeriod(period),
      at: `${period}-30T09:00:00+08:00`,
    });
    expect(second.refused).toEqual([]);
    expectNothingLost(first.ledger, second);
    checkMonth(ledger, period, expected, second);

    ledger = second.ledger;
    lastMonthFiles = files.filter((f) => f.read.ok);
  }
}

describe("split → edit → merge over a year", () => {
  it("loses no value, lists every conflict and missing unit, and merges idempotently", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer(),
        (units, rows, seed) => runYear(units, rows, seed),
      ),
      { numRuns: 6, examples: [[30, 30, 20241008]] },
    );
  });
});
