import type { ReportSettings } from "../../core/model";
import { REPORT_SETTING_LABELS, SHEET_NAMES } from "../../core/sheets";
import { cellEntry } from "./entries";

export type SettingsWriteResult = { ok: true } | { ok: false; message: string };

/** How far down 设置 its labels are looked for: the settings block sits at the top. */
const LABEL_ROWS = 40;

/**
 * The 通报's settings into the cells beside their labels in 设置, in three syncs. Only those cells
 * change: replacing the sheet would break the formulas of 进度填报 that read its period table.
 */
export async function writeReportSettings(
  context: Excel.RequestContext,
  settings: ReportSettings | undefined,
): Promise<SettingsWriteResult> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const sheet = sheets.items.find((s) => s.name.trim() === SHEET_NAMES.settings);
  if (!sheet) {
    return { ok: false, message: `工作簿中没有“${SHEET_NAMES.settings}”工作表，请先写入台账。` };
  }
  const labels = sheet.getRangeByIndexes(0, 0, LABEL_ROWS, 1);
  labels.load("values");
  await context.sync();
  const rows = labels.values.map((row) => String(row[0] ?? "").trim());
  const wanted: [string, string | undefined][] = [
    [REPORT_SETTING_LABELS.issuer, settings?.issuer],
    [REPORT_SETTING_LABELS.recipients, settings?.recipients],
    [REPORT_SETTING_LABELS.scope, settings?.scope],
  ];
  const missing = wanted.filter(([label]) => !rows.includes(label)).map(([label]) => `“${label}”`);
  if (missing.length > 0) {
    return {
      ok: false,
      message: `“${SHEET_NAMES.settings}”工作表中没有${missing.join("、")}一行（台账由旧版本生成），请先重新写入台账。`,
    };
  }
  for (const [label, value] of wanted) {
    // "" empties the cell; null would leave what was there.
    sheet.getRange(`B${rows.indexOf(label) + 1}`).values = [[cellEntry(value ?? "") ?? ""]];
  }
  await context.sync();
  return { ok: true };
}
