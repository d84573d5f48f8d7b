import { useRef, useState, type ChangeEvent } from "react";
import type { Adoption, AdoptionResult, CellGrid } from "../../../core/adopt";
import { bestAdoption, readsBetterAsTable } from "../../../core/adopt";
import type { Diagnostic, PlanDocument, TableColumn } from "../../../core/model";
import { parseDocument } from "../../../core/parse";
import type { TableSource } from "../../../adapters/excel";
import { loadPdfJsForBrowser } from "../../../adapters/pdf/browser";
import { readPolicyDocument } from "../../../adapters/text/readDocument";
import { reasonText, useWorkbook } from "../../workbook";

export const ACCEPTED_FILES = [
  ".txt",
  ".md",
  ".docx",
  ".pdf",
  ".xlsx",
  ".csv",
  "text/plain",
  "text/markdown",
  "text/csv",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
].join(",");

/** What the step is busy with, named for the progress bar. */
export type ImportWork =
  | { kind: "reading"; fileName: string }
  | { kind: "parsing"; sourceName: string }
  | { kind: "table"; source: TableSource };

const PASTED = "粘贴的文字";
const isTableFile = (name: string): boolean => /\.(?:xlsx|csv)$/i.test(name);

function readBytes(file: File): Promise<Uint8Array> {
  // FileReader rather than Blob.arrayBuffer(): every Office webview has it.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

/** Lets the progress bar paint before parsing holds the main thread. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * 导入: a policy document's text (pasted or from a file), or the office's own task table (the open
 * sheet, the selection, an .xlsx, .csv or a .docx with one). A table is adopted with the column
 * mapping the workbook's ledger remembers from last time; nothing is written until 写入台账.
 */
export function useImportStep(
  onParsed: (document: PlanDocument, adoption: Adoption | undefined, source: string) => void,
) {
  const workbook = useWorkbook();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [sourceName, setSourceName] = useState<string>();
  const [work, setWork] = useState<ImportWork>();
  const [parsed, setParsed] = useState<PlanDocument>();
  const [adopted, setAdopted] = useState<Adoption>();
  const [readProblem, setReadProblem] = useState<Diagnostic>();

  /** `source`: the text the document's spans count in (a table's, as its rows were read). */
  const show = (document: PlanDocument, source: string, adoption?: Adoption): void => {
    setParsed(document);
    setAdopted(adoption);
    setWork(undefined);
    onParsed(document, adoption, source);
  };

  const parse = async (source: string, name: string): Promise<void> => {
    setWork({ kind: "parsing", sourceName: name });
    await nextTask();
    show(parseDocument(source, { sourceName: name }), source);
  };

  const refuse = (message: string): void => {
    setReadProblem({ code: "unreadable-input", severity: "error", message });
    setWork(undefined);
  };

  /** The columns the ledger in this workbook was adopted with last month, if it was. */
  const remembered = async (): Promise<TableColumn[] | undefined> => {
    if (!workbook) return undefined;
    try {
      const read = await workbook.readLedger();
      return read.ok ? read.ledger.tableColumns : undefined;
    } catch {
      // No ledger in this workbook yet: nothing to remember, as in the first month.
      return undefined;
    }
  };

  const adopt = async (grids: readonly CellGrid[]) => {
    const tableColumns = await remembered();
    return bestAdoption(grids, {
      fallbackYear: new Date().getFullYear(),
      ...(tableColumns && { remembered: tableColumns }),
    });
  };

  const adoptFile = async (
    bytes: Uint8Array,
    name: string,
  ): Promise<AdoptionResult | { ok: false; message: string }> => {
    // ExcelJS, Papa Parse and mammoth load only when someone brings a table.
    const { readTableFile } = await import("../../../adapters/table/index.js");
    const tables = await readTableFile(bytes, name);
    if (!tables.ok) return tables;
    const adoption = await adopt(tables.grids);
    return adoption.ok ? adoption : { ...adoption, message: `“${name}”：${adoption.message}` };
  };

  const importFile = async (file: File): Promise<void> => {
    setReadProblem(undefined);
    setWork({ kind: "reading", fileName: file.name });
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(file);
    } catch {
      return refuse(`无法读取“${file.name}”，请检查文件是否仍在原处。`);
    }
    try {
      if (isTableFile(file.name)) {
        const adoption = await adoptFile(bytes, file.name);
        return adoption.ok
          ? show(adoption.table.plan, adoption.table.text, adoption)
          : refuse(adoption.message);
      }
      const read = await readPolicyDocument(bytes, file.name, { loadPdfJs: loadPdfJsForBrowser });
      if (!read.ok) {
        setReadProblem(read.diagnostic);
        setWork(undefined);
        return;
      }
      // A Word document whose text shows table rows may be the office's task table.
      if (/\.docx$/i.test(file.name) && /^\|.*\|$/m.test(read.text)) {
        const adoption = await adoptFile(bytes, file.name);
        if (readsBetterAsTable(adoption, parseDocument(read.text, { sourceName: file.name })))
          return show(adoption.table.plan, adoption.table.text, adoption);
      }
      setText(read.text);
      setSourceName(file.name);
      await parse(read.text, file.name);
    } catch {
      // The .docx, .xlsx and .pdf readers are separate downloads; they fail when the connection does.
      refuse(`读取“${file.name}”所需的组件未能加载，请检查网络连接后重试。`);
    }
  };

  const importFromWorkbook = async (source: TableSource): Promise<void> => {
    if (!workbook) return;
    setReadProblem(undefined);
    setWork({ kind: "table", source });
    try {
      const read = await workbook.readTable(source);
      if (!read.ok) return refuse(read.message);
      const adoption = await adopt([read.grid]);
      if (!adoption.ok) return refuse(adoption.message);
      show(adoption.table.plan, adoption.table.text, adoption);
    } catch (reason) {
      refuse(`读取工作表时 Excel 报错：${reasonText(reason)}`);
    }
  };

  return {
    fileInput,
    text,
    work,
    parsed,
    adopted,
    inExcel: workbook !== undefined,
    /** Problems reading the file, or the parser's diagnostics for what was read. */
    diagnostics: readProblem ? [readProblem] : (adopted?.table.diagnostics ?? parsed?.diagnostics ?? []),
    canParse: work === undefined && text.trim().length > 0,
    changeText: (value: string) => {
      setText(value);
      setSourceName(undefined);
    },
    chooseFile: () => fileInput.current?.click(),
    fileChosen: (event: ChangeEvent<HTMLInputElement>) => {
      const file = event.target.files?.[0];
      // Cleared so that choosing the same file again (after fixing it) reads it again.
      event.target.value = "";
      if (file) void importFile(file);
    },
    parseText: () => {
      setReadProblem(undefined);
      void parse(text, sourceName ?? PASTED);
    },
    useSheet: () => void importFromWorkbook("sheet"),
    useSelection: () => void importFromWorkbook("selection"),
  };
}
