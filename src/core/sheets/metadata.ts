import type { Ledger, LedgerDocumentRef, PeriodKind, TableColumn, UnitAliases } from "../model";
import { LEDGER_SCHEMA_VERSION, Period, isColumnRole } from "../model";
import { SHEET_NAMES } from "./columns";
import { COLUMN_STYLES } from "./styles";
import type { GridValue, SheetGrid } from "./grid";
import { cellText, trimmedText } from "./grid";
import type { CellValue, RowPlan, SheetPlan } from "./types";

/**
 * `_duban`, veryHidden: what identifies the ledger and its rows whatever people do to the visible
 * sheets. One record per row, its kind in column A, so older readers skip kinds they do not know.
 */
const MARKER = "Duban";

export interface RowIdentity {
  id: string;
  taskId: string;
  docId: string;
  /** 编号 when written: finds the row again if someone deletes the hidden ID column. */
  number: string;
}

export interface LedgerMetadata {
  schemaVersion: number;
  id: string;
  title: string;
  year: number;
  periodKind: PeriodKind;
  period: Period;
  documents: LedgerDocumentRef[];
  rows: RowIdentity[];
  /** The office's own unit aliases: canonical name → other names. */
  unitAliases: UnitAliases;
  /** How the office's own task table was mapped, when the ledger was adopted from one. */
  tableColumns: TableColumn[];
}

export function metadataSheet(ledger: Ledger): SheetPlan {
  const record = (...cells: CellValue[]): RowPlan => ({ cells });
  const rows: RowPlan[] = [
    record(MARKER, "督办台账数据：由督办台账生成，供汇总和核对使用，请勿修改或删除本表。"),
    record("schemaVersion", ledger.schemaVersion),
    record("ledgerId", ledger.id),
    record("title", ledger.title),
    record("year", ledger.year),
    record("periodKind", ledger.periodKind),
    record("period", ledger.period.key),
    ...Object.entries(ledger.unitAliases).map(([name, aliases]) =>
      record("unitAlias", name, aliases.join("|")),
    ),
    ...ledger.documents.map((d) =>
      record("document", d.id, d.title, d.year, d.issuer ?? null, d.date ?? null, d.sourceName ?? null),
    ),
    ...ledger.rows.map((r) => record("row", r.id, r.taskId, r.docId, r.number)),
    ...(ledger.tableColumns ?? []).map((c) => record("tableColumn", c.header, c.role)),
  ];
  return {
    name: SHEET_NAMES.metadata,
    visibility: "veryHidden",
    columns: [
      { key: "kind", header: "", width: 14, style: COLUMN_STYLES.id },
      ...["a", "b", "c", "d", "e", "f"].map((key) => ({
        key,
        header: "",
        width: 20,
        style: COLUMN_STYLES.id,
      })),
    ],
    rows,
  };
}

export type MetadataResult =
  | { ok: true; metadata: LedgerMetadata }
  | { ok: false; code: "not-a-ledger" | "newer-schema" | "damaged-metadata"; message: string };

function optional(value: GridValue): string | undefined {
  const text = trimmedText(value);
  return text === "" ? undefined : text;
}

export function readMetadata(grid: SheetGrid | undefined): MetadataResult {
  if (!grid || trimmedText(grid.rows[0]?.[0] ?? null) !== MARKER) {
    return {
      ok: false,
      code: "not-a-ledger",
      message: "这不是督办台账生成的台账：缺少隐藏的 _duban 数据表。请打开由督办台账生成的台账文件。",
    };
  }
  const values = new Map<string, string>();
  const documents: LedgerDocumentRef[] = [];
  const rows: RowIdentity[] = [];
  const unitAliases: Record<string, string[]> = {};
  const tableColumns: TableColumn[] = [];
  for (const cells of grid.rows) {
    if (!cells) continue;
    const at = (i: number): GridValue => cells[i] ?? null;
    const kind = trimmedText(at(0));
    if (kind === "document") {
      const issuer = optional(at(4));
      const date = optional(at(5));
      const sourceName = optional(at(6));
      documents.push({
        id: trimmedText(at(1)),
        title: cellText(at(2)),
        year: Number(trimmedText(at(3))),
        ...(issuer !== undefined && { issuer }),
        ...(date !== undefined && { date }),
        ...(sourceName !== undefined && { sourceName }),
      });
    } else if (kind === "row") {
      rows.push({
        id: trimmedText(at(1)),
        taskId: trimmedText(at(2)),
        docId: trimmedText(at(3)),
        number: cellText(at(4)),
      });
    } else if (kind === "unitAlias") {
      const name = trimmedText(at(1));
      const aliases = cellText(at(2))
        .split("|")
        .map((a) => a.trim())
        .filter((a) => a !== "");
      if (name) unitAliases[name] = [...(unitAliases[name] ?? []), ...aliases];
    } else if (kind === "tableColumn") {
      const role = trimmedText(at(2));
      if (isColumnRole(role)) tableColumns.push({ header: cellText(at(1)), role });
    } else if (kind) {
      values.set(kind, cellText(at(1)));
    }
  }
  const schemaVersion = Number(values.get("schemaVersion"));
  if (schemaVersion > LEDGER_SCHEMA_VERSION) {
    return {
      ok: false,
      code: "newer-schema",
      message: `这份台账由更新版本的督办台账生成（数据格式第 ${schemaVersion} 版），请升级督办台账后再打开。`,
    };
  }
  const id = values.get("ledgerId")?.trim();
  const year = Number(values.get("year"));
  const periodKind = values.get("periodKind");
  const period = Period.parse(values.get("period") ?? "");
  if (
    !id ||
    !Number.isInteger(schemaVersion) ||
    !Number.isInteger(year) ||
    (periodKind !== "month" && periodKind !== "quarter") ||
    !period
  ) {
    return {
      ok: false,
      code: "damaged-metadata",
      message: "台账的隐藏数据表 _duban 已损坏，无法识别台账编号或期间。",
    };
  }
  return {
    ok: true,
    metadata: {
      schemaVersion,
      id,
      title: values.get("title") ?? "",
      year,
      periodKind,
      period,
      documents,
      rows,
      unitAliases,
      tableColumns,
    },
  };
}
