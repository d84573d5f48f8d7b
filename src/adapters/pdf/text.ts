/**
 * PDF bytes → the text a reader sees, through pdf.js: each page's text items put back into lines by
 * their position (top to bottom, left to right), since a PDF stores runs of glyphs, not paragraphs.
 * Lines broken inside a sentence, page numbers and running heads are left for the parser's
 * normaliser, which handles them in pasted text too. A PDF with no text layer (a scan) says so.
 *
 * pdf.js is handed in, so Node (which loads it with its own `require`) and the task pane (which loads
 * it lazily with a worker) share this code.
 */

/** The part of pdf.js this uses: `getDocument` and the text content of each page. */
export interface PdfJs {
  getDocument(source: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
    stopAtErrors?: boolean;
  }): { promise: Promise<PdfDocument> };
}

export interface PdfDocument {
  numPages: number;
  getPage(number: number): Promise<{ getTextContent(): Promise<{ items: readonly unknown[] }> }>;
  destroy(): Promise<void>;
}

/** One run of text on a page: its string, where it starts, how tall and wide it is. */
interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type PdfTextResult =
  | { ok: true; text: string; pages: number }
  | { ok: false; code: "no-text-layer" | "unreadable" | "encrypted" | "too-many-pages"; pages: number };

/** Pages read at most: a policy document has tens; a thousand-page PDF is not one. */
export const MAX_PDF_PAGES = 500;

function runOf(item: unknown): TextRun | undefined {
  if (typeof item !== "object" || item === null || !("str" in item) || !("transform" in item))
    return undefined;
  const { str, transform } = item;
  if (typeof str !== "string" || !Array.isArray(transform) || transform.length < 6) return undefined;
  const [a, b, , d, x, y] = transform as unknown[];
  const number = (value: unknown): number => (typeof value === "number" ? value : 0);
  const width = "width" in item && typeof item.width === "number" ? item.width : 0;
  const height = "height" in item && typeof item.height === "number" && item.height > 0 ? item.height : 0;
  return {
    text: str,
    x: number(x),
    y: number(y),
    width,
    // A run's font size is its transform's scale when pdf.js gives no height.
    height: height || Math.hypot(number(a), number(b)) || Math.abs(number(d)) || 10,
  };
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** One page's runs as lines, top to bottom; runs on one baseline (within half a line) are one line. */
export function pageLines(items: readonly unknown[]): string[] {
  const runs = items.map(runOf).filter((r): r is TextRun => r !== undefined && r.text !== "");
  runs.sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: TextRun[][] = [];
  for (const run of runs) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && Math.abs(first.y - run.y) < Math.max(first.height, run.height) / 2) line.push(run);
    else lines.push([run]);
  }
  return lines
    .map((line) => {
      line.sort((p, q) => p.x - q.x);
      let text = "";
      let end: number | undefined;
      let pendingSpace = false;
      for (const run of line) {
        if (run.text.trim() === "") {
          pendingSpace = text !== "";
          continue;
        }
        // A gap of about a character between runs is a space the PDF did not store (tables, Latin text).
        const gap = end !== undefined && run.x - end > run.height * 0.8;
        // A stored space beside Chinese is the layout's spacing between scripts, not a word break.
        const beside = CJK.test(text.slice(-1)) || CJK.test(run.text.charAt(0));
        if (text !== "" && (gap || (pendingSpace && !beside)) && !/\s$/.test(text)) text += " ";
        text += run.text;
        end = run.x + run.width;
        pendingSpace = false;
      }
      return text.replace(/\s+$/, "");
    })
    .filter((line) => line.trim() !== "");
}

/** The whole document's text, pages one after another. */
export async function pdfText(pdfjs: PdfJs, bytes: Uint8Array): Promise<PdfTextResult> {
  let document: PdfDocument;
  try {
    // pdf.js may take over the buffer it is given; the caller keeps its own.
    document = await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
    }).promise;
  } catch (error) {
    const name = typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";
    return { ok: false, code: name === "PasswordException" ? "encrypted" : "unreadable", pages: 0 };
  }
  try {
    const pages = document.numPages;
    if (pages > MAX_PDF_PAGES) return { ok: false, code: "too-many-pages", pages };
    const text: string[] = [];
    for (let number = 1; number <= pages; number++) {
      const page = await document.getPage(number);
      text.push(...pageLines((await page.getTextContent()).items));
    }
    const joined = text.join("\n");
    // A scan may carry a few stray glyphs; a text layer has some words on most pages.
    if (joined.replace(/\s/g, "").length < 20 * Math.max(1, pages / 4)) {
      return { ok: false, code: "no-text-layer", pages };
    }
    return { ok: true, text: `${joined}\n`, pages };
  } catch {
    return { ok: false, code: "unreadable", pages: document.numPages };
  } finally {
    await document.destroy();
  }
}
