import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import { enginesAvailable } from "../../../test/helpers/engines";
import { convertToPdf } from "../../../test/helpers/libreoffice";
import { memoryIo } from "../../../test/helpers/memoryIo";
import type { PdfLine, PdfPage } from "../../../test/helpers/pdf";
import { pdfLayout } from "../../../test/helpers/pdf";
import { run } from "../../cli/run";
import type { StatusCounts } from "../../core/progress";
import { assessLedger, countStatuses } from "../../core/progress";
import { readLedgerWorkbook } from "../xlsx";

/** Points per millimetre. */
const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const TEXT = { left: 28 * MM, right: (210 - 26) * MM, top: 37 * MM, bottom: (297 - 35) * MM };
/** Room for rounding in the PDF's coordinates, in points. */
const TOLERANCE = 1.5;
/** GB/T 9704: 22 lines in the 225 mm 版心. */
const LINE_PITCH = (225 / 22) * MM;
/** Punctuation that may hang past the right margin rather than begin the next line. */
const HANGING = /^[，。、；：？！）》”’]$/;

const available = enginesAvailable(["soffice", "pdftotext"], "Rendering the demo's 通报 to PDF");

interface Rendered {
  name: string;
  pages: PdfPage[];
  /** The .docx's own paragraphs before the attachments, as mammoth reads them. */
  paragraphs: string[];
  /** The roll-up of the ledger workbook the demo wrote beside the 通报. */
  counts: StatusCounts;
}

const isPageNumber = (line: PdfLine): boolean => /^—\d+—$/.test(line.text);
const textLines = (page: PdfPage): PdfLine[] => page.lines.filter((line) => !isPageNumber(line));

/** The pages of the 通报 itself: those before the first attachment's `附件1`. */
function bodyPages(pages: PdfPage[]): PdfPage[] {
  const first = pages.findIndex((page) =>
    page.lines.some((l) => l.text === "附件1" && l.xMin < TEXT.left + TOLERANCE),
  );
  return first > 0 ? pages.slice(0, first) : pages;
}

function bodyText(pages: PdfPage[]): string {
  return bodyPages(pages)
    .flatMap(textLines)
    .map((l) => l.text)
    .join("");
}

(available ? describe : describe.skip)("the demo's 通报 as LibreOffice prints it", () => {
  const rendered: Rendered[] = [];
  let workDir: string;

  beforeAll(async () => {
    const seedsDir = join(__dirname, "../../../seeds");
    const seeds: Record<string, Uint8Array> = {};
    for (const name of await readdir(seedsDir)) seeds[`seeds/${name}`] = await readFile(join(seedsDir, name));
    const io = memoryIo(seeds);
    expect(await run(["demo", "seeds", "-o", "out"], io)).toBe(0);

    workDir = await mkdtemp(join(tmpdir(), "duban-demo-"));
    const reports = [...io.files.keys()].filter((path) => path.endsWith("-通报.docx")).sort();
    expect(reports).toHaveLength(Object.keys(seeds).length);
    const docxPaths: string[] = [];
    for (const [index, path] of reports.entries()) {
      docxPaths.push(join(workDir, `tongbao-${index}.docx`));
      await writeFile(docxPaths[index]!, io.files.get(path) as Uint8Array);
    }
    const pdfs = await convertToPdf(docxPaths, workDir);

    for (const [index, path] of reports.entries()) {
      const read = await readLedgerWorkbook(
        io.files.get(path.replace(/-通报\.docx$/, ".xlsx")) as Uint8Array,
      );
      if (!read.ok) throw new Error(read.message);
      const assessed = assessLedger(read.ledger, read.ledger.period);
      const { value } = await mammoth.extractRawText({ path: docxPaths[index]! });
      const paragraphs = value.split(/\n+/).filter((p) => p.trim() !== "");
      rendered.push({
        name: path,
        pages: await pdfLayout(pdfs[index]!),
        paragraphs: paragraphs.slice(0, paragraphs.indexOf("附件1")),
        counts: countStatuses(assessed.rows),
      });
    }
  });

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  test("every page is A4: the 通报 upright, its tables turned to landscape", () => {
    for (const { pages } of rendered) {
      const body = bodyPages(pages);
      expect(pages.length).toBeGreaterThan(body.length);
      pages.forEach((page, index) => {
        const upright = index < body.length;
        expect(page.width).toBeCloseTo(upright ? PAGE.width : PAGE.height, 0);
        expect(page.height).toBeCloseTo(upright ? PAGE.height : PAGE.width, 0);
      });
    }
  });

  test("the detail tables are compact: the 29 tasks of the Sichuan plan fit three landscape pages", () => {
    const sichuan = rendered.find((r) => r.name.includes("四川省"));
    const pages = sichuan?.pages ?? [];
    const attachments = pages.slice(bodyPages(pages).length);
    const ranking = attachments.findIndex((page) =>
      page.lines.some((l) => l.text === "各单位重点工作推进情况排名表"),
    );
    expect(ranking).toBe(3);
    // Both detail tables come before the ranking, on those three pages.
    const printed = attachments
      .slice(0, ranking)
      .flatMap(textLines)
      .map((l) => l.text)
      .join("");
    expect(printed).toContain("未达到序时进度、逾期未完成和未报送任务明细表");
    expect(printed).toContain("已完成和达到序时进度任务明细表");
  });

  test("text stays inside the margins, and reaches them", () => {
    const lines = rendered.flatMap(({ pages }) => bodyPages(pages).flatMap(textLines));
    for (const line of lines) {
      expect(line.xMin).toBeGreaterThanOrEqual(TEXT.left - TOLERANCE);
      const hangs = HANGING.test(line.text.slice(-1)) ? 16 : 0;
      expect(line.xMax).toBeLessThanOrEqual(TEXT.right + hangs + TOLERANCE);
      expect(line.yMin).toBeGreaterThanOrEqual(TEXT.top - TOLERANCE);
      expect(line.yMax).toBeLessThanOrEqual(TEXT.bottom + TOLERANCE);
    }
    expect(lines.filter((l) => Math.abs(l.xMin - TEXT.left) < TOLERANCE).length).toBeGreaterThan(20);
    expect(lines.filter((l) => Math.abs(l.xMax - TEXT.right) < TOLERANCE).length).toBeGreaterThan(20);
  });

  test("full lines of Chinese hold 28 characters; lines sit 1/22 of the 版心 apart, 22 to a page", () => {
    let full = 0;
    for (const { pages } of rendered) {
      const lines = bodyPages(pages).flatMap(textLines);
      lines.forEach((line, index) => {
        const starts = Math.abs(line.xMin - TEXT.left) < TOLERANCE;
        if (!starts || line.xMax < TEXT.right - TOLERANCE || /[\x20-\x7e]/.test(line.text)) return;
        full++;
        const chars = [...line.text];
        const hanging = line.xMax > TEXT.right + TOLERANCE ? 1 : 0;
        // 27 is right when the 28th character had to go down with punctuation that may not begin a
        // line (避头尾): `下同）` → `下` ends this line, `同）` begins the next.
        const next = [...(lines[index + 1]?.text ?? "")];
        const allowed = HANGING.test(next[1] ?? "") ? [27, 28] : [28];
        expect(allowed).toContain(chars.length - hanging);
      });
      for (const page of bodyPages(pages).slice(1)) {
        const tops = textLines(page).map((l) => l.yMin);
        tops.slice(1).forEach((top, i) => {
          const steps = (top - (tops[i] ?? 0)) / LINE_PITCH;
          expect(Math.abs(steps - Math.round(steps))).toBeLessThan(0.05);
        });
      }
    }
    expect(full).toBeGreaterThan(20);
    const fullest = Math.max(
      ...rendered.flatMap(({ pages }) => bodyPages(pages).map((p) => textLines(p).length)),
    );
    expect(fullest).toBe(22);
  });

  test("the title is centred in the 版心", () => {
    for (const { pages, paragraphs } of rendered) {
      const [first, second] = pages[0]?.lines ?? [];
      expect(`${first?.text ?? ""}${second?.text ?? ""}`).toBe(paragraphs[0]?.replace(/\s/g, ""));
      for (const line of [first, second]) {
        expect(
          Math.abs(((line?.xMin ?? 0) + (line?.xMax ?? 0)) / 2 - (TEXT.left + TEXT.right) / 2),
        ).toBeLessThan(3);
      }
    }
  });

  test("every page has its number, `— n —`, odd pages right and even pages left", () => {
    for (const { pages } of rendered) {
      pages.forEach((page, index) => {
        if (page.width > page.height) {
          expect(page.lines.filter(isPageNumber).map((l) => l.text)).toEqual([`—${index + 1}—`]);
          return;
        }
        const number = index + 1;
        const footer = page.lines.filter(isPageNumber);
        expect(footer.map((l) => l.text)).toEqual([`—${number}—`]);
        const line = footer[0]!;
        // One 4号 character (14 pt) in from the outer edge of the 版心.
        if (number % 2 === 1) expect(Math.abs(line.xMax - (TEXT.right - 14))).toBeLessThan(3);
        else expect(Math.abs(line.xMin - (TEXT.left + 14))).toBeLessThan(3);
        const middle = (line.yMin + line.yMax) / 2;
        expect(middle).toBeGreaterThan(TEXT.bottom + 3 * MM);
        expect(middle).toBeLessThan(TEXT.bottom + 11 * MM);
      });
    }
  });

  test("every paragraph of the .docx is printed whole, punctuation included", () => {
    for (const { pages, paragraphs } of rendered) {
      const printed = bodyText(pages);
      for (const paragraph of paragraphs) expect(printed).toContain(paragraph.replace(/\s/g, ""));
    }
  });

  test("the four parts come in order, and the counts in the text are the ledger's roll-up", () => {
    for (const { pages, counts } of rendered) {
      const text = bodyText(pages);
      const positions = ["一、总体情况", "二、各单位推进情况", "三、存在问题", "四、下步工作要求"].map((h) =>
        text.indexOf(h),
      );
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);

      const count = (label: string): number =>
        Number(new RegExp(`(?:^|[；，])${label}(\\d+)项、占比`).exec(text)?.[1] ?? 0);
      expect(Number(/列入本次通报的目标任务共(\d+)项/.exec(text)?.[1])).toBe(counts.total);
      expect(count("已完成")).toBe(counts["已完成"]);
      expect(count("达到序时进度")).toBe(counts["序时推进"]);
      expect(count("未达到序时进度")).toBe(counts["进度滞后"] + counts["未启动"]);
      expect(count("逾期未完成")).toBe(counts["逾期未完成"]);
      expect(count("未报送")).toBe(counts["未报送"]);
      expect(text).toContain("现将有关情况通报如下：");
      expect(text).toContain("（本通报由示例数据生成，仅供演示）");
    }
  });
});
