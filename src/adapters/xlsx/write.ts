/**
 * WorkbookPlan → .xlsx bytes with ExcelJS. Draws exactly what the plan says and decides nothing:
 * the layout, numbers and formulas all come from src/core/sheets.
 */
import ExcelJS from "exceljs";
import type {
  CellStyle,
  CellValue,
  ConditionalRule,
  HighlightStyle,
  PrintPlan,
  Rgb,
  RowPlan,
  SheetPlan,
  ValidationPlan,
  WorkbookPlan,
} from "../../core/sheets";
import { excelSerial, mergeStyles } from "../../core/sheets";

// ExcelJS has range-wide validations (one <dataValidation sqref="H3:H10002">) but its typings only
// declare the per-cell form, which would store 10,000 copies for one column.
declare module "exceljs" {
  interface Worksheet {
    dataValidations: { add(address: string, validation: DataValidation): void };
  }
}

const argb = (rgb: Rgb): string => `FF${rgb.toUpperCase()}`;

const VERTICAL: Record<NonNullable<CellStyle["vertical"]>, "top" | "middle" | "bottom"> = {
  top: "top",
  middle: "middle",
  bottom: "bottom",
};

function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const result: Partial<ExcelJS.Style> = {};
  if (style.font) {
    const { name, size, bold, italic, color } = style.font;
    result.font = {
      ...(name !== undefined && { name }),
      ...(size !== undefined && { size }),
      ...(bold !== undefined && { bold }),
      ...(italic !== undefined && { italic }),
      ...(color !== undefined && { color: { argb: argb(color) } }),
    };
  }
  if (style.fill) result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontal || style.vertical || style.wrap) {
    result.alignment = {
      ...(style.horizontal && { horizontal: style.horizontal }),
      ...(style.vertical && { vertical: VERTICAL[style.vertical] }),
      ...(style.wrap && { wrapText: true }),
    };
  }
  if (style.numberFormat) result.numFmt = style.numberFormat;
  if (style.border) {
    const side: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(style.border) } };
    result.border = { top: side, bottom: side, left: side, right: side };
  }
  if (style.locked !== undefined) result.protection = { locked: style.locked };
  return result;
}

function highlight(style: HighlightStyle): Partial<ExcelJS.Style> {
  return {
    ...(style.fill && { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } } }),
    ...((style.fontColor || style.bold) && {
      font: {
        ...(style.fontColor && { color: { argb: argb(style.fontColor) } }),
        ...(style.bold && { bold: true }),
      },
    }),
  };
}

function conditionalRule(rule: ConditionalRule, priority: number): ExcelJS.ConditionalFormattingRule {
  const formula = rule.kind === "textEquals" ? `"${rule.text.replace(/"/g, '""')}"` : String(rule.value);
  return {
    type: "cellIs",
    operator: rule.kind === "textEquals" ? "equal" : "greaterThan",
    formulae: [formula],
    style: highlight(rule.style),
    priority,
  };
}

function validation(plan: ValidationPlan): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: plan.allowBlank,
    formulae: [`"${plan.values.join(",")}"`],
    showErrorMessage: true,
    errorStyle: plan.strict ? "error" : "warning",
    ...(plan.error && { errorTitle: plan.error.title, error: plan.error.message }),
    ...(plan.prompt && {
      showInputMessage: true,
      promptTitle: plan.prompt.title,
      prompt: plan.prompt.message,
    }),
  };
}

function pageSetup(print: PrintPlan): Partial<ExcelJS.PageSetup> {
  const inches = (points: number): number => Math.round((points / 72) * 100) / 100;
  return {
    paperSize: 9, // A4
    orientation: print.orientation,
    ...(print.fitToWidth && { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
    horizontalCentered: print.centerHorizontally,
    margins: {
      top: inches(print.margins.top),
      bottom: inches(print.margins.bottom),
      left: inches(print.margins.left),
      right: inches(print.margins.right),
      header: inches(print.margins.header),
      footer: inches(print.margins.footer),
    },
    ...(print.repeatRows && { printTitlesRow: `${print.repeatRows.first}:${print.repeatRows.last}` }),
  };
}

function cellValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || typeof value !== "object") return value;
  if (value.kind === "date") return excelSerial(value.iso);
  return value.result === undefined
    ? { formula: value.formula, date1904: false }
    : { formula: value.formula, result: value.result, date1904: false };
}

/**
 * Each distinct (column, row style) pair gets one ExcelJS style object, shared by every cell that
 * uses it: a 10,000-row sheet has a few dozen styles, not 170,000.
 */
class StyleCache {
  private readonly byRowStyle = new Map<CellStyle | undefined, Partial<ExcelJS.Style>[]>();

  constructor(private readonly columnStyles: readonly (CellStyle | undefined)[]) {}

  get(column: number, rowStyle: CellStyle | undefined): Partial<ExcelJS.Style> {
    let styles = this.byRowStyle.get(rowStyle);
    if (!styles) {
      styles = this.columnStyles.map((columnStyle) => excelStyle(mergeStyles(columnStyle, rowStyle)));
      this.byRowStyle.set(rowStyle, styles);
    }
    return styles[column] ?? {};
  }
}

function writeRows(
  worksheet: ExcelJS.Worksheet,
  sheet: SheetPlan,
  columnStyles: readonly (CellStyle | undefined)[],
): void {
  const styles = new StyleCache(columnStyles);
  sheet.rows.forEach((plan: RowPlan, index) => {
    const row = worksheet.getRow(index + 1);
    if (plan.height !== undefined) row.height = plan.height;
    for (let column = 0; column < plan.cells.length; column++) {
      const value = plan.cells[column] ?? null;
      const extra = plan.cellStyles?.[column];
      if (value === null && !plan.style && !extra) continue;
      const cell = row.getCell(column + 1);
      if (value !== null) cell.value = cellValue(value);
      cell.style = extra
        ? excelStyle(mergeStyles(columnStyles[column], plan.style, extra))
        : styles.get(column, plan.style);
    }
  });
}

/** Adds `sheet` to `workbook` as the plan draws it; the worksheet, for writers that add to it. */
export async function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetPlan): Promise<ExcelJS.Worksheet> {
  const frozen = sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0);
  const worksheet = workbook.addWorksheet(sheet.name, {
    state: sheet.visibility,
    views: [
      frozen
        ? {
            state: "frozen",
            xSplit: sheet.freeze?.columns ?? 0,
            ySplit: sheet.freeze?.rows ?? 0,
            showGridLines: sheet.showGridLines ?? true,
          }
        : { showGridLines: sheet.showGridLines ?? true },
    ],
    ...(sheet.tabColor && { properties: { tabColor: { argb: argb(sheet.tabColor) } } }),
    ...(sheet.print && { pageSetup: pageSetup(sheet.print) }),
  });
  if (sheet.print?.footer) worksheet.headerFooter.oddFooter = `&C${sheet.print.footer}`;

  // Input columns stay editable on a protected sheet.
  const columnStyles = sheet.columns.map((column) =>
    sheet.protection && column.input ? mergeStyles(column.style, { locked: false }) : column.style,
  );
  worksheet.columns = sheet.columns.map((column) => ({
    key: column.key,
    width: column.width,
    hidden: column.hidden ?? false,
  }));
  writeRows(worksheet, sheet, columnStyles);
  // Column formats (for cells people add later) are set after the rows: ExcelJS copies a column's
  // style into every cell it creates, and every written cell gets its own complete style anyway.
  columnStyles.forEach((style, i) => {
    if (style) worksheet.getColumn(i + 1).style = excelStyle(style);
  });

  for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  if (sheet.autoFilter) worksheet.autoFilter = sheet.autoFilter;
  let priority = 1;
  for (const format of sheet.conditionalFormats ?? []) {
    worksheet.addConditionalFormatting({
      ref: format.range,
      rules: format.rules.map((rule) => conditionalRule(rule, priority++)),
    });
  }
  for (const plan of sheet.validations ?? []) worksheet.dataValidations.add(plan.range, validation(plan));
  if (sheet.protection) {
    await worksheet.protect(sheet.protection.password ?? "", {
      sort: sheet.protection.allowSort,
      autoFilter: sheet.protection.allowAutoFilter,
      formatColumns: sheet.protection.allowFormatColumns,
      formatRows: sheet.protection.allowFormatRows,
      selectLockedCells: true,
      selectUnlockedCells: true,
    });
  }
  return worksheet;
}

/** The workbook-wide part of the plan: properties, named cells, recalculation, the tab shown first. */
export function applyWorkbookOptions(workbook: ExcelJS.Workbook, plan: WorkbookPlan): void {
  workbook.creator = plan.creator;
  workbook.title = plan.title;
  if (plan.recalculateOnOpen) workbook.calcProperties = { fullCalcOnLoad: true };
  for (const { name, ref } of plan.names ?? []) workbook.definedNames.add(ref, name);
  const firstPlanned = plan.sheets.find((s) => s.visibility === "visible")?.name;
  const activeTab = Math.max(
    0,
    workbook.worksheets.findIndex((s) => s.name === firstPlanned),
  );
  workbook.views = [
    { x: 0, y: 0, width: 24000, height: 16000, firstSheet: 0, activeTab, visibility: "visible" },
  ];
}

/** Renders the plan to .xlsx bytes; works in Node and, with ExcelJS's browser build, in the task pane. */
export async function renderWorkbook(plan: WorkbookPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of plan.sheets) await writeSheet(workbook, sheet);
  applyWorkbookOptions(workbook, plan);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
