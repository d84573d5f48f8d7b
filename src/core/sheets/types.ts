/**
 * A workbook as data. Two renderers draw it: ExcelJS (src/adapters/xlsx, Node and browser) and
 * Office.js (src/adapters/excel, inside Excel). The types say what the workbook looks like and never
 * how to draw it, and carry no business logic: every number, status and formula is already decided.
 *
 * Coordinates: rows and columns are 1-based as in Excel; ranges are A1 strings (`H2:H120`), the form
 * both ExcelJS and `worksheet.getRange()` take.
 */

/** `RRGGBB`, no `#`: ExcelJS wants `FFRRGGBB`, Office.js `#RRGGBB`; renderers add their prefix. */
export type Rgb = string;

export interface FontStyle {
  /** The intended font; Excel, WPS and LibreOffice substitute a CJK font they have when it is missing. */
  name?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: Rgb;
}

export type HorizontalAlign = "left" | "center" | "right";
export type VerticalAlign = "top" | "middle" | "bottom";

/**
 * How cells look. Styles combine column → row → cell, later ones overriding field by field. The
 * same object is shared by many rows, so renderers may group rows by style identity (see
 * `rowStyleBlocks`). `fill` is for headers and title bands: status colours come from conditional
 * formats, never from fills on data cells.
 */
export interface CellStyle {
  font?: FontStyle;
  fill?: Rgb;
  horizontal?: HorizontalAlign;
  vertical?: VerticalAlign;
  wrap?: boolean;
  /** Excel number format code, e.g. `0.0%`, `yyyy"年"m"月"d"日"`, `@`. */
  numberFormat?: string;
  /** Thin lines on all four sides of each cell. */
  border?: Rgb;
  /** Whether the cell stays locked when its sheet is protected; Excel's default is locked. */
  locked?: boolean;
}

/** An ISO date (`YYYY-MM-DD`); renderers write it as an Excel date serial (see `excelSerial`). */
export interface DateCell {
  kind: "date";
  iso: string;
}

/**
 * A live formula, in Excel's English syntax with comma separators and A1 references, WITHOUT the
 * leading `=` (ExcelJS takes it bare; Office.js renderers add `=`). `result` is the value the core
 * expects, written as the cached value so previews that never calculate still show numbers.
 */
export interface FormulaCell {
  kind: "formula";
  formula: string;
  result?: number | string;
}

/**
 * What a cell holds. A string is always literal text, even when it begins with `= + - @`: ExcelJS
 * writes strings as text by construction, and the Office.js renderer must set such cells' number
 * format to `@` before writing (see `looksLikeFormula`), because `range.values` parses them.
 */
export type CellValue = string | number | boolean | null | DateCell | FormulaCell;

export interface RowPlan {
  /** One value per column, from column A; `null` for an empty cell that still takes the row's style. */
  cells: readonly CellValue[];
  /** Applies to the cells the row lists, empty ones included (so a table row keeps its borders). */
  style?: CellStyle;
  /** Per cell, on top of the row style; sparse. */
  cellStyles?: readonly (CellStyle | undefined)[];
  /** Points; absent lets Excel fit the row to its wrapped text. */
  height?: number;
}

export interface ColumnPlan {
  /** Stable machine name; readers find columns by `header`, so people may move or add columns. */
  key: string;
  header: string;
  /** Excel width units (about one Latin character; a CJK character takes two). */
  width: number;
  /** Format of the column's data cells: number format, alignment, wrapping. */
  style?: CellStyle;
  hidden?: boolean;
  /** An input column: unlocked when the sheet is protected (the 填报 workbooks of the email round trip). */
  input?: boolean;
}

export interface HighlightStyle {
  fill?: Rgb;
  fontColor?: Rgb;
  bold?: boolean;
}

/**
 * Conditional formats: ExcelJS `cellIs`/`expression` rules, Office.js `conditionalFormats.add(cellValue)`.
 * `textEquals` compares the whole cell with the text; `greaterThan` a number.
 */
export type ConditionalRule =
  | { kind: "textEquals"; text: string; style: HighlightStyle }
  | { kind: "greaterThan"; value: number; style: HighlightStyle };

export interface ConditionalFormatPlan {
  range: string;
  rules: ConditionalRule[];
}

/**
 * A drop-down list (ExcelApi 1.8 `dataValidation.rule.list`, source joined with commas).
 * `strict` refuses other values; otherwise Excel warns and lets the value stand.
 */
export interface ListValidationPlan {
  kind: "list";
  range: string;
  values: readonly string[];
  allowBlank: boolean;
  strict: boolean;
  prompt?: { title: string; message: string };
  error?: { title: string; message: string };
}

export type ValidationPlan = ListValidationPlan;

export interface PrintPlan {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Shrink so every column fits the page width; rows flow onto as many pages as they need. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. the header row: `{ first: 1, last: 1 }`. */
  repeatRows?: { first: number; last: number };
  /** Points (Office.js's unit; ExcelJS renderers divide by 72 for inches). */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  centerHorizontally: boolean;
  /** Excel header/footer codes, e.g. `第 &P 页，共 &N 页`; printed centred at the foot of the page. */
  footer?: string;
}

/** Sheet protection for the email round trip (issue 6): input columns stay unlocked. */
export interface ProtectionPlan {
  /** Absent: protected without a password, so people can unprotect knowingly but not by accident. */
  password?: string;
  allowSort: boolean;
  allowAutoFilter: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** Where a sheet's main table sits, for readers, autofilters and renderers that format by block. */
export interface TablePlan {
  headerRow: number;
  firstDataRow: number;
  /** Equal to `headerRow` when the table has no data rows. */
  lastDataRow: number;
}

export interface SheetPlan {
  name: string;
  visibility: SheetVisibility;
  columns: readonly ColumnPlan[];
  /** From row 1, in order. */
  rows: readonly RowPlan[];
  merges?: readonly string[];
  /** Rows above and columns left of the split stay in view. */
  freeze?: { rows: number; columns: number };
  table?: TablePlan;
  /** A1 range with a filter drop-down on its first row. */
  autoFilter?: string;
  conditionalFormats?: readonly ConditionalFormatPlan[];
  validations?: readonly ValidationPlan[];
  print?: PrintPlan;
  protection?: ProtectionPlan;
  tabColor?: Rgb;
  /** Shown in Excel's grid; off for text sheets such as the 通报. */
  showGridLines?: boolean;
  /**
   * Stands in until there is real content (the 通报 before one is written): a writer keeps a sheet
   * of this name that the workbook already has, unless that sheet is itself a placeholder, which
   * holds `mark` in one of its cells.
   */
  placeholder?: { mark: string };
  /**
   * The headers of the columns whose cells identify a table row (the hidden row ID, the period):
   * writers that keep what an office added to the sheet put it back on the same rows by them.
   */
  rowKey?: readonly string[];
}

/** A named cell the formulas refer to: `DubanCompleteAt` → `'设置'!$B$5`. */
export interface NamePlan {
  name: string;
  /** Absolute reference with its sheet. */
  ref: string;
}

export interface WorkbookPlan {
  /** Document properties: title and creator shown in File → Info. */
  title: string;
  creator: string;
  /** In tab order; the first visible sheet is active when the file opens. */
  sheets: readonly SheetPlan[];
  /** Workbook-level named cells (the 设置 sheet's thresholds). */
  names?: readonly NamePlan[];
  /** Ask Excel to recalculate every formula on open, so cached results can never mislead. */
  recalculateOnOpen: boolean;
}
