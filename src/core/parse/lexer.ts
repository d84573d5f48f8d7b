/**
 * Lexer: normalised text → paragraphs. Re-joins lines that conversion broke (newspaper columns,
 * page breaks), recognises numbering, Markdown headings, table rows, headlines and glossary starts.
 */

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
  ["arabic-dot", /^(\d{1,3})(?:[.、](?![\d%])|）(?!\d))/],
  ["arabic-paren", /^（(\d{1,3})）/],
  ["circled", /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/],
];

const SENTENCE_PUNCTUATION = /[，。；！？]/;
/** A colon is allowed in headlines (`昭通：…`) but not in a labelled line (`牵头单位：…`). */
const LABELLED_LINE = /^[^：]{0,8}(?:单位|部门|处室|科室|时限|时间)：/;
const TERMINAL = /[。！？；…]$|[。！？][”’）》]$/;
const GLOSSARY = /^(?:名词解释|名词说明|名词注释|注释|有关说明|说明)(?:和说明|及说明)?[：]?$/;
const DATE_LINE = /^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$/;

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

function cellsOf(text: string): string[] | undefined {
  if (text.startsWith("|")) {
    return text
      .replace(/^\|/, "")
      .replace(/\|$/, "")
      .split("|")
      .map((cell) => cell.trim());
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
  if (next.marker || next.cells || next.headline || next.newsStart || next.glossary || next.dateLine)
    return false;
  return !TERMINAL.test(paragraph.text);
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

export function lex(text: string): Paragraph[] {
  const raw: Paragraph[] = [];
  let builder: ParagraphBuilder | undefined;
  let builderHeading: number | undefined;
  const close = (): void => {
    if (builder && builder.text) raw.push(finish(builder, builderHeading));
    builder = undefined;
    builderHeading = undefined;
  };

  for (const line of splitLines(text)) {
    if (!line.text) {
      close();
      continue;
    }
    const startsStructure =
      line.headingLevel !== undefined ||
      markerOf(line.text) !== undefined ||
      cellsOf(line.text) !== undefined ||
      line.text.startsWith("本报讯") ||
      GLOSSARY.test(line.text) ||
      DATE_LINE.test(line.text);
    // In column text a sentence that ends on a short line ends its paragraph.
    const endedShort =
      builder !== undefined &&
      TERMINAL.test(builder.text) &&
      builder.lines > 1 &&
      builder.lastLineLength < 0.75 * builder.longestLine;
    const previousIsStandalone =
      builderHeading !== undefined || (builder !== undefined && cellsOf(builder.text) !== undefined);
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
