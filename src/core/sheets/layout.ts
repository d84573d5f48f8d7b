import type { Ledger, LedgerRow, PeriodKey, ProgressEntry } from "../model";
import {
  DEFAULT_UNITS,
  Period,
  REPORTABLE_STATUSES,
  REPORTABLE_STATUS_SENTENCE,
  comparePeriodKeys,
} from "../model";
import type { StatusOptions } from "../model";
import {
  DEFAULT_ISSUER,
  DEFAULT_STATUS_OPTIONS,
  OP_SYMBOLS,
  PACE_RATE_DEFINITION,
  PACE_RATE_WORD,
} from "../model";
import {
  assessLedger,
  hasReport,
  judgeRow,
  lineInputs,
  judgedPeriodEnd,
  planStarts,
  rollupBySection,
  rollupByUnit,
  showsComplete,
} from "../progress";
import type { DerivedName } from "../progress/rules";
import { columnLetter, dateCell, excelSerial, formulaCell, quoteSheetName, rangeAddress } from "./cells";
import type { KeyedColumn, ProgressColumnKey, TaskColumnKey } from "./columns";
import {
  DEADLINE_SOURCES,
  PROGRESS_COLUMNS,
  REPORT_SETTING_LABELS,
  SHEET_NAMES,
  TASK_COLUMNS,
  columnOf,
  sectionLabel,
  showReportedAt,
} from "./columns";
import { SETTING_NAMES, ruleFormula, type LineRefs } from "./formulas";
import { metadataSheet } from "./metadata";
import { COLUMN_STYLES, INFERRED_STYLE, STYLES, a4Print, alertRules, statusRules } from "./styles";
import { summarySheet } from "./summary";
import { TEXT_STYLES, rowHeight, textSheetPlan, wrappedLines } from "./text";
import type { CellValue, ColumnPlan, NamePlan, RowPlan, SheetPlan, WorkbookPlan } from "./types";

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
  extras: Pick<SheetPlan, "conditionalFormats" | "validations" | "rowKey">,
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
    measures: row.measures ?? null,
    metric: row.metric,
    op: row.op ? OP_SYMBOLS[row.op] : null,
    baseline: row.baseline ?? null,
    target: row.target ?? null,
    unit: row.unit ?? null,
    deadline: row.deadline ? dateCell(row.deadline) : null,
    deadlineSource: row.deadline
      ? row.deadlineInferred
        ? DEADLINE_SOURCES.inferred
        : DEADLINE_SOURCES.stated
      : null,
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
  const deadlineSource = columnOf(TASK_COLUMNS, "deadlineSource");
  return tableSheet(
    SHEET_NAMES.tasks,
    `${ledger.title}\u3000任务清单`,
    TASK_COLUMNS,
    rows,
    {
      rowKey: [headerOf(TASK_COLUMNS, "rowId")],
      // An inferred deadline stands out, so no one reads it as the document's.
      conditionalFormats: [
        {
          range: rangeAddress(
            FIRST_DATA_ROW,
            deadlineSource,
            HEADER_ROW + Math.max(1, rows.length),
            deadlineSource,
          ),
          rules: [{ kind: "textEquals", text: DEADLINE_SOURCES.inferred, style: INFERRED_STYLE }],
        },
      ],
    },
    1,
  );
}

/** 任务及指标: the indicator when the row has one, under its task. */
function itemText(row: LedgerRow): string {
  return row.metric ? `${row.task}：${row.metric}` : row.task;
}

function headerOf<K extends string>(columns: readonly KeyedColumn<K>[], key: K): string {
  return columns.find((c) => c.key === key)?.header ?? key;
}

/** Column letters of 进度填报 and 任务清单, for the formulas. */
const PROGRESS = (key: ProgressColumnKey): string => columnLetter(columnOf(PROGRESS_COLUMNS, key));
const TASKS = (key: TaskColumnKey): string => columnLetter(columnOf(TASK_COLUMNS, key));
const TASKS_SHEET = quoteSheetName(SHEET_NAMES.tasks);

/** The cells a line's rules read and write, on sheet row `r`. */
function lineRefs(r: number): LineRefs {
  const at = (key: ProgressColumnKey): string => `$${PROGRESS(key)}${r}`;
  return {
    input: {
      actual: at("actual"),
      reportedStatus: at("reportedStatus"),
      progressText: at("progress"),
      op: at("op"),
      baseline: at("baseline"),
      target: at("target"),
      deadline: at("deadline"),
      start: at("start"),
      end: at("end"),
    },
    derived: {
      reported: at("hasReport"),
      expected: at("expected"),
      completion: at("completion"),
      doneFlag: at("doneFlag"),
      status: at("judgedStatus"),
      alert: at("alert"),
      check: at("check"),
    },
    history: {
      task: at("taskRow"),
      taskColumn: `$${PROGRESS("taskRow")}:$${PROGRESS("taskRow")}`,
      end: at("end"),
      endColumn: `$${PROGRESS("end")}:$${PROGRESS("end")}`,
      doneColumn: `$${PROGRESS("doneFlag")}:$${PROGRESS("doneFlag")}`,
    },
  };
}

/**
 * A value of 任务清单 for the line's row, found by the row's ID (or its 编号 when the ID is gone),
 * so an edit there counts here; blank when the row has none.
 */
function lookup(r: number, key: TaskColumnKey): string {
  const value = `INDEX(${TASKS_SHEET}!$${TASKS(key)}:$${TASKS(key)},$${PROGRESS("taskRow")}${r})`;
  return `IF($${PROGRESS("taskRow")}${r}="","",IF(${value}="","",${value}))`;
}

/**
 * The line's row in 任务清单: by its visible 编号 when that names one row, else by its hidden ID, as
 * the reader matches (`readProgress`). Sorting only the visible columns moves the 编号 with the
 * numbers and leaves the hidden ID behind, so the 编号 is what the numbers belong to.
 */
function taskRowFormula(r: number): string {
  const number = `$${PROGRESS("number")}${r}`;
  const numbers = `${TASKS_SHEET}!$${TASKS("number")}:$${TASKS("number")}`;
  const byId = `IFERROR(MATCH($${PROGRESS("rowId")}${r},${TASKS_SHEET}!$${TASKS("rowId")}:$${TASKS("rowId")},0),"")`;
  return `IF(${number}="",${byId},IF(COUNTIF(${numbers},${number})=1,IFERROR(MATCH(${number},${numbers},0),${byId}),${byId}))`;
}

/**
 * 计入: 1 on the line a task's status in its period is counted from — the last line of the task and
 * period with a report, or its only line — wherever sorting has put the lines, as the core takes
 * the last report in sheet order. `last` is the table's last row.
 */
function countedFormula(r: number, last: number): string {
  const col = (key: ProgressColumnKey): string => PROGRESS(key);
  const [task, period, has] = [col("taskRow"), col("period"), col("hasReport")];
  const below = `COUNTIFS($${task}${r + 1}:$${task}$${last + 1},$${task}${r},$${period}${r + 1}:$${period}$${last + 1},$${period}${r},$${has}${r + 1}:$${has}$${last + 1},1)`;
  const above = `COUNTIFS($${task}$2:$${task}${r - 1},$${task}${r},$${period}$2:$${period}${r - 1},$${period}${r},$${has}$2:$${has}${r - 1},1)`;
  return `IF(${below}>0,0,IF(AND($${has}${r}<>1,${above}>0),0,1))`;
}

interface LineSource {
  period: PeriodKey;
  row: LedgerRow | undefined;
  rowId: string;
  entry: ProgressEntry | undefined;
  /** The line the period's status of the row is counted from (the last report, or the blank line). */
  counted: boolean;
}

/** The row of 任务清单 (1-based, the header on row 2) a ledger row is written on. */
function taskSheetRows(ledger: Ledger): Map<string, number> {
  return new Map(ledger.rows.map((row, index) => [row.id, FIRST_DATA_ROW + index]));
}

interface LineContext {
  ledger: Ledger;
  options: StatusOptions;
  taskRows: Map<string, number>;
  planStarts: Map<string, string>;
  /** The table's last row on the sheet. */
  lastRow: number;
  /** Where the 设置 sheet lists each period's end. */
  periodEnds: string;
  entriesByRow: Map<string, ProgressEntry[]>;
}

function progressLine(source: LineSource, r: number, context: LineContext): Line<ProgressColumnKey> {
  const { row, entry, rowId } = source;
  const period = Period.parse(source.period);
  const planStart = row
    ? (context.planStarts.get(row.docId) ?? context.ledger.period.start)
    : context.ledger.period.start;
  const ledgerStart = context.planStarts.get(context.ledger.documents[0]?.id ?? "") ?? planStart;
  const refs = lineRefs(r);
  const judged =
    row && period
      ? judgeRow(
          row,
          entry,
          { planStart, periodEnd: judgedPeriodEnd(period, context.ledger.period, context.options) },
          context.options,
          earlierDone(context.entriesByRow.get(row.id) ?? [], row, period, context.options),
        )
      : undefined;
  // A line whose row is not in 任务清单 has nothing to be judged against: blank, and never counted.
  const rule = (name: DerivedName, result: number | string | undefined): CellValue =>
    formulaCell(`IF($${PROGRESS("taskRow")}${r}="","",${ruleFormula(name, refs)})`, result ?? "");
  const taskRow = row ? context.taskRows.get(row.id) : undefined;
  const inputs = row ? lineInputs(row, entry, { planStart, periodEnd: period?.end ?? planStart }) : undefined;
  const serial = (iso: string | undefined): number | string => (iso ? excelSerial(iso) : "");
  return {
    period: period?.label ?? source.period,
    number: row?.number ?? null,
    item: row ? itemText(row) : "（台账中没有这一行）",
    // Units and 篇章 follow 任务清单 too: the 单位汇总 counts by them.
    leadUnits: formulaCell(lookup(r, "leadUnits"), row ? joinUnits(row.leadUnits) : ""),
    op: formulaCell(lookup(r, "op"), inputs?.op ?? ""),
    baseline: formulaCell(lookup(r, "baseline"), row?.baseline ?? ""),
    target: formulaCell(lookup(r, "target"), row?.target ?? ""),
    unit: row?.unit ?? null,
    deadline: formulaCell(lookup(r, "deadline"), serial(row?.deadline)),
    actual: entry?.actual ?? entry?.actualText ?? null,
    reportedStatus: entry?.statusText ?? entry?.status ?? null,
    progress: entry?.progress || null,
    problems: entry?.problems || null,
    reportedBy: entry?.reportedBy || null,
    reportedAt: entry?.reportedAt ? showReportedAt(entry.reportedAt) : null,
    expected: rule("expected", judged?.expected),
    completion: rule("completion", judged?.completion),
    judgedStatus: rule("status", judged?.status),
    alert: rule("alert", judged?.alert),
    check: rule("check", judged?.check),
    // The current period's lines count from the 设置 sheet's dates; earlier ones keep their own end.
    start:
      planStart === ledgerStart
        ? formulaCell(SETTING_NAMES.planStart, excelSerial(planStart))
        : dateCell(planStart),
    // Each period's end from the 设置 sheet's table by the line's own 期间, so a sort keeps it right.
    end: formulaCell(
      `IFERROR(VLOOKUP($${PROGRESS("period")}${r},${context.periodEnds},2,FALSE),"")`,
      period ? excelSerial(judgedPeriodEnd(period, context.ledger.period, context.options)) : "",
    ),
    doneFlag: rule("doneFlag", row ? lineDone(row, entry, context.options) : undefined),
    hasReport: rule("reported", row ? (hasReport(entry) ? 1 : 0) : undefined),
    counted: formulaCell(countedFormula(r, context.lastRow), source.counted ? 1 : 0),
    taskRow: formulaCell(taskRowFormula(r), taskRow ?? ""),
    section: formulaCell(
      `IF(${lookup(r, "section")}="",${JSON.stringify(sectionLabel(""))},${lookup(r, "section")})`,
      sectionLabel(row?.section ?? ""),
    ),
    coUnits: formulaCell(lookup(r, "coUnits"), row ? joinUnits(row.coUnits) : ""),
    rowId,
  };
}

function lineDone(row: LedgerRow, entry: ProgressEntry | undefined, options: StatusOptions): number {
  return entry && showsComplete(row, entry, options) ? 1 : 0;
}

/** Some line of an earlier period shows the row complete: it stays 已完成 while nothing new comes. */
function entriesByRow(progress: readonly ProgressEntry[]): Map<string, ProgressEntry[]> {
  const byRow = new Map<string, ProgressEntry[]>();
  for (const entry of progress) {
    const list = byRow.get(entry.rowId);
    if (list) list.push(entry);
    else byRow.set(entry.rowId, [entry]);
  }
  return byRow;
}

function earlierDone(
  entries: readonly ProgressEntry[],
  row: LedgerRow,
  period: Period,
  options: StatusOptions,
): boolean {
  return entries.some((entry) => {
    const end = Period.parse(entry.period)?.end;
    return end !== undefined && end < period.end && hasReport(entry) && showsComplete(row, entry, options);
  });
}

/**
 * Lines of 进度填报: the current period first, with one line for every ledger row so units have a
 * place to write, then earlier periods, newest first, with the lines units sent. Several reports for
 * one row and period stay together in the order they came; the last, the one that counts, is marked
 * 计入, so the 单位汇总 counts each row once.
 */
function lineSources(ledger: Ledger): LineSource[] {
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
  const lines: LineSource[] = [];
  for (const period of [current, ...earlier]) {
    const byRow = byPeriod.get(period) ?? new Map<string, ProgressEntry[]>();
    const unknownRowIds = [...byRow.keys()].filter((id) => !rowsById.has(id)).sort();
    const rowIds =
      period === current
        ? ledger.rows.map((r) => r.id)
        : ledger.rows.map((r) => r.id).filter((id) => byRow.has(id));
    for (const rowId of [...rowIds, ...unknownRowIds]) {
      const row = rowsById.get(rowId);
      const entries = byRow.get(rowId) ?? [];
      if (entries.length === 0) {
        lines.push({ period, row, rowId, entry: undefined, counted: true });
        continue;
      }
      // The report that counts is the last with anything in it, as the core judges (assessLedger).
      let counting = entries.length - 1;
      for (let k = entries.length - 1; k >= 0; k--) {
        if (hasReport(entries[k])) {
          counting = k;
          break;
        }
      }
      entries.forEach((entry, index) =>
        lines.push({ period, row, rowId, entry, counted: index === counting }),
      );
    }
  }
  return lines;
}

function progressSheet(ledger: Ledger, options: StatusOptions): SheetPlan {
  const startOf = planStarts(ledger, options);
  const starts = new Map(ledger.documents.map((d) => [d.id, startOf(d)]));
  const sources = lineSources(ledger);
  const context: LineContext = {
    ledger,
    options,
    taskRows: taskSheetRows(ledger),
    planStarts: starts,
    lastRow: HEADER_ROW + Math.max(1, sources.length),
    periodEnds: periodTableRange(ledger),
    entriesByRow: entriesByRow(ledger.progress),
  };
  const rows = sources.map((source, index): RowPlan => {
    const line = progressLine(source, FIRST_DATA_ROW + index, context);
    return {
      cells: cellsOf(PROGRESS_COLUMNS, line),
      style: STYLES.body,
      height: heightOf(PROGRESS_COLUMNS, line),
    };
  });
  const lastRow = HEADER_ROW + Math.max(1, rows.length);
  const columnRange = (key: ProgressColumnKey): string => {
    const column = PROGRESS(key);
    return `${column}${FIRST_DATA_ROW}:${column}${lastRow}`;
  };
  return tableSheet(
    SHEET_NAMES.progress,
    `进度填报（${ledger.period.label}，${ledger.period.cutOffLabel}，完成值为累计数）`,
    PROGRESS_COLUMNS,
    rows,
    {
      rowKey: [headerOf(PROGRESS_COLUMNS, "rowId"), headerOf(PROGRESS_COLUMNS, "period")],
      conditionalFormats: [
        { range: columnRange("reportedStatus"), rules: statusRules() },
        { range: columnRange("judgedStatus"), rules: statusRules() },
        { range: columnRange("alert"), rules: alertRules() },
      ],
      validations: [
        {
          kind: "list",
          range: columnRange("reportedStatus"),
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

const REPORT_PLACEHOLDER_NOTE = "各单位报送本期进度后生成通报，通报全文将显示在本表。";

function reportPlaceholder(ledger: Ledger): SheetPlan {
  return {
    ...reportPlaceholderText(ledger),
    placeholder: { mark: REPORT_PLACEHOLDER_NOTE },
  };
}

function reportPlaceholderText(ledger: Ledger): SheetPlan {
  return textSheetPlan(
    SHEET_NAMES.report,
    [
      { text: "通报", style: TEXT_STYLES.title },
      { text: `${ledger.period.label}尚未生成通报。`, style: TEXT_STYLES.body, spaceBefore: 12 },
      { text: REPORT_PLACEHOLDER_NOTE, style: TEXT_STYLES.note },
    ],
    { width: 80 },
  );
}

/** The 设置 sheet's rows: label, value, named cell, note. Row 1 is its title. */
function settingsRows(
  ledger: Ledger,
  options: StatusOptions,
): { label: string; value: CellValue; name: string; note: string; format?: string }[] {
  const start = planStarts(ledger, options)(ledger.documents[0]);
  const end = judgedPeriodEnd(ledger.period, ledger.period, options);
  return [
    {
      label: "计划起始日",
      value: dateCell(start),
      name: SETTING_NAMES.planStart,
      note: "序时进度从这一天算起（文件印发之日，或当年1月1日）",
      format: "yyyy-mm-dd",
    },
    {
      label: "本期期末",
      value: dateCell(end),
      name: SETTING_NAMES.periodEnd,
      note: `本期：${ledger.period.label}`,
      format: "yyyy-mm-dd",
    },
    {
      label: "完成阈值",
      value: options.completeAt,
      name: SETTING_NAMES.completeAt,
      note: "完成率达到此值即为已完成",
      format: "0%",
    },
    {
      label: "序时容差",
      value: options.paceTolerance,
      name: SETTING_NAMES.paceTolerance,
      note: "完成率低于序时进度不超过此值，仍算序时推进",
      format: "0%",
    },
    {
      label: "黄色预警幅度",
      value: options.amberGap,
      name: SETTING_NAMES.amberGap,
      note: "落后序时不超过此值为黄色，超过为红色",
      format: "0%",
    },
    {
      label: "临期提醒天数",
      value: options.dueSoonDays,
      name: SETTING_NAMES.dueSoonDays,
      note: "距时限不超过此天数且未完成为蓝色（催办）",
      format: "0",
    },
    {
      label: "已完成后保持",
      value: options.carryCompletion ? 1 : 0,
      name: SETTING_NAMES.carry,
      note: "1：以前已完成、本期未再报送的任务仍算已完成；0：算未报送",
      format: "0",
    },
    {
      label: REPORT_SETTING_LABELS.rankMinTasks,
      value: options.rankMinTasks,
      name: SETTING_NAMES.rankMinTasks,
      note: "牵头任务少于此数的单位列出但不参与排名；填1则所有牵头单位都排名",
      format: "0",
    },
  ];
}

/** 通报 settings: text the office writes in its own name, under the thresholds. */
function reportSettingRows(ledger: Ledger): { label: string; value: string | null; note: string }[] {
  const settings = ledger.reportSettings ?? {};
  return [
    {
      label: REPORT_SETTING_LABELS.issuer,
      value: settings.issuer ?? null,
      note: `通报和督办通知单的落款，如“市卫生健康委办公室”；未填写时为“${DEFAULT_ISSUER}”`,
    },
    {
      label: REPORT_SETTING_LABELS.recipients,
      value: settings.recipients ?? null,
      note: "通报的主送，如“各区（市）县卫生健康局，委机关各处室：”；未填写时为“各有关单位：”",
    },
    {
      label: REPORT_SETTING_LABELS.scope,
      value: settings.scope ?? null,
      note: "通报标题中的范围，如“全市卫生健康”：关于2024年第三季度全市卫生健康重点工作推进情况的通报",
    },
  ];
}

const SETTINGS_FIRST_ROW = 3;
const SETTING_ROW_COUNT = 8;
const REPORT_SETTING_ROW_COUNT = 3;
/** Settings rows, the 通报's rows, a blank row, then the table of periods under its header. */
const PERIODS_FIRST_ROW = SETTINGS_FIRST_ROW + SETTING_ROW_COUNT + REPORT_SETTING_ROW_COUNT + 2;

/** Every period with lines in 进度填报, the current first: the end each is judged at. */
function periodTable(ledger: Ledger): Period[] {
  const periods = new Map<string, Period>([[ledger.period.key, ledger.period]]);
  for (const entry of ledger.progress) {
    const period = Period.parse(entry.period);
    if (period && !periods.has(period.key)) periods.set(period.key, period);
  }
  const [current, ...earlier] = periods.values();
  return [current!, ...earlier.sort((a, b) => comparePeriodKeys(b.key, a.key))];
}

function periodTableRange(ledger: Ledger): string {
  const last = PERIODS_FIRST_ROW + periodTable(ledger).length - 1;
  return `${quoteSheetName(SHEET_NAMES.settings)}!$A$${PERIODS_FIRST_ROW}:$B$${last}`;
}

function settingsSheet(ledger: Ledger, options: StatusOptions): SheetPlan {
  const rows = settingsRows(ledger, options);
  return {
    name: SHEET_NAMES.settings,
    visibility: "visible",
    columns: [
      { key: "label", header: "项目", width: 16, style: COLUMN_STYLES.text },
      { key: "value", header: "设置", width: 24, style: { horizontal: "center" } },
      { key: "note", header: "说明", width: 60, style: COLUMN_STYLES.text },
    ],
    rows: [
      { cells: ["督办台账设置（修改后各表自动重新计算）", null, null], style: STYLES.title, height: 30 },
      { cells: ["项目", "设置", "说明"], style: STYLES.header },
      ...rows.map((r) => ({
        cells: [r.label, r.value, r.note],
        style: STYLES.body,
        cellStyles: [
          undefined,
          { ...(r.format && { numberFormat: r.format }), horizontal: "center" as const },
        ],
      })),
      ...reportSettingRows(ledger).map((r) => ({
        cells: [r.label, r.value, r.note],
        style: STYLES.body,
        cellStyles: [undefined, { wrap: true }],
      })),
      { cells: [null, null, null] },
      { cells: ["期间", "期末", "说明"], style: STYLES.header },
      ...periodTable(ledger).map((period, k) => ({
        cells: [
          period.label,
          k === 0
            ? formulaCell(SETTING_NAMES.periodEnd, excelSerial(judgedPeriodEnd(period, period, options)))
            : dateCell(period.end),
          k === 0 ? "本期，随“本期期末”变动" : "以前各期按其期末判定",
        ],
        style: STYLES.body,
        cellStyles: [undefined, { numberFormat: "yyyy-mm-dd", horizontal: "center" as const }],
      })),
    ],
    merges: [rangeAddress(1, 1, 1, 3)],
    freeze: { rows: 2, columns: 0 },
    print: a4Print("portrait"),
    showGridLines: true,
  };
}

/** The 设置 sheet's named cells. */
function settingNames(ledger: Ledger, options: StatusOptions): NamePlan[] {
  return settingsRows(ledger, options).map((r, k) => ({
    name: r.name,
    ref: `${quoteSheetName(SHEET_NAMES.settings)}!$B$${SETTINGS_FIRST_ROW + k}`,
  }));
}

/**
 * The whole 台账 workbook as data: 任务清单, 进度填报 whose statuses are live formulas, 单位汇总
 * counting them, 通报, 设置 holding the thresholds as named cells, and the veryHidden `_duban`
 * that identifies the ledger and its rows.
 */
export function buildWorkbookPlan(ledger: Ledger, options: WorkbookOptions = {}): WorkbookPlan {
  const statusOptions = options.statusOptions ?? ledger.statusOptions ?? DEFAULT_STATUS_OPTIONS;
  const progress = progressSheet(ledger, statusOptions);
  const current = assessLedger(ledger, ledger.period, statusOptions);
  const sheets: SheetPlan[] = [
    tasksSheet(ledger),
    progress,
    summarySheet({
      ledger,
      progressSheet: progress,
      units: rollupByUnit(current, statusOptions.rankMinTasks),
      sections: rollupBySection(current),
      title: `各单位重点任务推进情况汇总（${ledger.period.label}）`,
      note: `${ledger.period.cutOffLabel}。本表由公式根据“进度填报”中本期的判定状态自动统计；排名按${PACE_RATE_WORD}（${PACE_RATE_DEFINITION}），相同时按完成率，仍相同的并列；牵头任务少于“设置”表中“${REPORT_SETTING_LABELS.rankMinTasks}”的单位不排名。`,
    }),
    options.reportSheet ?? reportPlaceholder(ledger),
    settingsSheet(ledger, statusOptions),
    metadataSheet(ledger),
  ];
  return {
    title: ledger.title,
    creator: options.creator ?? "Duban 督办台账",
    sheets,
    names: settingNames(ledger, statusOptions),
    recalculateOnOpen: true,
  };
}
