import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readPolicyDocument } from "../text/readDocument";
import { pdfJsInChild } from "../../../test/helpers/pdfjs";
import type { PdfDocument, PdfJs } from "./text";
import { MAX_PDF_PAGES, pageLines, pdfText } from "./text";

const FIXTURES = join(__dirname, "../../../test/fixtures/pdf");
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
const READERS = { loadPdfJs: () => Promise.resolve(pdfJsInChild) };

/** A text run as pdf.js gives it: string, transform (scale and position), width and height. */
const run = (str: string, x: number, y: number, size = 12) => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width: str.length * size,
  height: size,
});

/** One page whose only content is an image, as a scanner writes it. */
function scannedPdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
    "<< /Length 35 >>\nstream\nq 500 0 0 700 40 60 cm /Im1 Do Q\nendstream",
    "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(body, (c) => c.charCodeAt(0));
}

describe("pageLines", () => {
  it("puts runs back into lines top to bottom, left to right, whatever order the PDF stored them in", () => {
    const items = [
      run("（责任单位：市卫生健康委）", 200, 700),
      run("二、加强人才队伍建设", 60, 680),
      run("1.新建社区医院3家。", 60, 700.4),
      { type: "beginMarkedContent" },
      run("", 60, 650),
    ];
    expect(pageLines(items)).toEqual([
      "1.新建社区医院3家。（责任单位：市卫生健康委）",
      "二、加强人才队伍建设",
    ]);
  });

  it("keeps the space a table or Latin text has between runs set apart", () => {
    expect(pageLines([run("序号", 60, 700), run("工作任务", 160, 700), run("ICU", 300, 700)])).toEqual([
      "序号 工作任务 ICU",
    ]);
  });
});

describe("pdfText", () => {
  it("reads a PDF that LibreOffice printed, line by line, and the parser finds its tasks", async () => {
    const read = await readPolicyDocument(fixture("work-points.pdf"), "工作要点.pdf", READERS);
    expect(read.ok && read.text.split("\n").slice(0, 4)).toEqual([
      "2024年全市卫生健康工作要点",
      "一、提升医疗服务能力",
      "1.加强临床重点专科建设。新建省级临床重点专科5个。（责任单位：市卫生健康委，市财政局）",
      "2.加强人才队伍建设。6月底前招聘医生20名。（责任单位：市人社局）",
    ]);
  });

  it("says a scan has no text to read, and what to do", async () => {
    const read = await readPolicyDocument(scannedPdf(), "扫描件.pdf", READERS);
    expect(read.ok ? "" : read.diagnostic.message).toMatch(/^“扫描件.pdf”是扫描件.*文字识别（OCR）/);
  });

  it("says a PDF with an open password cannot be read, and a damaged one cannot be opened", async () => {
    const locked = await readPolicyDocument(fixture("password.pdf"), "加密.pdf", READERS);
    expect(locked.ok ? "" : locked.diagnostic.message).toBe(
      "“加密.pdf”设有打开密码，无法读取。请去掉密码后再导入。",
    );
    const damaged = await readPolicyDocument(fixture("work-points.pdf").slice(0, 900), "坏.pdf", READERS);
    expect(damaged.ok ? "" : damaged.diagnostic.message).toMatch(/“坏.pdf”/);
  });

  it("does not read past the page cap, and leaves the caller's bytes as they were", async () => {
    const opened: PdfDocument = {
      numPages: MAX_PDF_PAGES + 1,
      getPage: () => Promise.reject(new Error("no page should be read")),
      destroy: () => Promise.resolve(),
    };
    const seen: Uint8Array[] = [];
    const pdfjs: PdfJs = {
      getDocument: ({ data }) => {
        seen.push(data);
        return { promise: Promise.resolve(opened) };
      },
    };
    const bytes = fixture("work-points.pdf");
    expect(await pdfText(pdfjs, bytes)).toEqual({
      ok: false,
      code: "too-many-pages",
      pages: MAX_PDF_PAGES + 1,
    });
    expect(seen[0]).not.toBe(bytes);
  });
});
