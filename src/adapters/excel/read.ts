/// <reference types="office-js" />
/**
 * The open workbook → SheetGrids → Ledger. Office.js hands over values as 2-D arrays; the core
 * reader (src/core/sheets/read.ts) turns them into the ledger exactly as it does for grids read
 * from an .xlsx by ExcelJS, so both paths report the same diagnostics.
 *
 * Syncs: one for the sheet list, one for the used ranges, then one per block of cells, blocks sized
 * so a response stays under Excel on the web's 5 MB (a ledger of a few thousand rows is one block).
 */
import type { GridValue, ReadLedgerResult, SheetGrid, SheetVisibility } from "../../core/sheets";
import { SHEET_NAMES, isoFromExcelSerial, readLedger } from "../../core/sheets";

/**
 * Cells (value and number format each) one response may carry: about 2–3 MB for a ledger's
 * typical text. When Excel still refuses a response as too large, the blocks are halved.
 */
export const DEFAULT_CELLS_PER_READ = 100_000;

export interface ReadOptions {
  cellsPerRead?: number;
  /** Which sheets to read, by name; default: the sheets the ledger reader uses. */
  sheets?: (name: string) => boolean;
}

/** The sheets `readLedger` looks at: `_duban`, 任务清单, 进度填报 and 设置 (thresholds and the 通报's settings). */
const LEDGER_SHEETS: readonly string[] = [
  SHEET_NAMES.metadata,
  SHEET_NAMES.tasks,
  SHEET_NAMES.progress,
  SHEET_NAMES.settings,
];

const isLedgerSheet = (name: string): boolean => LEDGER_SHEETS.includes(name.trim());

const VISIBILITY: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** Whether a number format shows dates or times: letters d m y h s outside quotes, brackets and escapes. */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*]|\\./g, "");
  return /[dmyhs]/i.test(bare);
}

/**
 * One cell as the ExcelJS reader gives it: empty as null, dates as DateCell, and a number shown as
 * a percentage as its text (`85%`), so someone who typed 85% in a 完成值 column still means 85.
 */
export function gridValue(value: unknown, numberFormat: unknown): GridValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") {
    const format = typeof numberFormat === "string" ? numberFormat : "";
    if (format.includes("%")) return `${Number((value * 100).toPrecision(12))}%`;
    if (isDateFormat(format)) return { kind: "date", iso: isoFromExcelSerial(value) };
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

interface SheetToRead {
  sheet: Excel.Worksheet;
  name: string;
  visibility: SheetVisibility;
  /** From A1 to the end of the used range: the core reader counts rows and columns from A1. */
  rowCount: number;
  columnCount: number;
  rows: (readonly GridValue[] | undefined)[];
}

/** Rows `[firstRow, firstRow + rowCount)` (0-based) of one sheet, all its columns. */
interface Block {
  target: SheetToRead;
  firstRow: number;
  rowCount: number;
}

function isResponseTooLarge(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    error.code === "ResponsePayloadSizeLimitExceeded"
  );
}

/** Blocks of at most `cells` cells, packed into requests of at most `cells` cells. */
function packBlocks(blocks: readonly Block[], cells: number): Block[][] {
  const batches: Block[][] = [];
  let current: Block[] = [];
  let used = 0;
  for (const block of blocks) {
    const columns = block.target.columnCount;
    const rowsPerBlock = Math.max(1, Math.floor(cells / columns));
    for (let first = block.firstRow; first < block.firstRow + block.rowCount; first += rowsPerBlock) {
      const rowCount = Math.min(rowsPerBlock, block.firstRow + block.rowCount - first);
      const size = rowCount * columns;
      if (used > 0 && used + size > cells) {
        batches.push(current);
        current = [];
        used = 0;
      }
      current.push({ target: block.target, firstRow: first, rowCount });
      used += size;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function readBlocks(
  context: Excel.RequestContext,
  blocks: readonly Block[],
  cells: number,
): Promise<void> {
  for (const batch of packBlocks(blocks, cells)) {
    const ranges = batch.map((block) => {
      const range = block.target.sheet.getRangeByIndexes(
        block.firstRow,
        0,
        block.rowCount,
        block.target.columnCount,
      );
      range.load("values,numberFormat");
      return { block, range };
    });
    try {
      await context.sync();
    } catch (error) {
      const smallest = batch.every((b) => b.rowCount === 1) && batch.length === 1;
      if (!isResponseTooLarge(error) || smallest) throw error;
      await readBlocks(context, batch, Math.max(1, Math.floor(cells / 2)));
      continue;
    }
    for (const { block, range } of ranges) {
      const values: unknown[][] = range.values;
      const formats: unknown[][] = range.numberFormat;
      values.forEach((row, r) => {
        block.target.rows[block.firstRow + r] = row.map((value, c) => gridValue(value, formats[r]?.[c]));
      });
    }
  }
}

/** The chosen sheets of the open workbook as grids of values, in tab order. */
export async function readSheetGrids(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<SheetGrid[]> {
  const select = options.sheets ?? isLedgerSheet;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();

  const chosen = worksheets.items.filter((sheet) => select(sheet.name));
  const usedRanges = chosen.map((sheet) => {
    // Values only: the writer formats whole columns, which would make every row "used".
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return used;
  });
  await context.sync();

  const targets: SheetToRead[] = chosen.map((sheet, i) => {
    const used = usedRanges[i];
    const empty = !used || used.isNullObject;
    return {
      sheet,
      name: sheet.name,
      visibility: VISIBILITY[sheet.visibility] ?? "visible",
      rowCount: empty ? 0 : used.rowIndex + used.rowCount,
      columnCount: empty ? 0 : used.columnIndex + used.columnCount,
      rows: [],
    };
  });
  const blocks = targets
    .filter((t) => t.rowCount > 0)
    .map((target): Block => ({ target, firstRow: 0, rowCount: target.rowCount }));
  await readBlocks(context, blocks, options.cellsPerRead ?? DEFAULT_CELLS_PER_READ);
  return targets.map(({ name, visibility, rows }) => ({ name, visibility, rows }));
}

export type ReadWorkbookResult = ReadLedgerResult | { ok: false; code: "excel-error"; message: string };

/** The ledger in the open workbook, with the core reader's diagnostics. */
export async function readLedgerFromWorkbook(
  context: Excel.RequestContext,
  options: Omit<ReadOptions, "sheets"> = {},
): Promise<ReadWorkbookResult> {
  let grids: SheetGrid[];
  try {
    grids = await readSheetGrids(context, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, code: "excel-error", message: `读取工作簿时 Excel 报错：${detail}` };
  }
  return readLedger(grids);
}
