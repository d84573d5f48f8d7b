import type { Ledger, Status } from "../model";
import { PACE_RATE_WORD } from "../model";
import type { SectionRollup, StatusCounts, UnitRollup } from "../progress";
import { absoluteRange, columnLetter, displayWidth, formulaCell, rangeAddress } from "./cells";
import type { ProgressColumnKey } from "./columns";
import { PROGRESS_COLUMNS, SHEET_NAMES, columnOf, sectionLabel } from "./columns";
import { ALERT_AMBER, ALERT_RED, COLUMN_STYLES, STATUS_COLOURS, STYLES, a4Print } from "./styles";
import { SETTING_NAMES } from "./formulas";
import { rowHeight, wrappedLines } from "./text";
import type { CellValue, ColumnPlan, ConditionalFormatPlan, RowPlan, SheetPlan } from "./types";

/** The statuses counted in their own columns, in the order the 通报 names them. */
const COUNTED: readonly Status[] = ["已完成", "序时推进", "进度滞后", "逾期未完成", "未启动", "未报送"];

/** Columns: A name, B tasks, C–H the statuses, I 完成率, J 序时推进率, K 排名, L 配合任务. */
const TASKS = 2;
const FIRST_STATUS = 3;
const COMPLETE_RATE = FIRST_STATUS + COUNTED.length;
const PACE_RATE = COMPLETE_RATE + 1;
const RANK = PACE_RATE + 1;
const CO_TASKS = RANK + 1;
const COLUMN_COUNT = CO_TASKS;

const PERIOD_CELL = "$B$2";
/** Title, period and note, a blank row: the tables start below. */
const FIRST_TABLE_ROW = 4;

export interface SummaryInput {
  ledger: Ledger;
  /** The 进度填报 sheet as laid out, for the ranges the formulas count over. */
  progressSheet: SheetPlan;
  /** The core's figures for the ledger's period, in ranking order: the rows to list and their cached results. */
  units: readonly UnitRollup[];
  sections: readonly SectionRollup[];
  title: string;
  note: string;
}

interface ProgressRanges {
  period: string;
  status: string;
  /** 1 on the line a row's status is counted from, so shared rows count once. */
  counted: string;
  lead: string;
  co: string;
  section: string;
}

function progressRanges(sheet: SheetPlan): ProgressRanges {
  const first = sheet.table?.firstDataRow ?? 3;
  const last = Math.max(first, sheet.table?.lastDataRow ?? first);
  const range = (key: ProgressColumnKey): string =>
    absoluteRange(SHEET_NAMES.progress, columnOf(PROGRESS_COLUMNS, key), first, last);
  return {
    period: range("period"),
    status: range("judgedStatus"),
    counted: range("counted"),
    lead: range("leadUnits"),
    co: range("coUnits"),
    section: range("section"),
  };
}

/** 1 where a unit's name is one of the 、-separated names in a cell: FIND is exact and has no wildcards. */
function unitMatch(unitCell: string, unitsRange: string): string {
  return `ISNUMBER(FIND("、"&${unitCell}&"、","、"&${unitsRange}&"、"))`;
}

function rates(row: number, counts: StatusCounts | undefined): CellValue[] {
  const total = `$${columnLetter(TASKS)}${row}`;
  const complete = `${columnLetter(FIRST_STATUS)}${row}`;
  const onPace = `${columnLetter(FIRST_STATUS + 1)}${row}`;
  const has = counts !== undefined && counts.total > 0;
  return [
    formulaCell(`IF(${total}=0,"",${complete}/${total})`, has ? counts["已完成"] / counts.total : ""),
    formulaCell(
      `IF(${total}=0,"",(${complete}+${onPace})/${total})`,
      has ? (counts["已完成"] + counts["序时推进"]) / counts.total : "",
    ),
  ];
}

function unitRow(
  row: number,
  headerRow: number,
  rollup: UnitRollup,
  ranges: ProgressRanges,
  firstUnitRow: number,
  lastUnitRow: number,
): RowPlan {
  const match = unitMatch(`$A${row}`, ranges.lead);
  const inPeriod = `(${ranges.period}=${PERIOD_CELL})*(${ranges.counted}=1)`;
  const statusCells = COUNTED.map((status, i) => {
    const header = `${columnLetter(FIRST_STATUS + i)}$${headerRow}`;
    return formulaCell(`SUMPRODUCT(${inPeriod}*(${ranges.status}=${header})*${match})`, rollup.lead[status]);
  });
  const column = (n: number): string => columnLetter(n);
  const span = (n: number): string => `$${column(n)}$${firstUnitRow}:$${column(n)}$${lastUnitRow}`;
  const pace = `${column(PACE_RATE)}${row}`;
  const complete = `${column(COMPLETE_RATE)}${row}`;
  // Competition ranking (1, 1, 3) among units that lead enough rows: one plus the units strictly ahead.
  const minimum = `MAX(1,${SETTING_NAMES.rankMinTasks})`;
  const rank = formulaCell(
    `IF($${column(TASKS)}${row}<${minimum},"",1+SUMPRODUCT((${span(TASKS)}>=${minimum})*(((${span(PACE_RATE)}>${pace})+(${span(PACE_RATE)}=${pace})*(${span(COMPLETE_RATE)}>${complete}))>0)))`,
    rollup.rank ?? "",
  );
  return {
    cells: [
      rollup.unit,
      formulaCell(`SUMPRODUCT(${inPeriod}*(${ranges.status}<>"")*${match})`, rollup.lead.total),
      ...statusCells,
      ...rates(row, rollup.lead),
      rank,
      formulaCell(
        `SUMPRODUCT(${inPeriod}*(${ranges.status}<>"")*${unitMatch(`$A${row}`, ranges.co)})`,
        rollup.co.total,
      ),
    ],
    style: STYLES.body,
  };
}

function sectionRow(row: number, headerRow: number, rollup: SectionRollup, ranges: ProgressRanges): RowPlan {
  const inSection = `(${ranges.period}=${PERIOD_CELL})*(${ranges.counted}=1)*(${ranges.section}=$A${row})`;
  return {
    cells: [
      sectionLabel(rollup.section),
      formulaCell(`SUMPRODUCT(${inSection}*(${ranges.status}<>""))`, rollup.counts.total),
      ...COUNTED.map((status, i) =>
        formulaCell(
          `SUMPRODUCT(${inSection}*(${ranges.status}=${columnLetter(FIRST_STATUS + i)}$${headerRow}))`,
          rollup.counts[status],
        ),
      ),
      ...rates(row, rollup.counts),
    ],
    style: STYLES.body,
  };
}

function totalRow(
  row: number,
  firstRow: number,
  lastRow: number,
  sections: readonly SectionRollup[],
): RowPlan {
  const counts = sections.reduce<StatusCounts | undefined>((sum, s) => {
    if (!sum) return { ...s.counts };
    const next = { ...sum };
    next.total += s.counts.total;
    for (const status of COUNTED) next[status] += s.counts[status];
    return next;
  }, undefined);
  const sum = (column: number, value: number): CellValue =>
    formulaCell(`SUM(${rangeAddress(firstRow, column, lastRow, column)})`, value);
  return {
    cells: [
      "合计",
      sum(TASKS, counts?.total ?? 0),
      ...COUNTED.map((status, i) => sum(FIRST_STATUS + i, counts?.[status] ?? 0)),
      ...rates(row, counts),
    ],
    style: STYLES.total,
  };
}

function headerCells(first: string, second: string, withRank: boolean): CellValue[] {
  const cells: CellValue[] = [first, second, ...COUNTED, "完成率", PACE_RATE_WORD];
  return withRank ? [...cells, "排名", "配合任务"] : cells;
}

function alertFormats(firstRow: number, lastRow: number): ConditionalFormatPlan[] {
  const column = (status: Status): number => FIRST_STATUS + COUNTED.indexOf(status);
  const range = (status: Status): string => rangeAddress(firstRow, column(status), lastRow, column(status));
  return [
    { range: range("逾期未完成"), rules: [{ kind: "greaterThan", value: 0, style: ALERT_RED }] },
    { range: range("进度滞后"), rules: [{ kind: "greaterThan", value: 0, style: ALERT_AMBER }] },
    { range: range("未启动"), rules: [{ kind: "greaterThan", value: 0, style: ALERT_AMBER }] },
    { range: range("未报送"), rules: [{ kind: "greaterThan", value: 0, style: STATUS_COLOURS["未报送"] }] },
  ];
}

/** Wide enough for the longest name on one line (as wrappedLines measures), within reason. */
function nameColumnWidth(names: readonly string[]): number {
  const widest = Math.max(0, ...names.map(displayWidth));
  return Math.min(40, Math.max(14, Math.ceil(widest * 1.15) + 1));
}

/**
 * 单位汇总: per unit (the units it leads, ranked, and those it assists) and per 篇章, counts by
 * 判定状态 for the period in B2, as SUMPRODUCT formulas over 进度填报, so the sheet stays right when
 * someone edits statuses without Duban. Cached results are the core's own figures.
 */
export function summarySheet(input: SummaryInput): SheetPlan {
  const ranges = progressRanges(input.progressSheet);
  const nameWidth = nameColumnWidth([
    ...input.units.map((u) => u.unit),
    ...input.sections.map((s) => sectionLabel(s.section)),
  ]);
  const columns: ColumnPlan[] = [
    { key: "name", header: "单位", width: nameWidth, style: COLUMN_STYLES.text },
    { key: "tasks", header: "牵头任务", width: 9, style: COLUMN_STYLES.integer },
    ...COUNTED.map((status) => ({
      key: status,
      header: status,
      width: status.length > 4 ? 11 : 9,
      style: COLUMN_STYLES.integer,
    })),
    { key: "completeRate", header: "完成率", width: 9, style: COLUMN_STYLES.percent },
    { key: "paceRate", header: PACE_RATE_WORD, width: 11, style: COLUMN_STYLES.percent },
    { key: "rank", header: "排名", width: 7, style: COLUMN_STYLES.integer },
    { key: "coTasks", header: "配合任务", width: 9, style: COLUMN_STYLES.integer },
  ];
  const heightFor = (name: string): number => rowHeight(wrappedLines(name, nameWidth));

  const rows: RowPlan[] = [
    { cells: [input.title], style: STYLES.title, height: 30 },
    {
      cells: ["统计期间", input.ledger.period.label, input.note],
      style: STYLES.note,
      cellStyles: [
        undefined,
        { horizontal: "center", font: { bold: true, color: "1F1F1F" } },
        { wrap: true },
      ],
      height: rowHeight(2, 10),
    },
    { cells: [] },
  ];

  // The overall picture first: each 篇章 and the total, which fit on the first page.
  const sectionHeaderRow = FIRST_TABLE_ROW;
  rows.push({ cells: headerCells("篇章", "任务数", false), style: STYLES.header, height: rowHeight(1) + 4 });
  const firstSectionRow = sectionHeaderRow + 1;
  input.sections.forEach((rollup, i) => {
    rows.push({
      ...sectionRow(firstSectionRow + i, sectionHeaderRow, rollup, ranges),
      height: heightFor(sectionLabel(rollup.section)),
    });
  });
  const lastSectionRow = sectionHeaderRow + input.sections.length;
  rows.push(totalRow(lastSectionRow + 1, firstSectionRow, lastSectionRow, input.sections));
  rows.push({ cells: [] });

  // Then every unit, ranked; a long list flows onto the next pages.
  const unitHeaderRow = rows.length + 1;
  rows.push({ cells: headerCells("单位", "牵头任务", true), style: STYLES.header, height: rowHeight(1) + 4 });
  const firstUnitRow = unitHeaderRow + 1;
  const lastUnitRow = unitHeaderRow + input.units.length;
  input.units.forEach((rollup, i) => {
    const row = firstUnitRow + i;
    rows.push({
      ...unitRow(row, unitHeaderRow, rollup, ranges, firstUnitRow, lastUnitRow),
      height: heightFor(rollup.unit),
    });
  });
  // Spans the table, so the sentence reads on one line instead of wrapping in the name column.
  const noUnitsRow = input.units.length === 0 ? rows.length + 1 : undefined;
  if (noUnitsRow !== undefined) {
    rows.push({
      cells: ["台账中的任务都没有写明牵头单位，请在“任务清单”中补充后重新生成。"],
      style: { ...STYLES.note, wrap: false },
      height: rowHeight(1),
    });
  }

  return {
    name: SHEET_NAMES.summary,
    visibility: "visible",
    columns,
    rows,
    merges: [
      rangeAddress(1, 1, 1, COLUMN_COUNT),
      rangeAddress(2, 3, 2, COLUMN_COUNT),
      ...(noUnitsRow !== undefined ? [rangeAddress(noUnitsRow, 1, noUnitsRow, COLUMN_COUNT)] : []),
    ],
    // Two tables share the columns, so only the title, the period and the names stay in view.
    freeze: { rows: 2, columns: 1 },
    table: {
      headerRow: unitHeaderRow,
      firstDataRow: firstUnitRow,
      lastDataRow: Math.max(lastUnitRow, unitHeaderRow),
    },
    conditionalFormats: [
      ...(input.units.length > 0 ? alertFormats(firstUnitRow, lastUnitRow) : []),
      ...(input.sections.length > 0 ? alertFormats(firstSectionRow, lastSectionRow + 1) : []),
    ],
    print: a4Print("landscape", { first: unitHeaderRow, last: unitHeaderRow }),
    showGridLines: true,
  };
}
