/**
 * What the running Excel can do, asked once before writing, and what a workbook plan loses on an
 * older Excel, as data the task pane can show. The manifest asks for ExcelApi 1.7 (Office 2019);
 * everything the writer uses is in 1.7 except the features below.
 */
import type { SheetPlan, WorkbookPlan } from "../../core/sheets";

/** The part of `Office.context.requirements` this needs, so tests can hand in a stand-in. */
export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface ExcelCapabilities {
  /** ExcelApi 1.7: values, formats, conditional formats, freeze panes, protection with a password. */
  canWrite: boolean;
  /** ExcelApi 1.8: `range.dataValidation` (the 状态 drop-down). */
  dataValidation: boolean;
  /** ExcelApi 1.8: `worksheet.showGridlines`. */
  gridlines: boolean;
  /** ExcelApi 1.9: `worksheet.pageLayout` (paper, orientation, fit to width, margins, print titles, footer). */
  pageLayout: boolean;
  /** ExcelApi 1.9: `worksheet.autoFilter`. */
  autoFilter: boolean;
  /** ExcelApi 1.9: `range.autoFill`, so a column of formulas travels as one; without it, each is written. */
  autoFill: boolean;
  /** ExcelApi 1.9: `range.copyFrom`, which carries an office's added cells with their formulas and formats. */
  copyCells: boolean;
  /**
   * ExcelApi 1.13: `range.getMergedAreasOrNullObject`, so an adopted task table's merged cells are
   * known; without it a merged cell reads as its first cell only, as the sheet shows it.
   */
  mergedAreas: boolean;
}

export function detectCapabilities(requirements: RequirementSets): ExcelCapabilities {
  const has = (version: string): boolean => requirements.isSetSupported("ExcelApi", version);
  const v18 = has("1.8");
  const v19 = has("1.9");
  return {
    canWrite: has("1.7"),
    dataValidation: v18,
    gridlines: v18,
    pageLayout: v19,
    autoFilter: v19,
    autoFill: v19,
    copyCells: v19,
    mergedAreas: has("1.13"),
  };
}

/** Everything the writer can use: for tests, benches and hosts known to be current. */
export const ALL_CAPABILITIES: ExcelCapabilities = {
  canWrite: true,
  dataValidation: true,
  gridlines: true,
  pageLayout: true,
  autoFilter: true,
  autoFill: true,
  copyCells: true,
  mergedAreas: true,
};

export type SkippedFeatureCode =
  "data-validation" | "page-layout" | "auto-filter" | "gridlines" | "copy-cells";

/** A part of the plan this Excel cannot set through an add-in; the workbook works without it. */
export interface SkippedFeature {
  code: SkippedFeatureCode;
  /** The requirement set that has it, e.g. `ExcelApi 1.8`. */
  requirementSet: string;
  /** Sheets that asked for it. */
  sheets: string[];
  /** For the task pane: what is missing and what people can do about it. */
  message: string;
}

const quoted = (names: readonly string[]): string => names.map((n) => `“${n}”`).join("、");

interface FeatureRule {
  code: SkippedFeatureCode;
  requirementSet: string;
  supported: (capabilities: ExcelCapabilities) => boolean;
  wanted: (sheet: SheetPlan) => boolean;
  message: (sheets: readonly string[]) => string;
}

const OLDER_EXCEL = "此版本的 Excel（如 Office 2019）";

const FEATURE_RULES: readonly FeatureRule[] = [
  {
    code: "data-validation",
    requirementSet: "ExcelApi 1.8",
    supported: (c) => c.dataValidation,
    wanted: (s) => (s.validations?.length ?? 0) > 0,
    message: (sheets) =>
      `${OLDER_EXCEL}不支持数据有效性，${quoted(sheets)}的状态列未设置下拉列表。请按“已完成、序时推进、进度滞后、逾期未完成、未启动”之一填写；在 Excel 网页版或 Microsoft 365 中重新写入台账即可补上下拉列表。`,
  },
  {
    code: "page-layout",
    requirementSet: "ExcelApi 1.9",
    supported: (c) => c.pageLayout,
    wanted: (s) => s.print !== undefined,
    message: (sheets) =>
      `${OLDER_EXCEL}不支持由加载项设置页面布局，${quoted(sheets)}未设置 A4 纸张、方向、按页宽缩放、打印标题行和页码。打印前请在“页面布局”选项卡中设置。`,
  },
  {
    code: "auto-filter",
    requirementSet: "ExcelApi 1.9",
    supported: (c) => c.autoFilter,
    wanted: (s) => s.autoFilter !== undefined,
    message: (sheets) =>
      `${OLDER_EXCEL}不支持由加载项添加筛选按钮，${quoted(sheets)}的表头没有筛选按钮。需要时可在“数据”选项卡中点击“筛选”。`,
  },
  {
    code: "gridlines",
    requirementSet: "ExcelApi 1.8",
    supported: (c) => c.gridlines,
    wanted: (s) => s.showGridLines === false,
    message: (sheets) =>
      `${OLDER_EXCEL}不支持由加载项隐藏网格线，${quoted(sheets)}仍显示网格线（打印时不会印出）。`,
  },
];

/** Said after a rewrite on an Excel that cannot copy ranges, when the office had added columns. */
export function valuesOnlyFeature(sheets: readonly string[]): SkippedFeature {
  return {
    code: "copy-cells",
    requirementSet: "ExcelApi 1.9",
    sheets: [...sheets],
    message: `${OLDER_EXCEL}不支持由加载项复制单元格：您在${quoted(sheets)}中添加的列只保留了数值，其中的公式和格式未能保留。`,
  };
}

/**
 * The parts of `plan` this Excel will not set, one entry per feature with the sheets concerned.
 * Pure, so the pane can warn before writing as well as after.
 */
export function skippedFeatures(plan: WorkbookPlan, capabilities: ExcelCapabilities): SkippedFeature[] {
  const skipped: SkippedFeature[] = [];
  for (const rule of FEATURE_RULES) {
    if (rule.supported(capabilities)) continue;
    const sheets = plan.sheets.filter(rule.wanted).map((s) => s.name);
    if (sheets.length === 0) continue;
    skipped.push({
      code: rule.code,
      requirementSet: rule.requirementSet,
      sheets,
      message: rule.message(sheets),
    });
  }
  return skipped;
}
