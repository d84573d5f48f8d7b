/**
 * Shared setup for tests in a real browser: Debian's chromium through playwright-core, and a
 * production build of the task pane served from memory at the origin the manifest names.
 */

import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const PANE_ORIGIN = "https://localhost:3000";
const ROOT = path.resolve(__dirname, "..", "..");

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

/**
 * A scripted Office host: Office.js as Excel on the web presents it, and an `Excel.run` whose workbook
 * takes every call the writer makes, applies what names and shows sheets, and keeps each 2-D write
 * so tests can see what reached it (`window.scriptedWorkbook`). Loads resolve at once: the writer
 * reads only sheet names and visibility, and whether the active sheet is empty.
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
  var sheets = [{ name: "Sheet1", visibility: "Visible", writes: [] }];
  window.scriptedWorkbook = { sheets: sheets, syncs: 0 };

  function range(sheet, address) {
    var own = { load: function () {} };
    ["formulas", "values"].forEach(function (key) {
      Object.defineProperty(own, key, {
        set: function (cells) { sheet.writes.push({ address: address, cells: cells }); },
      });
    });
    return partly(own);
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
      getUsedRangeOrNullObject: function () {
        return partly({ isNullObject: sheet.writes.length === 0, load: function () {} });
      },
    });
  }
  var worksheets = partly({
    load: function () {},
    get items() { return sheets.map(worksheet); },
    getActiveWorksheet: function () { return worksheet(sheets[0]); },
    add: function (name) {
      var sheet = { name: name, visibility: "Visible", writes: [] };
      sheets.push(sheet);
      return worksheet(sheet);
    },
  });
  var context = partly({
    workbook: partly({ worksheets: worksheets }),
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

/** What the scripted workbook holds: each sheet's name, visibility and the 2-D writes it received. */
export interface ScriptedSheet {
  name: string;
  visibility: string;
  writes: { address: string; cells: unknown[][] }[];
}

export function scriptedSheets(page: Page): Promise<ScriptedSheet[]> {
  return page.evaluate(
    () => (window as unknown as { scriptedWorkbook: { sheets: ScriptedSheet[] } }).scriptedWorkbook.sheets,
  );
}
