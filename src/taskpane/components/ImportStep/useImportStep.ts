import { useRef, useState, type ChangeEvent } from "react";
import type { Diagnostic, PlanDocument } from "../../../core/model";
import { parseDocument } from "../../../core/parse";
import { loadPdfJsForBrowser } from "../../../adapters/pdf/browser";
import { readPolicyDocument } from "../../../adapters/text/readDocument";

export const ACCEPTED_FILES =
  ".txt,.md,.docx,.pdf,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** What the step is busy with, named for the progress bar. */
export type ImportWork = { kind: "reading"; fileName: string } | { kind: "parsing"; sourceName: string };

const PASTED = "粘贴的文字";

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

export function useImportStep(onParsed: (document: PlanDocument) => void) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [sourceName, setSourceName] = useState<string>();
  const [work, setWork] = useState<ImportWork>();
  const [parsed, setParsed] = useState<PlanDocument>();
  const [readProblem, setReadProblem] = useState<Diagnostic>();

  const parse = async (source: string, name: string): Promise<void> => {
    setWork({ kind: "parsing", sourceName: name });
    await nextTask();
    const document = parseDocument(source, { sourceName: name });
    setParsed(document);
    setWork(undefined);
    onParsed(document);
  };

  const refuse = (message: string): void => {
    setReadProblem({ code: "unreadable-input", severity: "error", message });
    setWork(undefined);
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
    let read: Awaited<ReturnType<typeof readPolicyDocument>>;
    try {
      read = await readPolicyDocument(bytes, file.name, { loadPdfJs: loadPdfJsForBrowser });
    } catch {
      // The .docx and .pdf readers are separate downloads; they fail when the connection does.
      return refuse(`读取“${file.name}”所需的组件未能加载，请检查网络连接后重试。`);
    }
    if (!read.ok) {
      setReadProblem(read.diagnostic);
      setWork(undefined);
      return;
    }
    setText(read.text);
    setSourceName(file.name);
    await parse(read.text, file.name);
  };

  return {
    fileInput,
    text,
    work,
    parsed,
    /** Problems reading the file, or the parser's diagnostics for what was read. */
    diagnostics: readProblem ? [readProblem] : (parsed?.diagnostics ?? []),
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
  };
}
