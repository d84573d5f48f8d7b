/**
 * Task tables as offices receive them: a 任务分解表, 责任清单 or 民生实事 list pasted from Word or
 * Excel, or flattened by a web page — `|` rows (with or without the outer pipes, a merged cell
 * simply missing), tab- or space-separated columns, or one cell per line. The header row is found
 * by the vocabulary of real 台账; each row's cells are then matched to the header's columns by
 * what they hold (a number, unit names, a date, a person, progress), so rows that lost a merged
 * cell still put their units under 牵头单位 and their deadline under 完成时限.
 */

import type { Paragraph } from "./lexer";
import { isFurniture } from "./lexer";
import { type ColumnRole, TASK_VERB_START, UNIT_SUFFIXES, alternation, roleOfHeader } from "./lexicon";

/** What one row says, by role; text columns keep their words as written. */
export interface TableRow {
  /** The task: its first text column. */
  task: string;
  /** Further text columns (具体措施, 细化分工), read as the task's measures. */
  measures?: string;
  lead?: string;
  co?: string;
  responsible?: string;
  deadline?: string;
  target?: string;
  /** 进展情况, 完成情况: what was done, never a target. */
  progress?: string;
  /** 责任领导, 负责人: people, never units. */
  people?: string;
}

export interface TableRowNode {
  number: string;
  /** The category a merged first column or a section row gives the row. */
  section?: string;
  row: TableRow;
  paragraphs: Paragraph[];
}

export interface TableRead {
  /** The header's cells with the role each was given. */
  columns: { header: string; role: ColumnRole }[];
  /** Index of the header paragraph (or the first of a one-cell-per-line header). */
  headerAt: number;
  rows: TableRowNode[];
  /** Rows that only name a category (`一、基层能力提升`), in order, with the paragraph they are. */
  sections: { title: string; paragraph: Paragraph }[];
}

const isTaskRole = (role: ColumnRole | undefined): boolean => role === "task" || role === "target";

/** A header names a task column and a column of units, deadlines or numbers. */
export function isHeader(roles: readonly (ColumnRole | undefined)[]): boolean {
  const known = roles.filter((r) => r !== undefined).length;
  return (
    known >= 2 &&
    roles.some(isTaskRole) &&
    roles.some((r) => r === "lead" || r === "co" || r === "deadline" || r === "number")
  );
}

/** How a name in a cell of units ends; `…社会` is where `人力资源和社会保障局` was cut, `区人社局` a name. */
const UNIT_END = new RegExp(`(?:${alternation(UNIT_SUFFIXES)})(?:（[^）]*）)?$`);
const CUT_AT_SOCIAL = /社会(?:（[^）]*）)?$/;
/** How a whole name ends (`区人社局` too), bracketed note and all. */
const NAME_END = new RegExp(`(?:${alternation(UNIT_SUFFIXES)})(?:[（(][^）)]*[）)])?$`);
const HEADER_WORDING =
  /(?:方式|情况|时间|要求|举措|计划|备注|措施|内容|名称|地点|金额|类别|指标)(?:（[^）]*）|\([^)]*\))?$/;
const TABLE_TITLE_END = /(?:表|清单|名单|一览|计划|方案)$/;
const BARE_FIGURE = /^[\d.,，%]+$/;
const NUMBER_CELL = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、]?$/;
/** `1.主动公开…`: an item numbered inside its cell. */
const ITEM_NUMBER = /^(\d{1,3})[.、．](?=[\u4e00-\u9fa5“《（])/;
const SECTION_CELL =
  /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十]+[部分章篇])/;
const DATE_LIKE =
  /^(?:(?:20\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日)?|年底|年内|年末|上半年|下半年|[一二三四1-4]季度|全年)(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前|完成|底前)?|长期(?:坚持|推进)?|持续(?:推进|开展)?|常态化(?:推进|开展)?|20\d{2}(?:年|\.\d{1,2}|-\d{1,2})[^，。]{0,12}|按(?:时|期|要求)[^，。]{0,6}|每(?:月|季|年)[^，。]{0,8})/;
const PROGRESS_LIKE = /^(?:目前|现已|已|截至|截止|累计|正在|已完成|完成|进展|基本完成|\d+(?:\.\d+)?%$)/;
const PERSON_LIKE = /^(?:[\u4e00-\u9fa5]{2,3})(?:[、，][\u4e00-\u9fa5]{2,3})*$/;

/** A name that ends as offices' names end (`…局`, `…中心`, `…街道`): not cut off mid-name. */
export function endsLikeUnit(name: string): boolean {
  const trimmed = name.trim();
  // `市人力资源社会` stops inside 社会保障局: 会 ends 委员会, not 社会.
  return NAME_END.test(trimmed) && !/社会$/.test(trimmed);
}

/** `2所`, `3个站`: a count whose measure word is also how some offices' names end (所, 站, 室, 队). */
const QUANTITY_CELL = /^\d+(?:\.\d+)?(?:万|亿)?[\u4e00-\u9fa5]{1,2}(?:以上|左右)?$/;

function looksLikeUnits(cell: string): boolean {
  if (TASK_VERB_START.test(cell) || QUANTITY_CELL.test(cell)) return false;
  const list = cell
    .replace(/(?:牵头|负责|配合|参与|按职责分工(?:负责|落实)?|分别负责|等)/g, "、")
    .split(/[、，；,;\s]+/)
    .filter(Boolean);
  const named = list.filter((name) => UNIT_END.test(name) && !CUT_AT_SOCIAL.test(name));
  return list.length > 0 && named.length / list.length >= 0.6;
}

/** How well a cell fits a column of a role: higher is better; empty cells fit anything. */
export function cellFit(cell: string, role: ColumnRole | undefined): number {
  if (!cell) return 0;
  const short = cell.length <= 40 && !/[。；]/.test(cell.replace(/[。；]$/, ""));
  const units = short && looksLikeUnits(cell);
  const date = cell.length <= 40 && DATE_LIKE.test(cell);
  switch (role) {
    case "number":
      return NUMBER_CELL.test(cell) ? 4 : -4;
    case "lead":
    case "co":
    case "responsible":
      // A telephone number (`0533-5180077`) or a figure names no office.
      if (/^[\d\s\-–—()（）.,%]+$/.test(cell)) return -3;
      return units ? 4 : short && !date ? 0.5 : -3;
    case "person":
      return units ? -1 : PERSON_LIKE.test(cell) ? 2 : short ? 0 : -2;
    case "deadline":
      return date ? 4 : short ? -0.5 : -3;
    case "progress":
      return PROGRESS_LIKE.test(cell) ? 2.5 : units ? -2 : 0.5;
    case "section":
      return SECTION_CELL.test(cell) ? 3 : NUMBER_CELL.test(cell) || units ? -3 : 0.5;
    case "task":
    case "target":
    case "measures":
      // A bare figure (`2024`, `300`) may be a target's value, never a task's words.
      if (role !== "target" && BARE_FIGURE.test(cell)) return -3;
      return NUMBER_CELL.test(cell) ? -3 : units ? -2 : date ? -1.5 : 1 + Math.min(cell.length, 60) / 60;
    case "note":
    case "ignore":
    case undefined:
      return 0;
  }
}

/**
 * Assigns each cell a column, in order, skipping columns a merged cell took away: the assignment
 * with the best total fit, preferring each cell's own position when the counts agree.
 */
export function alignCells(cells: readonly string[], roles: readonly (ColumnRole | undefined)[]): number[] {
  const n = cells.length;
  const m = roles.length;
  if (n === 0) return [];
  if (n > m) return cells.map((_, i) => Math.min(i, m - 1));
  const NEG = -1e9;
  // best[i][j]: cells 0..i-1 placed in columns 0..j-1.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(NEG));
  const from: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-1));
  for (let j = 0; j <= m; j++) (best[0] as number[])[j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= m; j++) {
      const skip = (best[i] as number[])[j - 1] ?? NEG;
      const positional = n === m && i === j ? 0.5 : 0;
      const place =
        ((best[i - 1] as number[])[j - 1] ?? NEG) + cellFit(cells[i - 1] ?? "", roles[j - 1]) + positional;
      // On a tie the cell keeps the earlier column: a merged cell is more often missing at the end.
      if (place > skip) {
        (best[i] as number[])[j] = place;
        (from[i] as number[])[j] = j - 1;
      } else {
        (best[i] as number[])[j] = skip;
        (from[i] as number[])[j] = (from[i] as number[])[j - 1] ?? -1;
      }
    }
  }
  const columns = new Array<number>(n).fill(0);
  let j = m;
  for (let i = n; i >= 1; i--) {
    const column = (from[i] as number[])[j] ?? i - 1;
    columns[i - 1] = column;
    j = column;
  }
  return columns;
}

function rowOf(
  cells: readonly string[],
  columns: readonly number[],
  roles: readonly (ColumnRole | undefined)[],
) {
  const row: TableRow = { task: "" };
  let number = "";
  let section: string | undefined;
  const texts: string[] = [];
  cells.forEach((cell, i) => {
    if (!cell) return;
    const role = roles[columns[i] ?? i];
    const add = (key: keyof TableRow): void => {
      row[key] = row[key] ? `${row[key]}；${cell}` : cell;
    };
    switch (role) {
      case "number":
        number = cell.replace(/[.、]$/, "");
        return;
      case "section":
        section = cell;
        return;
      case "task":
        texts.push(cell);
        return;
      case "measures":
        add("measures");
        return;
      case "target":
        add("target");
        return;
      case "lead":
        add("lead");
        return;
      case "co":
        add("co");
        return;
      case "responsible":
        add("responsible");
        return;
      case "deadline":
        add("deadline");
        return;
      case "progress":
        add("progress");
        return;
      case "person":
        add("people");
        return;
      default:
        return;
    }
  });
  // Two text columns (重点任务, 具体措施): the first names the task, the second says how.
  const [first, ...rest] = texts;
  if (first === undefined && row.measures !== undefined) {
    row.task = row.measures;
    delete row.measures;
  } else if (first === undefined && row.target !== undefined) {
    // A column of 目标与任务 is the task itself.
    row.task = row.target;
    delete row.target;
  } else {
    row.task = first ?? "";
  }
  if (rest.length > 0) row.measures = [row.measures, ...rest].filter(Boolean).join("；");
  return { number, section, row };
}

/** A paragraph's one cell: its text, or its only cell when the page left a `|` after it. */
function singleCell(p: Paragraph): string | undefined {
  if (!p.cells) return p.text;
  const filled = p.cells.filter(Boolean);
  return filled.length <= 1 ? (filled[0] ?? "") : undefined;
}

/**
 * Header roles for a one-cell-per-line table: a run of short header lines that opens with a
 * known header. A header no 台账 word names (`建设地点`, `单位`, `2022年`) is kept as a column to
 * ignore, so the cells under it stay in their places; the header ends at the first row's 序号.
 */
function lineHeader(
  paragraphs: readonly Paragraph[],
  at: number,
): { roles: ColumnRole[]; headers: string[]; years: (number | undefined)[]; end: number } | undefined {
  const roles: (ColumnRole | undefined)[] = [];
  const headers: string[] = [];
  let i = at;
  while (i < paragraphs.length) {
    const p = paragraphs[i];
    const text = p ? singleCell(p) : undefined;
    // The table's title above it (`…主要目标责任清单`, `…任务分解表`) is no header, whatever words it has.
    if (!p || text === undefined || text.length > 16) break;
    const role = roleOfHeader(text);
    // Header cells are short (`问题清单`, `下步计划`); the table's title above them is not.
    if (text.length > 6 && TABLE_TITLE_END.test(text)) break;
    if (!role && (roles.length === 0 || !text || NUMBER_CELL.test(text) || /[，。；]/.test(text))) break;
    roles.push(role);
    headers.push(text);
    i++;
  }
  // A last header no 台账 word names is still a header when it is worded as one (`监督方式`).
  while (
    roles.length > 0 &&
    roles[roles.length - 1] === undefined &&
    !HEADER_WORDING.test(headers.at(-1) ?? "")
  ) {
    roles.pop();
    headers.pop();
    i--;
  }
  const known = roles.filter((role) => role !== undefined).length;
  const years = yearColumns(headers, roles);
  const named = withHelpers(headers, roles).map((role, k) => years[k]?.role ?? role ?? "ignore");
  return known >= 3 && isHeader(named)
    ? { roles: named, headers, years: years.map((y) => y?.year), end: i }
    : undefined;
}

/** The cells under a year's header as the target sentences the table means (`到2025年…≥79.2岁`). */
function withYearTargets(
  cells: readonly string[],
  at: readonly number[],
  roles: readonly ColumnRole[],
  headers: readonly string[],
  years: readonly (number | undefined)[],
): string[] {
  if (years.every((year) => year === undefined)) return [...cells];
  const cellOf = (k: number): string => (k < 0 ? "" : (cells[at.indexOf(k)] ?? ""));
  const task = cellOf(roles.indexOf("task"));
  const unit = cellOf(headers.findIndex((header) => MEASURE_UNIT_HEADER.test(header)));
  return cells.map((cell, i) => {
    const year = years[at[i] ?? -1];
    return year !== undefined && cell ? targetSentence(cell, year, task, unit) : cell;
  });
}

/** `2025年`, `2025年目标`, `2025年目标值`; `2022年（基期）`, `现状值` name a base, not a target. */
const YEAR_HEADER = /^(20\d{2})年?(?:目标值?|预期值?)?$/;
const BASE_HEADER = /基期|基线|基数|现状|现值/;
/** A column of measure units (`单位`: 人次, %, 岁): never the responsible unit. */
export const MEASURE_UNIT_HEADER = /^(?:计量)?单位$/;

/** What a year column of a 主要目标 table holds: a target due by the end of its year, or the base. */
export interface YearColumn {
  role: ColumnRole;
  year?: number;
}

/**
 * The year columns of a 主要目标 table (`指标名称 | 单位 | 2022年 | 2025年 | 2027年`) are targets due
 * by their year; of three or more, the first is the base. Beside them the 指标名称 column names
 * the task. Columns not `free` (chosen by the user) keep their roles; undefined leaves one as it is.
 */
export function yearColumns(
  headers: readonly string[],
  roles: readonly (ColumnRole | undefined)[],
  free: (k: number) => boolean = () => true,
): (YearColumn | undefined)[] {
  const isYear = (k: number): boolean => free(k) && YEAR_HEADER.test(headers[k] ?? "");
  const years = headers.flatMap((_, k) =>
    isYear(k) || (free(k) && BASE_HEADER.test(headers[k] ?? "")) ? [k] : [],
  );
  const bare = years.filter(isYear);
  const base = bare.length >= 3 ? bare[0] : undefined;
  const named =
    bare.length > 0 ? roles.findIndex((role, k) => role === "target" && free(k) && !years.includes(k)) : -1;
  return headers.map((header, k) => {
    if (k === named) return { role: "task" };
    if (!years.includes(k)) return undefined;
    if (k === base || BASE_HEADER.test(header)) return { role: "note" };
    return { role: "target", year: Number(YEAR_HEADER.exec(header)?.[1]) };
  });
}

/**
 * A target cell as the sentence the table means: its measure unit from the 单位 column (`2800` and
 * `人次`), and under a year's header, the year and the indicator it is the target of (`到2025年人均
 * 预期寿命≥79.2岁`), which the prose grammar reads as it would in a 实施方案.
 */
export function targetSentence(text: string, year: number | undefined, task: string, unit: string): string {
  const withUnit = unit && /[\d.]$/.test(text) ? `${text}${unit}` : text;
  // A comma keeps a name that starts with a number (`30-70岁…`) apart from the year.
  const joiner = /^\d/.test(task) ? "，" : "";
  return year !== undefined && task ? `到${year}年${joiner}${task}${withUnit}` : withUnit;
}

/**
 * `牵头责任单位 | 责任单位`: beside a column named for the lead, a plain 责任单位 column lists the
 * others who answer for the task.
 */
export function withHelpers(
  headers: readonly string[],
  roles: (ColumnRole | undefined)[],
): (ColumnRole | undefined)[] {
  const leads = roles.flatMap((role, k) => (role === "lead" ? [k] : []));
  const named = leads.find((k) => /牵头|主体|主责/.test(headers[k] ?? ""));
  if (leads.length < 2 || named === undefined) return roles;
  return roles.map((role, k) =>
    role === "lead" && k !== named && !/牵头|主体|主责/.test(headers[k] ?? "") ? "co" : role,
  );
}

/**
 * Finds the task table in the paragraphs, if the document is one. With `columns` (a table adopted
 * from a sheet, its columns mapped by the user), the first row of cells is the header and every row
 * holds one cell per column, in place: nothing is moved or inherited.
 */
export function readTable(
  paragraphs: readonly Paragraph[],
  columns?: readonly ColumnRole[],
): TableRead | undefined {
  if (columns) {
    const at = paragraphs.findIndex((p) => p.cells !== undefined);
    const header = paragraphs[at]?.cells;
    return header ? readCellRows(paragraphs, at, header, columns, true) : undefined;
  }
  for (let at = 0; at < paragraphs.length; at++) {
    const p = paragraphs[at];
    if (!p) continue;
    if (p.cells && p.cells.filter(Boolean).length >= 2) {
      const years = yearColumns(p.cells, p.cells.map(roleOfHeader));
      const roles = withHelpers(p.cells, p.cells.map(roleOfHeader)).map((role, k) => years[k]?.role ?? role);
      if (isHeader(roles))
        return readCellRows(
          paragraphs,
          at,
          p.cells,
          roles,
          false,
          years.map((y) => y?.year),
        );
      continue;
    }
    const header = lineHeader(paragraphs, at);
    if (header) return readLineRows(paragraphs, at, header.end, header.roles, header.headers, header.years);
  }
  return undefined;
}

interface PendingRow {
  number: string;
  /** Leading category cells taken off the row: the category columns they filled. */
  consumedSections: number;
  sections: string[];
  cells: string[];
  /** Unnumbered rows under a numbered one: parts of the same task. */
  subRows: string[][];
  paragraphs: Paragraph[];
}

function readCellRows(
  paragraphs: readonly Paragraph[],
  headerAt: number,
  headerCells: readonly string[],
  roles: readonly (ColumnRole | undefined)[],
  inPlace = false,
  years: readonly (number | undefined)[] = [],
): TableRead {
  const pending: PendingRow[] = [];
  const sections: TableRead["sections"] = [];
  let section: string | undefined;
  const hasNumber = roles.includes("number");
  const noteSection = (title: string, paragraph: Paragraph): void => {
    section = title;
    sections.push({ title, paragraph });
  };
  for (let i = headerAt + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (!p || p.furniture) continue;
    const last = pending[pending.length - 1];
    if (!p.cells) {
      if (p.marker && p.text.length <= 40 && !/[。；]./.test(p.text)) noteSection(p.text, p);
      else if (last && (!p.headline || (WHOLE_NAME.test(p.text) && endsLikeUnit(last.cells.at(-1) ?? "")))) {
        // Text the page broke out of the row's last cell (a unit's name on a line of its own too).
        last.cells = mergeBroken(last.cells, [p.text]);
        last.paragraphs.push(p);
      }
      continue;
    }
    let cells = [...p.cells];
    while (!inPlace && cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === "")) continue;
    const filled = cells.filter(Boolean);
    // A row that is only a category: `一、基层能力提升 | | |`.
    if (
      filled.length === 1 &&
      (SECTION_CELL.test(filled[0] ?? "") || (!hasNumber && !looksLikeUnits(filled[0] ?? "")))
    ) {
      if (!last || SECTION_CELL.test(filled[0] ?? "")) {
        noteSection(filled[0] ?? "", p);
        continue;
      }
    }
    // Categories in front of the row's own cells: `一、围绕中心工作 | 1 | 紧扣民生… | 办公室`.
    const rowSections: string[] = [];
    while (!inPlace && cells.length > 1 && SECTION_CELL.test(cells[0] ?? "")) {
      rowSections.push(cells[0] ?? "");
      noteSection(cells[0] ?? "", p);
      cells = cells.slice(1);
    }
    // In place, the 序号 may stand right of a category column; pasted, it leads what is left of the row.
    const numberCell = cells[inPlace ? Math.max(0, roles.indexOf("number")) : 0] ?? "";
    const numbered = NUMBER_CELL.test(numberCell);
    if (last && !numbered && rowSections.length === 0 && (hasNumber || NUMBER_CELL.test(last.number))) {
      // A line that kept the row's empty cells (`新增学位810个 | | | | |`) is a row the page drew
      // under a merged 序号, not text broken out of the last cell.
      const keptColumns = p.cells.length >= 3 && cells.length < p.cells.length;
      const broken =
        !keptColumns &&
        last.subRows.length === 0 &&
        last.cells.length + cells.length <= headerCells.length + 1;
      if (broken) last.cells = mergeBroken(last.cells, cells);
      else last.subRows.push(cells);
      last.paragraphs.push(p);
      continue;
    }
    pending.push({
      number: numbered ? numberCell.replace(/[.、]$/, "") : "",
      consumedSections: rowSections.length,
      sections: rowSections.length > 0 ? rowSections : section !== undefined ? [section] : [],
      cells,
      subRows: [],
      paragraphs: [p],
    });
  }
  let above: TableRow | undefined;
  const rows = pending.flatMap((row, k): TableRowNode[] => {
    const withNumberColumn = (cells: string[]): (ColumnRole | undefined)[] => {
      const rest = [...roles];
      for (let k = 0; k < row.consumedSections; k++) {
        const at = rest.indexOf("section");
        if (at >= 0) rest.splice(at, 1);
      }
      return !inPlace && !hasNumber && NUMBER_CELL.test(cells[0] ?? "") ? ["number", ...rest] : rest;
    };
    const columns = withNumberColumn(row.cells);
    const align = (cells: readonly string[], of: readonly (ColumnRole | undefined)[]): number[] =>
      inPlace ? cells.map((_, k) => k) : alignCells(cells, of);
    const joined = inPlace ? row.cells : joinPeople(row.cells, columns);
    const at = align(joined, columns);
    // Year columns keep their places only where the row's columns are the header's.
    const cells =
      columns.length === roles.length
        ? withYearTargets(
            joined,
            at,
            columns.map((role) => role ?? "ignore"),
            headerCells,
            years,
          )
        : joined;
    const read = rowOf(cells, at, columns);
    for (const sub of row.subRows) {
      const subColumns = inPlace ? columns : columns.filter((role) => role !== "number");
      const part = rowOf(sub, align(sub, subColumns), subColumns);
      read.row = joinRows(read.row, part.row);
    }
    if (!read.row.task && !read.row.target) return [];
    // Cells missing from a row (not empty, missing) were merged with the row above.
    if (!inPlace && row.cells.length < columns.length) read.row = inheritMerged(read.row, above);
    above = read.row;
    // An item numbered inside its cell: `1.主动公开…`, or `（二）城镇老旧小区改造` under a 序号 of its own.
    const marker = /^(?:(\d{1,3})[.、]|（([一二三四五六七八九十]{1,3})）)/.exec(read.row.task);
    const markerNumber = marker?.[1] ?? marker?.[2];
    const own = read.section !== undefined ? [...row.sections, read.section] : row.sections;
    const category = own[own.length - 1];
    const node: TableRowNode = {
      number: read.number || row.number || markerNumber || String(k + 1),
      ...(category !== undefined && { section: own[0] ?? category }),
      row: marker ? { ...read.row, task: read.row.task.slice(marker[0].length) } : read.row,
      paragraphs: row.paragraphs,
    };
    return markerNumber !== undefined && /^\d+$/.test(markerNumber) ? runOnItems(node) : [node];
  });
  return {
    columns: headerCells.map((header, k) => ({ header, role: roles[k] ?? "ignore" })),
    headerAt,
    rows,
    sections,
  };
}

/**
 * `4.规范使用…实效。 5.用好平台…`: where a page flattened a cell that several numbered items shared,
 * the next item runs on after a full stop in the same cell. It is a row of its own, under the same
 * merged cells.
 */
function runOnItems(node: TableRowNode): TableRowNode[] {
  const out: TableRowNode[] = [];
  let current = node;
  for (;;) {
    const next = Number(current.number) + 1;
    const m = new RegExp(`[。；]\\s*${next}[.、](?=[\\u4e00-\\u9fa5“《（])`).exec(current.row.task);
    if (!m) break;
    const rest = current.row.task.slice(m.index + m[0].length);
    out.push({ ...current, row: { ...current.row, task: current.row.task.slice(0, m.index + 1) } });
    const { measures: _measures, target: _target, ...shared } = current.row;
    current = { ...current, number: String(next), row: { ...shared, task: rest } };
  }
  out.push(current);
  return out;
}

/** Columns a merged cell spans downwards: a row without its own keeps the one above. */
const SPANNING: readonly (keyof TableRow)[] = ["lead", "co", "responsible", "deadline"];

function inheritMerged(row: TableRow, above: TableRow | undefined): TableRow {
  if (!above) return row;
  const inherited: TableRow = { ...row };
  for (const key of SPANNING) {
    const value = above[key];
    if (inherited[key] === undefined && value !== undefined) inherited[key] = value;
  }
  return inherited;
}

/** A sub-row's words join the row's: its task as a measure, its units and targets beside the row's. */
function joinRows(row: TableRow, part: TableRow): TableRow {
  const join = (a: string | undefined, b: string | undefined, by = "；"): string | undefined =>
    a && b ? `${a}${by}${b}` : (a ?? b);
  const joined: TableRow = { ...row };
  const measures = join(row.measures, join(part.task, part.measures));
  const target = join(row.target, part.target);
  const lead = join(row.lead, part.lead, "、");
  const co = join(row.co, part.co, "、");
  const deadline = join(row.deadline, part.deadline);
  const progress = join(row.progress, part.progress);
  if (measures !== undefined) joined.measures = measures;
  if (target !== undefined) joined.target = target;
  if (lead !== undefined) joined.lead = lead;
  if (co !== undefined) joined.co = co;
  if (deadline !== undefined) joined.deadline = deadline;
  if (progress !== undefined) joined.progress = progress;
  return joined;
}

/** `县开发区`, `各乡镇`, `县直有关单位`: a name that opens with its place or scope, whole on its own. */
const WHOLE_NAME = new RegExp(
  `^(?:省|市|县|区|州|旗|镇|乡|各|有关|全)[\\u4e00-\\u9fa5（）]{0,16}?(?:${alternation(UNIT_SUFFIXES)})$`,
);

/**
 * The cells of a row the page broke in two: the last cell before the break and the first after are
 * one. Where the break falls between two whole names (`各乡镇` / `县开发区`), it parted a list of
 * units, not a name: a line that is only the name joins the cell's list, and a line of cells that
 * opens with one starts a cell of its own.
 */
function mergeBroken(before: readonly string[], after: readonly string[]): string[] {
  if (before.length === 0) return [...after];
  const head = before.slice(0, -1);
  const last = before[before.length - 1] ?? "";
  const [first = "", ...rest] = after;
  const listBreak = endsLikeUnit(last) && WHOLE_NAME.test(first);
  if (listBreak && rest.length > 0) return [...before, ...after];
  return [...head, listBreak ? `${last}、${first}` : `${last}${first}`, ...rest];
}

/** `汪峰 | 吴蓓蓓`: a person, not a unit, a date or a word of progress. */
function isPersonCell(cell: string): boolean {
  return (
    PERSON_LIKE.test(cell) && !looksLikeUnits(cell) && !PROGRESS_LIKE.test(cell) && !DATE_LIKE.test(cell)
  );
}

/**
 * Two leaders in a row's one 领导 column (`汪  峰   吴蓓蓓`: the county head and the deputy in
 * charge), which a page flattened to spaces shows as two cells: one cell of people.
 */
export function joinPeople(cells: readonly string[], roles: readonly (ColumnRole | undefined)[]): string[] {
  const person = roles.indexOf("person");
  const units = roles.findIndex((role) => role === "lead" || role === "co" || role === "responsible");
  // Only where the leaders stand before the units, and only before the row's first unit cell:
  // words of progress after the units (`正常 | 滞后`) are never joined.
  if (person < 0 || roles.lastIndexOf("person") !== person || units < person) return [...cells];
  const out: string[] = [];
  let beforeUnits = true;
  for (const cell of cells) {
    beforeUnits &&= !looksLikeUnits(cell);
    const previous = out[out.length - 1];
    if (
      beforeUnits &&
      previous !== undefined &&
      isPersonCell(cell) &&
      isPersonCell(previous.split("、").pop() ?? "")
    ) {
      out[out.length - 1] = `${previous}、${cell}`;
    } else out.push(cell);
  }
  return out;
}

/** One cell per line: rows start at a line that is the next row number. */
function readLineRows(
  paragraphs: readonly Paragraph[],
  headerAt: number,
  bodyAt: number,
  roles: readonly ColumnRole[],
  headers: readonly string[],
  years: readonly (number | undefined)[],
): TableRead {
  const rows: TableRowNode[] = [];
  const sections: TableRead["sections"] = [];
  let section: string | undefined;
  let cells: string[] = [];
  let rowParagraphs: Paragraph[] = [];
  let number = "";
  const hasNumber = roles[0] === "number";
  // Without a 序号 column, rows are the items numbered inside their task cell (`1.主动公开…`).
  const numberedItems =
    !hasNumber && paragraphs.slice(bodyAt).some((p) => ITEM_NUMBER.test(singleCell(p) ?? p.text));
  // The column before the numbered one (工作任务 beside 具体要求) is the items' category.
  const textRoles = roles.filter((role) => role === "section" || role === "task" || role === "measures");
  const itemRoles =
    numberedItems && textRoles.length >= 2
      ? roles.filter((_, k) => k !== roles.indexOf(textRoles[0] ?? "task"))
      : roles;
  const flush = (): void => {
    if (!number && cells.length === 0) return;
    const columns = numberedItems ? itemRoles : roles;
    const withNumber = columns[0] === "number" ? [number, ...cells] : cells;
    const at = alignCells(withNumber, columns);
    const read = rowOf(
      numberedItems ? withNumber : withYearTargets(withNumber, at, roles, headers, years),
      at,
      columns,
    );
    if (read.row.task) {
      rows.push({
        number: number || String(rows.length + 1),
        ...(section !== undefined && { section }),
        row: inheritMerged(read.row, rows[rows.length - 1]?.row),
        paragraphs: rowParagraphs,
      });
    }
    cells = [];
    rowParagraphs = [];
    number = "";
  };
  let lastNumber: number | undefined;
  for (let i = bodyAt; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (!p || p.furniture || isFurniture(p.text)) continue;
    const text = singleCell(p) ?? p.text;
    if (!text) continue;
    // The header again, where the table ran onto a new page.
    if (text === headers[0] && headers.every((h, k) => singleCell(paragraphs[i + k] ?? p) === h)) {
      i += headers.length - 1;
      continue;
    }
    if (numberedItems) {
      const item = ITEM_NUMBER.exec(text);
      if (item) {
        flush();
        number = item[1] ?? "";
        cells = [text.slice(item[0].length)];
        rowParagraphs = [p];
        continue;
      }
      // A line between items that is no unit list and no date names the next items' category.
      const looksLikeCell = text.length <= 40 && (looksLikeUnits(text) || DATE_LIKE.test(text));
      if (!looksLikeCell && cells.length <= 1) {
        if (number) flush();
        section = text;
        sections.push({ title: text, paragraph: p });
        continue;
      }
      if (!number) continue;
      cells.push(text);
      rowParagraphs.push(p);
      continue;
    }
    // The next row starts at its number: the one after the last, or any where the list begins.
    const next = /^\d{1,3}$/.test(text) ? Number(text) : undefined;
    if (hasNumber && next !== undefined && (lastNumber === undefined ? true : next === lastNumber + 1)) {
      flush();
      number = text;
      lastNumber = next;
      rowParagraphs = [p];
      continue;
    }
    if (SECTION_CELL.test(text) && text.length <= 30 && cells.length === 0) {
      section = text;
      sections.push({ title: text, paragraph: p });
      continue;
    }
    if (hasNumber && !number) continue;
    cells.push(text);
    rowParagraphs.push(p);
    if (!hasNumber && cells.length >= roles.length) flush();
  }
  flush();
  return {
    columns: roles.map((role, k) => ({ header: headers[k] ?? role, role })),
    headerAt,
    rows,
    sections,
  };
}
