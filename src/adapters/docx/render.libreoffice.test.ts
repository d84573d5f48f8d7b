import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { enginesAvailable } from "../../../test/helpers/engines";
import { convertToPdf } from "../../../test/helpers/libreoffice";
import type { PdfLine, PdfPage } from "../../../test/helpers/pdf";
import { pdfLayout } from "../../../test/helpers/pdf";
import type { Ledger } from "../../core/model";
import { parseDocument } from "../../core/parse";
import { buildLedger } from "../../core/plan";
import type { StatusCounts } from "../../core/progress";
import { assessLedger, countStatuses, sampleProgress } from "../../core/progress";
import type { ReportDoc } from "../../core/report";
import { buildReport } from "../../core/report";
import { renderReportDocx } from "./render";

/** Points per millimetre. */
const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const TEXT = { left: 28 * MM, right: (210 - 26) * MM, top: 37 * MM, bottom: (297 - 35) * MM };
/** A 3号 character and a little: room for rounding in the PDF's coordinates. */
const TOLERANCE = 1.5;
const BODY_PITCH = 225 / 22;
/** Punctuation LibreOffice (like Word) lets hang past the right margin rather than push to the next line. */
const HANGING = /[，。、；：？！）》”’]$/;

const available = enginesAvailable(["soffice", "pdftotext"], "Rendering the 通报 .docx to PDF");

/** The seeds' work points with the demo's labelled sample of progress, reported to the third quarter. */
async function demoLedger(): Promise<Ledger> {
  const text = await readFile(join(__dirname, "../../../seeds/002_864f5150332c02db.txt"), "utf8");
  const built = buildLedger([parseDocument(text, { sourceName: "002_864f5150332c02db.txt" })], {
    period: "2023-Q3",
  });
  if (!built.ok) throw new Error(built.message);
  const ledger = built.ledger;
  ledger.progress = sampleProgress(ledger, ledger.period, 2024) ?? [];
  return ledger;
}

function isPageNumber(line: PdfLine): boolean {
  return /^—\d+—$/.test(line.text);
}

(available ? describe : describe.skip)("the 通报 .docx as LibreOffice prints it", () => {
  let pages: PdfPage[];
  let report: ReportDoc;
  let counts: StatusCounts;
  let workDir: string;

  beforeAll(async () => {
    const ledger = await demoLedger();
    const result = buildReport(ledger, {
      period: ledger.period,
      date: "2023-10-08",
      issuer: "市卫生健康委办公室",
    });
    if (!result.ok) throw new Error(result.message);
    report = result.report;
    // Counted again straight from the ledger, so the check does not trust the report's own figures.
    const assessed = assessLedger(ledger, ledger.period);
    if (!assessed.ok) throw new Error(assessed.message);
    counts = countStatuses(assessed.assessment.rows);

    workDir = await mkdtemp(join(tmpdir(), "duban-docx-"));
    const docx = join(workDir, "tongbao.docx");
    await writeFile(docx, await renderReportDocx(report));
    pages = await pdfLayout(await convertToPdf(docx, workDir));
  });

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  /** Pages of the 通报 itself: those before the first attachment's `附件1`. */
  function bodyPages(): PdfPage[] {
    const first = pages.findIndex((page) =>
      page.lines.some((line) => line.text === "附件1" && line.xMin < TEXT.left + TOLERANCE),
    );
    return first > 0 ? pages.slice(0, first) : pages;
  }

  function textLines(page: PdfPage): PdfLine[] {
    return page.lines.filter((line) => !isPageNumber(line));
  }

  test("every page is A4", () => {
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(PAGE.width, 0);
      expect(page.height).toBeCloseTo(PAGE.height, 0);
    }
  });

  test("text stays inside the margins, and reaches them", () => {
    const lines = bodyPages().flatMap(textLines);
    for (const line of lines) {
      expect(line.xMin).toBeGreaterThanOrEqual(TEXT.left - TOLERANCE);
      const hangs = HANGING.test(line.text) ? 16 : 0;
      expect(line.xMax).toBeLessThanOrEqual(TEXT.right + hangs + TOLERANCE);
      expect(line.yMin).toBeGreaterThanOrEqual(TEXT.top - TOLERANCE);
      expect(line.yMax).toBeLessThanOrEqual(TEXT.bottom + TOLERANCE);
    }
    expect(lines.filter((l) => Math.abs(l.xMin - TEXT.left) < TOLERANCE).length).toBeGreaterThan(10);
    expect(lines.filter((l) => Math.abs(l.xMax - TEXT.right) < TOLERANCE).length).toBeGreaterThan(10);
  });

  test("full lines of Chinese hold 28 characters, lines sit 1/22 of the 版心 apart", () => {
    const lines = bodyPages().flatMap(textLines);
    const fullChinese = lines
      .map((line, index) => ({ line, next: lines[index + 1]?.text ?? "" }))
      .filter(
        ({ line }) =>
          Math.abs(line.xMin - TEXT.left) < TOLERANCE &&
          line.xMax > TEXT.right - TOLERANCE &&
          !/[\x20-\x7e]/.test(line.text),
      );
    expect(fullChinese.length).toBeGreaterThan(5);
    for (const { line, next } of fullChinese) {
      const hanging = line.xMax > TEXT.right + TOLERANCE ? 1 : 0;
      // A line is one short when its 28th character had to go down with punctuation that may not
      // begin a line (避头尾), e.g. `下同）` → `下` ends the line, `同）` starts the next.
      const heldBack = [...next][1] !== undefined && HANGING.test([...next][1] ?? "") ? 1 : 0;
      expect([...line.text].length - hanging + heldBack).toBe(28);
    }
    const pitches = bodyPages()
      .slice(1)
      .flatMap((page) =>
        textLines(page).map((line, i, all) => (i > 0 ? line.yMin - (all[i - 1]?.yMin ?? 0) : 0)),
      )
      .filter((gap) => gap > 0);
    for (const gap of pitches)
      expect(gap / (BODY_PITCH * MM)).toBeCloseTo(Math.round(gap / (BODY_PITCH * MM)), 1);
    expect(bodyPages().some((page) => textLines(page).length === 22)).toBe(true);
  });

  test("the title is centred in the 版心", () => {
    const [first, second] = pages[0]?.lines ?? [];
    expect((first?.text ?? "") + (second?.text ?? "")).toBe(report.title);
    for (const line of [first, second]) {
      expect(((line?.xMin ?? 0) + (line?.xMax ?? 0)) / 2).toBeCloseTo((TEXT.left + TEXT.right) / 2, -0.5);
    }
  });

  test("every page has its number, `— n —`, odd pages right and even pages left", () => {
    pages.forEach((page, index) => {
      const number = index + 1;
      const footer = page.lines.filter(isPageNumber);
      expect(footer.map((l) => l.text)).toEqual([`—${number}—`]);
      const line = footer[0]!;
      if (number % 2 === 1) expect(line.xMax).toBeCloseTo(TEXT.right - 14, -0.5);
      else expect(line.xMin).toBeCloseTo(TEXT.left + 14, -0.5);
      const middle = (line.yMin + line.yMax) / 2;
      expect(middle).toBeGreaterThan(TEXT.bottom + 3 * MM);
      expect(middle).toBeLessThan(TEXT.bottom + 11 * MM);
    });
  });

  test("every paragraph of the body is printed whole, punctuation included", () => {
    const printed = bodyPages()
      .flatMap(textLines)
      .map((l) => l.text)
      .join("");
    for (const block of report.body) {
      const text = block.kind === "heading" ? block.text : block.runs.map((r) => r.text).join("");
      expect(printed).toContain(text.replace(/\s/g, ""));
    }
  });

  test("the four parts come in order, and the counts in the text are the roll-up's", () => {
    const text = bodyPages()
      .flatMap(textLines)
      .map((l) => l.text)
      .join("");
    const positions = ["一、总体情况", "二、各单位推进情况", "三、存在问题", "四、下步工作要求"].map((h) =>
      text.indexOf(h),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const number = (pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? NaN);
    expect(number(/列入本次通报的目标任务共(\d+)项/)).toBe(counts.total);
    expect(number(/已完成(\d+)项、占比/)).toBe(counts["已完成"]);
    expect(number(/达到序时进度(\d+)项、占比/)).toBe(counts["序时推进"]);
    expect(number(/未达到序时进度(\d+)项、占比/)).toBe(counts["进度滞后"] + counts["未启动"]);
    if (counts["逾期未完成"] > 0) expect(number(/逾期未完成(\d+)项、占比/)).toBe(counts["逾期未完成"]);
    if (counts["未报送"] > 0) expect(number(/未报送(\d+)项、占比/)).toBe(counts["未报送"]);
    expect(text).toContain("现将有关情况通报如下：");
    expect(text).toContain("2023年10月8日");
  });
});
