import type {
  Diagnostic,
  Indicator,
  Ledger,
  LedgerDocumentRef,
  LedgerRow,
  PeriodKind,
  PlanDocument,
  Task,
  UnitDirectory,
} from "../model";
import { DEFAULT_UNITS, LEDGER_SCHEMA_VERSION, Period, ledgerIdOf, repeatedIds } from "../model";

export interface BuildLedgerOptions {
  /** The period tracked now; sets the period kind too. */
  period?: Period;
  /** Used when no period is given (default: quarters). */
  periodKind?: PeriodKind;
  /** ISO date; without a period, the ledger tracks the period containing it, kept within the plan's year. */
  today?: string;
  title?: string;
  /** The unit directory the documents were read with; its own aliases are recorded in the ledger. */
  units?: UnitDirectory;
}

export type BuildLedgerResult =
  | { ok: true; ledger: Ledger; diagnostics: Diagnostic[] }
  | { ok: false; code: "no-documents" | "no-rows" | "duplicate-row-id"; message: string };

/** Task numbers written in Chinese numerals are shown in brackets, as the documents print them: `（二十）`. */
function displayTaskNumber(number: string): string {
  return /^[一二三四五六七八九十百零〇两]+$/.test(number) ? `（${number}）` : number;
}

function taskTitle(task: Task): string {
  if (task.title.trim()) return task.title.trim();
  const text = task.text.trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function documentRef(source: PlanDocument): LedgerDocumentRef {
  return {
    id: source.id,
    title: source.title,
    year: source.year,
    ...(source.issuer !== undefined && { issuer: source.issuer }),
    ...(source.date !== undefined && { date: source.date }),
    ...(source.sourceName !== undefined && { sourceName: source.sourceName }),
  };
}

function documentName(source: PlanDocument): string {
  return `《${source.title || source.sourceName || "未命名文件"}》`;
}

/**
 * Units a standing note makes responsible (`以下均需各市(州)人民政府落实`) assist every later task,
 * and lead it when the task names no lead of its own.
 */
function unitsOf(task: Task, units: UnitDirectory): { leadUnits: string[]; coUnits: string[] } {
  const lead = units.names(task.leadUnits);
  const co = units.names(task.coUnits).filter((u) => !lead.includes(u));
  const implementing = units
    .names(task.implementingUnits)
    .filter((u) => !lead.includes(u) && !co.includes(u));
  if (lead.length === 0) return { leadUnits: implementing, coUnits: co };
  return { leadUnits: lead, coUnits: [...co, ...implementing] };
}

type IndicatorFields = Pick<
  LedgerRow,
  "metric" | "op" | "target" | "baseline" | "unit" | "deadline" | "deadlineInferred"
>;

/**
 * A row's deadline: the indicator's own, else its task's, else the plan's horizon — and then the
 * row says the date is inferred, so no one reads it as the document's.
 */
function deadlineOf(
  stated: string | undefined,
  taskDeadline: string | undefined,
  horizon: string,
): Pick<LedgerRow, "deadline" | "deadlineInferred"> {
  if (stated !== undefined) return { deadline: stated };
  if (taskDeadline !== undefined) return { deadline: taskDeadline };
  return { deadline: horizon, deadlineInferred: true };
}

function indicatorFields(
  indicator: Indicator,
  taskDeadline: string | undefined,
  horizon: string,
): IndicatorFields {
  return {
    metric: indicator.metric,
    op: indicator.op,
    ...(indicator.value !== undefined && { target: indicator.value }),
    ...(indicator.baseline !== undefined && { baseline: indicator.baseline }),
    // An empty unit is no unit: the sheet cannot tell them apart.
    ...(indicator.unit ? { unit: indicator.unit } : {}),
    ...deadlineOf(indicator.deadlineStated ? indicator.deadline : undefined, taskDeadline, horizon),
  };
}

/** The document's rows, with every unit filed under its canonical name in the directory. */
function rowsOfDocument(source: PlanDocument, numberPrefix: string, units: UnitDirectory): LedgerRow[] {
  const rows: LedgerRow[] = [];
  const name = documentName(source);
  for (const task of source.tasks) {
    const base = {
      taskId: task.id,
      docId: source.id,
      section: task.section,
      task: taskTitle(task),
      ...(task.measures && { measures: task.measures }),
      ...unitsOf(task, units),
    };
    const number = `${numberPrefix}${displayTaskNumber(task.number)}`;
    if (task.indicators.length === 0) {
      rows.push({
        ...base,
        id: task.id,
        number,
        metric: "",
        ...deadlineOf(undefined, task.deadline, source.horizon),
        source: name,
      });
      continue;
    }
    task.indicators.forEach((indicator, index) => {
      rows.push({
        ...base,
        ...indicatorFields(indicator, task.deadline, source.horizon),
        id: indicator.id,
        number: task.indicators.length > 1 ? `${number}-${index + 1}` : number,
        source: `${name}：${indicator.text}`,
      });
    });
  }
  // Targets that belong to no task are the document's headline goals; no unit is named for them.
  source.indicators.forEach((indicator, index) => {
    rows.push({
      id: indicator.id,
      taskId: indicator.id,
      docId: source.id,
      number: `${numberPrefix}总${index + 1}`,
      section: "总体目标",
      task: "总体目标",
      leadUnits: [],
      coUnits: [],
      ...indicatorFields(indicator, undefined, source.horizon),
      source: `${name}：${indicator.text}`,
    });
  });
  return rows;
}

function choosePeriod(options: BuildLedgerOptions, year: number): Period {
  if (options.period !== undefined) return options.period;
  const kind: PeriodKind = options.periodKind ?? "quarter";
  const today = options.today?.slice(0, 10);
  const todayYear = today ? Number(today.slice(0, 4)) : Number.NaN;
  if (!today || todayYear < year) return Period.of(kind, year, 1);
  if (todayYear > year) return Period.of(kind, year, kind === "month" ? 12 : 4);
  return Period.containing(today, kind);
}

/**
 * The 台账 of one or more parsed documents: one row per indicator, one for each task without
 * indicators, and one for each document-level target. Row IDs are the parser's, so rebuilding the
 * ledger from the same text gives the same IDs and progress stays attached.
 */
export function buildLedger(
  documents: readonly PlanDocument[],
  options: BuildLedgerOptions = {},
): BuildLedgerResult {
  if (documents.length === 0)
    return { ok: false, code: "no-documents", message: "没有可用于生成台账的文件。" };
  const diagnostics: Diagnostic[] = [];
  const unique: PlanDocument[] = [];
  for (const source of documents) {
    if (unique.some((d) => d.id === source.id)) {
      diagnostics.push({
        code: "duplicate-document",
        severity: "warning",
        message: `${documentName(source)}与前面的文件内容相同，只计入一次。`,
      });
      continue;
    }
    unique.push(source);
  }

  const year = Math.max(...unique.map((d) => d.year));
  const period = choosePeriod(options, year);

  const units = options.units ?? DEFAULT_UNITS;
  const rows = unique.flatMap((source, index) =>
    rowsOfDocument(source, unique.length > 1 ? `${index + 1}.` : "", units),
  );
  if (rows.length === 0) {
    return { ok: false, code: "no-rows", message: "文件中没有识别出任务或量化目标，无法生成台账。" };
  }
  // Merge keys on row IDs: two rows sharing one would take each other's reports.
  const repeated = repeatedIds(rows.map((row) => row.id));
  if (repeated.length > 0) {
    return {
      ok: false,
      code: "duplicate-row-id",
      message: `台账中有重复的行ID（${repeated.slice(0, 5).join("、")}），无法生成台账；请重新解析文件后再试。`,
    };
  }
  const reported = new Set<string>();
  for (const row of rows) {
    if (row.leadUnits.length === 0 && !reported.has(row.taskId)) {
      reported.add(row.taskId);
      diagnostics.push({
        code: "row-without-lead-unit",
        severity: "info",
        at: { kind: "row", rowId: row.id },
        message: `第 ${row.number} 项“${row.task}”没有写明牵头单位，请在任务清单中补充。`,
      });
    }
  }

  const first = unique[0];
  const title =
    options.title ??
    (unique.length === 1 && first?.title ? `${first.title}重点任务督办台账` : `${year}年重点任务督办台账`);
  return {
    ok: true,
    diagnostics,
    ledger: {
      schemaVersion: LEDGER_SCHEMA_VERSION,
      id: ledgerIdOf(unique.map((d) => d.id)),
      title,
      year,
      periodKind: period.kind,
      period,
      unitAliases: units.extra,
      documents: unique.map(documentRef),
      rows,
      progress: [],
    },
  };
}
