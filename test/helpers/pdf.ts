import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfWord extends Box {
  text: string;
}

export interface PdfLine extends Box {
  words: PdfWord[];
  /** The words joined without the spaces pdftotext puts between CJK and Latin runs. */
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

function box(attributes: string): Box {
  const value = (name: string): number =>
    Number(new RegExp(`${name}="([^"]+)"`).exec(attributes)?.[1] ?? NaN);
  return { xMin: value("xMin"), yMin: value("yMin"), xMax: value("xMax"), yMax: value("yMax") };
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Every page's text lines with their boxes in points, from poppler's `pdftotext -bbox-layout`. */
export async function pdfLayout(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run("pdftotext", ["-bbox-layout", pdf, "-"], { maxBuffer: 256 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const page of stdout.matchAll(/<page width="([^"]+)" height="([^"]+)">([\s\S]*?)<\/page>/g)) {
    const lines: PdfLine[] = [];
    for (const line of (page[3] ?? "").matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...(line[2] ?? "").matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((word) => ({
        ...box(word[1] ?? ""),
        text: unescape(word[2] ?? ""),
      }));
      lines.push({ ...box(line[1] ?? ""), words, text: words.map((w) => w.text).join("") });
    }
    pages.push({ width: Number(page[1]), height: Number(page[2]), lines });
  }
  return pages;
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
}
