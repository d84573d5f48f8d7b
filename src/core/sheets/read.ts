import type {
  Diagnostic,
  DiagnosticCode,
  StatusOptions,
  Ledger,
  LedgerRow,
  Op,
  PeriodKey,
  ProgressEntry,
  ReportSettings,
  Severity,
  Status,
} from "../model";
import {
  DEFAULT_STATUS_OPTIONS,
  DEFAULT_UNITS,
  IdAllocator,
  Period,
  cellDiagnostic,
  readStatusWord,
  shortHash,
  type UnitDirectory,
} from "../model";
import { planStartOf } from "../progress/assess";
import { sortProgress } from "../progress/order";
import { cellAddress } from "./cells";
import type { ProgressColumnKey, TaskColumnKey } from "./columns";
import {
  DEADLINE_SOURCES,
  PROGRESS_COLUMNS,
  REPORT_SETTING_LABELS,
  SHEET_NAMES,
  TASK_COLUMNS,
  readReportedAt,
} from "./columns";
import type { GridValue, SheetGrid } from "./grid";
import { cellDate, cellNumber, cellText, gridCell, trimmedText } from "./grid";
import type { RowIdentity } from "./metadata";
import { readMetadata } from "./metadata";
import type { ColumnPlan } from "./types";

type ReadDiagnostic = Diagnostic;

export type ReadLedgerResult =
  | { ok: true; ledger: Ledger; diagnostics: Diagnostic[] }
  | {
      ok: false;
      code: "not-a-ledger" | "newer-schema" | "damaged-metadata" | "missing-sheet" | "missing-column";
      message: string;
    };

const SYMBOL_OPS: Record<string, Op> = {
  "≥": ">=",
  ">=": ">=",
  "≧": ">=",
  "≤": "<=",
  "<=": "<=",
  "≦": "<=",
  "=": "=",
  "＝": "=",
  ">": ">",
  "＞": ">",
  "<": "<",
  "＜": "<",
  节点: "milestone",
};

const normaliseHeader = (text: string): string => text.replace(/\s+/g, "");

interface ColumnMap<K extends string> {
  headerRow: number;
  columns: Map<K, number>;
}

/** The row, among the first ten, that names the most known columns; columns found by header text. */
function findColumns<K extends string>(
  grid: SheetGrid,
  known: readonly ColumnPlan[],
  diagnostics: ReadDiagnostic[],
): ColumnMap<K> | undefined {
  const byHeader = new Map(known.map((c) => [normaliseHeader(c.header), c.key as K]));
  let best: { row: number; hits: number } | undefined;
  for (let row = 1; row <= Math.min(10, grid.rows.length); row++) {
    const hits = (grid.rows[row - 1] ?? []).filter((v) => byHeader.has(normaliseHeader(cellText(v)))).length;
    if (hits >= 3 && (!best || hits > best.hits)) best = { row, hits };
  }
  if (!best) return undefined;
  const columns = new Map<K, number>();
  const extras: string[] = [];
  (grid.rows[best.row - 1] ?? []).forEach((value, index) => {
    const header = normaliseHeader(cellText(value));
    const key = byHeader.get(header);
    if (key !== undefined && !columns.has(key)) columns.set(key, index + 1);
    else if (header) extras.push(header);
  });
  if (extras.length > 0) {
    diagnostics.push(
      cellDiagnostic(
        "extra-column",
        "info",
        grid.name,
        `“${grid.name}”中的列 ${extras.map((e) => `“${e}”`).join("、")} 不属于台账，读取时未使用，内容仍保留在原文件中。`,
      ),
    );
  }
  return { headerRow: best.row, columns };
}

function appendNote(note: string | undefined, addition: string): string {
  return note ? `${note}；${addition}` : addition;
}

class SheetReader<K extends string> {
  constructor(
    readonly grid: SheetGrid,
    readonly map: ColumnMap<K>,
  ) {}

  value(row: number, key: K): GridValue {
    const column = this.map.columns.get(key);
    return column === undefined ? null : gridCell(this.grid, row, column);
  }

  address(row: number, key: K): string {
    return cellAddress(row, this.map.columns.get(key) ?? 1);
  }

  isEmpty(row: number, keys: readonly K[]): boolean {
    return keys.every((key) => trimmedText(this.value(row, key)) === "");
  }
}

interface TaskRead {
  rows: LedgerRow[];
}

function readTasks(
  grid: SheetGrid,
  ledgerId: string,
  identities: readonly RowIdentity[],
  units: UnitDirectory,
  diagnostics: ReadDiagnostic[],
): TaskRead | { error: string } {
  const map = findColumns<TaskColumnKey>(grid, TASK_COLUMNS, diagnostics);
  if (!map || !map.columns.has("task"))
    return { error: `“${grid.name}”中找不到表头（编号、任务、指标……），无法读取任务。` };
  const sheet = new SheetReader(grid, map);
  const warn = (code: DiagnosticCode, row: number, key: TaskColumnKey, message: string): void => {
    diagnostics.push(cellDiagnostic(code, "warning", grid.name, message, sheet.address(row, key)));
  };
  const byId = new Map(identities.map((identity) => [identity.id, identity]));
  const byNumber = new Map(identities.map((identity) => [identity.number, identity]));
  const hasIdColumn = map.columns.has("rowId");
  if (!hasIdColumn) {
    diagnostics.push(
      cellDiagnostic(
        "missing-column",
        "warning",
        grid.name,
        `“${grid.name}”缺少隐藏的“行ID”列，已按编号对应各行；编号被改动的行将作为新增行。`,
      ),
    );
  }

  const known = new Map<string, LedgerRow>();
  const added: LedgerRow[] = [];
  const ids = new IdAllocator(ledgerId).reserve(identities.map((identity) => identity.id));
  const keys = TASK_COLUMNS.map((c) => c.key);
  for (let row = map.headerRow + 1; row <= grid.rows.length; row++) {
    if (sheet.isEmpty(row, keys)) continue;
    const text = (key: TaskColumnKey): string => cellText(sheet.value(row, key));
    let note: string | undefined = text("note") || undefined;

    const opText = trimmedText(sheet.value(row, "op"));
    const op = SYMBOL_OPS[opText];
    if (opText && !op) {
      warn(
        "unknown-comparison",
        row,
        "op",
        `比较符“${opText}”无法识别（应为 ≥、≤、=、>、< 或“节点”），已记入备注。`,
      );
      note = appendNote(note, `比较：${opText}`);
    }

    // A number cell with words in it is kept as words: the workbook's formulas read no number from it.
    const numberIn = (key: "target" | "baseline", label: string): number | undefined => {
      const value = sheet.value(row, key);
      if (!trimmedText(value)) return undefined;
      const number = cellNumber(value);
      if (number?.exact) return number.value;
      warn(
        "text-in-number",
        row,
        key,
        `${label}“${cellText(value)}”不是数字，未作为${label}使用，原文已记入备注；请改为数字。`,
      );
      note = appendNote(note, `${label}原文：${cellText(value)}`);
      return undefined;
    };
    const target = numberIn("target", "目标值");
    const baseline = numberIn("baseline", "起始值");

    let deadline: string | undefined;
    const deadlineValue = sheet.value(row, "deadline");
    if (trimmedText(deadlineValue)) {
      deadline = cellDate(deadlineValue);
      if (!deadline) {
        warn("unreadable-date", row, "deadline", `时限“${cellText(deadlineValue)}”不是日期，已记入备注。`);
        note = appendNote(note, `时限原文：${cellText(deadlineValue)}`);
      }
    }

    const measures = text("measures");
    const fields = {
      number: text("number"),
      section: text("section"),
      task: text("task"),
      ...(measures !== "" && { measures }),
      metric: text("metric"),
      ...(op !== undefined && { op }),
      ...(baseline !== undefined && { baseline }),
      ...(target !== undefined && { target }),
      ...(text("unit") !== "" && { unit: text("unit") }),
      ...(deadline !== undefined && { deadline }),
      ...(deadline !== undefined &&
        text("deadlineSource") === DEADLINE_SOURCES.inferred && { deadlineInferred: true }),
      leadUnits: units.parseList(text("leadUnits")),
      coUnits: units.parseList(text("coUnits")),
      source: text("source"),
      ...(note !== undefined && { note }),
    };

    const written = trimmedText(sheet.value(row, "rowId"));
    let identity = hasIdColumn ? byId.get(written) : byNumber.get(fields.number.trim());
    // Sorting only the visible columns leaves the hidden IDs behind: the 编号 says whose row this is.
    const numberedAs = byNumber.get(fields.number.trim());
    if (
      identity &&
      numberedAs &&
      identity.number.trim() !== fields.number.trim() &&
      !known.has(numberedAs.id)
    ) {
      diagnostics.push(
        cellDiagnostic(
          "row-id-mismatch",
          "warning",
          grid.name,
          `第 ${row} 行的编号 ${fields.number} 与隐藏的行ID不一致（可能只对部分列排序），已按编号对应，请核对该行。`,
          sheet.address(row, "number"),
        ),
      );
      identity = numberedAs;
    }
    if (identity && !known.has(identity.id)) {
      if (!hasIdColumn) {
        diagnostics.push(
          cellDiagnostic(
            "row-matched-by-number",
            "info",
            grid.name,
            `第 ${fields.number} 项按编号对应到台账中的原有任务。`,
            sheet.address(row, "number"),
          ),
        );
      }
      known.set(identity.id, { id: identity.id, taskId: identity.taskId, docId: identity.docId, ...fields });
      continue;
    }
    // A line with neither a task nor an indicator (`注：…` under the table) is the office's note.
    if (!identity && !fields.task.trim() && !fields.metric.trim()) {
      diagnostics.push(
        cellDiagnostic(
          "note-row",
          "info",
          grid.name,
          `第 ${row} 行没有任务和指标，按说明文字看待，不作为任务读取（仍保留在表中）。`,
          sheet.address(row, "number"),
        ),
      );
      continue;
    }
    // A row people added, or copied from another (same ID twice): a new row with an ID of its own.
    const copied = identity !== undefined;
    const base = identity
      ? `${identity.id}-copy`
      : `${ledgerId}-M${shortHash(`${fields.number}|${fields.task}|${fields.metric}`)}`;
    const id = ids.unique(base);
    diagnostics.push(
      cellDiagnostic(
        copied ? "row-copied" : "row-added",
        "info",
        grid.name,
        copied
          ? `第 ${row} 行与另一行的行ID相同（可能是复制的行），已作为新增任务读取。`
          : `第 ${row} 行（${fields.task || fields.metric || fields.number}）是新增的任务，已分配新的行ID。`,
        sheet.address(row, "number"),
      ),
    );
    added.push({ id, taskId: id, docId: "", ...fields });
  }

  const missing = identities.filter((identity) => !known.has(identity.id));
  if (missing.length > 0) {
    diagnostics.push(
      cellDiagnostic(
        "row-removed",
        "warning",
        grid.name,
        `“${grid.name}”中少了 ${missing.length} 项任务（编号 ${missing.map((m) => m.number).join("、")}），可能被删除；其进度记录仍保留。`,
      ),
    );
  }
  const ordered = identities.flatMap((identity) => known.get(identity.id) ?? []);
  return { rows: [...ordered, ...added] };
}

/** A 期间 cell: `2024-Q3`, `2024年第三季度`, or a date Excel made of `2024-09`. */
function periodOf(value: GridValue): PeriodKey | undefined {
  if (value !== null && typeof value !== "string") {
    const iso = cellDate(value);
    return iso ? iso.slice(0, 7) : undefined;
  }
  return Period.parse(trimmedText(value))?.key;
}

const PROGRESS_INPUTS: readonly ProgressColumnKey[] = [
  "actual",
  "reportedStatus",
  "progress",
  "problems",
  "reportedBy",
  "reportedAt",
];

function readProgress(
  grid: SheetGrid,
  rows: readonly LedgerRow[],
  defaultPeriod: Period,
  diagnostics: ReadDiagnostic[],
): ProgressEntry[] | { error: string } {
  const map = findColumns<ProgressColumnKey>(grid, PROGRESS_COLUMNS, diagnostics);
  if (!map || !map.columns.has("period"))
    return { error: `“${grid.name}”中找不到表头（期间、编号、完成值……），无法读取进度。` };
  const sheet = new SheetReader(grid, map);
  const report = (
    code: DiagnosticCode,
    severity: Severity,
    row: number,
    key: ProgressColumnKey,
    message: string,
  ): void => {
    diagnostics.push(cellDiagnostic(code, severity, grid.name, message, sheet.address(row, key)));
  };
  const ids = new Set(rows.map((r) => r.id));
  // 编号 that name one row only; a 编号 two rows share identifies neither.
  const numbered = new Map<string, string | undefined>();
  for (const r of rows) {
    const key = r.number.trim();
    numbered.set(key, numbered.has(key) ? undefined : r.id);
  }
  const byNumber = new Map([...numbered].flatMap(([key, id]) => (id ? [[key, id] as const] : [])));
  const entries: ProgressEntry[] = [];
  for (let line = map.headerRow + 1; line <= grid.rows.length; line++) {
    // Lines nobody wrote in are the blank forms of the current period.
    if (sheet.isEmpty(line, PROGRESS_INPUTS)) continue;
    const text = (key: ProgressColumnKey): string => cellText(sheet.value(line, key));
    const progress = text("progress");

    // The visible 编号 and the hidden ID are checked against each other: sorting only the visible
    // columns moves the one and not the other, and then the 编号 is the row the numbers belong to.
    const written = trimmedText(sheet.value(line, "rowId"));
    const number = trimmedText(sheet.value(line, "number"));
    const byItsNumber = number ? byNumber.get(number) : undefined;
    let rowId = written;
    if (written && ids.has(written) && byItsNumber && byItsNumber !== written) {
      rowId = byItsNumber;
      report(
        "row-id-mismatch",
        "warning",
        line,
        "number",
        `第 ${line} 行的编号 ${number} 与隐藏的行ID不一致（可能只对部分列排序），已按编号对应，请核对该行。`,
      );
    } else if (!written || !ids.has(written)) {
      if (byItsNumber) {
        rowId = byItsNumber;
        const why = written ? `的行ID（${written}）不在任务清单中` : "没有行ID";
        report("row-matched-by-number", "info", line, "number", `第 ${line} 行${why}，已按编号对应到任务。`);
      } else {
        report(
          "progress-without-row",
          "warning",
          line,
          "rowId",
          `第 ${line} 行的进度对应不到任务清单中的任务（编号 ${number || "空"}），已原样保留，未计入统计；请核对编号。`,
        );
      }
    }

    const periodValue = sheet.value(line, "period");
    let period = periodOf(periodValue);
    if (!trimmedText(periodValue)) {
      period = defaultPeriod.key;
      report(
        "progress-without-period",
        "info",
        line,
        "period",
        `第 ${line} 行没有填写期间，按本期（${defaultPeriod.label}）读取。`,
      );
    } else if (!period) {
      period = trimmedText(periodValue);
      report(
        "unreadable-period",
        "warning",
        line,
        "period",
        `第 ${line} 行的期间“${period}”无法识别（应为 ${defaultPeriod.label} 的写法），已原样保留。`,
      );
    }

    let actual: number | undefined;
    let actualText: string | undefined;
    const actualValue = sheet.value(line, "actual");
    if (trimmedText(actualValue)) {
      const number = cellNumber(actualValue);
      if (number?.exact) actual = number.value;
      else {
        // `2024年9月完成1个` is no number: kept as sent, judged as a report without one.
        actualText = cellText(actualValue);
        report(
          "text-in-number",
          "warning",
          line,
          "actual",
          `第 ${line} 行完成值“${actualText}”不是数字，已原样保留，未按数字判定；请改为数字。`,
        );
      }
    }

    let status: Status | undefined;
    let statusText: string | undefined;
    const writtenStatus = trimmedText(sheet.value(line, "reportedStatus"));
    const reading = readStatusWord(writtenStatus);
    if (reading?.kind === "listed") status = reading.status;
    else if (reading) {
      // A word not on the list is kept as written and not counted as the status it may mean.
      statusText = reading.written;
      const guess = reading.kind === "synonym" ? `（可能是“${reading.status}”）` : "";
      report(
        "unknown-status",
        "warning",
        line,
        "reportedStatus",
        `第 ${line} 行填报状态“${reading.written}”不在列表中${guess}，已原样保留，未按该状态计；请从列表中选择。`,
      );
    }

    const reportedAtValue = sheet.value(line, "reportedAt");
    const reportedAt =
      typeof reportedAtValue === "string"
        ? readReportedAt(reportedAtValue.trim()) || undefined
        : cellDate(reportedAtValue);
    entries.push({
      rowId,
      period,
      ...(actual !== undefined && { actual }),
      ...(actualText !== undefined && { actualText }),
      ...(status !== undefined && { status }),
      ...(statusText !== undefined && { statusText }),
      progress,
      problems: text("problems"),
      reportedBy: text("reportedBy"),
      ...(reportedAt !== undefined && { reportedAt }),
    });
  }
  return entries;
}

/** The thresholds in the 设置 sheet, by their labels; what is missing or unreadable keeps its default. */
function readSettings(
  grid: SheetGrid | undefined,
  diagnostics: ReadDiagnostic[],
  defaults: { planStart: string; periodEnd: string; periodLabel: string },
): StatusOptions {
  const options: StatusOptions = { ...DEFAULT_STATUS_OPTIONS };
  if (!grid) return options;
  // The dates count only when someone changed them: then the formulas judge by them, and so do we.
  const dates: Record<string, { key: "planStart" | "periodEnd"; usual: string; note: string }> = {
    计划起始日: { key: "planStart", usual: defaults.planStart, note: "序时进度从该日算起" },
    本期期末: { key: "periodEnd", usual: defaults.periodEnd, note: `${defaults.periodLabel}按该日判定` },
  };
  grid.rows.forEach((cells, index) => {
    const label = trimmedText(cells?.[0] ?? null);
    const date = dates[label];
    if (!date) return;
    const iso = cellDate(cells?.[1] ?? null);
    if (!iso) {
      diagnostics.push(
        cellDiagnostic(
          "unreadable-setting",
          "warning",
          grid.name,
          `“${SHEET_NAMES.settings}”中“${label}”不是有效日期，按${date.usual}计算。`,
          cellAddress(index + 1, 2),
        ),
      );
      return;
    }
    if (iso === date.usual) return;
    options[date.key] = iso;
    diagnostics.push(
      cellDiagnostic(
        "changed-setting",
        "info",
        grid.name,
        `“${SHEET_NAMES.settings}”中的${label}已改为 ${iso}（原为 ${date.usual}），${date.note}。`,
        cellAddress(index + 1, 2),
      ),
    );
  });
  const labels: Record<
    string,
    "completeAt" | "paceTolerance" | "amberGap" | "dueSoonDays" | "carryCompletion" | "rankMinTasks"
  > = {
    完成阈值: "completeAt",
    序时容差: "paceTolerance",
    黄色预警幅度: "amberGap",
    临期提醒天数: "dueSoonDays",
    已完成后保持: "carryCompletion",
    [REPORT_SETTING_LABELS.rankMinTasks]: "rankMinTasks",
  };
  grid.rows.forEach((cells, index) => {
    const key = labels[trimmedText(cells?.[0] ?? null)];
    if (!key) return;
    const number = cellNumber(cells?.[1] ?? null);
    if (!number?.exact || number.value < 0) {
      diagnostics.push(
        cellDiagnostic(
          "unreadable-setting",
          "warning",
          grid.name,
          `“${SHEET_NAMES.settings}”中“${trimmedText(cells?.[0] ?? null)}”的值不是有效数字，按默认值计算。`,
          cellAddress(index + 1, 2),
        ),
      );
      return;
    }
    if (key === "carryCompletion") options.carryCompletion = number.value !== 0;
    else if (key === "dueSoonDays" || key === "rankMinTasks") options[key] = number.value;
    // A share is a fraction shown as a percentage; a reader may pass it on as "100%".
    else options[key] = trimmedText(cells?.[1] ?? null).endsWith("%") ? number.value / 100 : number.value;
  });
  return options;
}

/** 发文单位, 主送单位 and 通报范围 as the office typed them in 设置; empty cells say nothing. */
function readReportSettings(grid: SheetGrid | undefined): ReportSettings | undefined {
  if (!grid) return undefined;
  const keys: Record<string, keyof ReportSettings> = {
    [REPORT_SETTING_LABELS.issuer]: "issuer",
    [REPORT_SETTING_LABELS.recipients]: "recipients",
    [REPORT_SETTING_LABELS.scope]: "scope",
  };
  const settings: ReportSettings = {};
  for (const cells of grid.rows) {
    const key = keys[trimmedText(cells?.[0] ?? null)];
    const value = trimmedText(cells?.[1] ?? null);
    if (key && value !== "") settings[key] = value;
  }
  return Object.keys(settings).length > 0 ? settings : undefined;
}

/**
 * A 台账 workbook back into a Ledger: identity from `_duban`, rows from 任务清单, progress from
 * 进度填报. Columns are found by their headers and rows by their hidden IDs, so reordered rows and
 * columns and added columns read the same; what cannot be read as it should is kept and reported.
 */
export function readLedger(
  grids: readonly SheetGrid[],
  options: { units?: UnitDirectory } = {},
): ReadLedgerResult {
  const find = (name: string): SheetGrid | undefined => grids.find((g) => g.name.trim() === name);
  const metadata = readMetadata(find(SHEET_NAMES.metadata));
  if (!metadata.ok) return metadata;
  const meta = metadata.metadata;
  const diagnostics: ReadDiagnostic[] = [];

  const tasksGrid = find(SHEET_NAMES.tasks);
  if (!tasksGrid)
    return { ok: false, code: "missing-sheet", message: `台账缺少“${SHEET_NAMES.tasks}”表，无法读取任务。` };
  const units = (options.units ?? DEFAULT_UNITS).with(meta.unitAliases);
  const tasks = readTasks(tasksGrid, meta.id, meta.rows, units, diagnostics);
  if ("error" in tasks) return { ok: false, code: "missing-column", message: tasks.error };

  let progress: ProgressEntry[] = [];
  const progressGrid = find(SHEET_NAMES.progress);
  if (progressGrid) {
    const read = readProgress(progressGrid, tasks.rows, meta.period, diagnostics);
    if (!Array.isArray(read)) return { ok: false, code: "missing-column", message: read.error };
    progress = read;
  } else {
    diagnostics.push(
      cellDiagnostic(
        "missing-sheet",
        "warning",
        SHEET_NAMES.progress,
        `台账缺少“${SHEET_NAMES.progress}”表，未读取到进度。`,
      ),
    );
  }

  const reportSettings = readReportSettings(find(SHEET_NAMES.settings));
  return {
    ok: true,
    diagnostics,
    ledger: {
      ...(reportSettings && { reportSettings }),
      schemaVersion: meta.schemaVersion,
      id: meta.id,
      title: meta.title,
      year: meta.year,
      periodKind: meta.periodKind,
      period: meta.period,
      documents: meta.documents,
      unitAliases: units.extra,
      ...(meta.tableColumns.length > 0 && { tableColumns: meta.tableColumns }),
      statusOptions: readSettings(find(SHEET_NAMES.settings), diagnostics, {
        planStart: planStartOf(meta.documents[0], meta.year),
        periodEnd: meta.period.end,
        periodLabel: meta.period.label,
      }),
      rows: tasks.rows,
      progress: sortProgress(tasks.rows, progress),
    },
  };
}
