import { useMemo, useState } from "react";
import type { Ledger, Period } from "../../../core/model";
import { chineseDate } from "../../../core/model";
import {
  DEFAULT_NOTICE_DAYS,
  REMIND_SHEET_NAME,
  buildNotices,
  buildReminders,
  defaultRemindDays,
  nothingToNotify,
  nothingToRemind,
  noticesEarlierInYear,
  noticesWithoutLeadNote,
  remindWorkbookPlan,
  reminderScope,
  reminderTally,
  remindersWithoutLeadNote,
  renderRemindersText,
} from "../../../core/report";
import type { WriteProgress } from "../../../adapters/excel";
import { clipboardRefused } from "../../clipboard";
import { downloadDocx } from "../../files";
import { reasonText, useWorkbook } from "../../workbook";

/** What the last action of a section came to, for the message under its buttons. */
export interface SuperviseOutcome {
  ok: boolean;
  message: string;
}

/** The label of the box holding the messages, named again in the clipboard's fallback. */
export const REMINDER_BOX_LABEL = "催办消息";

/** The number in a days field; undefined while it is empty, so the core's default applies. */
function typedDays(text: string): number | undefined {
  return text.trim() === "" ? undefined : Number(text);
}

/**
 * 督办通知单 and 催办 for the period the 通报 step shows, signed and dated as its 通报 is. The core
 * decides who is behind and what falls due; this hook only passes the fields on and acts on the result.
 */
export function useSuperviseStep(ledger: Ledger, period: Period, issuer: string, date: string) {
  const workbook = useWorkbook();
  const [noticeDays, setNoticeDays] = useState(String(DEFAULT_NOTICE_DAYS));
  /** Undefined until edited: 设置's 临期提醒天数, which a ledger read again may change. */
  const [remindDays, setRemindDays] = useState<string>();
  const [downloading, setDownloading] = useState(false);
  const [progress, setProgress] = useState<WriteProgress>();
  const [noticeOutcome, setNoticeOutcome] = useState<SuperviseOutcome>();
  const [remindOutcome, setRemindOutcome] = useState<SuperviseOutcome>();

  // Judging the year's earlier periods is the slow part: done once a period, not at every keystroke.
  const firstNumber = useMemo(() => noticesEarlierInYear(ledger, period) + 1, [ledger, period]);
  const builtNotices = useMemo(() => {
    const dueInDays = typedDays(noticeDays);
    return buildNotices(ledger, {
      period,
      date,
      issuer,
      firstNumber,
      ...(dueInDays !== undefined && { dueInDays }),
    });
  }, [ledger, period, date, issuer, noticeDays, firstNumber]);
  const notices = builtNotices.ok ? builtNotices.notices : undefined;

  const shownRemindDays = remindDays ?? String(defaultRemindDays(ledger));
  const builtReminders = useMemo(() => {
    const days = typedDays(shownRemindDays);
    return buildReminders(ledger, { date, period, ...(days !== undefined && { days }) });
  }, [ledger, period, date, shownRemindDays]);
  const reminders = builtReminders.ok ? builtReminders.reminders : undefined;
  const reminderMessages = useMemo(() => (reminders ? renderRemindersText(reminders) : ""), [reminders]);

  const noticeFileName = `督办通知单-${period.label}.docx`;

  const downloadNotices = async (): Promise<void> => {
    if (!notices || notices.length === 0) return;
    setNoticeOutcome(undefined);
    setDownloading(true);
    try {
      // docx is heavy: it loads only when someone asks for the file, as the 通报's download does.
      const { renderNoticesDocx } = await import("../../../adapters/docx/index.js");
      downloadDocx(noticeFileName, await renderNoticesDocx(notices));
      setNoticeOutcome({
        ok: true,
        message: `已生成“${noticeFileName}”（${notices.length}个单位，每个单位一页）。如果没有看到下载，说明此 Excel 不允许任务窗格下载文件，请在 Excel 网页版中下载。`,
      });
    } catch (reason) {
      setNoticeOutcome({ ok: false, message: `无法生成督办通知单：${reasonText(reason)}` });
    } finally {
      setDownloading(false);
    }
  };

  const copyReminders = async (): Promise<void> => {
    if (!reminderMessages) return;
    setRemindOutcome(undefined);
    try {
      await navigator.clipboard.writeText(reminderMessages);
      setRemindOutcome({ ok: true, message: "催办消息已复制，可粘贴到邮件或微信中。" });
    } catch (reason) {
      setRemindOutcome({ ok: false, message: clipboardRefused(reason, REMINDER_BOX_LABEL) });
    }
  };

  /** Replaces the 催办清单 sheet only; the ledger's sheets are left as they are. */
  const writeReminderSheet = async (): Promise<void> => {
    if (!workbook || !reminders || reminders.units.length === 0) return;
    // Written into the ledger's workbook: File → Info keeps the ledger's title.
    const plan = { ...remindWorkbookPlan(reminders), title: ledger.title };
    setRemindOutcome(undefined);
    setProgress({ done: 0, total: 1 });
    try {
      const written = await workbook.writePlan(plan, { onProgress: setProgress });
      setRemindOutcome(
        written.ok
          ? { ok: true, message: `已写入“${REMIND_SHEET_NAME}”工作表（${reminderTally(reminders)}）。` }
          : { ok: false, message: written.message },
      );
    } catch (reason) {
      setRemindOutcome({ ok: false, message: `写入催办清单失败：${reasonText(reason)}` });
    } finally {
      setProgress(undefined);
    }
  };

  return {
    inExcel: workbook !== undefined,
    notice: {
      days: noticeDays,
      defaultDays: DEFAULT_NOTICE_DAYS,
      setDays: setNoticeDays,
      error: builtNotices.ok ? undefined : builtNotices.message,
      notices,
      /** Said when the period has no unit to notify. */
      none: notices?.length === 0 ? `${nothingToNotify(period)}。` : undefined,
      withoutLead: builtNotices.ok ? noticesWithoutLeadNote(builtNotices.withoutLead) : "",
      issuerIsDefault: builtNotices.ok && builtNotices.issuerIsDefault,
      downloading,
      outcome: noticeOutcome,
      download: downloadNotices,
    },
    remind: {
      days: shownRemindDays,
      defaultDays: defaultRemindDays(ledger),
      setDays: setRemindDays,
      error: builtReminders.ok ? undefined : builtReminders.message,
      /** `截至…，7日内…的未完成任务：共3个单位、8条。`, or what says nothing is due. */
      summary: reminders
        ? reminders.units.length === 0
          ? nothingToRemind(reminders)
          : `${reminderScope(reminders)}：${reminderTally(reminders)}。`
        : undefined,
      /** The day the days left count from, as the list says it. */
      countsFrom: reminders ? chineseDate(reminders.date) : undefined,
      hasReminders: reminders !== undefined && reminders.units.length > 0,
      messages: reminderMessages,
      withoutLead: reminders ? remindersWithoutLeadNote(reminders) : "",
      progress,
      outcome: remindOutcome,
      copy: copyReminders,
      writeSheet: writeReminderSheet,
    },
  };
}
