import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { enginesAvailable } from "../../../test/helpers/engines";
import { asPeriod, ledgerOf, ledgerRow, progressEntry } from "../../../test/helpers/ledger";
import { convertToPdf } from "../../../test/helpers/libreoffice";
import type { PdfPage } from "../../../test/helpers/pdf";
import { pdfLayout } from "../../../test/helpers/pdf";
import type { Ledger } from "../../core/model";
import { parseDocument } from "../../core/parse";
import { buildLedger } from "../../core/plan";
import { sampleProgress } from "../../core/progress";
import type { NoticeDoc } from "../../core/report";
import { NOTICE_HEADINGS, buildNotices } from "../../core/report";
import { renderNoticesDocx } from "./notice";

/** Points per millimetre. */
const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const TEXT = { left: 28 * MM, right: (210 - 26) * MM, top: 37 * MM, bottom: (297 - 35) * MM };
const TOLERANCE = 1.5;

const available = enginesAvailable(["soffice", "pdftotext"], "Rendering the 督办通知单 to PDF");

function notices(ledger: Ledger, period: string): NoticeDoc[] {
  const built = buildNotices(ledger, {
    period: asPeriod(period),
    date: "2024-10-08",
    issuer: "市卫生健康委督查科",
  });
  if (!built.ok) throw new Error(built.message);
  return built.notices;
}

/** The seed the 通报 tests use for units: the Sichuan plan names a lead unit for every task. */
async function seedNotices(): Promise<NoticeDoc[]> {
  const text = await readFile(join(__dirname, "../../../seeds/003_440203b1828586b3.txt"), "utf8");
  const period = asPeriod("2024-Q3");
  const built = buildLedger([parseDocument(text, { sourceName: "003.txt" })], { period });
  if (!built.ok) throw new Error(built.message);
  return notices({ ...built.ledger, progress: sampleProgress(built.ledger, period) ?? [] }, "2024-Q3");
}

/** One unit with six tasks behind, each with its problems reported and three co-units. */
function crowdedNotices(): NoticeDoc[] {
  const coUnits = ["市财政局", "市医保局", "各区（市）县人民政府"];
  const rows = Array.from({ length: 6 }, (_, i) =>
    ledgerRow({
      id: `r${i + 1}`,
      number: `${i + 1}`,
      task: `推进紧密型县域医共体建设第${i + 1}项任务`,
      metric: `县域内就诊率${i + 1}`,
      op: ">=",
      target: 90,
      unit: "%",
      deadline: i === 5 ? "2024-06-30" : "2024-12-31",
      leadUnits: ["市卫生健康委"],
      coUnits,
    }),
  );
  const progress = rows.map((row, i) =>
    progressEntry({
      rowId: row.id,
      period: "2024-Q3",
      actual: 40,
      problems: i % 2 === 0 ? "配套资金尚未足额到位，专业技术人员不足。" : "",
      reportedBy: "市卫生健康委",
    }),
  );
  return notices(ledgerOf(rows, progress), "2024-Q3");
}

(available ? describe : describe.skip)("the 督办通知单 as LibreOffice prints it", () => {
  const cases: { name: string; notices: NoticeDoc[]; pages: PdfPage[] }[] = [];
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "duban-notice-"));
    const sets = [
      { name: "seed", notices: await seedNotices() },
      { name: "crowded", notices: crowdedNotices() },
    ];
    const paths = sets.map((set) => join(workDir, `${set.name}.docx`));
    for (const [index, set] of sets.entries())
      await writeFile(paths[index]!, await renderNoticesDocx(set.notices));
    const pdfs = await convertToPdf(paths, workDir);
    for (const [index, set] of sets.entries()) cases.push({ ...set, pages: await pdfLayout(pdfs[index]!) });
  });

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  test("the seed gives several units a notice, the crowded ledger one with six tasks", () => {
    expect(cases[0]!.notices.length).toBeGreaterThan(3);
    expect(cases[1]!.notices).toHaveLength(1);
    expect(cases[1]!.notices[0]!.tasks).toHaveLength(6);
  });

  test("each unit's notice is exactly one A4 page, in the order of their numbers", () => {
    for (const { notices: docs, pages } of cases) {
      expect(pages).toHaveLength(docs.length);
      pages.forEach((page, index) => {
        expect(page.width).toBeCloseTo(PAGE.width, 0);
        expect(page.height).toBeCloseTo(PAGE.height, 0);
        const text = page.lines.map((l) => l.text).join("\n");
        expect(text).toContain(docs[index]!.number);
        expect(text).toContain(docs[index]!.recipient);
        // Only this unit's notice is on the page.
        expect(text.match(/督办〔\d{4}〕第\d+号/g)).toHaveLength(1);
      });
    }
  });

  test("the four headings, the title, the 落款 and the date are on every page, inside the 版心", () => {
    for (const { pages } of cases) {
      for (const page of pages) {
        const texts = page.lines.map((l) => l.text);
        for (const heading of NOTICE_HEADINGS) expect(texts).toContain(heading);
        expect(texts).toContain("督办通知单");
        expect(texts).toContain("市卫生健康委督查科");
        expect(texts).toContain("2024年10月8日");
        for (const line of page.lines) {
          expect(line.yMin).toBeGreaterThan(TEXT.top - TOLERANCE - 12);
          expect(line.yMax).toBeLessThan(TEXT.bottom + TOLERANCE);
          expect(line.xMin).toBeGreaterThan(TEXT.left - TOLERANCE);
          expect(line.xMax).toBeLessThan(TEXT.right + 12);
        }
      }
    }
  });

  test("the title is centred on the 版心", () => {
    for (const { pages } of cases) {
      for (const page of pages) {
        const title = page.lines.find((l) => l.text === "督办通知单")!;
        const centre = (title.xMin + title.xMax) / 2;
        expect(Math.abs(centre - (TEXT.left + TEXT.right) / 2)).toBeLessThan(6);
      }
    }
  });
});
