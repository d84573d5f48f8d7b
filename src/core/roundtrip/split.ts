import type { Ledger, LedgerRow, Period, PeriodKey, ProgressEntry } from "../model";
import {
  DEFAULT_UNITS,
  REPORTABLE_STATUSES,
  REPORTABLE_STATUS_SENTENCE,
  chineseDate,
  dayNumber,
  isValidIsoDate,
  isoFromDayNumber,
  withoutInvisible,
} from "../model";
import { hasReport } from "../progress";
import { dateCell, rangeAddress } from "../sheets/cells";
import { metadataSheet } from "../sheets/metadata";
import { STYLES, a4Print, statusRules } from "../sheets/styles";
import { TEXT_STYLES, rowHeight, textSheetPlan, wrappedLines } from "../sheets/text";
import type { CellValue, ProtectionPlan, RowPlan, SheetPlan, WorkbookPlan } from "../sheets/types";
import type { FormColumnKey } from "./form";
import {
  FORM_COLUMNS,
  FORM_FIRST_DATA_ROW,
  FORM_HEADER_ROW,
  FORM_KIND,
  FORM_RECORDS,
  FORM_SHEET_NAMES,
} from "./form";

export interface SplitOptions {
  /** ISO date units must send their form back by; default five days after the period ends. */
  deadline?: string;
  /** Who the form goes back to, as the 填报说明 names it. */
  sendTo?: string;
  creator?: string;
}

export const DEFAULT_SEND_TO = "督查督办办公室";
/** Locked but for the input columns; people may still widen columns and rows to read. */
const FORM_PROTECTION: ProtectionPlan = {
  allowSort: false,
  allowAutoFilter: false,
  allowFormatColumns: true,
  allowFormatRows: true,
};
/** Pale yellow, Excel's own colour for cells to fill in. */
const INPUT_HEADER_FILL = "FFF2CC";
/** Days after the period's end units have to report by default, as offices usually allow. */
const DEFAULT_DAYS_TO_REPORT = 5;

export interface UnitForm {
  unit: string;
  /** `填报-2024-Q3-市卫生健康委.xlsx`, safe as a file name on Windows. */
  fileName: string;
  rowCount: number;
  plan: WorkbookPlan;
}

export type SplitResult =
  | { ok: true; period: Period; deadline: string; forms: UnitForm[] }
  | { ok: false; code: "invalid-period" | "invalid-deadline" | "no-units"; message: string };

/** A unit as the forms know it: two names that differ only by invisible characters are one unit. */
const unitKey = (unit: string): string => withoutInvisible(unit).trim();

/** Whether `units` names `unit`, invisible characters aside. */
export function namesUnit(units: readonly string[], unit: string): boolean {
  const key = unitKey(unit);
  return units.some((u) => unitKey(u) === key);
}

/** Every unit that leads or assists some row, in the order the ledger first names them. */
export function responsibleUnits(ledger: Pick<Ledger, "rows">): string[] {
  const units = new Set<string>();
  for (const row of ledger.rows)
    for (const unit of [...row.leadUnits, ...row.coUnits]) units.add(unitKey(unit));
  units.delete("");
  return [...units];
}

export function rowsOfUnit(ledger: Pick<Ledger, "rows">, unit: string): LedgerRow[] {
  const key = unitKey(unit);
  return ledger.rows.filter((row) => namesUnit(row.leadUnits, key) || namesUnit(row.coUnits, key));
}

/** Characters Windows forbids in file names, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE_IN_FILE_NAME = /[<>:"/\\|?*\u0000-\u001f]/g;
const MAX_UNIT_IN_FILE_NAME = 60;

/**
 * `填报-2024年第三季度-<unit>.xlsx` with anything Windows refuses replaced and invisible characters
 * (a reversing U+202E would make the name display backwards) removed; the prefix rules out CON, NUL…
 */
export function formFileName(period: Period, unit: string): string {
  const safeUnit = withoutInvisible(unit)
    .replace(UNSAFE_IN_FILE_NAME, "_")
    .slice(0, MAX_UNIT_IN_FILE_NAME)
    .replace(/[. ]+$/, "");
  return `填报-${period.label}-${safeUnit || "_"}.xlsx`;
}

/** Names made unique: two units that differ only in unsafe characters get `-2`, `-3`… */
function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++)
      candidate = name.replace(/\.xlsx$/, `-${n}.xlsx`);
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function itemText(row: LedgerRow): string {
  return row.metric ? `${row.task}：${row.metric}` : row.task;
}

/** The report that counts for a row in a period: the last one with something in it. */
function lastReport(
  entries: readonly ProgressEntry[],
  rowId: string,
  period: PeriodKey,
): ProgressEntry | undefined {
  let found: ProgressEntry | undefined;
  for (const entry of entries)
    if (entry.rowId === rowId && entry.period === period && hasReport(entry)) found = entry;
  return found;
}

function formLine(
  row: LedgerRow,
  unit: string,
  previous: ProgressEntry | undefined,
  own: ProgressEntry | undefined,
): Record<FormColumnKey, CellValue> {
  return {
    number: row.number,
    item: itemText(row),
    role: namesUnit(row.leadUnits, unit) ? "牵头" : "配合",
    leadUnits: DEFAULT_UNITS.format(row.leadUnits),
    coUnits: DEFAULT_UNITS.format(row.coUnits),
    target: row.target ?? null,
    baseline: row.baseline ?? null,
    unit: row.unit ?? null,
    deadline: row.deadline ? dateCell(row.deadline) : null,
    previousActual: previous?.actual ?? null,
    previousStatus: previous?.status ?? null,
    previousProgress: previous?.progress || null,
    // What the unit already sent this period, so a form sent again starts from it.
    actual: own?.actual ?? own?.actualText ?? null,
    reportedStatus: own?.status ?? own?.statusText ?? null,
    progress: own?.progress || null,
    problems: own?.problems || null,
    rowId: row.id,
  };
}

function progressSheet(ledger: Ledger, unit: string, period: Period, rows: readonly LedgerRow[]): SheetPlan {
  const previous = period.previous().key;
  const dataRows = rows.map((row): RowPlan => {
    const line = formLine(
      row,
      unit,
      lastReport(ledger.progress, row.id, previous),
      ledger.progress.find(
        (e) => e.rowId === row.id && e.period === period.key && e.reportedBy.trim() === unit,
      ),
    );
    let lines = 1;
    for (const column of FORM_COLUMNS) {
      const value = line[column.key];
      if (column.style?.wrap && typeof value === "string")
        lines = Math.max(lines, wrappedLines(value, column.width));
    }
    return { cells: FORM_COLUMNS.map((c) => line[c.key]), style: STYLES.body, height: rowHeight(lines) };
  });
  const lastRow = FORM_HEADER_ROW + Math.max(1, dataRows.length);
  const columnRange = (key: FormColumnKey): string => {
    const column = FORM_COLUMNS.findIndex((c) => c.key === key) + 1;
    return rangeAddress(FORM_FIRST_DATA_ROW, column, lastRow, column);
  };
  const visibleColumns = FORM_COLUMNS.filter((c) => !c.hidden).length;
  const title = `${unit}重点任务进度填报（${period.label}，完成值填截至本期末的累计数）`;
  return {
    name: FORM_SHEET_NAMES.progress,
    visibility: "visible",
    columns: FORM_COLUMNS,
    rows: [
      // Headers stay locked even above the input columns, so the reader can find them again.
      {
        cells: [title, ...Array<CellValue>(FORM_COLUMNS.length - 1).fill(null)],
        style: { ...STYLES.title, locked: true },
        height: 30,
      },
      {
        cells: FORM_COLUMNS.map((c) => c.header),
        style: { ...STYLES.header, locked: true },
        // The columns to fill stand out, as the 填报说明 says.
        cellStyles: FORM_COLUMNS.map((c) => (c.input ? { fill: INPUT_HEADER_FILL } : undefined)),
        height: 32,
      },
      ...dataRows,
    ],
    merges: [rangeAddress(1, 1, 1, visibleColumns)],
    freeze: { rows: FORM_HEADER_ROW, columns: 2 },
    table: {
      headerRow: FORM_HEADER_ROW,
      firstDataRow: FORM_FIRST_DATA_ROW,
      lastDataRow: FORM_HEADER_ROW + dataRows.length,
    },
    conditionalFormats: [
      { range: columnRange("reportedStatus"), rules: statusRules() },
      { range: columnRange("previousStatus"), rules: statusRules() },
    ],
    validations: [
      {
        kind: "list",
        range: columnRange("reportedStatus"),
        values: [...REPORTABLE_STATUSES],
        allowBlank: true,
        strict: true,
        prompt: { title: "状态", message: "请从下拉列表中选择本期状态。" },
        error: {
          title: "状态无效",
          message: `请从下拉列表中选择：${REPORTABLE_STATUS_SENTENCE}。`,
        },
      },
    ],
    print: a4Print("landscape", { first: FORM_HEADER_ROW, last: FORM_HEADER_ROW }),
    protection: FORM_PROTECTION,
    showGridLines: true,
  };
}

function instructionsSheet(
  ledger: Ledger,
  unit: string,
  period: Period,
  rows: readonly LedgerRow[],
  deadline: string,
  sendTo: string,
): SheetPlan {
  const leads = rows.filter((r) => namesUnit(r.leadUnits, unit)).length;
  const body = (text: string): { text: string; style: typeof TEXT_STYLES.body } => ({
    text,
    style: TEXT_STYLES.body,
  });
  const sheet = textSheetPlan(
    FORM_SHEET_NAMES.instructions,
    [
      { text: `${ledger.title}\n重点任务进度填报说明`, style: TEXT_STYLES.title },
      { ...body(`填报单位：${unit}`), spaceBefore: 12 },
      body(`填报期间：${period.label}（完成值填截至本期末的累计数）`),
      body(`任务数量：${rows.length}项（牵头${leads}项，配合${rows.length - leads}项）`),
      body(`报送时限：请于${chineseDate(deadline)}前报送。`),
      body(`报送方式：填写完毕后保存本文件（保持 .xlsx 格式），发送至${sendTo}。`),
      {
        text: "填写要求：",
        style: { ...TEXT_STYLES.body, font: { ...TEXT_STYLES.body.font, bold: true } },
        spaceBefore: 8,
      },
      body(
        "1. 请在“进度填报”表中填写表头为黄色的四列：完成值（截至本期末的累计数，只填数字）、状态（从下拉列表中选择）、进展情况、存在问题。其余各列已锁定。",
      ),
      body("2. “上期完成值”“上期状态”“上期进展情况”是上一期汇总的结果，仅供参考。"),
      body("3. 配合单位请填写本单位承担部分的进展；牵头单位填写的完成值用于判定任务状态。"),
      body("4. 请勿删除行、修改表头或删除隐藏的数据表，否则可能无法汇总；调整行的顺序不影响汇总。"),
      body("5. 单元格中以“=”等符号开头的内容按文字保存，不会作为公式计算。"),
    ],
    { width: 80 },
  );
  return { ...sheet, protection: FORM_PROTECTION };
}

/** `_duban` of the form: the ledger's identity with the period and rows of this form, and the unit. */
function formMetadata(ledger: Ledger, unit: string, period: Period, rows: LedgerRow[]): SheetPlan {
  const sheet = metadataSheet({ ...ledger, period, rows });
  return {
    ...sheet,
    rows: [...sheet.rows, { cells: [FORM_RECORDS.form, FORM_KIND] }, { cells: [FORM_RECORDS.unit, unit] }],
  };
}

export function unitFormPlan(
  ledger: Ledger,
  unit: string,
  period: Period,
  deadline: string,
  options: SplitOptions = {},
): WorkbookPlan {
  const rows = rowsOfUnit(ledger, unit);
  return {
    title: `${ledger.title}（${unit}进度填报）`,
    creator: options.creator ?? "Duban 督办台账",
    sheets: [
      instructionsSheet(ledger, unit, period, rows, deadline, options.sendTo ?? DEFAULT_SEND_TO),
      progressSheet(ledger, unit, period, rows),
      formMetadata(ledger, unit, period, rows),
    ],
    recalculateOnOpen: false,
  };
}

/** 分发: one 填报 workbook per responsible unit, holding only the rows it leads or assists. */
export function splitLedger(ledger: Ledger, period: Period, options: SplitOptions = {}): SplitResult {
  if (period.kind !== ledger.periodKind) {
    const example = ledger.periodKind === "month" ? `${ledger.year}年9月` : `${ledger.year}年第三季度`;
    return {
      ok: false,
      code: "invalid-period",
      message: `这份台账按${ledger.periodKind === "month" ? "月" : "季度"}跟踪，不能按“${period.label}”分发；请写成“${example}”这样的期间。`,
    };
  }
  const deadline = options.deadline ?? isoFromDayNumber(dayNumber(period.end) + DEFAULT_DAYS_TO_REPORT);
  if (!isValidIsoDate(deadline)) {
    return {
      ok: false,
      code: "invalid-deadline",
      message: `报送时限“${deadline}”不是有效日期，请写成 2024-10-05 的形式。`,
    };
  }
  const units = responsibleUnits(ledger);
  if (units.length === 0) {
    return {
      ok: false,
      code: "no-units",
      message: "台账中的任务都没有写明牵头或配合单位，无法分发。请先在“任务清单”中补充责任单位。",
    };
  }
  const names = uniqueNames(units.map((unit) => formFileName(period, unit)));
  return {
    ok: true,
    period,
    deadline,
    forms: units.map((unit, index) => ({
      unit,
      fileName: names[index] ?? formFileName(period, unit),
      rowCount: rowsOfUnit(ledger, unit).length,
      plan: unitFormPlan(ledger, unit, period, deadline, options),
    })),
  };
}
