import type { Diagnostic, Ledger, LedgerRow, Period, ProgressEntry } from "../model";
import { sortProgress } from "../progress/order";
import { hasReport } from "../progress";
import type { RowIdentity } from "../sheets/metadata";
import type { ChangeRecord } from "./changeLog";
import type { ReturnForm, ReturnedEntry } from "./read";
import { formNote } from "./read";
import { namesUnit, responsibleUnits } from "./split";

/** A returned file as read: its form, or why it could not be read. */
export interface ReturnedFile {
  fileName: string;
  read: { ok: true; form: ReturnForm } | { ok: false; message: string };
}

export interface MergedFile {
  fileName: string;
  unit: string;
  changes: number;
  /** Rows the unit was sent and did not send back: not returned, so not reported. */
  missingRows: RowIdentity[];
  notes: Diagnostic[];
  /** The file came back with nothing filled in. */
  empty: boolean;
}

export interface RefusedFile {
  fileName: string;
  message: string;
}

export type ConflictField = "完成值" | "状态";

/** Two or more units reporting different values for one shared row: for the user to settle. */
export interface Conflict {
  rowId: string;
  number: string;
  item: string;
  field: ConflictField;
  reports: { unit: string; value: string }[];
}

export interface MergeResult {
  ledger: Ledger;
  merged: MergedFile[];
  refused: RefusedFile[];
  changes: ChangeRecord[];
  conflicts: Conflict[];
  /** Responsible units with no report at all for the period, in ledger order. */
  missingUnits: string[];
}

export interface MergeOptions {
  period: Period;
  /** Time of the merge, ISO with offset: stamped on changed reports and change records. */
  at: string;
}

type Field = "actual" | "status" | "progress" | "problems" | "baseline";
const FIELD_LABELS: Record<Field, string> = {
  actual: "完成值",
  status: "状态",
  progress: "进展情况",
  problems: "存在问题",
  baseline: "起始值",
};

function fieldText(value: number | string | undefined): string {
  return value === undefined ? "" : String(value);
}

function itemText(row: LedgerRow): string {
  return row.metric ? `${row.task}：${row.metric}` : row.task;
}

/** Index of the unit's own report for the row and period (the last, if it sent several), or -1. */
function ownReportIndex(
  progress: readonly ProgressEntry[],
  rowId: string,
  period: Period,
  unit: string,
): number {
  for (let i = progress.length - 1; i >= 0; i--) {
    const e = progress[i];
    if (e && e.rowId === rowId && e.period === period.key && e.reportedBy.trim() === unit) return i;
  }
  return -1;
}

/** Why a file cannot be merged into this ledger for this period, or undefined when it can. */
function refusal(
  form: ReturnForm,
  ledger: Ledger,
  period: Period,
  units: ReadonlySet<string>,
): string | undefined {
  if (form.ledgerId !== ledger.id) {
    return `这是另一份台账的填报文件（台账编号 ${form.ledgerId}），不属于本台账（${ledger.id}），未汇总。`;
  }
  if (!form.period.equals(period)) {
    return `这是${form.period.label}的填报文件，本次汇总的是${period.label}，未汇总。`;
  }
  if (!units.has(form.unit)) return `填报单位“${form.unit}”不是本台账的责任单位，未汇总。`;
  return undefined;
}

/**
 * 进展情况 as typed, or as it was when the unit left it empty, with what could not be read as a
 * value added once: a note never replaces what the unit wrote.
 */
function progressWithKept(current: string, returned: ReturnedEntry): string {
  const base = returned.progress || current;
  return returned.kept.reduce((text, kept) => (text.includes(kept) ? text : `${text}（${kept}）`), base);
}

/** 完成值 and 状态 as sent: a number or a listed status, or the text that stood in its place. */
function sentActual(e: Pick<ProgressEntry, "actual" | "actualText">): number | string | undefined {
  return e.actual ?? e.actualText;
}
function sentStatus(e: Pick<ProgressEntry, "status" | "statusText">): string | undefined {
  return e.status ?? e.statusText;
}

/** Copies the returned entry's non-empty fields onto the unit's entry; an empty field never replaces a value. */
function applyEntry(
  entry: ProgressEntry,
  returned: ReturnedEntry,
  record: (field: Field, old: string, now: string) => void,
): ProgressEntry {
  let next = entry;
  const actual = sentActual(returned);
  if (actual !== undefined && actual !== sentActual(next)) {
    record("actual", fieldText(sentActual(next)), fieldText(actual));
    const { actual: _number, actualText: _text, ...rest } = next;
    next = { ...rest, ...(typeof actual === "number" ? { actual } : { actualText: actual }) };
  }
  const status = sentStatus(returned);
  if (status !== undefined && status !== sentStatus(next)) {
    record("status", fieldText(sentStatus(next)), status);
    const { status: _listed, statusText: _text, ...rest } = next;
    next = {
      ...rest,
      ...(returned.status !== undefined ? { status: returned.status } : { statusText: status }),
    };
  }
  for (const field of ["progress", "problems"] as const) {
    const incoming = field === "progress" ? progressWithKept(entry.progress, returned) : returned[field];
    if (incoming === "" || next[field] === incoming) continue;
    record(field, next[field], incoming);
    next = { ...next, [field]: incoming };
  }
  return next;
}

/**
 * Among several reports for one row and period the last counts (see assessLedger), so the lead
 * unit's goes after its co-units': the lead's numbers judge the row, the others stay beside it.
 */
function leadReportsLast(
  rows: readonly LedgerRow[],
  progress: readonly ProgressEntry[],
  period: Period,
): ProgressEntry[] {
  const leads = new Map(rows.map((row) => [row.id, row.leadUnits]));
  const sorted = sortProgress(rows, progress);
  const result: ProgressEntry[] = [];
  for (let start = 0; start < sorted.length;) {
    const first = sorted[start];
    let end = start + 1;
    while (
      end < sorted.length &&
      sorted[end]?.rowId === first?.rowId &&
      sorted[end]?.period === first?.period
    )
      end++;
    const group = sorted.slice(start, end);
    if (first?.period === period.key) {
      const isLead = (e: ProgressEntry): boolean => (leads.get(e.rowId) ?? []).includes(e.reportedBy.trim());
      result.push(...group.filter((e) => !isLead(e)), ...group.filter(isLead));
    } else {
      result.push(...group);
    }
    start = end;
  }
  return result;
}

/** Differing 完成值 or 状态 between the responsible units' reports of one row. */
export function findConflicts(ledger: Pick<Ledger, "rows" | "progress">, period: Period): Conflict[] {
  const conflicts: Conflict[] = [];
  const byRow = new Map<string, Map<string, ProgressEntry>>();
  for (const entry of ledger.progress) {
    if (entry.period !== period.key || !hasReport(entry)) continue;
    let units = byRow.get(entry.rowId);
    if (!units) byRow.set(entry.rowId, (units = new Map<string, ProgressEntry>()));
    units.set(entry.reportedBy.trim(), entry);
  }
  for (const row of ledger.rows) {
    const units = byRow.get(row.id);
    if (!units) continue;
    const responsible = [...row.leadUnits, ...row.coUnits];
    for (const [field, sent] of [
      ["完成值", sentActual],
      ["状态", sentStatus],
    ] as const) {
      const reports = responsible.flatMap((unit) => {
        const entry = units.get(unit);
        const value = entry && sent(entry);
        return value === undefined ? [] : [{ unit, value: String(value) }];
      });
      if (new Set(reports.map((r) => r.value)).size > 1) {
        conflicts.push({ rowId: row.id, number: row.number, item: itemText(row), field, reports });
      }
    }
  }
  return conflicts;
}

/** Responsible units without a single report for the period. */
export function unitsWithoutReport(ledger: Pick<Ledger, "rows" | "progress">, period: Period): string[] {
  const reported = new Set(
    ledger.progress.filter((e) => e.period === period.key && hasReport(e)).map((e) => e.reportedBy.trim()),
  );
  return responsibleUnits(ledger).filter((unit) => !reported.has(unit));
}

/**
 * 汇总: each returned form whose ledger, period and unit check out is merged by row ID into that
 * unit's report for the period. Nothing empty replaces a value, every change is recorded, files
 * that do not belong are refused whole, and merging the same file again changes nothing.
 */
export function mergeReturns(
  ledger: Ledger,
  files: readonly ReturnedFile[],
  options: MergeOptions,
): MergeResult {
  const { period, at } = options;
  const units = new Set(responsibleUnits(ledger));
  const rowsById = new Map(ledger.rows.map((row) => [row.id, row]));
  let progress = [...ledger.progress];
  // 起始值 belongs to the row, not to one period's report: the lead unit sets it.
  const baselines = new Map<string, number>();
  const merged: MergedFile[] = [];
  const refused: RefusedFile[] = [];
  const changes: ChangeRecord[] = [];

  for (const file of files) {
    if (!file.read.ok) {
      refused.push({ fileName: file.fileName, message: file.read.message });
      continue;
    }
    const form = file.read.form;
    const why = refusal(form, ledger, period, units);
    if (why) {
      refused.push({ fileName: file.fileName, message: why });
      continue;
    }
    const notes = [...form.notes];
    const changesBefore = changes.length;
    for (const returned of form.entries) {
      const row = rowsById.get(returned.rowId);
      if (!row || !(namesUnit(row.leadUnits, form.unit) || namesUnit(row.coUnits, form.unit))) {
        notes.push(
          formNote(
            "unknown-row",
            `行ID ${returned.rowId} 的任务已不在台账中或已不由${form.unit}负责，未汇总。`,
          ),
        );
        continue;
      }
      const record = (field: Field, old: string, now: string): void => {
        changes.push({
          at,
          fileName: file.fileName,
          unit: form.unit,
          rowId: row.id,
          number: row.number,
          item: itemText(row),
          field: FIELD_LABELS[field],
          old,
          new: now,
        });
      };
      if (returned.baseline !== undefined) {
        const current = baselines.get(row.id) ?? row.baseline;
        if (!namesUnit(row.leadUnits, form.unit)) {
          if (returned.baseline !== current) {
            notes.push(
              formNote(
                "baseline-not-lead",
                `编号 ${row.number} 的起始值由牵头单位填报，${form.unit}填写的 ${returned.baseline} 未采用。`,
              ),
            );
          }
        } else if (returned.baseline !== current) {
          record("baseline", fieldText(current), fieldText(returned.baseline));
          baselines.set(row.id, returned.baseline);
        }
      }
      const index = ownReportIndex(progress, row.id, period, form.unit);
      const before: ProgressEntry = progress[index] ?? {
        rowId: row.id,
        period: period.key,
        progress: "",
        problems: "",
        reportedBy: form.unit,
      };
      const after = applyEntry(before, returned, record);
      if (after === before) continue;
      const stamped = { ...after, reportedAt: at };
      if (index >= 0) progress[index] = stamped;
      else progress.push(stamped);
    }
    // A unit that sends two differing files in one batch: the later one stands, and says so.
    const earlier = merged.find((m) => m.unit === form.unit && m.fileName !== file.fileName);
    if (earlier && changes.length > changesBefore) {
      notes.push(
        formNote(
          "same-unit-again",
          `${form.unit}还报送了“${earlier.fileName}”，两份文件不一致之处以本文件为准，原值见变更记录。`,
        ),
      );
    }
    merged.push({
      fileName: file.fileName,
      unit: form.unit,
      changes: changes.length - changesBefore,
      missingRows: form.missingRows,
      notes,
      empty: !form.entries.some(
        (e) =>
          e.actual !== undefined ||
          e.status !== undefined ||
          e.progress !== "" ||
          e.problems !== "" ||
          e.kept.length > 0,
      ),
    });
    if (changes.length > changesBefore) progress = leadReportsLast(ledger.rows, progress, period);
  }

  const rows = ledger.rows.map((row) => {
    const baseline = baselines.get(row.id);
    return baseline === undefined ? row : { ...row, baseline };
  });
  const result: Ledger = { ...ledger, rows, progress };
  return {
    ledger: result,
    merged,
    refused,
    changes,
    conflicts: findConflicts(result, period),
    missingUnits: unitsWithoutReport(result, period),
  };
}
