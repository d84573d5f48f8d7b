/**
 * Shared setup for tests in a real browser: Debian's chromium through playwright-core, and a
 * production build of the task pane served from memory at the origin the manifest names.
 */

import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const PANE_ORIGIN = "https://localhost:3000";
/** The repository: two folders up from here, or three when compiled into dist/ for the bench. */
const ROOT =
  [path.resolve(__dirname, "..", ".."), path.resolve(__dirname, "..", "..", "..")].find((dir) =>
    existsSync(path.join(dir, "webpack.config.js")),
  ) ?? path.resolve(__dirname, "..", "..");

/**
 * Whether browser tests can run here. In CI a missing chromium is a failure, never a skip; on a
 * developer's machine the tests are skipped with a message saying how to get it.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true")
    throw new Error(`Browser tests need ${CHROMIUM} in CI (apt-get install chromium).`);
  process.stderr.write(`Skipping browser tests: ${CHROMIUM} not found (apt-get install chromium).\n`);
  return false;
}

/** Builds the pane for production into a fresh temporary folder and returns it. */
export async function buildPane(): Promise<string> {
  const outputPath = mkdtempSync(path.join(tmpdir(), "duban-pane-"));
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  await promisify(execFile)(process.execPath, [cli, "--mode", "production", "--output-path", outputPath], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return outputPath;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
};

/**
 * Answers requests for the pane's origin from the build folder and for Office.js with `officeJs`,
 * so the page loads with no server and no internet.
 */
export async function servePane(page: Page, buildDir: string, officeJs: string): Promise<void> {
  await page.route(`${PANE_ORIGIN}/**`, async (route) => {
    const file = path.join(buildDir, new URL(route.request().url()).pathname);
    if (!file.startsWith(buildDir) || !existsSync(file)) return route.fulfill({ status: 404 });
    await route.fulfill({
      body: readFileSync(file),
      contentType: CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    });
  });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ body: officeJs, contentType: "text/javascript" }),
  );
}

/** A new page at the width of Excel's task pane on the desktop, with the pane loaded in the scripted Excel. */
export async function openPane(browser: Browser, buildDir: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 }, locale: "zh-CN" });
  await servePane(page, buildDir, SCRIPTED_EXCEL);
  await page.goto(`${PANE_ORIGIN}/taskpane.html`);
  await page.getByRole("tab", { name: "导入" }).waitFor();
  return page;
}

/**
 * A scripted Office host: Office.js as Excel on the web presents it, and an `Excel.run` whose workbook
 * takes every call the writer makes, applies what names and shows sheets, keeps the cells and number
 * formats written, and gives them back to the reader (`window.scriptedWorkbook` shows tests what
 * reached it). Loads resolve at once; formulas read back as their text (no calculation engine).
 */
export const SCRIPTED_EXCEL = `
(function () {
  // Takes any property, assignment or call the test does not look at.
  function sink() {
    return new Proxy(function () {}, {
      get: function (_, key) { return key === "then" ? undefined : sink(); },
      set: function () { return true; },
      apply: function () { return sink(); },
    });
  }
  // An object with some members of its own; the rest is sink.
  function partly(own) {
    return new Proxy(own, {
      get: function (target, key) { return key in target ? target[key] : key === "then" ? undefined : sink(); },
    });
  }
  var sheets = [newSheet("Sheet1")];
  // The selection, as an A1 range of the first sheet; merges are A1 ranges on each sheet.
  window.scriptedWorkbook = { sheets: sheets, syncs: 0, name: "工作簿1.xlsx", selection: "A1" };

  function newSheet(name) {
    return { name: name, visibility: "Visible", writes: [], cells: [], formats: [], merges: [] };
  }
  function columnNumber(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
    return n;
  }
  // 0-based bounds of "B3", "B3:D9" or "C:C".
  function bounds(address) {
    var ends = address.replace(/[$]/g, "").split(":").map(function (part) {
      var match = /^([A-Z]*)([0-9]*)$/.exec(part);
      return { column: match[1] ? columnNumber(match[1]) - 1 : -1, row: match[2] ? Number(match[2]) - 1 : -1 };
    });
    var first = ends[0], last = ends[1] || ends[0];
    return {
      firstRow: first.row < 0 ? 0 : first.row,
      firstColumn: first.column < 0 ? 0 : first.column,
      lastRow: last.row < 0 ? 1048575 : last.row,
      lastColumn: last.column < 0 ? 16383 : last.column,
    };
  }
  // As Excel stores typing: a leading apostrophe keeps text as text and is not part of it.
  function typed(entry) {
    return typeof entry === "string" && entry.charAt(0) === "'" ? entry.slice(1) : entry;
  }
  function formatAt(sheet, row, column) {
    var format = "General";
    sheet.formats.forEach(function (f) {
      var b = f.bounds;
      if (row >= b.firstRow && row <= b.lastRow && column >= b.firstColumn && column <= b.lastColumn) format = f.format;
    });
    return format;
  }
  function block(sheet, firstRow, firstColumn, rowCount, columnCount) {
    var values = [], formats = [];
    for (var r = 0; r < rowCount; r++) {
      var line = sheet.cells[firstRow + r] || [];
      values.push([]);
      formats.push([]);
      for (var c = 0; c < columnCount; c++) {
        var value = line[firstColumn + c];
        values[r].push(value === undefined || value === null ? "" : value);
        formats[r].push(formatAt(sheet, firstRow + r, firstColumn + c));
      }
    }
    return partly({
      load: function () {},
      values: values,
      numberFormat: formats,
      text: values.map(function (line) { return line.map(function (v) { return String(v); }); }),
      rowIndex: firstRow,
      columnIndex: firstColumn,
      rowCount: rowCount,
      columnCount: columnCount,
      isNullObject: false,
      getMergedAreasOrNullObject: function () { return mergedAreas(sheet); },
    });
  }
  function mergedAreas(sheet) {
    return partly({
      load: function () {},
      isNullObject: sheet.merges.length === 0,
      address: sheet.merges.map(function (a) { return sheet.name + "!" + a; }).join(", "),
    });
  }
  function range(sheet, address) {
    var own = { load: function () {} };
    ["formulas", "values"].forEach(function (key) {
      Object.defineProperty(own, key, {
        set: function (entries) {
          var b = bounds(address);
          sheet.writes.push({ address: address, cells: entries });
          entries.forEach(function (line, r) {
            var cells = sheet.cells[b.firstRow + r] || (sheet.cells[b.firstRow + r] = []);
            line.forEach(function (entry, c) { cells[b.firstColumn + c] = typed(entry); });
          });
        },
      });
    });
    Object.defineProperty(own, "numberFormat", {
      set: function (formats) { sheet.formats.push({ bounds: bounds(address), format: formats[0][0] }); },
    });
    return partly(own);
  }
  function usedRange(sheet) {
    var rowCount = 0, columnCount = 0;
    sheet.cells.forEach(function (line, r) {
      if (!line) return;
      line.forEach(function (value, c) {
        if (value === undefined || value === null || value === "") return;
        rowCount = Math.max(rowCount, r + 1);
        columnCount = Math.max(columnCount, c + 1);
      });
    });
    var used = block(sheet, 0, 0, rowCount, columnCount);
    return partly({
      load: function () {},
      isNullObject: rowCount === 0,
      rowIndex: 0,
      columnIndex: 0,
      rowCount: rowCount,
      columnCount: columnCount,
      text: used.text,
      getMergedAreasOrNullObject: function () { return mergedAreas(sheet); },
    });
  }
  function worksheet(sheet) {
    return partly({
      get name() { return sheet.name; },
      set name(value) { sheet.name = value; },
      get visibility() { return sheet.visibility; },
      set visibility(value) { sheet.visibility = value; },
      load: function () {},
      delete: function () { sheets.splice(sheets.indexOf(sheet), 1); },
      getRange: function (address) { return range(sheet, address); },
      getRangeByIndexes: function (row, column, rowCount, columnCount) {
        return block(sheet, row, column, rowCount, columnCount);
      },
      getUsedRangeOrNullObject: function () { return usedRange(sheet); },
    });
  }
  var worksheets = partly({
    load: function () {},
    get items() { return sheets.map(worksheet); },
    getActiveWorksheet: function () { return worksheet(sheets[0]); },
    add: function (name) {
      var sheet = newSheet(name);
      sheets.push(sheet);
      return worksheet(sheet);
    },
  });
  var context = partly({
    workbook: partly({
      worksheets: worksheets,
      get name() { return window.scriptedWorkbook.name; },
      getSelectedRange: function () {
        var b = bounds(window.scriptedWorkbook.selection);
        return block(sheets[0], b.firstRow, b.firstColumn, b.lastRow - b.firstRow + 1, b.lastColumn - b.firstColumn + 1);
      },
    }),
    sync: function () {
      window.scriptedWorkbook.syncs++;
      return Promise.resolve();
    },
  });

  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); },
    context: { requirements: { isSetSupported: function (name) { return name === "ExcelApi"; } } },
  };
  window.Excel = { run: function (batch) { return Promise.resolve().then(function () { return batch(context); }); } };
})();`;

/** What the scripted workbook holds: each sheet's name, visibility, the 2-D writes it received and its cells. */
export interface ScriptedSheet {
  name: string;
  visibility: string;
  writes: { address: string; cells: unknown[][] }[];
  /** 0-based rows of values, as a person would see them typed. */
  cells: unknown[][];
  /** Merged areas, as A1 ranges. */
  merges: string[];
}

export function scriptedSheets(page: Page): Promise<ScriptedSheet[]> {
  return page.evaluate(
    () => (window as unknown as { scriptedWorkbook: { sheets: ScriptedSheet[] } }).scriptedWorkbook.sheets,
  );
}
