import { unzipSync, strFromU8 } from "fflate";
import { ledgerOf, ledgerRow, progressEntry, asPeriod } from "../../../test/helpers/ledger";
import { buildReport } from "../../core/report";
import type { ReportDoc } from "../../core/report";
import {
  BODY_CHARACTER_SPACING,
  CHARS_PER_LINE,
  LINE_PITCH,
  LINES_PER_PAGE,
  PAGE,
  SIZE,
  TEXT_HEIGHT,
  TEXT_WIDTH,
} from "./layout";
import { renderReportDocx, widthInChars } from "./render";

function report(): ReportDoc {
  const ledger = ledgerOf(
    [
      ledgerRow({ id: "a", op: ">=", target: 20, unit: "家", leadUnits: ["医政处"] }),
      ledgerRow({ id: "b", op: ">=", target: 20, unit: "家", leadUnits: ["疾控处"], task: "任务\u0001b" }),
    ],
    [
      progressEntry({ rowId: "a", period: "2024-Q3", actual: 20 }),
      progressEntry({ rowId: "b", period: "2024-Q3", actual: 3 }),
    ],
  );
  const result = buildReport(ledger, {
    period: asPeriod("2024-Q3"),
    date: "2024-10-08",
    issuer: "市卫生健康委办公室",
  });
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

async function parts(): Promise<Record<string, string>> {
  const files = unzipSync(await renderReportDocx(report()));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe("GB/T 9704 layout arithmetic", () => {
  test("版心 is 156 × 225 mm", () => {
    expect(TEXT_WIDTH / 20).toBeCloseTo((156 / 25.4) * 72, 0);
    expect(TEXT_HEIGHT / 20).toBeCloseTo((225 / 25.4) * 72, 0);
  });

  test("exactly 28 characters of 3号 fit a line and 22 lines a page", () => {
    const advance = SIZE.body * 10 + BODY_CHARACTER_SPACING;
    expect(CHARS_PER_LINE * advance).toBeLessThanOrEqual(TEXT_WIDTH);
    expect((CHARS_PER_LINE + 1) * advance).toBeGreaterThan(TEXT_WIDTH);
    expect(LINES_PER_PAGE * LINE_PITCH).toBeLessThanOrEqual(TEXT_HEIGHT);
    expect((LINES_PER_PAGE + 1) * LINE_PITCH).toBeGreaterThan(TEXT_HEIGHT);
  });

  test("widthInChars counts CJK as one and ASCII as half", () => {
    expect(widthInChars("关于2024年")).toBe(5);
  });
});

describe("renderReportDocx", () => {
  let xml: Record<string, string>;
  beforeAll(async () => {
    xml = await parts();
  });

  test("A4 with the standard's margins and a 22-line grid", () => {
    const document = xml["word/document.xml"] ?? "";
    expect(document).toContain(`<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"`);
    expect(PAGE).toEqual({ width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 });
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(document).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
  });

  test("fonts are named for East Asian text, at the standard's sizes", () => {
    const document = xml["word/document.xml"] ?? "";
    expect(document).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(document).toContain('w:eastAsia="黑体"');
    expect(document).toContain('w:eastAsia="楷体_GB2312"');
    expect(document).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:b\/>/);
    expect(document).toContain(`<w:spacing w:val="${BODY_CHARACTER_SPACING}"/>`);
    const styles = xml["word/styles.xml"] ?? "";
    expect(styles).toMatch(/w:styleId="Normal"[\s\S]*?w:eastAsia="仿宋_GB2312"[\s\S]*?<w:sz w:val="32"\/>/);
    expect(styles).toMatch(/w:styleId="GongwenTitle"[\s\S]*?<w:snapToGrid w:val="0"\/>/);
  });

  test("page numbers `— n —` in 4号: odd pages right, even pages left", () => {
    expect(xml["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");
    const footers = Object.entries(xml)
      .filter(([name]) => /^word\/footer\d+\.xml$/.test(name))
      .map(([, text]) => text);
    const odd = footers.find((f) => f.includes('<w:jc w:val="right"/>'));
    const even = footers.find((f) => f.includes('<w:jc w:val="left"/>'));
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
      expect(footer).toContain(`<w:sz w:val="${SIZE.pageNumber}"/>`);
      expect(footer).toContain('w:eastAsia="宋体"');
    }
  });

  test("text a unit pasted with control characters still makes valid XML", () => {
    expect(xml["word/document.xml"]).toContain("任务b");
    expect(xml["word/document.xml"]).not.toContain("\u0001");
  });
});
