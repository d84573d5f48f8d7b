import ExcelJS from "exceljs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertWithCalc } from "../../../test/helpers/calc";
import type { Calculated } from "../../../test/helpers/workbookResults";
import {
  COUNTED,
  expectedCounts,
  summaryTables,
  withoutCachedResults,
} from "../../../test/helpers/workbookResults";
import { enginesAvailable } from "../../../test/helpers/engines";
import { pdfLayout } from "../../../test/helpers/pdf";
import { nodeIo } from "../node/io";
import { run } from "../../cli/run";
import type { Ledger } from "../../core/model";
import type { StatusCounts } from "../../core/progress";
import { assessLedger, rollupBySection, rollupByUnit } from "../../core/progress";
import { sectionLabel } from "../../core/sheets";
import { readLedgerWorkbook } from ".";
import { readReturnedGrids } from "./returned";

const available = enginesAvailable(["soffice", "pdftotext"], "Recalculating the 台账 in LibreOffice");
const SEEDS = join(__dirname, "../../../seeds");

function expectClose(actual: Calculated[], expected: Calculated[], label: string): void {
  expect({ label, length: actual.length >= expected.length }).toEqual({ label, length: true });
  expected.forEach((value, i) => {
    const got = actual[i] ?? null;
    if (typeof value === "number" && !Number.isInteger(value)) {
      expect({ label, column: i, close: typeof got === "number" && Math.abs(got - value) < 1e-9 }).toEqual({
        label,
        column: i,
        close: true,
      });
    } else {
      expect({ label, column: i, value: got === "" ? null : got }).toEqual({
        label,
        column: i,
        value: value === "" ? null : value,
      });
    }
  });
}

(available ? describe : describe.skip)("the demo 台账 in LibreOffice", () => {
  let workDir: string;
  const cases: { name: string; ledger: Ledger; recalculated: ExcelJS.Workbook }[] = [];
  const pdfs: string[] = [];
  let ods: Uint8Array;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "duban-xlsx-lo-"));
    const demoDir = join(workDir, "demo");
    const strippedDir = join(workDir, "stripped");
    const outDir = join(workDir, "out");
    await mkdir(strippedDir);
    await mkdir(outDir);
    // Exactly what `npm run demo` writes.
    expect(await run(["demo", SEEDS, "-o", demoDir], nodeIo())).toBe(0);
    const workbooks = (await readdir(demoDir)).filter((f) => f.endsWith(".xlsx"));
    const ledgers = new Map<string, Ledger>();
    const stripped: string[] = [];
    for (const [i, file] of workbooks.entries()) {
      const bytes = await readFile(join(demoDir, file));
      const read = await readLedgerWorkbook(new Uint8Array(bytes));
      if (!read.ok) throw new Error(`${file}: ${read.message}`);
      const name = `ledger-${i}`;
      ledgers.set(name, read.ledger);
      await writeFile(join(strippedDir, `${name}.xlsx`), await withoutCachedResults(join(demoDir, file)));
      stripped.push(join(strippedDir, `${name}.xlsx`));
    }
    await convertWithCalc(stripped, "xlsx", outDir);
    await convertWithCalc(
      workbooks.map((f) => join(demoDir, f)),
      "pdf",
      outDir,
    );
    for (const [name, ledger] of ledgers) {
      const workbook = new ExcelJS.Workbook();
      const bytes = await readFile(join(outDir, `${name}.xlsx`));
      await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      cases.push({ name: `${name}（${ledger.title}）`, ledger, recalculated: workbook });
    }
    pdfs.push(...workbooks.map((f) => join(outDir, f.replace(/\.xlsx$/, ".pdf"))));
    const odsDir = join(workDir, "ods");
    await mkdir(odsDir);
    await convertWithCalc(stripped.slice(0, 1), "ods", odsDir);
    ods = new Uint8Array(await readFile(join(odsDir, "ledger-0.ods")));
  });

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("refuses the ledger saved as .ods for its format, as a ledger and as a returned form", async () => {
    const asLedger = await readLedgerWorkbook(ods);
    expect(asLedger.ok ? "" : asLedger.message).toMatch(/OpenDocument（\.ods）.*另存为” \.xlsx/);
    const asForm = await readReturnedGrids(ods);
    expect(asForm.ok ? "" : `${asForm.code}：${asForm.message}`).toMatch(/^not-xlsx：.*\.ods/);
  });

  it("calculates each unit's counts, rates, rank and assisted tasks to the core's figures", () => {
    expect(cases).toHaveLength(5);
    let unitsChecked = 0;
    for (const { name, ledger, recalculated } of cases) {
      const assessed = assessLedger(ledger, ledger.period);
      const core = rollupByUnit(assessed, ledger.statusOptions?.rankMinTasks);
      const { units } = summaryTables(recalculated);
      expect({ name, units: units.map((u) => u.name) }).toEqual({ name, units: core.map((u) => u.unit) });
      core.forEach((rollup, i) => {
        const line = units[i]!;
        expectClose(
          line.values,
          [...expectedCounts(rollup.lead), rollup.rank ?? "", rollup.co.total],
          `${name} ${rollup.unit}`,
        );
        unitsChecked++;
      });
    }
    expect(unitsChecked).toBeGreaterThan(20);
  });

  it("calculates each section's counts and the total to the core's figures", () => {
    for (const { name, ledger, recalculated } of cases) {
      const assessed = assessLedger(ledger, ledger.period);
      const core = rollupBySection(assessed);
      const { sections } = summaryTables(recalculated);
      expect({ name, sections: sections.map((s) => s.name) }).toEqual({
        name,
        sections: [...core.map((s) => sectionLabel(s.section)), "合计"],
      });
      core.forEach((rollup, i) =>
        expectClose(sections[i]!.values, expectedCounts(rollup.counts), `${name} ${rollup.section}`),
      );
      const all = assessed.rows;
      const total = {
        total: all.length,
        ...Object.fromEntries(COUNTED.map((s) => [s, all.filter((r) => r.status === s).length])),
      } as StatusCounts;
      expectClose(sections[core.length]!.values, expectedCounts(total), `${name} 合计`);
    }
  });

  it("prints every sheet on A4 with Chinese headers and no error or overflow marks", async () => {
    expect(pdfs).toHaveLength(5);
    for (const pdf of pdfs) {
      const name = pdf;
      const pages = await pdfLayout(pdf);
      const text = pages.flatMap((p) => p.lines.map((l) => l.text)).join("\n");
      for (const page of pages) {
        const size = [Math.round(page.width), Math.round(page.height)].sort();
        expect({ name, size }).toEqual({ name, size: [595, 842] });
      }
      for (const header of [
        "任务清单",
        "牵头单位",
        "配合单位",
        "进度填报",
        "判定状态",
        "序时推进率",
        "排名",
      ]) {
        expect({ name, header, found: text.includes(header) }).toEqual({ name, header, found: true });
      }
      expect({ name, marks: text.match(/###|#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|Err:\d+/g) }).toEqual({
        name,
        marks: null,
      });
      expect({ name, hidden: text.includes("_duban") || text.includes("schemaVersion") }).toEqual({
        name,
        hidden: false,
      });
    }
  });
});
