import { useMemo, useState } from "react";
import type { Ledger, Period } from "../../../core/model";
import {
  buildReport,
  DEFAULT_REPORT_OPTIONS,
  defaultRequirements,
  renderReportHtml,
  renderReportText,
  reportSheetPlan,
  type ReportDoc,
} from "../../../core/report";
import { buildWorkbookPlan } from "../../../core/sheets";
import type { WriteProgress } from "../../../adapters/excel";
import { downloadDocx } from "../../files";
import { reasonText, useWorkbook } from "../../workbook";

/** What the last action came to, for the message under the buttons. */
export interface ReportOutcome {
  ok: boolean;
  message: string;
}

const isoToday = (): string => new Date().toISOString().slice(0, 10);

/** A file name Windows accepts: the title without the characters it forbids. */
const docxName = (report: ReportDoc): string => `${report.title.replace(/[\\/:*?"<>|]/g, "")}.docx`;

export function useReportStep(ledger: Ledger | undefined, period: Period | undefined) {
  const workbook = useWorkbook();
  const [today] = useState(isoToday);
  const [progress, setProgress] = useState<WriteProgress>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ReportOutcome>();

  const [recipients, setRecipients] = useState(DEFAULT_REPORT_OPTIONS.recipients);
  const [issuer, setIssuer] = useState("");
  const [date, setDate] = useState(today);
  /** Undefined until edited: the standard three, which name the issuer, follow the 落款. */
  const [requirements, setRequirements] = useState<string>();

  const built = useMemo(() => {
    if (!ledger) return undefined;
    const edited = requirements
      ?.split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    return buildReport(ledger, {
      period: period ?? ledger.period,
      date,
      recipients,
      ...(issuer.trim() !== "" && { issuer }),
      ...(edited !== undefined && { requirements: edited }),
    });
  }, [ledger, period, date, recipients, issuer, requirements]);
  const report = built?.ok ? built.report : undefined;
  const shownRequirements = requirements ?? (report ? defaultRequirements(report.issuer).join("\n") : "");
  const text = useMemo(() => (report ? renderReportText(report) : ""), [report]);

  /** Only the 通报 sheet is replaced: the rest of the workbook, and what people typed there, stays. */
  const writeSheet = async (): Promise<void> => {
    if (!workbook || !ledger || !report) return;
    const reportSheet = reportSheetPlan(report);
    const full = buildWorkbookPlan(ledger, { reportSheet });
    const plan = { ...full, sheets: [reportSheet] };
    setOutcome(undefined);
    setBusy(true);
    setProgress({ done: 0, total: 1 });
    try {
      const result = await workbook.writePlan(plan, { onProgress: setProgress });
      setOutcome(
        result.ok
          ? { ok: true, message: `已写入“${reportSheet.name}”工作表。` }
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
      setOutcome({
        ok: false,
        message: `无法访问剪贴板（${reasonText(reason)}）。请在“通报全文”框中按 Ctrl+A 全选，再按 Ctrl+C 复制。`,
      });
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
      issuerPlaceholder: report?.issuer ?? "",
      setIssuer,
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
