import type { Diagnostic, DiagnosticCode, Period, Status } from "../model";
import { cellDiagnostic, readStatusWord } from "../model";
import { cellAddress } from "../sheets/cells";
import type { GridValue, SheetGrid } from "../sheets/grid";
import { cellNumber, cellText, gridCell, trimmedText } from "../sheets/grid";
import type { RowIdentity } from "../sheets/metadata";
import { readMetadata } from "../sheets/metadata";
import type { FormColumnKey } from "./form";
import { FORM_COLUMNS, FORM_KIND, FORM_RECORDS, FORM_SHEET_NAMES } from "./form";

/** What a unit wrote on one row of its form; empty fields are empty strings or absent. */
export interface ReturnedEntry {
  rowId: string;
  actual?: number;
  /** 完成值 that is not a number, as sent: kept and shown, never read as the number it may hold. */
  actualText?: string;
  status?: Status;
  /** 状态 not on the list, as sent: kept and flagged, not counted as the status it may mean. */
  statusText?: string;
  /** 起始值 the unit set, when it set one. */
  baseline?: number;
  /** 进展情况 as typed. */
  progress: string;
  problems: string;
  /** What could not be read as a value (`完成值原文：约5家`): merged into 进展情况 so it is not lost. */
  kept: string[];
}

/** Something read other than as written (a warning on the form's 进度填报 sheet); always kept, never dropped. */
export function formNote(code: DiagnosticCode, message: string, cell?: string): Diagnostic {
  return cellDiagnostic(code, "warning", FORM_SHEET_NAMES.progress, message, cell);
}

export interface ReturnForm {
  ledgerId: string;
  unit: string;
  period: Period;
  entries: ReturnedEntry[];
  /** Rows the form was sent with that are no longer in it (deleted by the unit). */
  missingRows: RowIdentity[];
  notes: Diagnostic[];
}

export type FormRefusalCode =
  "not-a-form" | "newer-schema" | "damaged-metadata" | "missing-sheet" | "missing-column";

export type ReadFormResult =
  { ok: true; form: ReturnForm } | { ok: false; code: FormRefusalCode; message: string };

/** Cells a note lists by address before it just counts them. */
const MAX_CELLS_NAMED = 10;

const normaliseHeader = (text: string): string => text.replace(/\s+/g, "");

/** The header row among the first ten: the one naming the most form columns. */
function findColumns(
  grid: SheetGrid,
): { headerRow: number; columns: Map<FormColumnKey, number> } | undefined {
  const byHeader = new Map(FORM_COLUMNS.map((c) => [normaliseHeader(c.header), c.key]));
  let best: { row: number; hits: number } | undefined;
  for (let row = 1; row <= Math.min(10, grid.rows.length); row++) {
    const hits = (grid.rows[row - 1] ?? []).filter((v) => byHeader.has(normaliseHeader(cellText(v)))).length;
    if (hits >= 3 && (!best || hits > best.hits)) best = { row, hits };
  }
  if (!best) return undefined;
  const columns = new Map<FormColumnKey, number>();
  (grid.rows[best.row - 1] ?? []).forEach((value, index) => {
    const key = byHeader.get(normaliseHeader(cellText(value)));
    if (key !== undefined && !columns.has(key)) columns.set(key, index + 1);
  });
  return { headerRow: best.row, columns };
}

/** The form's own `_duban` records (unit, kind); readMetadata reads the ledger's part. */
function formRecords(grid: SheetGrid): Map<string, string> {
  const records = new Map<string, string>();
  for (const cells of grid.rows) {
    const kind = trimmedText(cells?.[0] ?? null);
    if (kind === FORM_RECORDS.form || kind === FORM_RECORDS.unit)
      records.set(kind, trimmedText(cells?.[1] ?? null));
  }
  return records;
}

/**
 * A returned 填报 workbook's grids into what the unit reported. Rows are found by their hidden ID
 * (or by 编号 when the ID column is gone), so reordered rows read the same; what cannot be read as
 * a value is kept as text (for 进展情况) with a note. Text beginning with `=` stays text.
 */
export function readReturnForm(grids: readonly SheetGrid[]): ReadFormResult {
  const find = (name: string): SheetGrid | undefined => grids.find((g) => g.name.trim() === name);
  const metadataGrid = find("_duban");
  const metadata = readMetadata(metadataGrid);
  if (!metadata.ok) {
    const code = metadata.code;
    return code === "not-a-ledger"
      ? { ok: false, code: "not-a-form", message: "这不是督办台账分发的填报文件：缺少隐藏的 _duban 数据表。" }
      : { ok: false, code, message: metadata.message };
  }
  const records = metadataGrid ? formRecords(metadataGrid) : new Map<string, string>();
  const unit = records.get(FORM_RECORDS.unit);
  if (records.get(FORM_RECORDS.form) !== FORM_KIND || !unit) {
    return {
      ok: false,
      code: "not-a-form",
      message: "这是台账文件，不是分发给单位的填报文件；请选择各单位报回的“填报-…”文件。",
    };
  }
  const grid = find(FORM_SHEET_NAMES.progress);
  if (!grid) {
    return {
      ok: false,
      code: "missing-sheet",
      message: `填报文件缺少“${FORM_SHEET_NAMES.progress}”表，无法汇总。`,
    };
  }
  const map = findColumns(grid);
  const inputs: FormColumnKey[] = ["actual", "reportedStatus", "progress", "problems"];
  const absent = inputs.filter((key) => !map?.columns.has(key));
  if (!map || absent.length > 0) {
    const names = absent.map((key) => FORM_COLUMNS.find((c) => c.key === key)?.header ?? key);
    return {
      ok: false,
      code: "missing-column",
      message: `“${FORM_SHEET_NAMES.progress}”表中找不到${names.length > 0 ? `“${names.join("”“")}”列` : "表头"}，无法汇总。`,
    };
  }

  const value = (row: number, key: FormColumnKey): GridValue => {
    const column = map.columns.get(key);
    return column === undefined ? null : gridCell(grid, row, column);
  };
  const address = (row: number, key: FormColumnKey): string => cellAddress(row, map.columns.get(key) ?? 1);
  const identities = metadata.metadata.rows;
  const byId = new Map(identities.map((identity) => [identity.id, identity]));
  const byNumber = new Map(identities.map((identity) => [identity.number.trim(), identity]));
  const notes: Diagnostic[] = [];
  const entries = new Map<string, ReturnedEntry>();
  // Cells with a formula or text beginning with `=`: one note for the file, not one per cell.
  const formulaCells: string[] = [];

  for (let row = map.headerRow + 1; row <= grid.rows.length; row++) {
    const written = trimmedText(value(row, "rowId"));
    const number = trimmedText(value(row, "number"));
    if (!written && !number) continue;
    const identity = map.columns.has("rowId") ? byId.get(written) : byNumber.get(number);
    if (!identity) {
      notes.push(
        formNote(
          "unknown-row",
          `第 ${row} 行（编号 ${number || "空"}）不是分发时的任务，未汇总。`,
          address(row, "number"),
        ),
      );
      continue;
    }
    if (entries.has(identity.id)) {
      notes.push(
        formNote(
          "duplicate-row",
          `第 ${row} 行与前面的行是同一项任务（编号 ${identity.number}），按前面一行汇总。`,
          address(row, "number"),
        ),
      );
      continue;
    }
    const kept: string[] = [];
    const text = (key: FormColumnKey): string => {
      const read = cellText(value(row, key)).trim();
      if (read.startsWith("=")) formulaCells.push(address(row, key));
      return read;
    };

    // Numbers are read strictly, as the workbook's formulas read them: text is kept as sent and flagged.
    let actual: number | undefined;
    let actualText: string | undefined;
    const writtenActual = text("actual");
    if (writtenActual) {
      const number = writtenActual.startsWith("=") ? undefined : cellNumber(value(row, "actual"));
      if (number?.exact) actual = number.value;
      else {
        actualText = writtenActual;
        if (!writtenActual.startsWith("=")) {
          notes.push(
            formNote(
              "text-in-number",
              `第 ${row} 行完成值“${writtenActual}”不是数字，已原样保留，未按数字汇总；请改为数字。`,
              address(row, "actual"),
            ),
          );
        }
      }
    }
    let status: Status | undefined;
    let statusText: string | undefined;
    const reading = readStatusWord(text("reportedStatus"));
    if (reading?.kind === "listed") status = reading.status;
    else if (reading) {
      statusText = reading.written;
      const guess = reading.kind === "synonym" ? `（可能是“${reading.status}”）` : "";
      notes.push(
        formNote(
          "unknown-status",
          `第 ${row} 行状态“${reading.written}”不在列表中${guess}，已原样保留，未按该状态计；请从列表中选择。`,
          address(row, "reportedStatus"),
        ),
      );
    }
    let baseline: number | undefined;
    const writtenBaseline = text("baseline");
    if (writtenBaseline) {
      const number = writtenBaseline.startsWith("=") ? undefined : cellNumber(value(row, "baseline"));
      if (number?.exact) baseline = number.value;
      else {
        notes.push(
          formNote(
            "text-in-number",
            `第 ${row} 行起始值“${writtenBaseline}”不是数字，未采用；原文记入进展情况。`,
            address(row, "baseline"),
          ),
        );
        kept.push(`起始值原文：${writtenBaseline}`);
      }
    }
    entries.set(identity.id, {
      rowId: identity.id,
      ...(actual !== undefined && { actual }),
      ...(actualText !== undefined && { actualText }),
      ...(status !== undefined && { status }),
      ...(statusText !== undefined && { statusText }),
      ...(baseline !== undefined && { baseline }),
      progress: text("progress"),
      problems: text("problems"),
      kept,
    });
  }

  if (formulaCells.length > 0) {
    const shown = formulaCells.slice(0, MAX_CELLS_NAMED).join("、");
    const more = formulaCells.length > MAX_CELLS_NAMED ? `等 ${formulaCells.length} 个单元格` : "";
    notes.push(
      formNote(
        "formula-as-text",
        `${shown}${more}中以“=”开头的内容（公式或文字）已按文字保存，不作计算。`,
        formulaCells[0],
      ),
    );
  }
  return {
    ok: true,
    form: {
      ledgerId: metadata.metadata.id,
      unit,
      period: metadata.metadata.period,
      // In the order the form was sent, whatever order the unit left its rows in.
      entries: identities.flatMap((identity) => entries.get(identity.id) ?? []),
      missingRows: identities.filter((identity) => !entries.has(identity.id)),
      notes,
    },
  };
}
