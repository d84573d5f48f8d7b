import { useRef, useState, type ChangeEvent } from "react";
import type { Ledger, Period } from "../../../core/model";
import type { ChangeRecord, MergeResult, ReturnedFile } from "../../../core/roundtrip";
import {
  DEFAULT_SEND_TO,
  beijingTimestamp,
  mergeReturns,
  readReturnForm,
  splitLedger,
  withChangeLog,
} from "../../../core/roundtrip";
import type { WorkbookPlan } from "../../../core/sheets";
import { buildWorkbookPlan, keptSentence } from "../../../core/sheets";
import type { LedgerForMergeResult, WriteOptions, WriteResult } from "../../../adapters/excel";
import { readFileBytes } from "../../files";
import { reasonText } from "../../workbook";

/** The Office side of 分发 and 汇总, injected so the component makes no Office call itself. */
export interface RoundTripWorkbook {
  /** The ledger in the open workbook with its 变更记录 records. */
  readLedger(): Promise<LedgerForMergeResult>;
  /** Writes the merged ledger (its sheets replace those of the same names). */
  writeLedger(plan: WorkbookPlan, options?: Pick<WriteOptions, "onProgress">): Promise<WriteResult>;
  /** Opens an .xlsx as a new workbook; undefined where Excel cannot (before ExcelApi 1.8). */
  openAsWorkbook?: (bytes: Uint8Array) => Promise<void>;
}

export const ACCEPTED_RETURNS = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What the step is busy with, for the progress bar. */
export type RoundTripWork =
  | { kind: "reading-ledger" }
  | { kind: "rendering"; done: number; total: number }
  | { kind: "reading-files"; done: number; total: number }
  | { kind: "writing"; done: number; total: number };

export interface GeneratedForm {
  unit: string;
  fileName: string;
  rowCount: number;
  bytes: Uint8Array;
}

export interface Generated {
  period: Period;
  deadline: string;
  forms: GeneratedForm[];
}

/** What a merge of the picked files would do; writing merges them again into the ledger as it is then. */
export interface MergePreview {
  period: Period;
  files: ReturnedFile[];
  result: MergeResult;
}

export interface Notice {
  intent: "success" | "error";
  title: string;
  text: string;
}

const OLD_WEBVIEW =
  "此版本 Excel 的内置浏览器过旧，无法在加载项中读取报回的文件。请在 Excel 网页版或 Microsoft 365 中汇总，或用命令行 duban merge 汇总。";
const LOAD_FAILED = "所需的组件未能加载，请检查网络连接后重试。";

/** ExcelJS is heavy: the .xlsx writer and the returned-form reader load only when first used. */
const loadWriter = () => import("../../../adapters/xlsx/write.js");
const loadReturnedReader = () => import("../../../adapters/xlsx/returned.js");
type ReturnedReader = Awaited<ReturnType<typeof loadReturnedReader>>;

type Fresh = { ok: true; ledger: Ledger; changeLog: ChangeRecord[] } | { ok: false; message: string };

/** One returned file read in the browser; what cannot be read becomes a refusal, never an exception. */
async function readReturned(file: File, reader: ReturnedReader): Promise<ReturnedFile> {
  const fileName = file.name;
  // Checked before reading, so a huge attachment is never loaded into the pane's memory.
  const oversized = reader.refuseOversized(file.size);
  if (oversized) return { fileName, read: oversized };
  try {
    const grids = await reader.readReturnedGrids(await readFileBytes(file));
    if (!grids.ok) return { fileName, read: grids };
    return { fileName, read: readReturnForm(grids.grids) };
  } catch (reason) {
    return { fileName, read: { ok: false, message: `无法读取：${reasonText(reason)}` } };
  }
}

export function useRoundTrip(
  workbook: RoundTripWorkbook | undefined,
  saveFile: (fileName: string, bytes: Uint8Array) => void,
  onWritten: (ledger: Ledger) => void,
  now: () => Date,
) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [ledger, setLedger] = useState<Ledger>();
  const [chosenPeriod, setChosenPeriod] = useState<Period>();
  const [deadline, setDeadline] = useState("");
  const [sendTo, setSendTo] = useState(DEFAULT_SEND_TO);
  const [work, setWork] = useState<RoundTripWork>();
  const [readProblem, setReadProblem] = useState<string>();
  const [generated, setGenerated] = useState<Generated>();
  const [splitNotice, setSplitNotice] = useState<Notice>();
  const [preview, setPreview] = useState<MergePreview>();
  const [mergeNotice, setMergeNotice] = useState<Notice>();
  const period = chosenPeriod ?? ledger?.period;

  /** The ledger as the workbook holds it now, so edits made in Excel since the last read count. */
  const freshLedger = async (): Promise<Fresh> => {
    if (!workbook) return { ok: false, message: "读取工作簿中的台账需要在 Excel 中打开本加载项。" };
    setWork({ kind: "reading-ledger" });
    try {
      const read = await workbook.readLedger();
      if (!read.ok) return read;
      setLedger(read.ledger);
      return { ok: true, ledger: read.ledger, changeLog: read.changeLog };
    } catch (reason) {
      return { ok: false, message: `读取台账失败：${reasonText(reason)}` };
    }
  };

  const readLedger = async (): Promise<void> => {
    setReadProblem(undefined);
    const read = await freshLedger();
    setWork(undefined);
    if (!read.ok) setReadProblem(read.message);
  };

  const generate = async (): Promise<void> => {
    setSplitNotice(undefined);
    setGenerated(undefined);
    const refuse = (text: string): void => {
      setWork(undefined);
      setSplitNotice({ intent: "error", title: "无法生成填报文件", text });
    };
    const read = await freshLedger();
    if (!read.ok) return refuse(read.message);
    const split = splitLedger(read.ledger, period ?? read.ledger.period, {
      ...(deadline !== "" && { deadline }),
      ...(sendTo.trim() !== "" && { sendTo: sendTo.trim() }),
    });
    if (!split.ok) return refuse(split.message);
    const total = split.forms.length;
    setWork({ kind: "rendering", done: 0, total });
    let writer: Awaited<ReturnType<typeof loadWriter>>;
    try {
      writer = await loadWriter();
    } catch {
      return refuse(LOAD_FAILED);
    }
    try {
      const forms: GeneratedForm[] = [];
      for (const form of split.forms) {
        const bytes = await writer.renderWorkbook(form.plan);
        forms.push({ unit: form.unit, fileName: form.fileName, rowCount: form.rowCount, bytes });
        setWork({ kind: "rendering", done: forms.length, total });
      }
      setGenerated({ period: split.period, deadline: split.deadline, forms });
      setWork(undefined);
    } catch (reason) {
      refuse(`生成填报文件时出错：${reasonText(reason)}`);
    }
  };

  const save = (forms: readonly GeneratedForm[]): void => {
    try {
      for (const form of forms) saveFile(form.fileName, form.bytes);
      setSplitNotice({
        intent: "success",
        title: forms.length === 1 ? `已下载“${forms[0]?.fileName}”` : `已下载 ${forms.length} 个文件`,
        text: "请到下载文件夹查看。部分桌面版 Excel 不允许加载项下载文件：若没有看到文件，请改用“在 Excel 中打开”，再另存为。",
      });
    } catch (reason) {
      setSplitNotice({
        intent: "error",
        title: "下载失败",
        text: `${reasonText(reason)}。请改用“在 Excel 中打开”，再另存为文件。`,
      });
    }
  };

  const open = async (form: GeneratedForm): Promise<void> => {
    if (!workbook?.openAsWorkbook) return;
    setSplitNotice(undefined);
    try {
      await workbook.openAsWorkbook(form.bytes);
      setSplitNotice({
        intent: "success",
        title: `已在新窗口中打开“${form.fileName}”`,
        text: `请在新窗口中另存为“${form.fileName}”，再发送给${form.unit}。`,
      });
    } catch (reason) {
      setSplitNotice({ intent: "error", title: `无法打开“${form.fileName}”`, text: reasonText(reason) });
    }
  };

  /** Reads the chosen files, then merges them into the ledger as the workbook holds it now. */
  const mergeFiles = async (files: readonly File[]): Promise<void> => {
    setMergeNotice(undefined);
    setPreview(undefined);
    if (files.length === 0) return;
    const refuse = (text: string): void => {
      setWork(undefined);
      setMergeNotice({ intent: "error", title: "无法汇总", text });
    };
    // The reader counts what each zip entry really inflates to with DecompressionStream.
    if (typeof DecompressionStream === "undefined") return refuse(OLD_WEBVIEW);
    setWork({ kind: "reading-files", done: 0, total: files.length });
    let reader: ReturnedReader;
    try {
      reader = await loadReturnedReader();
    } catch {
      return refuse(LOAD_FAILED);
    }
    const returned: ReturnedFile[] = [];
    for (const file of files) {
      returned.push(await readReturned(file, reader));
      setWork({ kind: "reading-files", done: returned.length, total: files.length });
    }
    const read = await freshLedger();
    if (!read.ok) return refuse(read.message);
    setWork(undefined);
    const mergePeriod = period ?? read.ledger.period;
    const at = beijingTimestamp(now());
    setPreview({
      period: mergePeriod,
      files: returned,
      result: mergeReturns(read.ledger, returned, { period: mergePeriod, at }),
    });
  };

  const write = async (): Promise<void> => {
    if (!workbook || !preview) return;
    setMergeNotice(undefined);
    const fail = (text: string): void => {
      setWork(undefined);
      setMergeNotice({ intent: "error", title: "写入失败", text });
    };
    // Merged again into the ledger as the workbook holds it now, so nothing typed in Excel since is lost.
    const read = await freshLedger();
    if (!read.ok) return fail(read.message);
    const result = mergeReturns(read.ledger, preview.files, {
      period: preview.period,
      at: beijingTimestamp(now()),
    });
    if (result.changes.length === 0) {
      setWork(undefined);
      setPreview(undefined);
      setMergeNotice({ intent: "success", title: "台账无需改动", text: "这些文件的内容已全部在台账中。" });
      return;
    }
    const plan = withChangeLog(buildWorkbookPlan(result.ledger), [...read.changeLog, ...result.changes]);
    setWork({ kind: "writing", done: 0, total: 1 });
    try {
      const written = await workbook.writeLedger(plan, {
        onProgress: (progress) => setWork({ kind: "writing", ...progress }),
      });
      if (!written.ok) return fail(written.message);
      setMergeNotice({
        intent: "success",
        title: "台账已更新",
        text: `${result.changes.length} 处变更已写入台账，并记入“变更记录”表。${keptSentence(written.kept)}`,
      });
      setLedger(result.ledger);
      setPreview(undefined);
      onWritten(result.ledger);
      setWork(undefined);
    } catch (reason) {
      fail(`写入台账失败：${reasonText(reason)}`);
    }
  };

  return {
    inExcel: workbook !== undefined,
    canOpen: workbook?.openAsWorkbook !== undefined,
    ledger,
    period,
    choosePeriod: (next: Period) => {
      setChosenPeriod(next);
      setGenerated(undefined);
      setPreview(undefined);
    },
    deadline,
    setDeadline,
    sendTo,
    setSendTo,
    work,
    busy: work !== undefined,
    readProblem,
    readLedger,
    generated,
    splitNotice,
    generate,
    save,
    open,
    preview,
    mergeNotice,
    fileInput,
    chooseFiles: () => fileInput.current?.click(),
    filesChosen: (event: ChangeEvent<HTMLInputElement>) => {
      const files = [...(event.target.files ?? [])];
      // Cleared so that choosing the same files again (after fixing one) reads them again.
      event.target.value = "";
      void mergeFiles(files);
    },
    write,
  };
}
