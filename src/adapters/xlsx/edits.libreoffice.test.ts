/**
 * The workbook as someone without the add-in uses it: the seeds' 台账 are opened in LibreOffice Calc,
 * edited at random — 完成值 (numbers, blanks, text), 填报状态 (listed words and others), 起始值 and
 * 目标值 in 任务清单, sorts of whole rows and of the visible columns only — recalculated and saved.
 * Then what the workbook itself shows (判定状态 of the line each task is counted from, and 单位汇总)
 * is compared with what `duban report` reads from the same file. The figure is in the README.
 */
import ExcelJS from "exceljs";
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CalcEdit } from "../../../test/helpers/calc";
import { UNO_PYTHON, editWithCalc } from "../../../test/helpers/calc";
import { enginesAvailable } from "../../../test/helpers/engines";
import type { Calculated } from "../../../test/helpers/workbookResults";
import { calculated, expectedCounts, summaryTables } from "../../../test/helpers/workbookResults";
import { nodeIo } from "../node/io";
import { run } from "../../cli/run";
import { Period } from "../../core/model";
import { columnNumber } from "../../core/sheets";
import { assessLedger, rollupByUnit } from "../../core/progress";
import { readLedgerWorkbook } from ".";

const available = enginesAvailable(["soffice"], "Editing the 台账 in LibreOffice", {
  python: { interpreter: UNO_PYTHON, modules: ["uno"] },
});
const SEEDS = join(__dirname, "../../../seeds");
const EDITS_PER_WORKBOOK = 48;
/** Each seed's workbook is edited this many times over, from the original, with other edits. */
const ROUNDS = 2;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Table {
  sheet: ExcelJS.Worksheet;
  /** Column letter by header (row 2). */
  column: Map<string, string>;
  firstRow: number;
  lastRow: number;
  lastColumn: string;
  /** Last column a person sees (hidden helper columns follow it). */
  lastVisible: string;
}

function table(workbook: ExcelJS.Workbook, name: string): Table {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const column = new Map<string, string>();
  let lastColumn = "A";
  let lastVisible = "A";
  sheet.getRow(2).eachCell((cell, number) => {
    const letter = cell.address.replace(/\d+$/, "");
    column.set(cell.text, letter);
    lastColumn = letter;
    if (!sheet.getColumn(number).hidden) lastVisible = letter;
  });
  let lastRow = 2;
  sheet.eachRow((row, number) => {
    if (number > 2 && row.getCell(1).text !== "") lastRow = number;
  });
  return { sheet, column, firstRow: 3, lastRow, lastColumn, lastVisible };
}

function at(t: Table, header: string, row: number): string {
  const letter = t.column.get(header);
  if (!letter) throw new Error(`no column ${header}`);
  return `${letter}${row}`;
}

const STATUS_WORDS = ["已完成", "序时推进", "进度滞后", "逾期未完成", "未启动", "完成", "差不多", null];

/** Edits a person might make, drawn at random over the workbook's own tables. */
function randomEdits(workbook: ExcelJS.Workbook, next: () => number, count: number): CalcEdit[] {
  const progress = table(workbook, "进度填报");
  const tasks = table(workbook, "任务清单");
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const line = (): number =>
    progress.firstRow + Math.floor(next() * (progress.lastRow - progress.firstRow + 1));
  const taskLine = (): number => tasks.firstRow + Math.floor(next() * (tasks.lastRow - tasks.firstRow + 1));
  const targetOf = (row: number): number => {
    const value = tasks.sheet.getCell(at(tasks, "目标值", row)).value;
    return typeof value === "number" ? value : 100;
  };
  const edits: CalcEdit[] = [];
  // Once in a while someone judges the period at an earlier day: 设置's 本期期末, a date cell.
  if (next() < 0.5) {
    const settings = workbook.getWorksheet("设置");
    const endCell = settings?.getColumn(1).values.findIndex((v) => v === "本期期末") ?? -1;
    const end = endCell > 0 ? settings?.getCell(`B${endCell}`).value : undefined;
    if (end instanceof Date) {
      const serial = (end.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
      edits.push({ kind: "set", sheet: "设置", cell: `B${endCell}`, value: serial - 20 });
    }
  }
  // And sometimes someone changes who is ranked: 设置's 排名最少任务数, which 单位汇总's 排名 reads.
  if (next() < 0.5) {
    const settings = workbook.getWorksheet("设置");
    const minimumCell = settings?.getColumn(1).values.findIndex((v) => v === "排名最少任务数") ?? -1;
    if (minimumCell > 0) {
      edits.push({ kind: "set", sheet: "设置", cell: `B${minimumCell}`, value: 1 + Math.floor(next() * 4) });
    }
  }
  while (edits.length < count) {
    const kind = next();
    if (kind < 0.4) {
      const target = targetOf(taskLine());
      const value = pick([
        Math.round(target * next() * 1.2),
        target,
        0,
        null,
        "2024年9月完成1个",
        Math.round(target * 0.5),
      ]);
      edits.push({ kind: "set", sheet: "进度填报", cell: at(progress, "完成值", line()), value });
    } else if (kind < 0.65) {
      edits.push({
        kind: "set",
        sheet: "进度填报",
        cell: at(progress, "填报状态", line()),
        value: pick(STATUS_WORDS),
      });
    } else if (kind < 0.8) {
      const row = taskLine();
      const target = targetOf(row);
      const value = pick([Math.round(target * 0.3), Math.round(target * 0.8), null, target]);
      edits.push({ kind: "set", sheet: "任务清单", cell: at(tasks, "起始值", row), value });
    } else if (kind < 0.85) {
      const row = taskLine();
      edits.push({
        kind: "set",
        sheet: "任务清单",
        cell: at(tasks, "目标值", row),
        value: pick([50, 95, 300, null]),
      });
    } else {
      // Whole rows (Excel's 扩展选定区域), or only the visible columns (以当前选定区域排序).
      const visibleOnly = next() < 0.5;
      const last = visibleOnly ? progress.lastVisible : progress.lastColumn;
      const headers = ["完成值", "填报状态", "编号", "任务及指标", "判定状态", "牵头单位"];
      const column = progress.column.get(pick(headers))!;
      edits.push({
        kind: "sort",
        sheet: "进度填报",
        range: `A${progress.firstRow}:${last}${progress.lastRow}`,
        column: columnNumber(column) - 1,
        ascending: next() < 0.5,
      });
    }
  }
  return edits;
}

interface Disagreement {
  workbook: string;
  where: string;
  sheet: Calculated;
  report: Calculated;
}

/** Each counted line's 判定状态 as LibreOffice calculated it, by period label and 编号. */
function sheetStatuses(workbook: ExcelJS.Workbook): Map<string, Calculated> {
  const progress = table(workbook, "进度填报");
  const statuses = new Map<string, Calculated>();
  for (let row = progress.firstRow; row <= progress.lastRow; row++) {
    const cell = (header: string) => progress.sheet.getCell(at(progress, header, row));
    if (calculated(cell("计入")) !== 1) continue;
    const status = calculated(cell("判定状态"));
    if (status === null || status === "") continue;
    statuses.set(`${cell("期间").text} ${cell("编号").text}`, status);
  }
  return statuses;
}

(available ? describe : describe.skip)("the 台账 edited in LibreOffice agrees with duban report", () => {
  let workDir: string;
  const disagreements: Disagreement[] = [];
  let edits = 0;
  let settingEdits = 0;
  let compared = 0;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "duban-edits-"));
    const demoDir = join(workDir, "demo");
    const outDir = join(workDir, "edited");
    await mkdir(outDir);
    expect(await run(["demo", SEEDS, "-o", demoDir], nodeIo())).toBe(0);
    const files = (await readdir(demoDir)).filter((f) => f.endsWith(".xlsx")).sort();
    const next = random(20241008);
    for (const [index, file] of files.flatMap((f) => Array.from({ length: ROUNDS }, () => f)).entries()) {
      const source = join(demoDir, file);
      const original = new ExcelJS.Workbook();
      await original.xlsx.load((await readFile(source)).buffer);
      const changes = randomEdits(original, next, EDITS_PER_WORKBOOK);
      edits += changes.length;
      settingEdits += changes.filter((c) => c.sheet === "设置").length;
      const output = join(outDir, `edited-${index}.xlsx`);
      await editWithCalc(source, changes, output);

      const bytes = await readFile(output);
      const edited = new ExcelJS.Workbook();
      await edited.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      // What `duban report` reads: the same reader, the same assessment.
      const read = await readLedgerWorkbook(new Uint8Array(bytes));
      if (!read.ok) throw new Error(`${file}: ${read.message}`);
      const ledger = read.ledger;

      const sheet = sheetStatuses(edited);
      const periods = new Set([ledger.period.key, ...ledger.progress.map((e) => e.period)]);
      for (const key of periods) {
        const period = Period.parse(key);
        if (!period) continue;
        for (const { row, status } of assessLedger(ledger, period).rows) {
          const where = `${period.label} ${row.number}`;
          const shown = sheet.get(where) ?? null;
          // A period with no line for a row: the row is not listed there; both sides say nothing.
          if (shown === null && key !== ledger.period.key && status === "未报送") continue;
          if (shown === null && key !== ledger.period.key && status === "已完成") continue;
          compared++;
          if (shown !== status) disagreements.push({ workbook: file, where, sheet: shown, report: status });
        }
      }
      const { units } = summaryTables(edited);
      const core = rollupByUnit(assessLedger(ledger, ledger.period), ledger.statusOptions?.rankMinTasks);
      // The sheet lists its units in the order written; its 排名 column ranks them as they are now.
      const byName = new Map(units.map((u) => [u.name, u]));
      core.forEach((rollup) => {
        const expected = [...expectedCounts(rollup.lead), rollup.rank ?? "", rollup.co.total];
        const line = byName.get(rollup.unit);
        expected.forEach((value, column) => {
          const got = line?.values[column] ?? null;
          compared++;
          const same =
            typeof value === "number" && typeof got === "number"
              ? Math.abs(value - got) < 1e-9
              : (got === "" ? null : got) === (value === "" ? null : value);
          if (!line || !same) {
            disagreements.push({
              workbook: file,
              where: `单位汇总 ${rollup.unit} 第${column + 2}列`,
              sheet: got,
              report: value,
            });
          }
        });
      });
    }
    process.stdout.write(
      `LibreOffice edits: ${edits} edits (${settingEdits} of 设置’s 本期期末 and 排名最少任务数), ${compared} figures compared, ${disagreements.length} disagreements\n`,
    );
  });

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("makes at least 400 edits and compares every status and every 单位汇总 figure: no disagreement", () => {
    expect(edits).toBeGreaterThanOrEqual(400);
    expect(settingEdits).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(1000);
    // The first few, with where they are, if any.
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(disagreements).toHaveLength(0);
  });
});
