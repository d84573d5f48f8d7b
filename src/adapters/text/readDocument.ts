/**
 * File bytes → policy text, in Node and in the browser. .txt/.md are decoded (UTF-8, UTF-16 with a
 * BOM, or GB18030, which older Chinese Windows files use); .docx goes through mammoth, .pdf through
 * pdf.js (which each host loads its own way). Anything else gets a clear Chinese message instead of
 * garbage text.
 */

import type { Diagnostic } from "../../core/model";
import type { PdfJs } from "../pdf/text";
import { MAX_PDF_PAGES, pdfText } from "../pdf/text";
import { checkZip } from "../zip/check";
import { docxHtmlToText } from "./docxHtml";

/** How this host loads the readers that are too heavy to load up front. */
export interface DocumentReaders {
  loadPdfJs: () => Promise<PdfJs>;
}

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const refuse = (code: Diagnostic["code"], message: string): ReadResult => ({
  ok: false,
  diagnostic: { code, severity: "error", message },
});

/** The largest file we try to read: policy documents are far smaller; a zip bomb is not. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * What a .docx may inflate to, checked before mammoth opens it: a long 实施方案 with tables is a few
 * megabytes unpacked; mammoth holds the whole document, its HTML and our text in memory at once.
 */
export const MAX_DOCX_UNPACKED_BYTES = 32 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, ...signature: number[]): boolean =>
  signature.every((b, i) => bytes[i] === b);

export async function readPolicyDocument(
  bytes: Uint8Array,
  fileName: string,
  readers: DocumentReaders,
): Promise<ReadResult> {
  if (bytes.length === 0) return refuse("empty-input", `“${fileName}”是空文件。`);
  if (bytes.length > MAX_FILE_BYTES) {
    return refuse(
      "input-too-large",
      `“${fileName}”有 ${Math.round(bytes.length / 1048576)} MB，超过 50 MB 上限，不像是一份政策文件。`,
    );
  }
  const lower = fileName.toLowerCase();
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (!lower.endsWith(".docx")) {
      return refuse(
        "unreadable-input",
        `“${fileName}”是压缩包或其他 Office 文件，不是 .docx 文档。请提供 .docx、.pdf、.txt 或 .md 文件。`,
      );
    }
    return readDocx(bytes, fileName);
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    return refuse(
      "unreadable-input",
      `“${fileName}”是旧版 Word（.doc）格式。请在 Word 或 WPS 中另存为 .docx 后再导入。`,
    );
  }
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return readPdf(bytes, fileName, readers);
  if (lower.endsWith(".docx"))
    return refuse("unreadable-input", `“${fileName}”不是有效的 .docx 文件（文件可能已损坏）。`);
  return decodeText(bytes, fileName);
}

export function decodeText(bytes: Uint8Array, fileName: string): ReadResult {
  if (startsWith(bytes, 0xff, 0xfe))
    return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (startsWith(bytes, 0xfe, 0xff))
    return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) if (b === 0 || (b < 0x09 && b !== 0x1b)) controls++;
  if (controls > 0) {
    return refuse(
      "binary-input",
      `“${fileName}”不是文本文件（内容像是二进制数据）。请提供 .txt、.md、.docx 或 .pdf 文件。`,
    );
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // Not UTF-8: older Chinese files are GBK/GB18030.
  }
  try {
    return { ok: true, text: new TextDecoder("gb18030", { fatal: true }).decode(bytes) };
  } catch {
    return refuse(
      "unreadable-input",
      `“${fileName}”的文字编码无法识别（既不是 UTF-8 也不是 GBK）。请另存为 UTF-8 文本后再导入。`,
    );
  }
}

/** mammoth's HTML of a .docx: from a Buffer in Node, from an ArrayBuffer in the pane. */
export async function docxToHtml(bytes: Uint8Array): Promise<{ value: string }> {
  const mammoth = await import("mammoth");
  const input =
    typeof Buffer !== "undefined"
      ? { buffer: Buffer.from(bytes) }
      : {
          arrayBuffer: bytes.buffer.slice(
            bytes.byteOffset,
            bytes.byteOffset + bytes.byteLength,
          ) as ArrayBuffer,
        };
  return mammoth.convertToHtml(input);
}

async function readDocx(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const checked = await checkZip(bytes, MAX_DOCX_UNPACKED_BYTES);
  if (checked === "too-large") {
    return refuse(
      "input-too-large",
      `“${fileName}”解压后超过 ${MAX_DOCX_UNPACKED_BYTES / 1048576} MB，不像是一份政策文件（可能是压缩炸弹），未打开。`,
    );
  }
  if (checked !== "ok")
    return refuse("unreadable-input", `“${fileName}”不是有效的 .docx 文件（文件可能已损坏）。`);
  try {
    const result = await docxToHtml(bytes);
    const text = docxHtmlToText(result.value);
    if (!text.trim()) return refuse("empty-input", `“${fileName}”中没有文字。`);
    return { ok: true, text };
  } catch {
    return refuse("unreadable-input", `“${fileName}”无法打开：文件可能已损坏，或不是 Word 文档。`);
  }
}

async function readPdf(bytes: Uint8Array, fileName: string, readers: DocumentReaders): Promise<ReadResult> {
  const read = await pdfText(await readers.loadPdfJs(), bytes);
  if (read.ok) return { ok: true, text: read.text };
  switch (read.code) {
    case "no-text-layer":
      return refuse(
        "unreadable-input",
        `“${fileName}”是扫描件（PDF 中没有文字，只有图像），无法读取。请用文字识别（OCR）转成文字后粘贴进来，或向发文单位索取 .docx 或网页版本。`,
      );
    case "encrypted":
      return refuse("unreadable-input", `“${fileName}”设有打开密码，无法读取。请去掉密码后再导入。`);
    case "too-many-pages":
      return refuse(
        "input-too-large",
        `“${fileName}”有 ${read.pages} 页，超过 ${MAX_PDF_PAGES} 页上限，不像是一份政策文件。`,
      );
    case "unreadable":
      return refuse("unreadable-input", `“${fileName}”无法作为 PDF 打开：文件可能已损坏。`);
  }
}
