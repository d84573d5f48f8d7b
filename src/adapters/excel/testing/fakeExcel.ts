/// <reference types="office-js" />
/**
 * A scripted Excel for the adapter's tests and `npm run bench`, built on office-addin-mock: every
 * object the adapter touches is an `OfficeMockObject`, so properties read before `load` and
 * `context.sync()` come back as the library's error text, as in Excel. Around it the fake keeps what
 * office-addin-mock cannot: a queue of the calls of each request, applied in order at `sync()` with
 * Excel's rules (names unique, a veryHidden sheet cannot be deleted, one visible sheet must remain,
 * 2-D writes must match their range, requests and responses over 5 MB are refused, members newer
 * than the host's ExcelApi fail), strings typed into cells as Excel parses typing, and a count of
 * syncs with the bytes each request carried.
 *
 * Limits: no calculation engine (a formula cell's `values` read back as ""), and a range reads
 * the cells as they were when the range was made.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnNumber, excelSerial, sheetReference, shiftRows } from "../../../core/sheets";
import type { RequirementSets } from "../capabilities";
import { REQUEST_LIMIT_BYTES, jsonBytes } from "../batches";

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue;
  /** With the leading `=`. */
  formula?: string;
  /** An error value such as `#N/A`; `values` reads it as its text. */
  error?: boolean;
}

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

/** A call the adapter made on a sheet or one of its ranges, after Excel accepted it. */
export interface FakeCall {
  /** A1 address of the range, or "" for the sheet itself. */
  address: string;
  /** Property or method below the range or sheet: `format.font.name`, `freezePanes.freezeRows`. */
  path: string;
  /** What was assigned, or the method's arguments. */
  value: unknown;
}

/** Excel's error shape: `code` as in `Excel.ErrorCodes`. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Bounds {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** `A1`, `B2:D9`, `C:C`, `3:7`, with or without `$`; 1-based bounds. */
export function parseAddress(address: string): Bounds {
  const parts = address.replace(/\$/g, "").split(":");
  const ends = parts.map((part) => /^([A-Z]*)(\d*)$/.exec(part.trim()));
  const [start, end = start] = ends;
  if (!start || !end || parts.length > 2) throw new FakeExcelError("InvalidArgument", `地址无效：${address}`);
  const column = (letters: string | undefined, fallback: number): number =>
    letters ? columnNumber(letters) : fallback;
  const row = (digits: string | undefined, fallback: number): number => (digits ? Number(digits) : fallback);
  return {
    firstRow: row(start[2], 1),
    firstColumn: column(start[1], 1),
    lastRow: row(end[2], MAX_ROWS),
    lastColumn: column(end[1], MAX_COLUMNS),
  };
}

const halfWidth = (text: string): string =>
  text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * What Excel stores when `entry` is typed into a cell (`range.formulas`/`values` parse strings so):
 * undefined leaves the cell alone, null empties it.
 */
export function typeInto(entry: unknown): FakeCell | null | undefined {
  if (entry === null || entry === undefined) return undefined;
  if (typeof entry === "number" || typeof entry === "boolean") return { value: entry };
  if (typeof entry !== "string")
    throw new FakeExcelError("InvalidArgument", "单元格只能写入文字、数字或逻辑值。");
  if (entry === "") return null;
  if (entry.startsWith("'")) return { value: entry.slice(1) };
  const text = halfWidth(entry).trim();
  if (/^[=@]/.test(text) || (/^[+-]/.test(text) && !Number.isFinite(Number(text)))) {
    // Excel reads full-width operators as their ASCII forms, but keeps quoted text as written.
    const formula = entry
      .trim()
      .split(/("(?:[^"]|"")*")/)
      .map((part, k) => (k % 2 === 1 ? part : halfWidth(part)))
      .join("");
    return { value: formula, formula: formula.startsWith("=") ? formula : `=${formula}` };
  }
  if (/^(true|false)$/i.test(text)) return { value: text.toUpperCase() === "TRUE" };
  if (/^#(null!|div\/0!|value!|ref!|name\?|num!|n\/a|spill!|calc!)$/i.test(text)) {
    return { value: text.toUpperCase(), error: true };
  }
  if (/\d/.test(text) && /^[+-]?(?:\d[\d,]*)?(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(text)) {
    return { value: Number(text.replace(/,/g, "")) };
  }
  const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent) return { value: Number(percent[1]) / 100 };
  const date = /^(\d{4})[-/年](\d{1,2})(?:[-/月](\d{1,2})日?)?月?(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (date) {
    const iso = `${date[1]}-${date[2]?.padStart(2, "0")}-${(date[3] ?? "1").padStart(2, "0")}`;
    const time = (Number(date[4] ?? 0) * 60 + Number(date[5] ?? 0)) / 1440;
    return { value: excelSerial(iso) + time };
  }
  const time = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (time) return { value: (Number(time[1]) * 60 + Number(time[2])) / 1440 };
  if (/^\d{1,2}\/\d{1,2}$/.test(text)) return { value: excelSerial(`2024-${text.replace("/", "-")}`) };
  return { value: entry };
}

export class FakeSheet {
  readonly rows: (FakeCell | undefined)[][] = [];
  /** Merged areas as A1 ranges. */
  merges: readonly string[] = [];
  /** Every call on the sheet and its ranges that is not about cell contents or the sheet's life, in order. */
  readonly calls: FakeCall[] = [];
  /** Addresses of the 2-D writes of cell contents, in order. */
  readonly valueWrites: string[] = [];

  constructor(
    public name: string,
    public visibility: FakeVisibility = "Visible",
  ) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  setCell(row: number, column: number, cell: FakeCell | null): void {
    const cells = (this.rows[row - 1] ??= []);
    cells[column - 1] = cell ?? undefined;
  }

  /** The smallest range holding every value; undefined for a sheet without values. */
  valueBounds(): Bounds | undefined {
    let bounds: Bounds | undefined;
    this.rows.forEach((cells, index) => {
      cells.forEach((cell, column) => {
        if (!cell) return;
        const row = index + 1;
        bounds = {
          firstRow: Math.min(bounds?.firstRow ?? row, row),
          firstColumn: Math.min(bounds?.firstColumn ?? column + 1, column + 1),
          lastRow: row,
          lastColumn: Math.max(bounds?.lastColumn ?? column + 1, column + 1),
        };
      });
    });
    return bounds;
  }

  /** The cells from A1 as values (formula cells as their formula), `null` where empty. */
  grid(): (FakeValue | null)[][] {
    const bounds = this.valueBounds();
    if (!bounds) return [];
    return Array.from({ length: bounds.lastRow }, (_, r) =>
      Array.from({ length: bounds.lastColumn }, (_, c) => this.cell(r + 1, c + 1)?.value ?? null),
    );
  }

  callsTo(path: string): FakeCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  /** The number format the last call covering the cell set, as Excel keeps one per cell. */
  numberFormatAt(row: number, column: number): string {
    for (let i = this.numberFormats.length - 1; i >= 0; i--) {
      const set = this.numberFormats[i];
      if (!set) continue;
      const b = set.bounds;
      if (row < b.firstRow || row > b.lastRow || column < b.firstColumn || column > b.lastColumn) continue;
      const single = set.formats.length === 1 && set.formats[0]?.length === 1;
      const format = single ? set.formats[0]?.[0] : set.formats[row - b.firstRow]?.[column - b.firstColumn];
      return typeof format === "string" ? format : "General";
    }
    return "General";
  }

  /** Height in points the last `format.rowHeight` call covering the row set; undefined: Excel's own. */
  rowHeightAt(row: number): number | undefined {
    for (let i = this.calls.length - 1; i >= 0; i--) {
      const call = this.calls[i];
      if (call?.path !== "format.rowHeight") continue;
      const b = parseAddress(call.address);
      if (row >= b.firstRow && row <= b.lastRow) return call.value as number;
    }
    return undefined;
  }

  /** The `numberFormat` calls apart, so reads need not look through every format call. */
  private readonly numberFormats: { bounds: Bounds; formats: unknown[][] }[] = [];

  /** Remembers a call Excel applied to the sheet or one of its ranges. */
  applied(call: FakeCall): void {
    this.calls.push(call);
    if (call.path === "numberFormat" && call.address && Array.isArray(call.value)) {
      this.numberFormats.push({ bounds: parseAddress(call.address), formats: call.value as unknown[][] });
    }
  }
}

export interface FakeSheetSeed {
  name: string;
  visibility?: FakeVisibility;
  /** Typed into the sheet from A1, as people would type them. */
  rows?: readonly (readonly unknown[])[];
  /** Merged areas, as A1 ranges (`A1:D1`). */
  merges?: readonly string[];
}

export interface FakeExcelOptions {
  /** The host's highest ExcelApi version, `1.7`…`1.17` (default `1.17`); newer members fail with `ApiNotFound`. */
  apiVersion?: string;
  /** The workbook's sheets at the start (default: one empty `Sheet1`). */
  sheets?: readonly FakeSheetSeed[];
  /** Request limit (default 5 MB, as Excel on the web; desktop Excel has none). */
  requestLimitBytes?: number;
  /** Response limit for loads (default 5 MB, as Excel on the web). */
  responseLimitBytes?: number;
  /** The workbook's file name (default `工作簿1.xlsx`). */
  workbookName?: string;
  /** The selection on the active sheet, as an A1 range (default `A1`). */
  selection?: string;
}

/** The ExcelApi version that brought a member, keyed by object kind and property path prefix. */
const SINCE: Record<string, string> = {
  "worksheet.pageLayout": "1.9",
  "worksheet.autoFilter": "1.9",
  "worksheet.showGridlines": "1.8",
  "worksheet.tabColor": "1.7",
  "worksheet.freezePanes": "1.7",
  "worksheet.getRangeByIndexes": "1.7",
  "worksheet.getUsedRangeOrNullObject": "1.4",
  "range.dataValidation": "1.8",
  "range.autoFill": "1.9",
  "range.copyFrom": "1.9",
  "range.conditionalFormats": "1.6",
  "range.getMergedAreasOrNullObject": "1.13",
  "workbook.properties": "1.7",
  "workbook.application.suspendApiCalculationUntilNextSync": "1.6",
};

/** `1.9` < `1.17`: versions compare part by part, not as decimals. */
function versionAtLeast(have: string, need: string): boolean {
  const [haveMajor = 0, haveMinor = 0] = have.split(".").map(Number);
  const [needMajor = 0, needMinor = 0] = need.split(".").map(Number);
  return haveMajor !== needMajor ? haveMajor > needMajor : haveMinor >= needMinor;
}

/** A queued call's share of the request besides its argument, roughly as Office.js serializes it. */
const FAKE_CALL_BYTES = 120;

type Kind = "workbook" | "worksheets" | "worksheet" | "range";

interface Where {
  kind: Kind;
  sheet?: FakeSheet;
  address?: string;
}

interface Queued {
  bytes: number;
  sheet: string;
  call: FakeCall;
  apply(): void;
}

interface PendingLoad {
  /** The office-addin-mock object that resolves the load at the sync. */
  raw?: OfficeMockObject;
  /** The loadable data behind the object, for the response size. */
  data: Record<string, unknown>;
  properties: string[];
  /** Sets what Excel returns for a load that office-addin-mock does not model (collections). */
  resolve?: () => void;
}

export class FakeExcel {
  /** `context.sync()` calls so far. */
  syncs = 0;
  /** Bytes of each request, in order of the syncs. */
  readonly requestBytes: number[] = [];
  /** Bytes each sync loaded. */
  readonly responseBytes: number[] = [];
  /** Document properties set by the adapter. */
  readonly properties: Record<string, unknown> = {};
  /** Workbook-scoped names and what they refer to (`='设置'!$B$3`). */
  readonly names = new Map<string, string>();
  readonly requirements: RequirementSets;
  readonly context: Excel.RequestContext;
  /** Makes Excel refuse a call when its request reaches it; the calls before it stay applied. */
  failOn: ((sheet: string, call: FakeCall) => boolean) | undefined;

  private readonly sheetList: FakeSheet[];
  private active: FakeSheet | undefined;
  private queue: Queued[] = [];
  private loads: PendingLoad[] = [];
  private readonly proxies = new WeakMap<object, object>();
  private readonly apiVersion: string;
  private readonly options: FakeExcelOptions;

  constructor(options: FakeExcelOptions = {}) {
    this.options = options;
    this.apiVersion = options.apiVersion ?? "1.17";
    this.requirements = {
      isSetSupported: (name, version) =>
        name === "ExcelApi" && versionAtLeast(this.apiVersion, version ?? "1.1"),
    };
    this.sheetList = (options.sheets ?? [{ name: "Sheet1" }]).map((seed) => {
      const sheet = new FakeSheet(seed.name, seed.visibility);
      sheet.merges = seed.merges ?? [];
      seed.rows?.forEach((cells, r) =>
        cells.forEach((entry, c) => {
          const cell = typeInto(entry);
          if (cell !== undefined) sheet.setCell(r + 1, c + 1, cell);
        }),
      );
      return sheet;
    });
    this.active = this.sheetList.find((s) => s.visibility === "Visible");
    const workbookData = { name: options.workbookName ?? "工作簿1.xlsx" };
    const workbookRaw = new OfficeMockObject({
      ...workbookData,
      getSelectedRange: () => {
        const sheet = this.active;
        if (!sheet) throw new FakeExcelError("ItemNotFound", "没有活动工作表。");
        return this.readRange(sheet, parseAddress(options.selection ?? "A1"));
      },
      properties: {},
      application: {
        suspendApiCalculationUntilNextSync: () =>
          this.record({ kind: "workbook" }, "application.suspendApiCalculationUntilNextSync", []),
      },
    });
    this.loadable(workbookRaw, workbookData);
    const workbook = this.track(workbookRaw, { kind: "workbook" });
    Reflect.set(workbook, "worksheets", this.worksheets());
    Reflect.set(workbook, "names", this.namedItems());
    const context = new OfficeMockObject({ sync: () => this.sync() });
    Reflect.set(context, "workbook", workbook);
    this.context = context as unknown as Excel.RequestContext;
  }

  /** The sheets in tab order. */
  get sheets(): readonly FakeSheet[] {
    return this.sheetList;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheetList.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}; sheets: ${this.sheetList.map((s) => s.name).join(", ")}`);
    return sheet;
  }

  get activeSheet(): string | undefined {
    return this.active?.name;
  }

  private find(name: string): FakeSheet | undefined {
    return this.sheetList.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private visibleCount(): number {
    return this.sheetList.filter((s) => s.visibility === "Visible").length;
  }

  // ---- recording -------------------------------------------------------------------------------

  private enqueue(where: Where, path: string, value: unknown, apply: () => void): void {
    const sheet = where.sheet?.name ?? "";
    const call: FakeCall = { address: where.address ?? "", path, value };
    const segments = path.split(".");
    const since = [1, 2, 3]
      .map((n) => SINCE[`${where.kind}.${segments.slice(0, n).join(".")}`])
      .find((v) => v !== undefined);
    const supported = since === undefined || versionAtLeast(this.apiVersion, since);
    this.queue.push({
      bytes: FAKE_CALL_BYTES + jsonBytes(value),
      sheet,
      call,
      apply: () => {
        if (!supported) throw new FakeExcelError("ApiNotFound", `ExcelApi ${since ?? ""} 才有 ${path}。`);
        if (this.failOn?.(sheet, call)) throw new FakeExcelError("GeneralException", `模拟失败：${path}`);
        apply();
      },
    });
  }

  /** A call that only needs to be remembered on its sheet. */
  private record(where: Where, path: string, value: unknown): void {
    this.enqueue(where, path, value, () =>
      where.sheet?.applied({ address: where.address ?? "", path, value }),
    );
  }

  /** Wraps an office-addin-mock object so property sets become queued calls. */
  private track<T extends object>(raw: OfficeMockObject, where: Where, path = ""): T {
    const known = this.proxies.get(raw);
    if (known) return known as T;
    const proxy = new Proxy(raw, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof property === "symbol" || property.startsWith("_")) return value;
        if (value instanceof OfficeMockObject) {
          return this.track<object>(value, where, path ? `${path}.${property}` : property);
        }
        return value;
      },
      set: (target, property, value: unknown) => {
        if (typeof property === "symbol" || property.startsWith("_"))
          return Reflect.set(target, property, value);
        Reflect.set(target, property, value);
        this.assigned(where, path ? `${path}.${property}` : property, value);
        return true;
      },
    });
    this.proxies.set(raw, proxy);
    return proxy as T;
  }

  /** A property set reaches Excel: cell contents and sheet properties change the model, the rest is recorded. */
  private assigned(where: Where, path: string, value: unknown): void {
    const { sheet } = where;
    if (where.kind === "workbook" && path.startsWith("properties.")) {
      this.enqueue(where, path, value, () => (this.properties[path.slice("properties.".length)] = value));
    } else if (where.kind === "range" && sheet && (path === "formulas" || path === "values")) {
      this.enqueue(where, path, value, () => this.writeCells(sheet, where.address ?? "", value));
    } else if (where.kind === "worksheet" && sheet && path === "name") {
      this.enqueue(where, path, value, () => this.rename(sheet, String(value)));
    } else if (where.kind === "worksheet" && sheet && path === "position") {
      this.enqueue(where, path, value, () => this.move(sheet, Number(value)));
    } else if (where.kind === "worksheet" && sheet && path === "visibility") {
      this.enqueue(where, path, value, () => this.setVisibility(sheet, value as FakeVisibility));
    } else {
      this.record(where, path, value);
    }
  }

  // ---- Excel's rules ---------------------------------------------------------------------------

  private writeCells(sheet: FakeSheet, address: string, value: unknown): void {
    const b = parseAddress(address);
    const rows = b.lastRow - b.firstRow + 1;
    const columns = b.lastColumn - b.firstColumn + 1;
    if (
      !Array.isArray(value) ||
      value.length !== rows ||
      value.some((r) => !Array.isArray(r) || r.length !== columns)
    ) {
      throw new FakeExcelError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
    sheet.valueWrites.push(address);
    (value as unknown[][]).forEach((cells, r) =>
      cells.forEach((entry, c) => {
        const cell = typeInto(entry);
        if (cell !== undefined) sheet.setCell(b.firstRow + r, b.firstColumn + c, cell);
      }),
    );
  }

  /** AutoFill down from one cell: its formula with relative rows moved, as Excel copies a formula. */
  private fill(sheet: FakeSheet, sourceAddress: string, destinationAddress: string): void {
    const source = parseAddress(sourceAddress);
    const target = parseAddress(destinationAddress);
    const cell = sheet.cell(source.firstRow, source.firstColumn);
    const contained =
      source.firstRow === target.firstRow &&
      source.firstColumn === target.firstColumn &&
      target.lastColumn === target.firstColumn;
    if (!contained || !cell?.formula) {
      throw new FakeExcelError(
        "InvalidArgument",
        "自动填充的目标区域必须从源单元格向下延伸，且源单元格须有公式。",
      );
    }
    for (let row = target.firstRow + 1; row <= target.lastRow; row++) {
      const formula = `=${shiftRows(cell.formula.slice(1), row - target.firstRow)}`;
      sheet.setCell(row, target.firstColumn, { value: formula, formula });
    }
  }

  /**
   * `copyFrom` of a block, contents only (formats are recorded as the call): formulas with their
   * relative rows moved by the distance, as Excel pastes them; the source must still exist.
   */
  private copy(fromSheet: FakeSheet, fromAddress: string, toSheet: FakeSheet, toAddress: string): void {
    if (!this.sheetList.includes(fromSheet)) throw new FakeExcelError("ItemNotFound", "源工作表已不存在。");
    const source = parseAddress(fromAddress);
    const target = parseAddress(toAddress);
    const rows = source.lastRow - source.firstRow + 1;
    const columns = source.lastColumn - source.firstColumn + 1;
    if (
      target.lastRow - target.firstRow + 1 !== rows ||
      target.lastColumn - target.firstColumn + 1 !== columns
    ) {
      throw new FakeExcelError("InvalidArgument", "复制的目标区域与源区域大小不同。");
    }
    const by = target.firstRow - source.firstRow;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const cell = fromSheet.cell(source.firstRow + r, source.firstColumn + c);
        const moved =
          cell?.formula !== undefined
            ? {
                value: `=${shiftRows(cell.formula.slice(1), by)}`,
                formula: `=${shiftRows(cell.formula.slice(1), by)}`,
              }
            : (cell ?? null);
        toSheet.setCell(target.firstRow + r, target.firstColumn + c, moved && { ...moved });
      }
    }
  }

  private checkName(name: string, except?: FakeSheet): void {
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) {
      throw new FakeExcelError("InvalidArgument", `工作表名称无效：${name}`);
    }
    const other = this.find(name);
    if (other && other !== except) throw new FakeExcelError("ItemAlreadyExists", `已有工作表：${name}`);
  }

  /** Every formula that reads `sheet`, rewritten as Excel does when the sheet is renamed or deleted. */
  private repoint(sheet: FakeSheet, to: string): void {
    const pattern = sheetReference(sheet.name);
    for (const other of this.sheetList) {
      for (const cells of other.rows) {
        cells?.forEach((cell, index) => {
          if (cell?.formula === undefined) return;
          const formula = cell.formula.replace(pattern, to);
          if (formula !== cell.formula) cells[index] = { value: formula, formula };
        });
      }
    }
  }

  private rename(sheet: FakeSheet, name: string): void {
    this.checkName(name, sheet);
    this.repoint(sheet, `'${name.replace(/'/g, "''")}'!`);
    sheet.name = name;
  }

  private move(sheet: FakeSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheetList.length) {
      throw new FakeExcelError("InvalidArgument", `位置无效：${position}`);
    }
    this.sheetList.splice(this.sheetList.indexOf(sheet), 1);
    this.sheetList.splice(position, 0, sheet);
  }

  private setVisibility(sheet: FakeSheet, visibility: FakeVisibility): void {
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleCount() === 1) {
      throw new FakeExcelError("InvalidOperation", "工作簿至少要有一张可见的工作表。");
    }
    sheet.visibility = visibility;
    if (this.active === sheet && visibility !== "Visible") {
      this.active = this.sheetList.find((s) => s.visibility === "Visible");
    }
  }

  private remove(sheet: FakeSheet): void {
    if (sheet.visibility === "VeryHidden") {
      throw new FakeExcelError("InvalidOperation", "不能删除 VeryHidden 的工作表。");
    }
    if (sheet.visibility === "Visible" && this.visibleCount() === 1) {
      throw new FakeExcelError("InvalidOperation", "工作簿至少要有一张可见的工作表。");
    }
    const index = this.sheetList.indexOf(sheet);
    if (index < 0) throw new FakeExcelError("ItemNotFound", `工作表已不存在：${sheet.name}`);
    this.repoint(sheet, "#REF!");
    this.sheetList.splice(index, 1);
    if (this.active === sheet) this.active = this.sheetList.find((s) => s.visibility === "Visible");
  }

  // ---- objects ---------------------------------------------------------------------------------

  private worksheets(): Excel.WorksheetCollection {
    const raw: OfficeMockObject = new OfficeMockObject({
      add: (name: string) => {
        const sheet = new FakeSheet(name);
        this.enqueue({ kind: "worksheets" }, "add", [name], () => {
          this.checkName(name);
          this.sheetList.push(sheet);
        });
        return this.worksheet(sheet);
      },
      getActiveWorksheet: () => {
        const sheet = this.active;
        if (!sheet) throw new FakeExcelError("ItemNotFound", "没有活动工作表。");
        return this.worksheet(sheet);
      },
      // office-addin-mock cannot load `items/name`; the fake answers it at the sync.
      load: (properties: string) => {
        const itemProperties = properties.split(",").map((p) => p.trim().replace(/^items\//, ""));
        this.loads.push({
          data: {},
          properties: [],
          resolve: () => {
            const items = this.sheetList.map((sheet) => {
              const proxy = this.worksheet(sheet);
              const values: Record<string, unknown> = { name: sheet.name, visibility: sheet.visibility };
              // Straight onto the mock: a load is not a call the adapter made.
              for (const property of itemProperties)
                Reflect.set(this.rawOf(proxy), property, values[property]);
              return proxy;
            });
            Reflect.set(raw, "items", items);
          },
        });
      },
    });
    return this.track<Excel.WorksheetCollection>(raw, { kind: "worksheets" });
  }

  private namedItems(): Excel.NamedItemCollection {
    const where: Where = { kind: "workbook" };
    const find = (name: string): string | undefined =>
      [...this.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
    const raw: OfficeMockObject = new OfficeMockObject({
      add: (name: string, reference: string) =>
        this.enqueue(where, "names.add", [name, reference], () => {
          if (find(name)) throw new FakeExcelError("ItemAlreadyExists", `已有名称：${name}`);
          const sheet = /^='((?:[^']|'')+)'!\$[A-Z]+\$\d+$/.exec(reference)?.[1]?.replace(/''/g, "'");
          if (!sheet || !this.find(sheet))
            throw new FakeExcelError("InvalidArgument", `名称引用无效：${reference}`);
          this.names.set(name, reference);
        }),
      getItem: (name: string) =>
        new OfficeMockObject({
          delete: () =>
            this.enqueue(where, "names.delete", [name], () => {
              const known = find(name);
              if (!known) throw new FakeExcelError("ItemNotFound", `没有名称：${name}`);
              this.names.delete(known);
            }),
        }),
      load: () => {
        this.loads.push({
          data: {},
          properties: [],
          resolve: () =>
            Reflect.set(
              raw,
              "items",
              [...this.names.keys()].map((name) => ({ name })),
            ),
        });
      },
    });
    return raw as unknown as Excel.NamedItemCollection;
  }

  private readonly raws = new WeakMap<object, OfficeMockObject>();
  /** Where each range made by `getRange` is, for `copyFrom` to read its source. */
  private readonly rangePlaces = new WeakMap<object, { sheet: FakeSheet; address: string }>();
  private readonly worksheetProxies = new Map<FakeSheet, Excel.Worksheet>();

  private rawOf(proxy: object): OfficeMockObject {
    const raw = this.raws.get(proxy);
    if (!raw) throw new Error("not a fake object");
    return raw;
  }

  private worksheet(sheet: FakeSheet): Excel.Worksheet {
    const known = this.worksheetProxies.get(sheet);
    if (known) return known;
    const where: Where = { kind: "worksheet", sheet };
    const method =
      (path: string) =>
      (...args: unknown[]) =>
        this.record(where, path, args);
    const raw = new OfficeMockObject({
      getRange: (address = "") => this.range(sheet, address),
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
        this.readRange(sheet, {
          firstRow: row + 1,
          firstColumn: column + 1,
          lastRow: row + rows,
          lastColumn: column + columns,
        }),
      getUsedRangeOrNullObject: (valuesOnly = false) => this.usedRange(sheet, valuesOnly),
      activate: () =>
        this.enqueue(where, "activate", [], () => {
          if (sheet.visibility !== "Visible")
            throw new FakeExcelError("InvalidOperation", "不能激活隐藏的工作表。");
          this.active = sheet;
        }),
      delete: () => this.enqueue(where, "delete", [], () => this.remove(sheet)),
      freezePanes: {
        freezeRows: method("freezePanes.freezeRows"),
        freezeColumns: method("freezePanes.freezeColumns"),
        freezeAt: method("freezePanes.freezeAt"),
      },
      protection: { protect: method("protection.protect") },
      pageLayout: {
        setPrintTitleRows: method("pageLayout.setPrintTitleRows"),
        headersFooters: { defaultForAllPages: {} },
      },
      autoFilter: { apply: method("autoFilter.apply") },
    });
    // `name` and `visibility` as they are at the sync, whatever happened to the sheet since.
    Reflect.set(raw, "load", () =>
      this.loads.push({
        data: {},
        properties: [],
        resolve: () => {
          Reflect.set(raw, "name", sheet.name);
          Reflect.set(raw, "visibility", sheet.visibility);
        },
      }),
    );
    const proxy = this.track<Excel.Worksheet>(raw, where);
    this.raws.set(proxy, raw);
    this.worksheetProxies.set(sheet, proxy);
    return proxy;
  }

  /** A range to write to: calls on it are recorded with its address. */
  private range(sheet: FakeSheet, address: string): Excel.Range {
    parseAddress(address);
    const where: Where = { kind: "range", sheet, address };
    let formats = 0;
    const raw = new OfficeMockObject({
      format: {
        font: {},
        fill: {},
        protection: {},
        borders: {
          getItem: (edge: string) => this.track(new OfficeMockObject({}), where, `format.borders.${edge}`),
        },
      },
      merge: (across = false) => this.record(where, "merge", [across]),
      copyFrom: (source: Excel.Range, copyType: string) => {
        const from = this.rangePlaces.get(source);
        if (!from) throw new FakeExcelError("InvalidArgument", "复制的源区域无效。");
        this.enqueue(where, "copyFrom", [from.sheet.name, from.address, copyType], () => {
          sheet.applied({ address, path: "copyFrom", value: [from.sheet.name, from.address, copyType] });
          this.copy(from.sheet, from.address, sheet, address);
        });
      },
      autoFill: (destination: string, type: string) =>
        this.enqueue(where, "autoFill", [destination, type], () => {
          sheet.applied({ address, path: "autoFill", value: [destination, type] });
          this.fill(sheet, address, destination);
        }),
      conditionalFormats: {
        add: (type: string) => {
          const id = `conditionalFormats.${formats++}`;
          this.record(where, `${id}.add`, [type]);
          return this.track(
            new OfficeMockObject({ cellValue: { format: { fill: {}, font: {} } } }),
            where,
            id,
          );
        },
      },
      dataValidation: {},
    });
    this.enqueue(where, "getRange", address, () => undefined);
    const proxy = this.track<Excel.Range>(raw, where);
    this.rangePlaces.set(proxy, { sheet, address });
    return proxy;
  }

  private loadable(raw: OfficeMockObject, data: Record<string, unknown>): void {
    const load = (properties: string | string[]) => {
      const list = (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim());
      this.loads.push({ raw, data, properties: list });
      OfficeMockObject.prototype.load.call(raw, list);
    };
    Reflect.set(raw, "load", load);
  }

  /** A range to read: its cells as they are now, loadable through office-addin-mock. */
  private readRange(sheet: FakeSheet, b: Bounds): Excel.Range {
    const rows = b.lastRow - b.firstRow + 1;
    const columns = b.lastColumn - b.firstColumn + 1;
    const grid = (pick: (row: number, column: number) => unknown): unknown[][] =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => pick(b.firstRow + r, b.firstColumn + c)),
      );
    const data = {
      rowIndex: b.firstRow - 1,
      columnIndex: b.firstColumn - 1,
      rowCount: rows,
      columnCount: columns,
      // Excel gives "" for an empty cell; a formula cell gives "" here too, for want of a calculation.
      values: grid((r, c) => {
        const cell = sheet.cell(r, c);
        return cell?.formula !== undefined ? "" : (cell?.value ?? "");
      }),
      numberFormat: grid((r, c) => sheet.numberFormatAt(r, c)),
      text: grid((r, c) => {
        const cell = sheet.cell(r, c);
        return cell?.formula !== undefined ? "" : String(cell?.value ?? "");
      }),
    };
    const raw = new OfficeMockObject(data);
    this.loadable(raw, data);
    Reflect.set(raw, "getMergedAreasOrNullObject", () => this.mergedAreas(sheet, b));
    this.enqueue(
      { kind: "worksheet", sheet },
      "getRangeByIndexes",
      [b.firstRow, b.firstColumn, rows, columns],
      () => undefined,
    );
    return this.track<Excel.Range>(raw, { kind: "range", sheet });
  }

  /** The merged areas inside a range, as Excel gives them: one address, the areas comma-separated. */
  private mergedAreas(sheet: FakeSheet, b: Bounds): Excel.RangeAreas {
    const inside = sheet.merges.filter((address) => {
      const m = parseAddress(address);
      return (
        m.firstRow >= b.firstRow &&
        m.lastRow <= b.lastRow &&
        m.firstColumn >= b.firstColumn &&
        m.lastColumn <= b.lastColumn
      );
    });
    const data = { address: inside.map((address) => `${sheet.name}!${address}`).join(", ") };
    const raw = new OfficeMockObject(data);
    this.loadable(raw, data);
    Reflect.set(raw, "isNullObject", inside.length === 0);
    this.enqueue({ kind: "range", sheet }, "getMergedAreasOrNullObject", [], () => undefined);
    return raw as unknown as Excel.RangeAreas;
  }

  private usedRange(sheet: FakeSheet, valuesOnly: boolean): Excel.Range {
    const formatted = !valuesOnly && sheet.calls.length > 0;
    const bounds = sheet.valueBounds() ?? (formatted ? parseAddress("A1") : undefined);
    const data = {
      rowIndex: (bounds?.firstRow ?? 1) - 1,
      columnIndex: (bounds?.firstColumn ?? 1) - 1,
      rowCount: bounds ? bounds.lastRow - bounds.firstRow + 1 : 0,
      columnCount: bounds ? bounds.lastColumn - bounds.firstColumn + 1 : 0,
      // As Excel gives them: a formula cell's formula, any other cell's value, "" where empty.
      formulas: bounds
        ? Array.from({ length: bounds.lastRow - bounds.firstRow + 1 }, (_, r) =>
            Array.from({ length: bounds.lastColumn - bounds.firstColumn + 1 }, (_, c) => {
              const cell = sheet.cell(bounds.firstRow + r, bounds.firstColumn + c);
              return cell?.formula ?? cell?.value ?? "";
            }),
          )
        : [],
      text: bounds
        ? Array.from({ length: bounds.lastRow - bounds.firstRow + 1 }, (_, r) =>
            Array.from({ length: bounds.lastColumn - bounds.firstColumn + 1 }, (_, c) => {
              const cell = sheet.cell(bounds.firstRow + r, bounds.firstColumn + c);
              return cell?.formula !== undefined ? "" : String(cell?.value ?? "");
            }),
          )
        : [],
    };
    const raw = new OfficeMockObject(data);
    if (bounds) Reflect.set(raw, "getMergedAreasOrNullObject", () => this.mergedAreas(sheet, bounds));
    this.loadable(raw, data);
    // Excel sets `isNullObject` at the sync, loaded or not.
    Reflect.set(raw, "isNullObject", bounds === undefined);
    this.enqueue({ kind: "worksheet", sheet }, "getUsedRangeOrNullObject", [valuesOnly], () => undefined);
    return this.track<Excel.Range>(raw, { kind: "range", sheet });
  }

  // ---- sync ------------------------------------------------------------------------------------

  private async sync(): Promise<void> {
    this.syncs++;
    const queued = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    const request = queued.reduce((sum, q) => sum + q.bytes, 0);
    this.requestBytes.push(request);
    if (request > (this.options.requestLimitBytes ?? REQUEST_LIMIT_BYTES)) {
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `请求 ${request} 字节，超过 5 MB。`);
    }
    for (const q of queued) q.apply();
    const response = loads.reduce(
      (sum, load) => sum + load.properties.reduce((s, p) => s + jsonBytes(load.data[p]), 0),
      0,
    );
    this.responseBytes.push(response);
    if (response > (this.options.responseLimitBytes ?? REQUEST_LIMIT_BYTES)) {
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `响应 ${response} 字节，超过上限。`);
    }
    for (const load of loads) {
      load.resolve?.();
      await load.raw?.sync();
    }
  }
}
