/**
 * Text cleanup before parsing, keeping a map from every output character back to the source offset,
 * so spans can always point into the text the user gave us.
 *
 * - full-width letters, digits and `%+-/<=>` become half-width; `(),;:!?` become full-width
 *   (the canonical form for Chinese text), except a comma or colon between digits (`1,000`, `8:30`);
 * - spaces next to Chinese text disappear (`2023 年`, `达到 90% 以上`), a stray ` and ` between
 *   Chinese words becomes `和`;
 * - Markdown emphasis (`**`) and LaTeX math (`$\geq 100\%$`) are reduced to their text;
 * - line endings become `\n`; zero-width characters go.
 */

import { HEADER_QUALIFIERS, UNIT_SUFFIXES, alternation, roleOfHeader } from "./lexicon";
import { simplifiedOf } from "./script";

export interface NormalizedText {
  /** The text to read, in simplified script. */
  text: string;
  /**
   * Turns text read from `text` back into the document's own script: a page in traditional
   * script keeps its characters in the names and units the parser reports.
   */
  restore: (read: string) => string;
  /** `origin[i]` is the source offset of `text[i]`; `origin[text.length]` is the source length. */
  origin: Uint32Array;
  /** `originEnd[i]` is the source offset just past what became `text[i]` (`\\%` → `%` spans two). */
  originEnd: Uint32Array;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’—…·]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

const TO_FULL_WIDTH: Record<string, string> = {
  "(": "（",
  ")": "）",
  ",": "，",
  ";": "；",
  ":": "：",
  "!": "！",
  "?": "？",
};

const LATEX: [string, string][] = [
  ["\\geqslant", "≥"],
  ["\\leqslant", "≤"],
  ["\\geq", "≥"],
  ["\\leq", "≤"],
  ["\\ge", "≥"],
  ["\\le", "≤"],
  ["\\%", "%"],
  ["\\times", "×"],
  ["\\sim", "~"],
  ["\\,", ""],
  ["\\ ", ""],
];

/** An item's number at the start of a line: `二、大力`, `（三）`, `4.征集` (not `一、二类`, `3.5%`). */
const LIST_MARKER =
  /^(?:[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十])|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．](?=[\u4e00-\u9fa5]))/;
const PINYIN = /^[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,6}[)）]/;
const isCjkOrStop = (ch: string): boolean => /[\u4e00-\u9fa5。；！？）”]/.test(ch);

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";
// Tabs are not spaces here: they separate the cells of a table pasted from Excel.
const isSpace = (ch: string | undefined): boolean =>
  ch === " " || ch === "\u3000" || ch === "\u00a0" || ch === "\u2002" || ch === "\u2003";
const isAsciiWord = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** Half-width form of a full-width ASCII variant (U+FF01..U+FF5E), or the character itself. */
function halfWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return ch;
}

const SPACE_RUN = /[ \u00a0\u3000\u2002\u2003]+/;

/**
 * Lines of a table a web page flattened to spaces (`序号 项目名称 责任单位 目标任务`): from a
 * header whose words are column names until the next blank line. Their spaces separate cells. A
 * header is mostly column names, without a colon or a sentence's stops: a line of labelled fields
 * run together on a newspaper page (`牵头领导:… 责任单位:… 实际完成情况:…`) is no header.
 *
 * Not every space in such a line separates cells: a header word the page broke over two lines
 * (`牵头  领导`, `主体  责任单位`, see `HEADER_QUALIFIERS`; `1- 8月实际完成情况`) is one column, and a two-character name
 * padded to the width of three (`汪  峰`) is one person. Returns the lines, and the source offsets
 * of the space runs that join rather than separate.
 */
function spacedTableLines(source: string): { lines: Set<number>; joins: Set<number> } {
  const marked = new Set<number>();
  const joins = new Set<number>();
  let inTable = false;
  let offset = 0;
  source.split("\n").forEach((line, index) => {
    const tokens = line.trim().split(SPACE_RUN).filter(Boolean);
    let header = false;
    if (!inTable) {
      const named = tokens.filter((t) => !/[：:，。；]/.test(t) && roleOfHeader(t) !== undefined).length;
      inTable = tokens.length >= 3 && named >= 3 && named * 2 >= tokens.length;
      header = inTable;
    } else if (!line.trim()) {
      inTable = false;
    }
    if (inTable) {
      marked.add(index);
      // The words either side of each run of spaces, in one pass over the line.
      const runs = [...line.matchAll(new RegExp(SPACE_RUN.source, "g"))];
      runs.forEach((run, k) => {
        const at = run.index ?? 0;
        const previous = runs[k - 1];
        const next = runs[k + 1];
        const before = line.slice(previous ? (previous.index ?? 0) + previous[0].length : 0, at);
        const after = line.slice(at + run[0].length, next ? next.index : line.length);
        if (!before || !after) return;
        // `1- 8月实际完成情况`: a short piece that names nothing, before the rest of its column's name.
        const fragment =
          roleOfHeader(before) === undefined &&
          before.length <= 3 &&
          roleOfHeader(before + after) !== undefined;
        const brokenHeader =
          header && ((HEADER_QUALIFIER.test(before) && HEADER_HEAD.test(after)) || fragment);
        const paddedName = /^[\u4e00-\u9fa5]$/.test(before) && /^[\u4e00-\u9fa5]$/.test(after);
        if (brokenHeader || paddedName) joins.add(offset + at);
      });
    }
    offset += line.length + 1;
  });
  return { lines: marked, joins };
}

const UNIT_SUFFIX = alternation(UNIT_SUFFIXES);
/** An office's name, right after the start of the text, a non-Chinese character or a list's 、，. */
const UNIT_NAME_BEFORE = new RegExp(
  `(?:^|[^\\u4e00-\\u9fa5]|[、，])(?:[市区县省州]|各)[\\u4e00-\\u9fa5（）]{1,12}(?:${UNIT_SUFFIX})$`,
);
const UNIT_NAME_AFTER = new RegExp(
  `^(?:[市区县省州](?!域|级|民|内|外|场)|各)[\\u4e00-\\u9fa5（）]{0,12}?(?:${UNIT_SUFFIX})(?=$|[\\s，。；、）|]|[市区县省州各])`,
);
const HEADER_QUALIFIER = new RegExp(`^(?:${alternation(HEADER_QUALIFIERS)})$`);
/** What a qualifier is of: people (`领导`) or units (`责任单位`, `单位`, `部门`). */
const HEADER_HEAD = /^(?:[县市区省]?领导|(?:责任)?单位|部门|处室|科室)$/;

export function normalize(source: string): NormalizedText {
  const out: string[] = [];
  const origin = new Uint32Array(source.length + 1);
  const originEnd = new Uint32Array(source.length + 1);
  let length = 0;
  const emit = (ch: string, at: number, end = at + 1): void => {
    out.push(ch);
    origin[length] = at;
    originEnd[length++] = end;
  };
  const previous = (): string | undefined => (length > 0 ? out[length - 1] : undefined);

  /** The next source character that is not a space, and where it is. */
  const nextNonSpace = (from: number): [string | undefined, number] => {
    let j = from;
    while (j < source.length && isSpace(source[j])) j++;
    return [source[j], j];
  };

  // Simplified character → the traditional ones the document wrote it as, with their counts.
  const written = new Map<string, Map<string, number>>();
  const { lines: spaced, joins } = spacedTableLines(source);
  let line = 0;
  let i = 0;
  while (i < source.length) {
    const raw = source[i] ?? "";
    if (raw === "\n") line++;
    if (isSpace(raw) && spaced.has(line) && joins.has(i)) {
      i = nextNonSpace(i)[1];
      continue;
    }
    if (isSpace(raw) && spaced.has(line)) {
      const [after, at] = nextNonSpace(i);
      const before = previous();
      if (before !== undefined && before !== "\n" && before !== "\t" && after !== "\n" && after !== undefined)
        emit("\t", i, at);
      i = at;
      continue;
    }
    if (raw === "\r") {
      emit("\n", i, i + (source[i + 1] === "\n" ? 2 : 1));
      i += source[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    if (raw === "\u200b" || raw === "\u200c" || raw === "\u200d" || raw === "\ufeff") {
      i++;
      continue;
    }
    // Converter damage: `報(bào)告`, a character's pinyin in brackets after it.
    if ((raw === "(" || raw === "（") && isCjk(previous())) {
      const pinyin = PINYIN.exec(source.slice(i, i + 12));
      if (pinyin) {
        i += pinyin[0].length;
        continue;
      }
    }
    if (raw === "*" && source[i + 1] === "*") {
      i += 2;
      continue;
    }
    if (raw === "$") {
      i++;
      continue;
    }
    if (raw === "\\") {
      const latex = LATEX.find(([command]) => source.startsWith(command, i));
      if (latex) {
        for (const ch of latex[1]) emit(ch, i, i + latex[0].length);
        i += latex[0].length;
        continue;
      }
    }
    if (isSpace(raw)) {
      const [after, at] = nextNonSpace(i);
      const before = previous();
      // A page that lost its line breaks kept a space before each item: `…工作责任 二、大力开展…`,
      // and after a grid of figures the page printed inside an item (`实际完成 1 2 0 3 6 4.新投放…`).
      if (
        before !== undefined &&
        before !== "\n" &&
        (isCjkOrStop(before) || isDigit(before)) &&
        LIST_MARKER.test(source.slice(at, at + 6))
      ) {
        emit("\n", i, at);
        i = at;
        continue;
      }
      if (
        before === undefined ||
        before === "\n" ||
        after === "\n" ||
        after === "\r" ||
        after === undefined
      ) {
        i = at;
        continue;
      }
      // ` and ` between Chinese words is a conversion artefact of `和`.
      if (isCjk(before) && source.startsWith("and", at) && isSpace(source[at + 3])) {
        const [afterAnd, atAfterAnd] = nextNonSpace(at + 3);
        if (isCjk(afterAnd)) {
          emit("和", at, at + 3);
          i = atAfterAnd;
          continue;
        }
      }
      if (isAsciiWord(before) && isAsciiWord(halfWidth(after))) emit(" ", i);
      // `区卫健局 区医保局`, a cell's names on lines of their own: the space separates two offices.
      else if (
        // The window holds the whole name: `^` is the text's start only when it reaches back to it.
        UNIT_NAME_BEFORE.test(
          `${length > 16 ? "\u4e00" : ""}${out.slice(Math.max(0, length - 16)).join("")}`,
        ) &&
        UNIT_NAME_AFTER.test(source.slice(at, at + 16))
      )
        emit("、", i, at);
      i = at;
      continue;
    }
    let ch = halfWidth(raw);
    if (raw === "．") ch = ".";
    const simplified = simplifiedOf(ch);
    if (simplified !== ch) {
      const seen = written.get(simplified) ?? new Map<string, number>();
      seen.set(ch, (seen.get(ch) ?? 0) + 1);
      written.set(simplified, seen);
      ch = simplified;
    }
    // Text out of PDFs uses `.` as a full stop: `提高到26%以上.城乡居民…`.
    if (
      ch === "." &&
      (isCjk(previous()) || previous() === "%") &&
      /[\u4e00-\u9fa5]/.test(source[i + 1] ?? "")
    ) {
      ch = "。";
    }
    const full = TO_FULL_WIDTH[ch];
    if (full !== undefined) {
      const betweenDigits =
        (ch === "," || ch === ":") && isDigit(previous()) && isDigit(halfWidth(source[i + 1] ?? ""));
      if (!betweenDigits) ch = full;
    }
    emit(ch, i);
    i++;
  }
  origin[length] = source.length;
  originEnd[length] = source.length;
  const back = new Map<string, string>();
  for (const [simplified, forms] of written) {
    const [mostUsed] = [...forms.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (mostUsed) back.set(simplified, mostUsed);
  }
  return {
    text: out.join(""),
    restore: back.size === 0 ? (read) => read : (read) => [...read].map((ch) => back.get(ch) ?? ch).join(""),
    origin: origin.slice(0, length + 1),
    originEnd: originEnd.slice(0, length + 1),
  };
}
