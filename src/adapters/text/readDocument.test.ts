import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel } from "docx";
import { pdfJsInChild } from "../../../test/helpers/pdfjs";
import { readPolicyDocument } from "./readDocument";
import { docxBomb } from "../../../test/helpers/zip";

const READERS = { loadPdfJs: () => Promise.resolve(pdfJsInChild) };

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function docxOf(): Promise<Uint8Array> {
  const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "某市2025年卫生健康工作要点", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("1.新建社区医院3家。（责任单位：市卫健委，市财政局）")] }),
          new Table({
            rows: [
              new TableRow({ children: ["序号", "工作任务", "责任单位"].map(cell) }),
              new TableRow({ children: ["1", "建成智慧医院2家", "市卫健委 | 市数据局"].map(cell) }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("readPolicyDocument", () => {
  it("decodes UTF-8, with or without a BOM", async () => {
    await expect(readPolicyDocument(utf8("\ufeff工作要点"), "a.txt", READERS)).resolves.toEqual({
      ok: true,
      text: "工作要点",
    });
    await expect(readPolicyDocument(utf8("工作要点"), "a.md", READERS)).resolves.toEqual({
      ok: true,
      text: "工作要点",
    });
  });

  it("decodes GB18030 (GBK) files from older Chinese Windows", async () => {
    // 卫生健康 in GBK
    const gbk = new Uint8Array([0xce, 0xc0, 0xc9, 0xfa, 0xbd, 0xa1, 0xbf, 0xb5]);
    await expect(readPolicyDocument(gbk, "old.txt", READERS)).resolves.toEqual({
      ok: true,
      text: "卫生健康",
    });
  });

  it("decodes UTF-16 with a BOM", async () => {
    const text = "要点";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bytes[2 + 2 * i] = code & 0xff;
      bytes[3 + 2 * i] = code >> 8;
    }
    await expect(readPolicyDocument(bytes, "w.txt", READERS)).resolves.toEqual({ ok: true, text });
  });

  it("reads .docx through mammoth, keeping headings and table rows", async () => {
    const read = await readPolicyDocument(await docxOf(), "要点.docx", READERS);
    expect(read.ok).toBe(true);
    const text = read.ok ? read.text : "";
    expect(text).toContain("# 某市2025年卫生健康工作要点");
    expect(text).toContain("1.新建社区医院3家。（责任单位：市卫健委，市财政局）");
    expect(text).toContain("| 序号 | 工作任务 | 责任单位 |");
    expect(text).toContain("| 1 | 建成智慧医院2家 | 市卫健委 ｜ 市数据局 |");
  });

  it.each([
    [new Uint8Array(), "空.txt", "empty-input", /空文件/],
    [new Uint8Array([0, 1, 2, 3, 0, 0, 7, 8]), "a.bin", "binary-input", /不是文本文件/],
    [utf8("%PDF-1.7 …"), "a.pdf", "unreadable-input", /PDF/],
    [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), "a.doc", "unreadable-input", /另存为 \.docx/],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "a.xlsx", "unreadable-input", /不是 \.docx/],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "坏.docx", "unreadable-input", /无法打开/],
    [utf8("plain text"), "假.docx", "unreadable-input", /不是有效的 \.docx/],
    [new Uint8Array([0xff, 0xff, 0xfe, 0x81, 0x20]), "乱码.txt", "unreadable-input", /编码无法识别/],
  ])("refuses %#: %s with %s and a Chinese message", async (bytes, name, code, message) => {
    const read = await readPolicyDocument(bytes, name, READERS);
    expect(read.ok).toBe(false);
    expect(read.ok ? undefined : read.diagnostic).toMatchObject({ code, severity: "error", message });
  });
});

describe("a .docx that would unpack far beyond any policy file", () => {
  test.each([
    ["its directory says so", false],
    ["its directory lies about the size", true],
  ])("is refused before mammoth opens it when %s", async (_, lie) => {
    const bomb = docxBomb(48, { lie });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const result = await readPolicyDocument(bomb, "方案.docx", READERS);
    expect(result).toMatchObject({ ok: false, diagnostic: { code: "input-too-large" } });
    if (!result.ok) expect(result.diagnostic.message).toMatch(/解压后超过 32 MB/);
  });
});
