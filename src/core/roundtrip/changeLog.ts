import { rangeAddress } from "../sheets/cells";
import { SHEET_NAMES, readReportedAt, showReportedAt } from "../sheets/columns";
import type { SheetGrid } from "../sheets/grid";
import { cellText, trimmedText } from "../sheets/grid";
import { COLUMN_STYLES, STYLES, a4Print } from "../sheets/styles";
import { rowHeight, wrappedLines } from "../sheets/text";
import type { ColumnPlan, RowPlan, SheetPlan, WorkbookPlan } from "../sheets/types";

/** One value a merge changed in the ledger: kept in the 变更记录 sheet, oldest first. */
export interface ChangeRecord {
  /** ISO date-time with offset. */
  at: string;
  fileName: string;
  unit: string;
  rowId: string;
  number: string;
  item: string;
  field: string;
  old: string;
  new: string;
}

export const CHANGE_LOG_SHEET = "变更记录";

type ChangeKey = keyof ChangeRecord;

const CHANGE_COLUMNS: readonly (ColumnPlan & { key: ChangeKey })[] = [
  { key: "at", header: "时间", width: 17, style: COLUMN_STYLES.short },
  { key: "fileName", header: "文件", width: 26, style: COLUMN_STYLES.text },
  { key: "unit", header: "单位", width: 14, style: COLUMN_STYLES.text },
  { key: "number", header: "编号", width: 10, style: COLUMN_STYLES.short },
  { key: "item", header: "任务及指标", width: 30, style: COLUMN_STYLES.text },
  { key: "field", header: "字段", width: 9, style: COLUMN_STYLES.short },
  { key: "old", header: "原值", width: 24, style: COLUMN_STYLES.text },
  { key: "new", header: "新值", width: 24, style: COLUMN_STYLES.text },
  { key: "rowId", header: "行ID", width: 18, style: COLUMN_STYLES.id, hidden: true },
];

/** `2024-10-08T09:00:00+08:00`: Beijing wall-clock time, the form 报送时间 shows and reads back. */
export function beijingTimestamp(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 16)}:00+08:00`;
}

export function changeLogSheet(records: readonly ChangeRecord[]): SheetPlan {
  const rows: RowPlan[] = records.map((record) => {
    const cells = CHANGE_COLUMNS.map((c) => (c.key === "at" ? showReportedAt(record.at) : record[c.key]));
    // Excel does not fit wrapped rows on open, so each row carries the height its text needs.
    const lines = Math.max(
      ...CHANGE_COLUMNS.map((c, i) =>
        c.style?.wrap && !c.hidden ? wrappedLines(cells[i] ?? "", c.width) : 1,
      ),
    );
    return { cells, style: STYLES.body, height: rowHeight(lines) };
  });
  const last = 1 + rows.length;
  return {
    name: CHANGE_LOG_SHEET,
    visibility: "visible",
    columns: CHANGE_COLUMNS,
    rows: [{ cells: CHANGE_COLUMNS.map((c) => c.header), style: STYLES.header, height: 20 }, ...rows],
    freeze: { rows: 1, columns: 0 },
    table: { headerRow: 1, firstDataRow: 2, lastDataRow: last },
    autoFilter: rangeAddress(1, 1, last, CHANGE_COLUMNS.length),
    print: a4Print("landscape", { first: 1, last: 1 }),
    showGridLines: true,
  };
}

/** The records already in a ledger's 变更记录 sheet; columns found by header, so moved columns read the same. */
export function readChangeLog(grids: readonly SheetGrid[]): ChangeRecord[] {
  const grid = grids.find((g) => g.name.trim() === CHANGE_LOG_SHEET);
  const header = grid?.rows[0] ?? [];
  const columns = new Map(
    CHANGE_COLUMNS.map((c) => [c.key, header.findIndex((v) => trimmedText(v) === c.header)]),
  );
  const records: ChangeRecord[] = [];
  for (const cells of grid?.rows.slice(1) ?? []) {
    const at = (key: ChangeKey): string => {
      const index = columns.get(key) ?? -1;
      return index < 0 ? "" : cellText(cells?.[index] ?? null);
    };
    if (CHANGE_COLUMNS.every((c) => at(c.key).trim() === "")) continue;
    records.push({
      at: readReportedAt(at("at").trim()),
      fileName: at("fileName"),
      unit: at("unit"),
      rowId: at("rowId"),
      number: at("number"),
      item: at("item"),
      field: at("field"),
      old: at("old"),
      new: at("new"),
    });
  }
  return records;
}

/** The ledger workbook with its 变更记录 sheet, placed before the hidden `_duban`. */
export function withChangeLog(plan: WorkbookPlan, records: readonly ChangeRecord[]): WorkbookPlan {
  if (records.length === 0) return plan;
  const sheets = plan.sheets.filter((s) => s.name !== CHANGE_LOG_SHEET);
  const metadataAt = sheets.findIndex((s) => s.name === SHEET_NAMES.metadata);
  const at = metadataAt < 0 ? sheets.length : metadataAt;
  return { ...plan, sheets: [...sheets.slice(0, at), changeLogSheet(records), ...sheets.slice(at)] };
}
