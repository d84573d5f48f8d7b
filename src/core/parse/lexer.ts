/**
 * Lexer: normalised text → paragraphs. Re-joins lines that conversion broke (newspaper columns,
 * page breaks), recognises numbering, Markdown headings, table rows, headlines and glossary starts.
 */

import { roleOfHeader } from "./lexicon";
import { chineseNumber, chineseNumeralOf } from "./numbers";

export type MarkerKind = "part" | "cn-dun" | "cn-paren" | "arabic-dot" | "arabic-paren" | "circled";

export interface Marker {
  kind: MarkerKind;
  /** As written: `一`, `二十`, `8`. */
  number: string;
}

export interface Paragraph {
  /** The paragraph's text: joined lines, without Markdown prefixes. */
  text: string;
  /** Maps an index in `text` to an offset in the normalised text. */
  pieces: Piece[];
  marker?: Marker;
  /** Index in `text` where the content after the marker starts. */
  contentStart: number;
  /** Markdown heading level (1 for `#`), when the paragraph was a Markdown heading. */
  headingLevel?: number;
  /** Cells, when the paragraph is one row of a table (`|`- or tab-separated). */
  cells?: string[];
  /** A short line with no sentence punctuation: a headline, a caption, a sidebar. */
  headline: boolean;
  /** `名词解释`, `注释`: what follows explains terms; it holds no tasks. */
  glossary: boolean;
  /** A line that is only a date (`2024年2月2日`): the sign-off. */
  dateLine: boolean;
  /** The paragraph opens a news article (`本报讯`). */
  newsStart: boolean;
  /** Web-page furniture: breadcrumbs, 索引号, 发布机构, 浏览次数, 分享, 返回首页… Never a title or a task. */
  furniture: boolean;
}

export interface Piece {
  /** Index in the paragraph's text. */
  at: number;
  /** Offset in the normalised text. */
  from: number;
}

export function toNormalizedOffset(paragraph: Paragraph, index: number): number {
  const { pieces } = paragraph;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pieces[mid]?.at ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo] ?? { at: 0, from: 0 };
  return piece.from + (index - piece.at);
}

const MARKERS: [MarkerKind, RegExp][] = [
  ["part", /^第([一二三四五六七八九十]{1,3})(?:部分|章|篇)/],
  ["cn-dun", /^([一二三四五六七八九十]{1,3})[、.]/],
  ["cn-paren", /^（([一二三四五六七八九十]{1,3})）/],
  // Up to five digits: a long 任务分解表 runs past 999 (a year opening a paragraph is followed by 年).
  // `1.2025年，…` numbers a target line; `1.5` and `1.5%` are numbers.
  ["arabic-dot", /^(\d{1,5})(?:[.、](?!(?!(?:19|20)\d{2}年)[\d%])|）(?!\d))/],
  ["arabic-paren", /^（(\d{1,5})）/],
  ["circled", /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/],
];

const SENTENCE_PUNCTUATION = /[，。；！？]/;
/** A colon is allowed in headlines (`昭通：…`) but not in a labelled line (`牵头单位：…`). */
const LABELLED_LINE = /^[^：]{0,8}(?:单位|部门|处室|科室|时限|时间)：/;
const TERMINAL = /[。！？；…]$|[。！？][”’）》]$/;
const GLOSSARY = /^(?:名词解释|名词说明|名词注释|注释|有关说明|说明)(?:和说明|及说明)?[：]?$/;
const DATE_LINE = /^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$/;

/** The labels of a government page's metadata box and the links around it. */
const FURNITURE_LABEL =
  /^[[【]?(?:索\s*引\s*号|发\s*布\s*机\s*构|发布日期|发文日期|生成日期|公开日期|成文日期|印发日期|发文字号|文\s*号|名\s*称|分\s*类|主题分类|组配分类|体裁分类|服务对象|信息来源|来\s*源|浏览次数|浏览量|阅读次数|阅读量|访问量|点击(?:数|量|率)|字\s*[体号]|打印(?:本页)?|关闭(?:窗口|本页)?|分享(?:到)?|当前位置|您(?:现在)?(?:的|所在的)?位置|网站首页|返回(?:首页|顶部|列表)?|上一篇|下一篇|扫一扫|责任编辑|编辑|校对|审核|发布时间|信息公开形式|公开方式|公开属性|有效性|时效性|信息索引号)[\]】]?\s*[:：]?/;
const FURNITURE_LINE =
  /设为首页|加入收藏|无障碍|长辈版|网站支持IPv6|IPv6|版权所有|主办单位[：:]|ICP备|网站地图|[（(]信息公开形式|^(?:首页|网站首页)\s*[>＞》]|[>＞]\s*(?:正文|通知公告|政务公开|政策文件|工作动态)|^\d{4}-\d{2}-\d{2}\s+\S+\s+\d+(?:\.\d+)?\s*[KM]B|侵权投诉|VIP|切换浏览|^(?:原文链接|政策解读链接|相关链接|附件下载)[：:]|点击查看(?:源文件|原文|政策解读)|^[-–—]$|^附件\s*\d*\s*[:：]\s*[^，。；]{2,60}$/;

/**
 * True for a line of the page around the document, not of the document; a notice's `附件：…` line
 * only names what is attached, whose own title heads it below.
 */
export function isFurniture(text: string): boolean {
  if (FURNITURE_LINE.test(text)) return true;
  if (!FURNITURE_LABEL.test(text)) return false;
  // `文号：浙卫发〔2023〕10号` is furniture; `名称：…` with a sentence after it too, it restates the title.
  return !/[。；]/.test(text) || text.length < 60;
}

interface Line {
  text: string;
  from: number;
  headingLevel?: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== "\n") continue;
    let from = start;
    let end = i;
    while (from < end && (text[from] === " " || text[from] === "\t")) from++;
    while (end > from && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
    let headingLevel: number | undefined;
    if (text[from] === "#") {
      let level = 0;
      while (text[from] === "#") {
        from++;
        level++;
      }
      while (text[from] === " ") from++;
      headingLevel = level;
    } else if (/^[-*•>]\s/.test(text.slice(from, from + 2))) {
      from += 2;
    }
    lines.push({ text: text.slice(from, end), from, ...(headingLevel !== undefined && { headingLevel }) });
    start = i + 1;
  }
  return lines;
}

function markerOf(text: string): { marker: Marker; length: number } | undefined {
  for (const [kind, pattern] of MARKERS) {
    const match = pattern.exec(text);
    if (match?.[1] !== undefined) return { marker: { kind, number: match[1] }, length: match[0].length };
  }
  return undefined;
}

/**
 * The cells of a table row: `|`-separated (with or without the outer pipes, as web pages and
 * Markdown write them) or tab-separated (pasted from Excel).
 */
function cellsOf(text: string): string[] | undefined {
  const pipes = text.match(/\|/g)?.length ?? 0;
  if (text.startsWith("|") || pipes >= 2 || (pipes === 1 && !/https?:/.test(text))) {
    const cells = text
      .replace(/^\|/, "")
      .replace(/\|$/, "")
      .split("|")
      .map((cell) => cell.trim());
    return cells.some((cell) => cell !== "") ? cells : undefined;
  }
  if ((text.match(/\t/g)?.length ?? 0) >= 2) return text.split("\t").map((cell) => cell.trim());
  return undefined;
}

class ParagraphBuilder {
  text = "";
  pieces: Piece[] = [];
  longestLine = 0;
  lastLineLength = 0;
  lines = 0;

  add(line: Line): void {
    // Tabs only matter in table rows; elsewhere they are layout.
    const clean = cellsOf(line.text) ? line.text : line.text.replace(/\t/g, "");
    this.pieces.push({ at: this.text.length, from: line.from });
    this.text += clean;
    this.lines++;
    this.lastLineLength = clean.length;
    this.longestLine = Math.max(this.longestLine, clean.length);
  }
}

function finish(builder: ParagraphBuilder, headingLevel: number | undefined): Paragraph {
  const { text, pieces } = builder;
  const cells = cellsOf(text);
  const found = cells ? undefined : markerOf(text);
  const headline =
    !found &&
    !cells &&
    builder.lines <= 3 &&
    builder.longestLine <= 32 &&
    !SENTENCE_PUNCTUATION.test(text) &&
    !LABELLED_LINE.test(text) &&
    !DATE_LINE.test(text);
  return {
    text,
    pieces,
    ...(found && { marker: found.marker }),
    contentStart: found?.length ?? 0,
    ...(headingLevel !== undefined && { headingLevel }),
    ...(cells && { cells }),
    headline,
    glossary: GLOSSARY.test(text),
    dateLine: DATE_LINE.test(text),
    newsStart: text.startsWith("本报讯"),
    furniture: !cells && isFurniture(text),
  };
}

/** True when a paragraph visibly continues in the next one (a page or column break cut it). */
function continues(paragraph: Paragraph, next: Paragraph): boolean {
  // No sentence starts with a one- or two-character fragment (`法。`): the line before was cut.
  const cutShort = /^[\u4e00-\u9fa5]{1,2}[。；]/.test(next.text);
  if (paragraph.headline && paragraph.headingLevel === undefined && !next.marker && cutShort) return true;
  if (paragraph.cells || paragraph.headline || paragraph.glossary || paragraph.dateLine) return false;
  if (paragraph.headingLevel !== undefined || next.headingLevel !== undefined) return false;
  // A numbered line without sentence punctuation is a heading (`一、主要目标`), complete in itself.
  if (paragraph.marker && !/[，。；]/.test(paragraph.text)) return false;
  const nextLine = next.text.slice(0, next.pieces[1]?.at ?? next.text.length);
  if (paragraph.pieces.length === 1 && headingOverBody(paragraph.text, nextLine)) return false;
  if (
    next.marker ||
    next.cells ||
    next.headline ||
    next.newsStart ||
    next.glossary ||
    next.dateLine ||
    next.furniture
  )
    return false;
  return !TERMINAL.test(paragraph.text);
}

/**
 * A numbered line that stops short of the line after it ended where its writer ended it: a
 * heading with a comma (`二、新建日间服务中心1所，助餐点2个`) over its body, not a line a column or
 * page width cut (those run as long as the lines after them, and often end on a comma).
 */
function headingOverBody(line: string, next: string): boolean {
  return (
    markerOf(line) !== undefined &&
    line.length <= 40 &&
    !/[，、；：,;:（“《]$/.test(line) &&
    !TERMINAL.test(line) &&
    next.length >= 1.5 * line.length
  );
}

function join(first: Paragraph, second: Paragraph): Paragraph {
  const offset = first.text.length;
  return {
    ...first,
    text: first.text + second.text,
    pieces: [...first.pieces, ...second.pieces.map((p) => ({ at: p.at + offset, from: p.from }))],
    headline: false,
  };
}

/** `number` comes after `previous` in its list, skipping at most `gap - 1` items a page lost. */
function follows(kind: MarkerKind, previous: string, number: string, gap: number): boolean {
  const value = (n: string): number | undefined =>
    kind === "arabic-dot" || kind === "arabic-paren" ? Number(n) : chineseNumber(n);
  const before = value(previous);
  const now = value(number);
  return before !== undefined && now !== undefined && now > before && now - before <= gap;
}

/**
 * Where a table flattened to one cell per line begins: three header words on lines of their own
 * (序号 / 工作任务 / 牵头单位). From there every line is a cell, never joined to the next.
 */
function lineTableStart(lines: readonly Line[]): number {
  const isHeaderWord = (line: Line | undefined): boolean =>
    line !== undefined && line.text.replace(/\|$/, "").length <= 16 && roleOfHeader(line.text) !== undefined;
  for (let i = 0; i + 2 < lines.length; i++) {
    if (isHeaderWord(lines[i]) && isHeaderWord(lines[i + 1]) && isHeaderWord(lines[i + 2])) return i;
  }
  return Number.POSITIVE_INFINITY;
}

/** The next number after `number` in its own script: `9` → `10`, `九` → `十`. */
function successor(kind: MarkerKind, number: string): string {
  if (kind === "arabic-dot" || kind === "arabic-paren") return String(Number(number) + 1);
  const value = chineseNumber(number);
  return value === undefined ? "" : chineseNumeralOf(value + 1);
}

const LEVELS: readonly MarkerKind[] = ["part", "cn-dun", "cn-paren", "arabic-dot", "arabic-paren", "circled"];

const INLINE_MARKER =
  /(?:（([一二三四五六七八九十]{1,3})）|([一二三四五六七八九十]{1,3})、|（(\d{1,3})）|(?<![\d.第])(\d{1,3})[.、](?=[\u4e00-\u9fa5“《（]|(?:19|20)\d{2}年))/g;
/** What may stand before a marker that continues a list inside a line. */
const BEFORE_INLINE = /[。；！？）”」』\]：]$|[\u4e00-\u9fa5]$/;

/**
 * Pages that lose their line breaks run a list on in one line: `…行动1.中医医院…。2.政府举办…`,
 * `…(试行)。3.根据…`. A marker inside a line starts a new line when it continues the numbering
 * seen so far (the next number of its kind, or 1 and 一 after a heading of the level above), so a
 * stray `3.` in running text does not.
 */
function splitInlineMarkers(lines: Line[]): Line[] {
  const last = new Map<MarkerKind, string>();
  const out: Line[] = [];
  const depth = (kind: MarkerKind | undefined): number => (kind ? LEVELS.indexOf(kind) : -1);
  for (const line of lines) {
    const leading = markerOf(line.text);
    if (leading) last.set(leading.marker.kind, leading.marker.number);
    // A table row's cells are split by the table reader, never here.
    if (line.text.includes("|") || line.text.includes("\t")) {
      out.push(line);
      continue;
    }
    let start = 0;
    let segment: MarkerKind | undefined = leading?.marker.kind;
    for (const m of line.text.matchAll(INLINE_MARKER)) {
      const at = m.index ?? 0;
      if (at === 0) continue;
      const kind: MarkerKind =
        m[1] !== undefined
          ? "cn-paren"
          : m[2] !== undefined
            ? "cn-dun"
            : m[3] !== undefined
              ? "arabic-paren"
              : "arabic-dot";
      const number = m[1] ?? m[2] ?? m[3] ?? m[4] ?? "";
      const previous = last.get(kind);
      const starts = number === "1" || number === "一";
      const before = line.text.slice(start, at);
      if (!BEFORE_INLINE.test(before)) continue;
      const afterStop = /[。；！？）”」』\]：]$/.test(before);
      // A list numbered afresh under each heading, or straight through (pages also lose items).
      const rest = line.text.slice(at + m[0].length);
      const next = successor(kind, number);
      const successorFollows =
        kind === "cn-dun"
          ? rest.includes(`${next}、`)
          : kind === "arabic-dot"
            ? rest.includes(`${next}.`) || rest.includes(`${next}、`)
            : rest.includes(`（${next}）`);
      // A list numbered afresh under each heading, or straight through (pages also lose items):
      // after a full stop, an item whose successor follows starts a list even mid-count.
      const continuesList =
        starts ||
        (previous !== undefined && follows(kind, previous, number, 5)) ||
        (previous === undefined && afterStop && successorFollows);
      if (!continuesList) continue;
      // Right after a word the marker must be a heading's first item run into it
      // (`（二）…行动5.打造…`), or a first item whose successor follows (`要点一、…。二、…`):
      // `统一、规范` and `一、二类` are words and enumerations.
      if (!afterStop) {
        const underHeading = depth(segment) >= 0 && depth(segment) < depth(kind);
        if (!(underHeading && kind !== "cn-dun") && !(starts && successorFollows)) continue;
        if (kind === "cn-dun" && /^[一二三四五六七八九十]/.test(rest)) continue;
      }
      out.push({ ...line, text: line.text.slice(start, at), from: line.from + start });
      start = at;
      segment = kind;
      last.set(kind, number);
    }
    out.push(start === 0 ? line : { text: line.text.slice(start), from: line.from + start });
  }
  return out;
}

export function lex(text: string): Paragraph[] {
  const raw: Paragraph[] = [];
  let builder: ParagraphBuilder | undefined;
  let builderHeading: number | undefined;
  const close = (): void => {
    if (builder && builder.text) raw.push(finish(builder, builderHeading));
    builder = undefined;
    builderHeading = undefined;
  };

  const lines = splitInlineMarkers(splitLines(text));
  const lineTableFrom = lineTableStart(lines);
  for (const [index, line] of lines.entries()) {
    // `|` alone on a line ends a table row as web pages flatten them: a blank line.
    if (!line.text || /^[|\s]+$/.test(line.text)) {
      close();
      continue;
    }
    const startsStructure =
      index >= lineTableFrom ||
      line.headingLevel !== undefined ||
      markerOf(line.text) !== undefined ||
      cellsOf(line.text) !== undefined ||
      line.text.startsWith("本报讯") ||
      GLOSSARY.test(line.text) ||
      DATE_LINE.test(line.text) ||
      isFurniture(line.text);
    // In column text a sentence that ends on a short line ends its paragraph.
    const endedShort =
      builder !== undefined &&
      TERMINAL.test(builder.text) &&
      builder.lines > 1 &&
      builder.lastLineLength < 0.75 * builder.longestLine;
    const previousIsStandalone =
      builderHeading !== undefined ||
      // A numbered line without sentence punctuation is a heading (`七、改扩建居委会20个`), whole.
      (builder !== undefined &&
        builder.lines === 1 &&
        markerOf(builder.text) !== undefined &&
        !/[，。；]/.test(builder.text)) ||
      (builder !== undefined && builder.lines === 1 && headingOverBody(builder.text, line.text)) ||
      // The sign-off date (`2017年2月10日`) is a line of its own, not the start of the plan's title.
      (builder !== undefined && builder.lines === 1 && DATE_LINE.test(builder.text)) ||
      (builder !== undefined && (cellsOf(builder.text) !== undefined || isFurniture(builder.text)));
    if (!builder || startsStructure || endedShort || previousIsStandalone) {
      close();
      builder = new ParagraphBuilder();
      builderHeading = line.headingLevel;
    }
    builder.add(line);
  }
  close();

  const joined: Paragraph[] = [];
  for (const paragraph of raw) {
    const last = joined[joined.length - 1];
    if (last && continues(last, paragraph)) joined[joined.length - 1] = join(last, paragraph);
    else joined.push(paragraph);
  }
  return joined;
}
