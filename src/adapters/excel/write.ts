/// <reference types="office-js" />
/**
 * WorkbookPlan → the open workbook, through Office.js. Draws what the ExcelJS writer draws from the
 * same plan, in as few requests as the bytes allow: one sync to look at the workbook, then every
 * call packed into requests under the payload budget (see batches.ts). Values go as one 2-D write
 * per sheet, columns of like formulas as one AutoFill (fill.ts), formats per column and per block of
 * rows that share a style, never per cell.
 *
 * Sheets the plan names replace sheets of those names: the old ones are renamed aside first, so
 * that if Excel refuses something halfway the writer can put them back as they were.
 */
import type {
  CellStyle,
  KeptAdditions,
  ConditionalRule,
  ListValidationPlan,
  PrintPlan,
  ProtectionPlan,
  RowMove,
  SheetCarry,
  SheetGrid,
  SheetPlan,
  WorkbookPlan,
} from "../../core/sheets";
import {
  UNPLACED_HEADING,
  carriesAnything,
  carryOver,
  keepsOverPlaceholder,
  columnLetter,
  mergeStyles,
  rangeAddress,
  sheetReference,
} from "../../core/sheets";
import type { Call, Work } from "./batches";
import { CALL_BYTES, DEFAULT_REQUEST_BUDGET_BYTES, jsonBytes, packBatches } from "./batches";
import type { ExcelCapabilities, SkippedFeature } from "./capabilities";
import { skippedFeatures, valuesOnlyFeature } from "./capabilities";
import type { CellEntry } from "./entries";
import { cellEntry } from "./entries";
import type { FillRun } from "./fill";
import { fillRuns, runAddress } from "./fill";
import type { FormatCall, RangeShape } from "./format";
import { columnWidthPoints, styleCalls } from "./format";
import { readSheetGrids } from "./read";

export interface WriteProgress {
  /** Requests sent so far, the look at the workbook included. */
  done: number;
  total: number;
}

export interface WriteOptions {
  /** Bytes one request may carry; default 4,000,000, under Excel on the web's 5 MB limit. */
  requestBudgetBytes?: number;
  /** Called after every request, for a progress bar. */
  onProgress?: (progress: WriteProgress) => void;
}

export type WriteFailureCode = "unsupported-excel" | "excel-error";

export type WriteResult =
  | {
      ok: true;
      /** What this Excel could not set; the pane lists the messages. */
      skipped: SkippedFeature[];
      /** Sheets of the same names that were there before and were replaced. */
      replacedSheets: string[];
      /** What the office had added to the replaced sheets and the writer put back. */
      kept: KeptAdditions;
      /** The empty sheet of a new workbook (`Sheet1`), removed so the ledger stands alone. */
      removedBlankSheet?: string;
      /** Estimated bytes of each request after the first look at the workbook, for benches and logs. */
      requestBytes: number[];
    }
  | {
      ok: false;
      code: WriteFailureCode;
      message: string;
      /** Whether the workbook is as it was before the write (partly written sheets removed, old ones back). */
      restored: boolean;
    };

/** Renamed-aside sheets are called this, numbered; the name says where they come from if one is left behind. */
const ASIDE_PREFIX = "Duban旧表";

/** A worksheet the writer adds; calls made before the add is queued would be a bug, so they throw. */
class SheetHandle {
  private worksheet: Excel.Worksheet | undefined;

  constructor(readonly name: string) {}

  add(worksheets: Excel.WorksheetCollection): void {
    this.worksheet = worksheets.add(this.name);
  }

  get sheet(): Excel.Worksheet {
    if (!this.worksheet) throw new Error(`工作表“${this.name}”尚未添加。`);
    return this.worksheet;
  }
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A call on a range of `handle`'s sheet: getRange plus the calls on it. */
function rangeCall(handle: SheetHandle, address: string, calls: readonly FormatCall[]): Call {
  return {
    bytes: CALL_BYTES + jsonBytes(address) + calls.reduce((sum, c) => sum + c.bytes, 0),
    queue: () => {
      const range = handle.sheet.getRange(address);
      for (const c of calls) c.apply(range);
    },
  };
}

function styledRange(
  handle: SheetHandle,
  address: string,
  style: CellStyle,
  shape: RangeShape,
): Call | undefined {
  const calls = styleCalls(style, shape);
  return calls.length > 0 ? rangeCall(handle, address, calls) : undefined;
}

/**
 * Every cell as Office.js is to type it, rows padded to one width so the write is rectangular. The
 * cells an AutoFill draws are left out (null leaves a cell as it is) and filled after the write.
 */
function valueWork(handle: SheetHandle, sheet: SheetPlan, fills: readonly FillRun[]): Work[] {
  const width = sheet.rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0);
  if (width === 0) return [];
  const entries: CellEntry[][] = sheet.rows.map((row) => {
    const cells: CellEntry[] = row.cells.map(cellEntry);
    while (cells.length < width) cells.push(null);
    return cells;
  });
  for (const run of fills) {
    for (let row = run.firstRow + 1; row <= run.lastRow; row++) {
      const cells = entries[row - 1];
      if (cells) cells[run.column - 1] = null;
    }
  }
  const write: Work = {
    rowBytes: entries.map((row) => jsonBytes(row) + 1),
    block: (first, count) => () => {
      const address = rangeAddress(first + 1, 1, first + count, width);
      handle.sheet.getRange(address).formulas = entries.slice(first, first + count);
    },
  };
  const fill = (run: FillRun): Call => {
    const source = rangeAddress(run.firstRow, run.column, run.firstRow, run.column);
    const destination = runAddress(run);
    return {
      bytes: 2 * CALL_BYTES + jsonBytes([source, destination]),
      // Before any format is set: FillCopy carries the source's formats too, and the sheet's own come after.
      queue: () => handle.sheet.getRange(source).autoFill(destination, "FillCopy"),
    };
  };
  return [write, ...fills.map(fill)];
}

/** Width, visibility and data format of each column, on the whole column as ExcelJS sets a column style. */
function columnWork(handle: SheetHandle, sheet: SheetPlan): Call[] {
  return sheet.columns.map((column, index) => {
    const letter = columnLetter(index + 1);
    // Input columns stay editable on a protected sheet.
    const style =
      sheet.protection && column.input ? mergeStyles(column.style, { locked: false }) : (column.style ?? {});
    const points = columnWidthPoints(column.width);
    const calls = [
      { bytes: CALL_BYTES, apply: (r: Excel.Range) => (r.format.columnWidth = points) },
      ...(column.hidden ? [{ bytes: CALL_BYTES, apply: (r: Excel.Range) => (r.columnHidden = true) }] : []),
      ...styleCalls(style, { rows: 2, columns: 1 }),
    ];
    return rangeCall(handle, `${letter}:${letter}`, calls);
  });
}

/** Row styles by block: consecutive rows sharing one style object and one width take one range. */
function rowStyleWork(handle: SheetHandle, sheet: SheetPlan): Call[] {
  const work: Call[] = [];
  let start = 0;
  for (let index = 1; index <= sheet.rows.length; index++) {
    const first = sheet.rows[start];
    const next = sheet.rows[index];
    if (next && first && next.style === first.style && next.cells.length === first.cells.length) continue;
    if (first?.style && first.cells.length > 0) {
      const shape = { rows: index - start, columns: first.cells.length };
      const address = rangeAddress(start + 1, 1, index, shape.columns);
      const call = styledRange(handle, address, first.style, shape);
      if (call) work.push(call);
    }
    start = index;
  }
  return work;
}

/** The sparse per-cell styles, on top of column and row. */
function cellStyleWork(handle: SheetHandle, sheet: SheetPlan): Call[] {
  const work: Call[] = [];
  sheet.rows.forEach((row, rowIndex) => {
    row.cellStyles?.forEach((style, columnIndex) => {
      if (!style) return;
      const address = rangeAddress(rowIndex + 1, columnIndex + 1, rowIndex + 1, columnIndex + 1);
      const call = styledRange(handle, address, style, { rows: 1, columns: 1 });
      if (call) work.push(call);
    });
  });
  return work;
}

/** The height most rows have, when every row has one: set once for the whole sheet. */
function commonHeight(rows: SheetPlan["rows"]): number | undefined {
  const counts = new Map<number, number>();
  for (const { height } of rows) {
    if (height === undefined) return undefined;
    counts.set(height, (counts.get(height) ?? 0) + 1);
  }
  let common: number | undefined;
  for (const [height, count] of counts)
    if (common === undefined || count > (counts.get(common) ?? 0)) common = height;
  return common;
}

/**
 * Row heights: the common height for all rows in one call, then runs of consecutive rows of
 * another height; rows without a height are left for Excel to fit.
 */
function rowHeightWork(handle: SheetHandle, sheet: SheetPlan): Call[] {
  const rowHeight = (address: string, height: number): Call =>
    rangeCall(handle, address, [{ bytes: CALL_BYTES, apply: (r) => (r.format.rowHeight = height) }]);
  const common = commonHeight(sheet.rows);
  const work: Call[] = common === undefined ? [] : [rowHeight(`1:${sheet.rows.length}`, common)];
  let start = 0;
  for (let index = 1; index <= sheet.rows.length; index++) {
    const height = sheet.rows[start]?.height;
    if (index < sheet.rows.length && sheet.rows[index]?.height === height) continue;
    if (height !== undefined && height !== common) work.push(rowHeight(`${start + 1}:${index}`, height));
    start = index;
  }
  return work;
}

function sheetCall(handle: SheetHandle, bytes: number, apply: (sheet: Excel.Worksheet) => void): Call {
  return { bytes: CALL_BYTES + bytes, queue: () => apply(handle.sheet) };
}

function freezeWork(handle: SheetHandle, freeze: NonNullable<SheetPlan["freeze"]>): Call | undefined {
  const { rows, columns } = freeze;
  if (rows > 0 && columns > 0) {
    const address = rangeAddress(1, 1, rows, columns);
    return sheetCall(handle, jsonBytes(address), (s) => s.freezePanes.freezeAt(address));
  }
  if (rows > 0) return sheetCall(handle, 8, (s) => s.freezePanes.freezeRows(rows));
  if (columns > 0) return sheetCall(handle, 8, (s) => s.freezePanes.freezeColumns(columns));
  return undefined;
}

/** `cellIs` rules as ExcelJS writes them: equal to a text, or greater than a number. */
function conditionalRule(rule: ConditionalRule): Excel.ConditionalCellValueRule {
  return rule.kind === "textEquals"
    ? { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: "EqualTo" }
    : { formula1: `=${rule.value}`, operator: "GreaterThan" };
}

function conditionalWork(handle: SheetHandle, range: string, rule: ConditionalRule): Call {
  const cellRule = conditionalRule(rule);
  const { fill, fontColor, bold } = rule.style;
  return sheetCall(handle, 4 * CALL_BYTES + jsonBytes([range, cellRule, rule.style]), (sheet) => {
    const format = sheet.getRange(range).conditionalFormats.add("CellValue").cellValue;
    format.rule = cellRule;
    if (fill) format.format.fill.color = `#${fill}`;
    if (fontColor) format.format.font.color = `#${fontColor}`;
    if (bold) format.format.font.bold = true;
  });
}

function validationWork(handle: SheetHandle, plan: ListValidationPlan): Call {
  const rule: Excel.DataValidationRule = { list: { inCellDropDown: true, source: plan.values.join(",") } };
  const errorAlert: Excel.DataValidationErrorAlert = {
    showAlert: true,
    style: plan.strict ? "Stop" : "Warning",
    title: plan.error?.title ?? "",
    message: plan.error?.message ?? "",
  };
  const prompt: Excel.DataValidationPrompt | undefined = plan.prompt && {
    showPrompt: true,
    title: plan.prompt.title,
    message: plan.prompt.message,
  };
  return sheetCall(handle, 4 * CALL_BYTES + jsonBytes([plan.range, rule, errorAlert, prompt]), (sheet) => {
    const validation = sheet.getRange(plan.range).dataValidation;
    validation.rule = rule;
    validation.ignoreBlanks = plan.allowBlank;
    validation.errorAlert = errorAlert;
    if (prompt) validation.prompt = prompt;
  });
}

function pageLayoutWork(handle: SheetHandle, print: PrintPlan): Call {
  return sheetCall(handle, 12 * CALL_BYTES + jsonBytes(print), (sheet) => {
    const layout = sheet.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    // One page wide, as many tall as the rows need (0 = automatic, as `fitToHeight="0"` in the file).
    if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.topMargin = print.margins.top;
    layout.bottomMargin = print.margins.bottom;
    layout.leftMargin = print.margins.left;
    layout.rightMargin = print.margins.right;
    layout.headerMargin = print.margins.header;
    layout.footerMargin = print.margins.footer;
    layout.centerHorizontally = print.centerHorizontally;
    if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.first}:$${print.repeatRows.last}`);
    if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
  });
}

function protectionWork(handle: SheetHandle, protection: ProtectionPlan): Call {
  const options: Excel.WorksheetProtectionOptions = {
    allowSort: protection.allowSort,
    allowAutoFilter: protection.allowAutoFilter,
    allowFormatColumns: protection.allowFormatColumns,
    allowFormatRows: protection.allowFormatRows,
  };
  return sheetCall(handle, jsonBytes([options, protection.password ?? ""]), (sheet) =>
    sheet.protection.protect(options, protection.password),
  );
}

function autoFilterWork(handle: SheetHandle, range: string | undefined): Call | undefined {
  return range === undefined
    ? undefined
    : sheetCall(handle, jsonBytes(range), (s) => s.autoFilter.apply(range));
}

function tabColorWork(handle: SheetHandle, rgb: string | undefined): Call | undefined {
  return rgb === undefined ? undefined : sheetCall(handle, 10, (s) => (s.tabColor = `#${rgb}`));
}

/** Everything one sheet needs except visibility and protection, which come once all sheets are drawn. */
function sheetWork(handle: SheetHandle, sheet: SheetPlan, capabilities: ExcelCapabilities): Work[] {
  const work: (Work | undefined)[] = [
    ...valueWork(handle, sheet, capabilities.autoFill ? fillRuns(sheet) : []),
    // Columns first: rows and cells then override what the column sets, field by field.
    ...columnWork(handle, sheet),
    ...rowStyleWork(handle, sheet),
    ...cellStyleWork(handle, sheet),
    ...rowHeightWork(handle, sheet),
    ...(sheet.merges ?? []).map((address) =>
      sheetCall(handle, jsonBytes(address), (s) => s.getRange(address).merge(false)),
    ),
    sheet.freeze && freezeWork(handle, sheet.freeze),
    // Rules of one range exclude each other (one status each), so their order does not matter.
    ...(sheet.conditionalFormats ?? []).flatMap((format) =>
      format.rules.map((rule) => conditionalWork(handle, format.range, rule)),
    ),
    ...(capabilities.dataValidation ? (sheet.validations ?? []) : []).map((plan) =>
      validationWork(handle, plan),
    ),
    sheet.print && capabilities.pageLayout ? pageLayoutWork(handle, sheet.print) : undefined,
    capabilities.autoFilter ? autoFilterWork(handle, sheet.autoFilter) : undefined,
    sheet.showGridLines === false && capabilities.gridlines
      ? sheetCall(handle, 8, (s) => (s.showGridlines = false))
      : undefined,
    tabColorWork(handle, sheet.tabColor),
  ];
  return work.filter((w): w is Work => w !== undefined);
}

const VISIBILITY: Record<
  SheetPlan["visibility"],
  Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden"
> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

interface ExistingSheet {
  sheet: Excel.Worksheet;
  name: string;
  visibility: string;
}

/** A replaced sheet's additions, with the sheet they are copied from before it is deleted. */
interface Carried {
  carry: SheetCarry;
  grid: SheetGrid;
  from: Excel.Worksheet;
}

/** Consecutive runs of moves that keep their distance, so each run is one range copy. */
function runsOf<T extends { from: number; to: number }>(
  moves: readonly T[],
): { from: number; to: number; count: number }[] {
  const runs: { from: number; to: number; count: number }[] = [];
  for (const { from, to } of [...moves].sort((a, b) => a.to - b.to)) {
    const last = runs[runs.length - 1];
    if (last && from === last.from + last.count && to === last.to + last.count) last.count++;
    else runs.push({ from, to, count: 1 });
  }
  return runs;
}

/**
 * Copies the office's added columns, rows below the table and unplaced cells from the old sheet
 * into the new one: with their formulas (rows moved as Excel moves them) and formats where this
 * Excel copies ranges, their values otherwise.
 */
function carryWork(handle: SheetHandle, { carry, grid, from }: Carried, copyCells: boolean): Call[] {
  const blocks: {
    rows: { from: number; to: number; count: number };
    columns: { from: number; to: number; count: number };
  }[] = [];
  const addedColumns = runsOf(carry.added);
  for (const rows of runsOf<RowMove>([...carry.rows, ...carry.unplaced])) {
    for (const columns of addedColumns) blocks.push({ rows, columns });
  }
  const width = Math.max(0, ...carry.below.map((m) => grid.rows[m.from - 1]?.length ?? 0));
  if (width > 0) {
    for (const rows of runsOf(carry.below)) blocks.push({ rows, columns: { from: 1, to: 1, count: width } });
  }
  const address = (row: number, column: number, rows: number, columns: number): string =>
    rangeAddress(row, column, row + rows - 1, column + columns - 1);
  const calls = blocks.map(({ rows, columns }): Call => {
    const source = address(rows.from, columns.from, rows.count, columns.count);
    const target = address(rows.to, columns.to, rows.count, columns.count);
    if (copyCells) {
      return {
        bytes: 2 * CALL_BYTES + jsonBytes([source, target]),
        queue: () => handle.sheet.getRange(target).copyFrom(from.getRange(source), "All"),
      };
    }
    const values = Array.from({ length: rows.count }, (_, r) =>
      Array.from({ length: columns.count }, (_, c) =>
        cellEntry(grid.rows[rows.from + r - 1]?.[columns.from + c - 1] ?? null),
      ),
    );
    return {
      bytes: CALL_BYTES + jsonBytes([target, values]),
      queue: () => (handle.sheet.getRange(target).formulas = values),
    };
  });
  if (carry.unplacedHeadingRow > 0) {
    const heading = rangeAddress(carry.unplacedHeadingRow, 1, carry.unplacedHeadingRow, 1);
    calls.push({
      bytes: CALL_BYTES + jsonBytes([heading, UNPLACED_HEADING]),
      queue: () => (handle.sheet.getRange(heading).values = [[UNPLACED_HEADING]]),
    });
  }
  return calls;
}

/** A formula on an office's own sheet that reads a sheet the writer replaces. */
interface ReadingFormula {
  sheet: Excel.Worksheet;
  address: string;
  formula: string;
}

/** Whether `formula` reads one of `sheets`. */
function readsSheet(formula: string, sheets: readonly string[]): boolean {
  return sheets.some((name) => sheetReference(name).test(formula));
}

interface Aside {
  original: string;
  aside: string;
}

function deleteCall(existing: ExistingSheet): Call {
  return {
    bytes: 2 * CALL_BYTES,
    queue: () => {
      // Excel refuses to delete a veryHidden sheet.
      if (existing.visibility === "VeryHidden") existing.sheet.visibility = "Hidden";
      existing.sheet.delete();
    },
  };
}

function errorText(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message}（${code}）` : message;
}

/**
 * After a failed write: removes the sheets the writer added and gives the renamed-aside sheets their
 * names back. Looks at the workbook first, since a failed request may have run in part.
 */
async function restore(
  context: Excel.RequestContext,
  planNames: readonly string[],
  asides: readonly Aside[],
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const find = (name: string): Excel.Worksheet | undefined =>
    worksheets.items.find((sheet) => sameName(sheet.name, name));
  for (const name of planNames) {
    const sheet = find(name);
    if (!sheet) continue;
    const aside = asides.find((a) => sameName(a.original, name));
    // Not renamed aside yet: this is still the original sheet.
    if (aside && !find(aside.aside)) continue;
    if (sheet.visibility === "VeryHidden") sheet.visibility = "Hidden";
    sheet.delete();
  }
  for (const { original, aside } of asides) {
    const sheet = find(aside);
    if (sheet) sheet.name = original;
  }
  await context.sync();
}

/** What the first sync finds: sheets the plan replaces, and a new workbook's empty sheet. */
interface Inspection {
  replaced: ExistingSheet[];
  asides: Aside[];
  blank: ExistingSheet | undefined;
  /** Workbook names the plan defines again (an earlier ledger's settings), to be replaced. */
  names: string[];
  /** Placeholder sheets the workbook already has a real one of (the latest 通报): left as they are. */
  keptPlaceholders: string[];
  /** The office's own sheets. */
  office: Excel.Worksheet[];
  /** Every sheet as it was, in tab order. */
  existing: ExistingSheet[];
}

async function inspect(
  context: Excel.RequestContext,
  planNames: readonly string[],
  definedNames: readonly string[],
): Promise<Inspection> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const names = context.workbook.names;
  names.load("items/name");
  const activeUsedRange = worksheets.getActiveWorksheet().getUsedRangeOrNullObject();
  await context.sync();

  const inPlan = (name: string): boolean => planNames.some((p) => sameName(p, name));
  const existing: ExistingSheet[] = worksheets.items.map((sheet) => ({
    sheet,
    name: sheet.name,
    visibility: sheet.visibility,
  }));
  const replaced = existing.filter((e) => inPlan(e.name));
  const taken = new Set(
    [...existing, ...planNames.map((name) => ({ name }))].map((e) => e.name.toLowerCase()),
  );
  const asides: Aside[] = [];
  let serial = 1;
  for (const { name } of replaced) {
    while (taken.has(`${ASIDE_PREFIX}${serial}`.toLowerCase())) serial++;
    asides.push({ original: name, aside: `${ASIDE_PREFIX}${serial++}` });
  }
  // A new workbook's one untouched sheet would sit empty before the ledger.
  const only = existing.length === 1 ? existing[0] : undefined;
  const blank = only && !inPlan(only.name) && activeUsedRange.isNullObject ? only : undefined;
  const redefined = names.items.map((n) => n.name).filter((n) => definedNames.some((d) => sameName(d, n)));
  const office = existing.filter((e) => !inPlan(e.name)).map((e) => e.sheet);
  return { replaced, asides, blank, names: redefined, keptPlaceholders: [], office, existing };
}

/**
 * Formulas on the office's own sheets that read a sheet about to be replaced. Excel would follow the
 * old sheet's rename and leave them at #REF! once it is deleted; they are typed again afterwards.
 */
async function readingFormulas(
  context: Excel.RequestContext,
  officeSheets: readonly Excel.Worksheet[],
  replaced: readonly string[],
): Promise<ReadingFormula[]> {
  if (officeSheets.length === 0 || replaced.length === 0) return [];
  const used = officeSheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("formulas,rowIndex,columnIndex");
    return { sheet, range };
  });
  await context.sync();
  const found: ReadingFormula[] = [];
  for (const { sheet, range } of used) {
    if (range.isNullObject) continue;
    range.formulas.forEach((cells, r) =>
      cells.forEach((formula: unknown, c) => {
        if (typeof formula === "string" && formula.startsWith("=") && readsSheet(formula, replaced)) {
          const row = range.rowIndex + r + 1;
          const column = range.columnIndex + c + 1;
          found.push({ sheet, address: rangeAddress(row, column, row, column), formula });
        }
      }),
    );
  }
  return found;
}

/**
 * What the sheets about to be replaced hold that must stay: the latest 通报, where the plan brings
 * only its placeholder, and what the office added beside Duban's keyed tables. Read before anything
 * changes.
 */
async function lookBefore(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  replaced: readonly ExistingSheet[],
): Promise<{ keptPlaceholders: string[]; carried: Carried[] }> {
  const planned = replaced
    .map((existing) => ({ existing, sheet: plan.sheets.find((s) => sameName(s.name, existing.name)) }))
    .filter((e): e is { existing: ExistingSheet; sheet: SheetPlan } => e.sheet !== undefined)
    .filter(({ sheet }) => sheet.rowKey !== undefined || sheet.placeholder !== undefined);
  if (planned.length === 0) return { keptPlaceholders: [], carried: [] };
  const grids = await readSheetGrids(context, {
    sheets: (name) => planned.some(({ existing }) => existing.name === name),
  });
  const keptPlaceholders: string[] = [];
  const carried: Carried[] = [];
  for (const { existing, sheet } of planned) {
    const grid = grids.find((g) => g.name === existing.name);
    if (!grid) continue;
    if (keepsOverPlaceholder(grid, sheet)) keptPlaceholders.push(sheet.name);
    const carry = carryOver(grid, sheet);
    if (carry && carriesAnything(carry)) carried.push({ carry, grid, from: existing.sheet });
  }
  return { keptPlaceholders, carried };
}

/**
 * Moves each kept placeholder sheet (the latest 通报) to where the plan puts it, among the sheets as
 * they will stand once the old ones are gone and the new ones added at the end.
 */
function placeholderMoves(plan: WorkbookPlan, found: Inspection): Call[] {
  const gone = [...found.replaced, ...(found.blank ? [found.blank] : [])];
  const order = found.existing.filter((e) => !gone.includes(e)).map((e) => e.name);
  order.push(...plan.sheets.map((s) => s.name).filter((name) => !found.keptPlaceholders.includes(name)));
  const planNames = plan.sheets.map((s) => s.name);
  return found.keptPlaceholders.flatMap((name): Call[] => {
    const existing = found.existing.find((e) => sameName(e.name, name));
    if (!existing) return [];
    order.splice(
      order.findIndex((n) => sameName(n, name)),
      1,
    );
    const earlier = planNames.slice(0, planNames.indexOf(name)).reverse();
    const after = earlier.map((n) => order.findIndex((o) => sameName(o, n))).find((i) => i >= 0);
    const later = order.findIndex((o) => planNames.some((n) => sameName(n, o)));
    const position = after !== undefined ? after + 1 : later >= 0 ? later : order.length;
    order.splice(position, 0, name);
    return [{ bytes: CALL_BYTES + 8, queue: () => (existing.sheet.position = position) }];
  });
}

/** Every call of the write, in order: renames aside, each sheet, then what needs all sheets drawn. */
function workbookWork(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  capabilities: ExcelCapabilities,
  found: Inspection,
  carried: readonly Carried[],
  formulas: readonly ReadingFormula[],
): Work[] {
  const worksheets = context.workbook.worksheets;
  const sheets = plan.sheets
    .filter((sheet) => !found.keptPlaceholders.includes(sheet.name))
    .map((sheet) => ({ sheet, handle: new SheetHandle(sheet.name) }));
  const firstVisible = sheets.find(({ sheet }) => sheet.visibility === "visible");
  return [
    ...found.replaced.map((entry, i): Call => {
      const aside = found.asides[i]?.aside ?? "";
      return { bytes: CALL_BYTES + jsonBytes(aside), queue: () => (entry.sheet.name = aside) };
    }),
    ...sheets.flatMap(({ sheet, handle }): Work[] => [
      { bytes: CALL_BYTES + jsonBytes(sheet.name), queue: () => handle.add(worksheets) },
      ...sheetWork(handle, sheet, capabilities),
    ]),
    {
      bytes: 2 * CALL_BYTES + jsonBytes([plan.title, plan.creator]),
      queue: () => {
        context.workbook.properties.title = plan.title;
        context.workbook.properties.author = plan.creator;
      },
    },
    ...(firstVisible ? [sheetCall(firstVisible.handle, 0, (s) => s.activate())] : []),
    ...sheets.flatMap(({ sheet, handle }): Call[] => {
      const calls: Call[] = [];
      if (sheet.visibility !== "visible") {
        const visibility = VISIBILITY[sheet.visibility];
        calls.push(sheetCall(handle, 12, (s) => (s.visibility = visibility)));
      }
      if (sheet.protection) calls.push(protectionWork(handle, sheet.protection));
      return calls;
    }),
    // The thresholds' names, once their sheet exists; formulas naming them resolve when they are added.
    ...found.names.map((name): Call => ({
      bytes: CALL_BYTES + jsonBytes(name),
      queue: () => context.workbook.names.getItem(name).delete(),
    })),
    ...(plan.names ?? []).map(({ name, ref }): Call => ({
      bytes: CALL_BYTES + jsonBytes([name, ref]),
      queue: () => context.workbook.names.add(name, `=${ref}`),
    })),
    // Copied before the old sheets go, and after every plan sheet is drawn, so nothing draws over them.
    ...carried.flatMap((c) => {
      const handle = sheets.find(({ sheet }) => sheet.name === c.carry.sheet)?.handle;
      return handle ? carryWork(handle, c, capabilities.copyCells) : [];
    }),
    ...found.replaced.map(deleteCall),
    ...(found.blank ? [deleteCall(found.blank)] : []),
    ...placeholderMoves(plan, found),
    ...formulas.map(({ sheet, address, formula }): Call => ({
      bytes: CALL_BYTES + jsonBytes([address, formula]),
      queue: () => (sheet.getRange(address).formulas = [[formula]]),
    })),
  ];
  // Formulas recalculate as Excel applies each request; `recalculateOnOpen` is for files, not a live workbook.
}

function failure(detail: string, restored: boolean, restoreDetail = ""): WriteResult {
  return {
    ok: false,
    code: "excel-error",
    message: restored
      ? `写入台账时 Excel 报错：${detail}。工作簿已恢复为写入前的样子。`
      : `写入台账时 Excel 报错：${detail}。未能完全恢复原有工作表（${restoreDetail}），请检查名称以“${ASIDE_PREFIX}”开头的工作表。`,
    restored,
  };
}

/**
 * Renders `plan` into the open workbook. `capabilities` come from `detectCapabilities`, asked once
 * up front; what they rule out is left out and listed in the result. Syncs: one to look at the
 * workbook, then one per request the bytes need (one for a ledger under the budget), whatever the
 * number of rows.
 */
export async function writeWorkbookPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  capabilities: ExcelCapabilities,
  options: WriteOptions = {},
): Promise<WriteResult> {
  if (!capabilities.canWrite) {
    return {
      ok: false,
      code: "unsupported-excel",
      message:
        "此版本的 Excel 过旧，无法写入台账：需要 Office 2019（ExcelApi 1.7）或更新版本、Excel 网页版或 Microsoft 365。",
      restored: true,
    };
  }
  let found: Inspection;
  let carried: Carried[];
  let formulas: ReadingFormula[];
  try {
    const all = await inspect(
      context,
      plan.sheets.map((s) => s.name),
      (plan.names ?? []).map((n) => n.name),
    );
    const before = await lookBefore(context, plan, all.replaced);
    const keeps = (name: string): boolean => before.keptPlaceholders.some((k) => sameName(k, name));
    const replaced = all.replaced.filter((e) => !keeps(e.name));
    found = {
      ...all,
      replaced,
      asides: all.asides.filter((a) => !keeps(a.original)),
      keptPlaceholders: before.keptPlaceholders,
    };
    carried = before.carried;
    formulas = await readingFormulas(
      context,
      all.office,
      replaced.map((e) => e.name),
    );
  } catch (error) {
    // Nothing was changed yet.
    return failure(errorText(error), true);
  }
  const planNames = plan.sheets.map((s) => s.name).filter((name) => !found.keptPlaceholders.includes(name));

  // Each request also carries the call that suspends calculation (below).
  const budget = (options.requestBudgetBytes ?? DEFAULT_REQUEST_BUDGET_BYTES) - CALL_BYTES;
  const batches = packBatches(workbookWork(context, plan, capabilities, found, carried, formulas), budget);
  const total = batches.length + 1;
  options.onProgress?.({ done: 1, total });
  try {
    for (const [index, batch] of batches.entries()) {
      // One calculation at the end of each request instead of after every write in it.
      context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const call of batch) call.queue();
      await context.sync();
      options.onProgress?.({ done: index + 2, total });
    }
  } catch (error) {
    const detail = errorText(error);
    try {
      await restore(context, planNames, found.asides);
    } catch (restoreError) {
      return failure(detail, false, errorText(restoreError));
    }
    return failure(detail, true);
  }
  return {
    ok: true,
    skipped: [
      ...skippedFeatures(plan, capabilities),
      ...(carried.length > 0 && !capabilities.copyCells
        ? [valuesOnlyFeature(carried.map(({ carry }) => carry.sheet))]
        : []),
    ],
    replacedSheets: found.replaced.map((e) => e.name),
    kept: {
      // The office's own sheets are never touched here, so there is nothing to say about them.
      sheets: [],
      notes: 0,
      columns: carried.flatMap(({ carry }) => carry.added.map((c) => `${carry.sheet}：${c.header}`)),
      rowsBelow: carried.reduce((sum, { carry }) => sum + carry.below.length, 0),
      unplaced: carried.reduce((sum, { carry }) => sum + carry.unplaced.length, 0),
      report: found.keptPlaceholders.length > 0,
      formulas: formulas.length,
    },
    ...(found.blank && { removedBlankSheet: found.blank.name }),
    requestBytes: batches.map((batch) => batch.reduce((sum, call) => sum + call.bytes, CALL_BYTES)),
  };
}
