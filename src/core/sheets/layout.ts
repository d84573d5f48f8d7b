import type { Ledger, LedgerRow, PeriodKey, ProgressEntry } from "../model";
import {
  DEFAULT_UNITS,
  Period,
  REPORTABLE_STATUSES,
  REPORTABLE_STATUS_SENTENCE,
  comparePeriodKeys,
} from "../model";
import { assessLedger, rollupBySection, rollupByUnit } from "../progress";
import type { PeriodAssessment, RowAssessment, StatusOptions } from "../progress";
import { DEFAULT_STATUS_OPTIONS } from "../progress";
import { columnLetter, dateCell, rangeAddress } from "./cells";
import type { ProgressColumnKey, TaskColumnKey } from "./columns";
import {
  OP_SYMBOLS,
  PROGRESS_COLUMNS,
  SHEET_NAMES,
  TASK_COLUMNS,
  columnOf,
  sectionLabel,
  showReportedAt,
} from "./columns";
import { metadataSheet } from "./metadata";
import { STYLES, a4Print, statusRules } from "./styles";
import { summarySheet } from "./summary";
import { TEXT_STYLES, rowHeight, textSheetPlan, wrappedLines } from "./text";
import type { CellValue, ColumnPlan, RowPlan, SheetPlan, WorkbookPlan } from "./types";

export interface WorkbookOptions {
  /** The thresholds the 判定状态 column is judged by. */
  statusOptions?: StatusOptions;
  /**
   * The 通报 sheet as core/report lays it out. Without one the sheet says that no 通报 has been
   * generated for the period yet.
   */
  reportSheet?: SheetPlan;
  creator?: string;
}

type Line<K extends string> = Partial<Record<K, CellValue>>;

/** Cells in column order from a keyed line; columns the line lacks stay empty. */
function cellsOf<K extends string>(columns: readonly ColumnPlan[], line: Line<K>): CellValue[] {
  return columns.map((column) => line[column.key as K] ?? null);
}

/** Estimated height of a data row from its wrapped columns. */
function heightOf<K extends string>(columns: readonly ColumnPlan[], line: Line<K>): number {
  let lines = 1;
  for (const column of columns) {
    if (!column.style?.wrap || column.hidden) continue;
    const value = line[column.key as K];
    if (typeof value === "string" && value) lines = Math.max(lines, wrappedLines(value, column.width));
  }
  return rowHeight(lines);
}

function titleRow(text: string, columnCount: number): RowPlan {
  return { cells: [text, ...Array<CellValue>(columnCount - 1).fill(null)], style: STYLES.title, height: 30 };
}

function headerRow(columns: readonly ColumnPlan[]): RowPlan {
  const lines = Math.max(...columns.map((c) => (c.hidden ? 1 : wrappedLines(c.header, c.width))));
  return { cells: columns.map((c) => c.header), style: STYLES.header, height: rowHeight(lines) };
}

const TITLE_ROWS = 1;
const HEADER_ROW = TITLE_ROWS + 1;
const FIRST_DATA_ROW = HEADER_ROW + 1;

function tableSheet(
  name: string,
  title: string,
  columns: readonly ColumnPlan[],
  dataRows: RowPlan[],
  extras: Pick<SheetPlan, "conditionalFormats" | "validations">,
  frozenColumns: number,
): SheetPlan {
  const lastDataRow = HEADER_ROW + dataRows.length;
  return {
    name,
    visibility: "visible",
    columns,
    rows: [titleRow(title, columns.length), headerRow(columns), ...dataRows],
    merges: [rangeAddress(1, 1, 1, columns.filter((c) => !c.hidden).length)],
    freeze: { rows: HEADER_ROW, columns: frozenColumns },
    table: { headerRow: HEADER_ROW, firstDataRow: FIRST_DATA_ROW, lastDataRow },
    autoFilter: rangeAddress(HEADER_ROW, 1, lastDataRow, columns.length),
    ...extras,
    print: a4Print("landscape", { first: HEADER_ROW, last: HEADER_ROW }),
    showGridLines: true,
  };
}

function joinUnits(units: readonly string[]): string {
  return DEFAULT_UNITS.format(units);
}

function taskLine(row: LedgerRow): Line<TaskColumnKey> {
  return {
    number: row.number,
    section: row.section,
    task: row.task,
    metric: row.metric,
    op: row.op ? OP_SYMBOLS[row.op] : null,
    target: row.target ?? null,
    unit: row.unit ?? null,
    deadline: row.deadline ? dateCell(row.deadline) : null,
    leadUnits: joinUnits(row.leadUnits),
    coUnits: joinUnits(row.coUnits),
    source: row.source,
    note: row.note ?? null,
    rowId: row.id,
  };
}

function tasksSheet(ledger: Ledger): SheetPlan {
  const rows = ledger.rows.map((row): RowPlan => {
    const line = taskLine(row);
    return { cells: cellsOf(TASK_COLUMNS, line), style: STYLES.body, height: heightOf(TASK_COLUMNS, line) };
  });
  return tableSheet(SHEET_NAMES.tasks, `${ledger.title}\u3000任务清单`, TASK_COLUMNS, rows, {}, 1);
}

/** 任务及指标: the indicator when the row has one, under its task. */
function itemText(row: LedgerRow): string {
  return row.metric ? `${row.task}：${row.metric}` : row.task;
}

function progressLine(
  period: PeriodKey,
  row: LedgerRow | undefined,
  rowId: string,
  entry: ProgressEntry | undefined,
  judged: RowAssessment | undefined,
): Line<ProgressColumnKey> {
  return {
    period: Period.parse(period)?.label ?? period,
    number: row?.number ?? null,
    item: row ? itemText(row) : "（台账中没有这一行）",
    leadUnits: row ? joinUnits(row.leadUnits) : null,
    target: row?.target ?? null,
    unit: row?.unit ?? null,
    expected: judged ? judged.expected : null,
    actual: entry?.actual ?? null,
    reportedStatus: entry?.status ?? null,
    judgedStatus: judged ? judged.status : null,
    progress: entry?.progress || null,
    problems: entry?.problems || null,
    reportedBy: entry?.reportedBy || null,
    reportedAt: entry?.reportedAt ? showReportedAt(entry.reportedAt) : null,
    section: row ? sectionLabel(row.section) : null,
    coUnits: row ? joinUnits(row.coUnits) : null,
    rowId,
  };
}

/**
 * Lines of 进度填报: the current period first, with one line for every ledger row so units have a
 * place to write, then earlier periods, newest first, with the lines units sent. Several reports for
 * one row and period stay together in the order they came; only the last, the one that counts,
 * carries the 判定状态, so the 单位汇总 counts each row once.
 */
function progressLines(
  ledger: Ledger,
  assessments: Map<PeriodKey, PeriodAssessment | undefined>,
): Line<ProgressColumnKey>[] {
  const rowsById = new Map(ledger.rows.map((row) => [row.id, row]));
  const byPeriod = new Map<PeriodKey, Map<string, ProgressEntry[]>>();
  for (const entry of ledger.progress) {
    let byRow = byPeriod.get(entry.period);
    if (!byRow) byPeriod.set(entry.period, (byRow = new Map<string, ProgressEntry[]>()));
    const list = byRow.get(entry.rowId);
    if (list) list.push(entry);
    else byRow.set(entry.rowId, [entry]);
  }
  const current = ledger.period.key;
  const earlier = [...byPeriod.keys()].filter((p) => p !== current).sort((a, b) => comparePeriodKeys(b, a));
  const lines: Line<ProgressColumnKey>[] = [];
  for (const period of [current, ...earlier]) {
    const byRow = byPeriod.get(period) ?? new Map<string, ProgressEntry[]>();
    const judgedRows = new Map((assessments.get(period)?.rows ?? []).map((r) => [r.row.id, r]));
    const unknownRowIds = [...byRow.keys()].filter((id) => !rowsById.has(id)).sort();
    const rowIds =
      period === current
        ? ledger.rows.map((r) => r.id)
        : ledger.rows.map((r) => r.id).filter((id) => byRow.has(id));
    for (const rowId of [...rowIds, ...unknownRowIds]) {
      const row = rowsById.get(rowId);
      const judged = judgedRows.get(rowId);
      const entries = byRow.get(rowId) ?? [];
      if (entries.length === 0) {
        lines.push(progressLine(period, row, rowId, undefined, judged));
        continue;
      }
      entries.forEach((entry, index) => {
        lines.push(
          progressLine(period, row, rowId, entry, index === entries.length - 1 ? judged : undefined),
        );
      });
    }
  }
  return lines;
}

function progressSheet(ledger: Ledger, assessments: Map<PeriodKey, PeriodAssessment | undefined>): SheetPlan {
  const lines = progressLines(ledger, assessments);
  const rows = lines.map((line): RowPlan => ({
    cells: cellsOf(PROGRESS_COLUMNS, line),
    style: STYLES.body,
    height: heightOf(PROGRESS_COLUMNS, line),
  }));
  const lastRow = HEADER_ROW + Math.max(1, rows.length);
  const statusRange = (key: ProgressColumnKey): string => {
    const column = columnLetter(columnOf(PROGRESS_COLUMNS, key));
    return `${column}${FIRST_DATA_ROW}:${column}${lastRow}`;
  };
  return tableSheet(
    SHEET_NAMES.progress,
    `进度填报（${ledger.period.label}，${ledger.period.cutOffLabel}，完成值为累计数）`,
    PROGRESS_COLUMNS,
    rows,
    {
      conditionalFormats: [
        { range: statusRange("reportedStatus"), rules: statusRules() },
        { range: statusRange("judgedStatus"), rules: statusRules() },
      ],
      validations: [
        {
          kind: "list",
          range: statusRange("reportedStatus"),
          values: [...REPORTABLE_STATUSES],
          allowBlank: true,
          strict: true,
          prompt: { title: "填报状态", message: "请从下拉列表中选择本期状态。" },
          error: {
            title: "状态无效",
            message: `请从下拉列表中选择：${REPORTABLE_STATUS_SENTENCE}。`,
          },
        },
      ],
    },
    3,
  );
}

function reportPlaceholder(ledger: Ledger): SheetPlan {
  return textSheetPlan(
    SHEET_NAMES.report,
    [
      { text: "通报", style: TEXT_STYLES.title },
      { text: `${ledger.period.label}尚未生成通报。`, style: TEXT_STYLES.body, spaceBefore: 12 },
      { text: "各单位报送本期进度后生成通报，通报全文将显示在本表。", style: TEXT_STYLES.note },
    ],
    { width: 80 },
  );
}

/**
 * Judges every period that has a line in 进度填报; periods that cannot be read get no judgement.
 * A period is judged from the reports made up to its end, so each judgement is given only those:
 * a year of monthly history then costs half as much as judging every period against all of it.
 */
function assessPeriods(ledger: Ledger, options: StatusOptions): Map<PeriodKey, PeriodAssessment | undefined> {
  const parsed = new Map<PeriodKey, Period | undefined>();
  const periodOf = (key: PeriodKey): Period | undefined => {
    if (!parsed.has(key)) parsed.set(key, Period.parse(key));
    return parsed.get(key);
  };
  const keys = new Set([ledger.period.key, ...ledger.progress.map((e) => e.period)]);
  const assessments = new Map<PeriodKey, PeriodAssessment | undefined>();
  for (const key of keys) {
    const period = periodOf(key);
    if (period === undefined) {
      assessments.set(key, undefined);
      continue;
    }
    const progress = ledger.progress.filter((entry) => {
      const entryEnd = periodOf(entry.period)?.end;
      return entryEnd !== undefined && entryEnd <= period.end;
    });
    assessments.set(key, assessLedger({ ...ledger, progress }, period, options));
  }
  return assessments;
}

/**
 * The whole 台账 workbook as data: 任务清单, 进度填报, 单位汇总 with live formulas over 进度填报,
 * 通报, and the veryHidden `_duban` that identifies the ledger and its rows.
 */
export function buildWorkbookPlan(ledger: Ledger, options: WorkbookOptions = {}): WorkbookPlan {
  const statusOptions = options.statusOptions ?? DEFAULT_STATUS_OPTIONS;
  const assessments = assessPeriods(ledger, statusOptions);
  const progress = progressSheet(ledger, assessments);
  const current = assessments.get(ledger.period.key);
  const sheets: SheetPlan[] = [
    tasksSheet(ledger),
    progress,
    summarySheet({
      ledger,
      progressSheet: progress,
      units: current ? rollupByUnit(current) : [],
      sections: current ? rollupBySection(current) : [],
      title: `各单位重点任务推进情况汇总（${ledger.period.label}）`,
      note: `${ledger.period.cutOffLabel}。本表由公式根据“进度填报”中本期的判定状态自动统计；排名按序时推进率（已完成与序时推进之和占牵头任务的比例），相同时按完成率。`,
    }),
    options.reportSheet ?? reportPlaceholder(ledger),
    metadataSheet(ledger),
  ];
  return {
    title: ledger.title,
    creator: options.creator ?? "Duban 督办台账",
    sheets,
    recalculateOnOpen: true,
  };
}
