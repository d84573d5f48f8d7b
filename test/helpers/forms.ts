import ExcelJS from "exceljs";
import { FORM_COLUMNS, FORM_SHEET_NAMES, type FormColumnKey } from "../../src/core/roundtrip";

/** What a unit types into one row of its form, found by 编号; a formula is `{ formula }`. */
export type FormEdit = Partial<Record<FormColumnKey, ExcelJS.CellValue>>;

const columnOf = (key: FormColumnKey): number => FORM_COLUMNS.findIndex((c) => c.key === key) + 1;

/** Opens a 填报 .xlsx as a unit would, lets `change` edit its 进度填报 sheet, and saves it. */
export async function editForm(
  bytes: Uint8Array,
  change: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.getWorksheet(FORM_SHEET_NAMES.progress);
  if (!sheet) throw new Error("no 进度填报 sheet");
  change(sheet, workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Fills rows by their 编号: `{ "1": { actual: 8, progress: "…" } }`. */
export function fillForm(bytes: Uint8Array, edits: Record<string, FormEdit>): Promise<Uint8Array> {
  return editForm(bytes, (sheet) => {
    sheet.eachRow((row) => {
      const number = row.getCell(columnOf("number")).text.trim();
      const edit = edits[number];
      if (!edit || row.number <= 2) return;
      for (const [key, value] of Object.entries(edit) as [FormColumnKey, ExcelJS.CellValue][]) {
        row.getCell(columnOf(key)).value = value;
      }
    });
  });
}
