import { useDeferredValue, useEffect, useMemo, useState } from "react";
import type { Ledger, Period, ReportSettings } from "../../../core/model";
import { DEFAULT_ISSUER, DEFAULT_RECIPIENTS } from "../../../core/model";
import {
  buildReport,
  defaultRequirements,
  renderReportHtml,
  renderReportText,
  reportSheetPlan,
  type ReportDoc,
} from "../../../core/report";
import { SHEET_NAMES, buildWorkbookPlan } from "../../../core/sheets";
import type { WriteProgress } from "../../../adapters/excel";
import { clipboardRefused } from "../../clipboard";
import { downloadDocx } from "../../files";
import { reasonText, useWorkbook } from "../../workbook";

/** What the last action came to, for the message under the buttons. */
export interface ReportOutcome {
  ok: boolean;
  message: string;
}

/** The settings as typed: empty fields are left for the defaults, not saved as blanks. */
function settingsTyped(recipients: string, issuer: string, scope: string): ReportSettings | undefined {
  const settings: ReportSettings = {
    ...(recipients.trim() !== "" &&
      recipients.trim() !== DEFAULT_RECIPIENTS && { recipients: recipients.trim() }),
    ...(issuer.trim() !== "" && { issuer: issuer.trim() }),
    ...(scope.trim() !== "" && { scope: scope.trim() }),
  };
  return Object.keys(settings).length > 0 ? settings : undefined;
}

const isoToday = (): string => new Date().toISOString().slice(0, 10);

/** A file name Windows accepts: the title without the characters it forbids. */
const docxName = (report: ReportDoc): string => `${report.title.replace(/[\\/:*?"<>|]/g, "")}.docx`;

/**
 * The 通报 step. 主送, 发文单位 and 通报范围 start from the workbook's 设置 sheet and go back there
 * with the 通报, so next month's 通报 signs the same way; they never come from the policy document.
 */
export function useReportStep(
  ledger: Ledger | undefined,
  period: Period | undefined,
  onSaved: (ledger: Ledger) => void,
) {
  const workbook = useWorkbook();
  const [today] = useState(isoToday);
  const [progress, setProgress] = useState<WriteProgress>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ReportOutcome>();

  const saved = ledger?.reportSettings;
  const [recipients, setRecipients] = useState(saved?.recipients ?? DEFAULT_RECIPIENTS);
  const [issuer, setIssuer] = useState(saved?.issuer ?? "");
  const [scope, setScope] = useState(saved?.scope ?? "");
  // A ledger read again from the workbook brings the settings someone typed into 设置 there.
  useEffect(() => {
    setRecipients(saved?.recipients ?? DEFAULT_RECIPIENTS);
    setIssuer(saved?.issuer ?? "");
    setScope(saved?.scope ?? "");
  }, [saved]);
  const [date, setDate] = useState(today);
  /** Undefined until edited: the standard three, which name the issuer, follow the 落款. */
  const [requirements, setRequirements] = useState<string>();

  // Typing in the settings stays quick: the 通报 is built again once React has a moment, not per key.
  const typed = {
    date: useDeferredValue(date),
    recipients: useDeferredValue(recipients),
    issuer: useDeferredValue(issuer),
    scope: useDeferredValue(scope),
    requirements: useDeferredValue(requirements),
  };
  const built = useMemo(() => {
    if (!ledger) return undefined;
    const edited = typed.requirements
      ?.split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    return buildReport(ledger, {
      period: period ?? ledger.period,
      date: typed.date,
      recipients: typed.recipients,
      scope: typed.scope,
      issuer: typed.issuer,
      ...(edited !== undefined && { requirements: edited }),
    });
  }, [ledger, period, typed.date, typed.recipients, typed.issuer, typed.scope, typed.requirements]);
  const report = built?.ok ? built.report : undefined;
  const shownRequirements = requirements ?? (report ? defaultRequirements(report.issuer).join("\n") : "");
  const text = useMemo(() => (report ? renderReportText(report) : ""), [report]);

  /**
   * The 通报 sheet and 设置 (with the settings used) are replaced; the rest of the workbook, and what
   * people typed there, stays.
   */
  const writeSheet = async (): Promise<void> => {
    if (!workbook || !ledger || !report) return;
    const reportSheet = reportSheetPlan(report);
    const { reportSettings: _previous, ...rest } = ledger;
    const typed = settingsTyped(recipients, issuer, scope);
    const withSettings: Ledger = { ...rest, ...(typed && { reportSettings: typed }) };
    const full = buildWorkbookPlan(withSettings, { reportSheet });
    const plan = { ...full, sheets: [reportSheet] };
    setOutcome(undefined);
    setBusy(true);
    setProgress({ done: 0, total: 1 });
    try {
      const written = await workbook.writePlan(plan, { onProgress: setProgress });
      const result = written.ok ? await workbook.writeReportSettings(typed) : written;
      if (result.ok) onSaved(withSettings);
      setOutcome(
        result.ok
          ? {
              ok: true,
              message: `已写入“${reportSheet.name}”工作表；主送、发文单位和通报范围已保存到“${SHEET_NAMES.settings}”工作表。`,
            }
          : { ok: false, message: result.message },
      );
    } catch (reason) {
      setOutcome({ ok: false, message: `写入通报失败：${reasonText(reason)}` });
    } finally {
      setProgress(undefined);
      setBusy(false);
    }
  };

  /** With formatting where the webview can (ClipboardItem), so a paste into Word keeps headings and tables. */
  const copy = async (): Promise<void> => {
    if (!report) return;
    setOutcome(undefined);
    try {
      if ("ClipboardItem" in window) {
        const html = renderReportHtml(report);
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/html": new Blob([html], { type: "text/html" }),
            "text/plain": new Blob([text], { type: "text/plain" }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      setOutcome({ ok: true, message: "通报全文已复制，可粘贴到 Word、WPS 或公文系统中。" });
    } catch (reason) {
      setOutcome({ ok: false, message: clipboardRefused(reason, "通报全文") });
    }
  };

  const download = async (): Promise<void> => {
    if (!report) return;
    setOutcome(undefined);
    setBusy(true);
    try {
      // docx is heavy: it loads only when someone asks for the file.
      const { renderReportDocx } = await import("../../../adapters/docx/index.js");
      downloadDocx(docxName(report), await renderReportDocx(report));
      setOutcome({
        ok: true,
        message: `已生成“${docxName(report)}”。如果没有看到下载，说明此 Excel 不允许任务窗格下载文件，请写入“通报”工作表或复制全文。`,
      });
    } catch (reason) {
      setOutcome({
        ok: false,
        message: `无法生成 .docx 文件：${reasonText(reason)}。请写入“通报”工作表或复制全文。`,
      });
    } finally {
      setBusy(false);
    }
  };

  return {
    settings: {
      recipients,
      setRecipients,
      issuer,
      /** What the 通报 signs with when the field is left empty. */
      issuerPlaceholder: DEFAULT_ISSUER,
      issuerIsDefault: built?.ok === true && built.issuerIsDefault,
      setIssuer,
      scope,
      setScope,
      date,
      setDate,
      requirements: shownRequirements,
      setRequirements,
    },
    inExcel: workbook !== undefined,
    error: built?.ok === false ? built.message : undefined,
    report,
    text,
    progress,
    busy,
    outcome,
    writeSheet,
    copy,
    download,
  };
}
