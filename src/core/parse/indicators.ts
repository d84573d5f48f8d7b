/**
 * Indicator grammar: finds the quantitative targets and dated milestones in a piece of text.
 *
 * A number becomes a target only with something that makes it one: a comparison (`不低于`, `以上`,
 * `控制在…以下`), a verb of reaching (`达到`, `提升至`), a verb of making (`新建`, `创建`, `建成`), a
 * share (`%`), or its place in an enumeration that has one. Numbers inside brackets, quotes and book
 * titles, counts of listed things (`等8个项目`), per-unit quotas (`每县…1家`, `各1家`), ages that
 * qualify a group (`65岁及以上老年人`) and anything said about the past are not targets.
 */

import type { Op } from "../model";
import {
  CHECKING_VERBS,
  COMPARISON_WORDS as OP_WORDS,
  FAMOUS_DOCTOR_PLACES,
  HOLDING_VERBS,
  MAKING_NOUNS,
  PEOPLE_NOUNS,
  PEOPLE_QUALIFIERS,
  PROGRESS_VERBS,
  SERVICE_EVENTS,
  MAKING_VERB_WORDS,
  MEASURE_WORDS,
  SUSTAIN_ONLY,
  alternation,
} from "./lexicon";
import { chineseNumber, scale, tidy } from "./numbers";
import { findDeadlines, opensReport, speaksOfFuture, tenseOf, topicYear, type DeadlineMatch } from "./time";

export interface IndicatorCandidate {
  metric: string;
  op: Op;
  value?: number;
  maxValue?: number;
  unit?: string;
  /** ISO date, when the text states one. */
  deadline?: string;
  /** Range of the quantity (and its comparison word) in the text. */
  start: number;
  end: number;
  /** Range of the clause it was read from, to quote as its source. */
  quoteStart?: number;
  quoteEnd?: number;
  /**
   * Why the reading is uncertain, when it is: the verb or the name was inferred rather than read.
   * Uncertain candidates are offered to the user instead of entering the ledger on their own.
   */
  doubt?: string;
  /** The rule that read it (`comparison`, `quota`, `milestone`…), shown in 校对 as the reason. */
  rule?: string;
}

export interface ExtractionContext {
  documentYear: number;
  /** How to read a sentence that shows no tense of its own. */
  defaultTense: "past" | "future";
  /**
   * The text is a numbered item or a table row: a list after its verb is the item's own targets.
   * In running prose a verb carried to a later clause is only a reading to offer.
   */
  item?: boolean;
  /**
   * The text is a numbered item's own line: a line that is only a name and its number
   * (`三、居家养老服务老年人2万人`) is the item's target.
   */
  heading?: boolean;
}

// `21名医基层工作室` counts 名医 (famous doctors') studios; `200名医养结合服务人员` counts people by 名.
const UNITS = MEASURE_WORDS.map((word) =>
  word === "名" ? `名(?!医(?:${alternation(FAMOUS_DOCTOR_PLACES)}))` : word,
).join("|");
/** Times are targets only with an explicit bound (`控制在12分钟以内`), never as durations (`宣传100天`). */
const TIME_UNIT = /^(?:个工作日|小时|分钟|天|日)$/;
/** `开展1次公益宣传`: a count of events names what is held after its number, not before. */
const EVENT_UNIT = /^(?:次|场|场次|期|轮|批次)$/;
const SERVICE_EVENT_END = new RegExp(`(?:${alternation(SERVICE_EVENTS)})$`);
const HOLDING_VERB = /(?:开展|举办|组织|召开|举行|播放|进行)$/;
const ARABIC_QUANTITY = new RegExp(
  `(?<![\\d.])(\\d+(?:\\.\\d+)?)(?:(?:至|到|-|~|—)(\\d+(?:\\.\\d+)?))?(万|亿|萬|億)?((?:${UNITS})(?:\\/(?:月|年|日|天|周|季度))?)|(?<![\\d.])(\\d{1,2})\\/(\\d{1,2})(?![\\d万])|(?<![\\d.])(\\d+(?:\\.\\d+)?)\\/(10万|十万|万|千|1000|10000|100000)`,
  "g",
);
/**
 * A number with no unit after it (`健康浙江发展指数达85`, `体检人数达1000万以上`, `床人比达到1:1.6`):
 * a target only right after a word of comparison, never a year, a date or a page number.
 */
const BARE_QUANTITY = new RegExp(
  `(?<![\\d.:：/])(?:1[:：])?(\\d+(?:\\.\\d+)?)(?:(万|亿|萬|億)(?!${UNITS})|(?![\\d.:：%‰/万亿萬億]|${UNITS}|年|月|日|号|號|岁|歲|版|期|届|批次))`,
  "g",
);
const CHINESE_QUANTITY =
  /(?<![零〇一二三四五六七八九十百千万两第])([两二三四五六七八九十][十]?[一二三四五六七八九]?)(个|家|项|所|名|批|支|座|条)(?![“"大])/g;

const OP_WORD_PATTERN = new RegExp(
  [...OP_WORDS]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([word]) => word.replace(/[.*+?^${}()|[\]\\<>=]/g, "\\$&"))
    .join("|"),
  "g",
);
const OP_BY_WORD = new Map(OP_WORDS.map(([word, op, explicit]) => [word, { op, explicit }]));

const MAKING_VERBS = MAKING_VERB_WORDS.join("|");
// Commitment words are matched too, so that `力争创建` reads as 力争|创建 rather than 力|争创|建.
const MAKING_VERB = new RegExp(`力争|争取|确保|${MAKING_VERBS}`, "g");
const PROGRESS_VERB_ALL = new RegExp(alternation(PROGRESS_VERBS), "g");
const ENDS_IN_MAKING_NOUN = new RegExp(`(?:${alternation(MAKING_NOUNS)})$`);
/** With a count of events (`开展义诊8场`), holding an event is making one. */
const MAKING_OR_HOLDING = new RegExp(`力争|争取|确保|${MAKING_VERBS}|${alternation(HOLDING_VERBS)}`, "g");
const NOT_MAKING = new Set(["力争", "争取", "确保"]);
/** A subject that is only a verb (`全年排查`, `举办`) leaves its object to follow the number. */
const ENDS_IN_VERB = new RegExp(`(?:${MAKING_VERBS}|${alternation([...HOLDING_VERBS, ...CHECKING_VERBS])})$`);
const COMMITMENT = /力争|确保|争取|目标/;
/** After `在Q…` or `为Q…` a count is a target only if a verb of doing follows. */
const SCOPE_VERB = /上线|运行|实现|建成|开通|建立|设置|覆盖|推广|应用|提供|接入|使用/;
/** A share followed by one of these says what share of the subject does it (`100%设置公共卫生科`). */
const SHARE_VERB =
  /(?:开展|设置|设立|实现|达到|建成|完成|接入|使用|配备|开通|纳入|参加|加入|覆盖|通过|落实|具备|提供|签约|接种|参保|上线|建立)/;

const LEADING_NOISE =
  /^(?:(?:到|至)?20\d{2}年(?:底|末)?(?:前)?(?:(?:和|、|及|与)(?:到|至)?20\d{2}年(?:底|末)?)?|\d{1,2}月底前|[，、；：\s]|力争|确保|努力|争取|全力|着力|进一步|持续|逐步|基本|全面|要|将|并|同时|此外|另外|其中|以及|力求|积极|大力|加快|不断|稳步|切实|推动|推进|实现|使|让|在|为|对|以|通过|及时|每年|当年|全年|年内|年底前|到年底|年底|今年|明年)+/;
const TRAILING_NOISE =
  /(?:[，、；：\s]|的|达|为|要|均|将|都|可|至|(?<![达做])到|(?<=[都均可])能|分别|基本|逐步|力争|实现|(?:到|至)20\d{2}年(?:底|末)?(?:前)?)+$/;

function cleanMetric(text: string): string {
  let previous = "";
  let current = text.trim();
  while (current !== previous) {
    previous = current;
    current = current.replace(LEADING_NOISE, "").replace(TRAILING_NOISE, "");
  }
  return current;
}

/** Marks every character inside matched brackets, quotes or book-title marks, and of web addresses. */
function enclosedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const pairs: Record<string, string> = {
    "（": "）",
    "〔": "〕",
    "【": "】",
    "《": "》",
    "“": "”",
    "[": "]",
  };
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    const top = stack[stack.length - 1];
    if (top && pairs[top.ch] === ch) {
      stack.pop();
      mask.fill(1, top.at, i + 1);
      continue;
    }
    if (pairs[ch] !== undefined) stack.push({ ch, at: i });
    // An unclosed quote or bracket must not swallow the rest of the paragraph.
    if (ch === "。") stack.length = 0;
  }
  // Addresses are never targets: `…/art/2024/6/28/…` holds no share of 6/28.
  for (const m of text.matchAll(URL)) mask.fill(1, m.index ?? 0, (m.index ?? 0) + m[0].length);
  return mask;
}

/** Marks every character inside book-title marks and quotation marks: the names of things. */
function titleMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let titles = 0;
  let quotes = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "《") titles++;
    else if (ch === "》" && titles > 0) titles--;
    else if (ch === "“") quotes++;
    else if (ch === "”" && quotes > 0) quotes--;
    else if (ch === "。") titles = quotes = 0;
    if (titles > 0 || quotes > 0) mask[i] = 1;
  }
  return mask;
}

/** The text of a range without what brackets enclose. */
function unenclosed(text: string, mask: Uint8Array, from: number, to: number): string {
  let kept = "";
  for (let i = from; i < to; i++) if (!mask[i]) kept += text[i];
  return kept;
}

/** Where the text goes on outside brackets and quotes, from `from` up to `to`; undefined if it does not. */
function firstUnenclosed(mask: Uint8Array, from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) if (!mask[i]) return i;
  return undefined;
}

const URL = /(?:https?[:：]\/\/|www\.)[\w./%?=&#~+:：-]+/gi;

interface Range {
  start: number;
  end: number;
}

function boundaries(text: string, mask: Uint8Array, separators: string, from: number, to: number): Range[] {
  const ranges: Range[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (separators.includes(text[i] ?? "") && !mask[i]) {
      if (i > start) ranges.push({ start, end: i });
      start = i + 1;
    }
  }
  if (to > start) ranges.push({ start, end: to });
  return ranges;
}

interface Quantity {
  start: number;
  end: number;
  value: number;
  maxValue?: number;
  unit: string;
  /** Written with Chinese numerals (`两个`). */
  chinese: boolean;
  /** Written with no unit after it: a target only right after a comparison. */
  bare?: boolean;
}

const PEOPLE_AFTER_COUNT = new RegExp(
  `^(?:${alternation(PEOPLE_QUALIFIERS)})?(?:${alternation(PEOPLE_NOUNS)})`,
);

function quantitiesIn(text: string, from: number, to: number): Quantity[] {
  const slice = text.slice(from, to);
  const found: Quantity[] = [];
  for (const m of slice.matchAll(ARABIC_QUANTITY)) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    if (m[7] !== undefined && m[8] !== undefined) {
      // A rate per population: `10/10万`.
      found.push({
        start,
        end,
        value: Number(m[7]),
        unit: `/${m[8].replace("十万", "10万")}`,
        chinese: false,
      });
      continue;
    }
    if (m[5] !== undefined && m[6] !== undefined) {
      const numerator = Number(m[5]);
      const denominator = Number(m[6]);
      if (denominator > 0 && numerator < denominator) {
        found.push({ start, end, value: tidy((100 * numerator) / denominator), unit: "%", chinese: false });
      }
      continue;
    }
    const value = tidy(scale(Number(m[1]), m[3]));
    const maxValue = m[2] !== undefined ? tidy(scale(Number(m[2]), m[3])) : undefined;
    const unit = m[4] ?? "";
    found.push({ start, end, value, ...(maxValue !== undefined && { maxValue }), unit, chinese: false });
  }
  const taken = (start: number, end: number): boolean => found.some((q) => q.start < end && start < q.end);
  for (const m of slice.matchAll(BARE_QUANTITY)) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    const value = tidy(scale(Number(m[1]), m[2]));
    if (taken(start, end) || (Number.isInteger(value) && value >= 1900 && value <= 2100 && !m[2])) continue;
    // `1160万中小学生`: 万 counts the people named right after it, as 名 would.
    if (m[2] && PEOPLE_AFTER_COUNT.test(text.slice(end, end + 8))) {
      found.push({ start, end, value, unit: "人", chinese: false });
      continue;
    }
    found.push({ start, end, value, unit: "", chinese: false, bare: true });
  }
  for (const m of slice.matchAll(CHINESE_QUANTITY)) {
    const value = chineseNumber(m[1] ?? "");
    if (value === undefined) continue;
    const start = from + (m.index ?? 0);
    found.push({ start, end: start + m[0].length, value, unit: m[2] ?? "", chinese: true });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * How far back in its clause a quantity's words are looked for. Real clauses are shorter; a page
 * that lost its punctuation makes one clause of a whole document, and reading it stays linear.
 */
const LOOKBACK = 120;
const lookbackStart = (clause: Range, at: number): number => Math.max(clause.start, at - LOOKBACK);

/** A quantity that is not a target whatever surrounds it. */
function excluded(text: string, q: Quantity, clause: Range, mask: Uint8Array): boolean {
  if (mask[q.start]) return true;
  const before = text.slice(Math.max(clause.start, q.start - 4), q.start);
  const after = text.slice(q.end, q.end + 4);
  if (/(?:等|各|第|前|近|每)$/.test(before)) return true;
  // `对12个县进行考核` names whom a check covers; `对20万名妇女进行检查` counts people served.
  if (/对[^，。；]{0,3}$/.test(before) && !PEOPLE_UNIT.test(q.unit)) return true;
  if (/^(?:多|余)/.test(after) && q.unit !== "%") return true;
  // `常住人口超过6万的县均能…`, `收入低于3000元的家庭`: the comparison picks out whom the target covers.
  // A share picks out nobody (`超过60%的居民拥有…` is the target), nor does a bound (`不少于80%的…`).
  if (
    q.unit !== "%" &&
    q.unit !== "‰" &&
    /(?<!不)(?:超过|高于|低于|不足|少于|大于|小于)$/.test(before) &&
    /^(?:以上|以下)?的(?!目标|要求|水平)/.test(after)
  )
    return true;
  if (
    /^(?:周岁|岁)$/.test(q.unit) &&
    (q.maxValue !== undefined ||
      (/^(?:及以上|以上|及以下|以下)?[\u4e00-\u9fa5]/.test(after) &&
        // `分别达到79岁和80岁`: the next value of a list, not the group an age qualifies.
        !/^[和、及]\d/.test(after) &&
        !/^(?:及以上|以上)?(?:$|[，。；])/.test(after)))
  ) {
    return true;
  }
  // `每县（市、区）至少1家`: a quota per unit, not a total.
  const head = text.slice(lookbackStart(clause, q.start), q.start);
  if (/每(?:个|一个|家|所)|每(?:县|市|区|乡|镇|村|单位|机构)/.test(head)) return true;
  // `每年开展审计1次` is a routine; `每年招聘不少于50名` is the year's target.
  // `补助标准提高到每人每年640元` is a rate per head, not a routine.
  if (
    /每(?:年|月|季|周)/.test(head) &&
    !/每人每(?:年|月)$/.test(before) &&
    !/以上|不少于|不低于|至少/.test(text.slice(clause.start, q.end + 4))
  )
    return true;
  if (/^各(?:县|市|区|乡|镇|地|级|单位|医院|机构)/.test(head)) return true;
  return false;
}

interface Trigger {
  op: Op;
  explicit: boolean;
  /** Where the word sits, and the word itself. */
  at: number;
  word: string;
  kind: "comparison" | "making" | "commitment";
}

function lastMatch(
  pattern: RegExp,
  text: string,
  accept: (word: string, index: number) => boolean = () => true,
): { index: number; word: string } | undefined {
  let last: { index: number; word: string } | undefined;
  for (const m of text.matchAll(pattern))
    if (accept(m[0], m.index ?? 0)) last = { index: m.index ?? 0, word: m[0] };
  return last;
}

const CHECKING = alternation(CHECKING_VERBS);
const CHECKING_RIGHT_BEFORE = new RegExp(`(?:${CHECKING})$`);
const CHECKING_OPENS = new RegExp(`^(?:${CHECKING})(?=[\\u4e00-\\u9fa5“”]{1,10}$)`);

/**
 * `抽检食品样品5000批次`, `省级卫生村复审58个`: a verb of checking and the count it sets; not a check
 * the office receives (`迎接国家督查2次`) nor what a check found (`检查发现隐患120处`).
 */
function checkedCount(text: string, clause: Range, q: Quantity): Trigger | undefined {
  if (q.unit === "%" || q.unit === "‰" || q.bare || q.unit === "") return undefined;
  const near = text.slice(Math.max(clause.start, q.start - 8), q.start);
  const right = CHECKING_RIGHT_BEFORE.exec(near);
  if (right) {
    if (/(?:迎接|接受|配合)[\u4e00-\u9fa5]{0,4}$/.test(near.slice(0, right.index))) return undefined;
    return {
      op: ">=",
      explicit: false,
      at: q.start - near.length + right.index,
      word: right[0],
      kind: "making",
    };
  }
  // Opening the clause, the verb stands within its leading words and a short object.
  const prefix = text.slice(clause.start, q.start);
  if (prefix.length > 40) return undefined;
  const opening = prefix.length - prefix.replace(LEADING_NOISE, "").length;
  const verb = CHECKING_OPENS.exec(prefix.slice(opening));
  if (!verb || /发现/.test(prefix)) return undefined;
  return {
    op: ">=",
    explicit: false,
    at: clause.start + opening + verb.index,
    word: verb[0],
    kind: "making",
  };
}

/**
 * `每千人口拥有婴幼儿托位数4.5个`: a value right after the name of a count (…数) is that count's
 * target, as if `达到` stood between them; not a count of what there is now (`现有执业医师人数…`).
 */
function countMeasured(text: string, clause: Range, q: Quantity): Trigger | undefined {
  if (q.bare || q.unit === "" || q.unit === "%" || q.unit === "‰") return undefined;
  if (!/[\u4e00-\u9fa5]{2}数$/.test(text.slice(Math.max(clause.start, q.start - 3), q.start)))
    return undefined;
  if (/现有|目前|共有|已有/.test(text.slice(lookbackStart(clause, q.start), q.start))) return undefined;
  return { op: ">=", explicit: false, at: q.start, word: "", kind: "comparison" };
}

/** `推进300家标准化示范性托育机构创建`: a verb of moving work on, then the count of things to build. */
function buildingCounted(
  clause: Range,
  q: Quantity,
  text: string,
  endsInBuilding: boolean,
): Trigger | undefined {
  if (!endsInBuilding || q.unit === "%" || q.unit === "‰" || q.bare) return undefined;
  const from = Math.max(clause.start, q.start - 12);
  const prefix = text.slice(from, q.start);
  const verb = lastMatch(PROGRESS_VERB_ALL, prefix);
  if (!verb || prefix.length - verb.index - verb.word.length > 4) return undefined;
  // `持续推动10个…专科建设`: work that goes on over things already named sets no new count.
  if (/(?:持续|继续|不断)$/.test(prefix.slice(0, verb.index))) return undefined;
  return { op: ">=", explicit: false, at: from + verb.index, word: verb.word, kind: "making" };
}

/** A making verb used as a noun (`培训率`, `建设达标率`) does not make anything. */
function isVerbUse(prefix: string, word: string, index: number): boolean {
  if (NOT_MAKING.has(word)) return false;
  return !/^(?:率|比例|的)/.test(prefix.slice(index + word.length));
}

/**
 * The nearest word before the quantity (within its clause) that makes it a target. A share is
 * named by its subject, so making verbs do not count for it (`从业人员岗位培训率100%`).
 */
function triggerBefore(
  text: string,
  from: number,
  to: number,
  share = false,
  events = false,
): Trigger | undefined {
  const prefix = text.slice(from, to);
  // A lone `达` is a comparison only right before its number (`率达90%`), not in `表达`, `发达`.
  const comparison = lastMatch(
    OP_WORD_PATTERN,
    prefix,
    (word, index) => word !== "达" || index === prefix.length - 1,
  );
  // The clause's main verb comes first; later ones are usually nouns (`打造公园城市建设…示范点`).
  let making = share
    ? undefined
    : // An event count with its own comparison (`至少开展1次…`) is named by its subject, not its verb.
      [...prefix.matchAll(events && !comparison ? MAKING_OR_HOLDING : MAKING_VERB)]
        .map((m) => ({ index: m.index ?? 0, word: m[0] }))
        .find(({ word, index }) => isVerbUse(prefix, word, index));
  // Verbs in a row are one verb: `布局建设3个…`.
  while (making) {
    const next = new RegExp(`^(?:${MAKING_VERBS})`).exec(prefix.slice(making.index + making.word.length));
    if (!next) break;
    making = { index: making.index, word: making.word + next[0] };
  }
  const candidates: Trigger[] = [];
  if (comparison) {
    const meaning = OP_BY_WORD.get(comparison.word);
    if (meaning)
      candidates.push({ ...meaning, at: from + comparison.index, word: comparison.word, kind: "comparison" });
  }
  if (making)
    candidates.push({
      op: ">=",
      explicit: false,
      at: from + making.index,
      word: making.word,
      kind: "making",
    });
  const commitment = COMMITMENT.exec(prefix);
  if (candidates.length === 0 && commitment) {
    candidates.push({
      op: ">=",
      explicit: false,
      at: from + commitment.index,
      word: commitment[0],
      kind: "commitment",
    });
  }
  return candidates.sort((a, b) => b.at + b.word.length - (a.at + a.word.length))[0];
}

/** The noun phrase right after a quantity: `5家|县域医疗卫生次中心|、2家…`. */
function nounAfter(text: string, from: number, to: number): string {
  // What a count names follows it closely; the rest of a long clause is not read for it.
  const rest = text.slice(from, Math.min(to, from + 60));
  // `3家功能健全、设施完善、承担指导功能的示范性照护服务机构`: the things counted follow the
  // last 的 of the qualities listed before them.
  const qualified = /^([^，；。\d]{2,40})的([^、，；。的\d]{2,30})(?=[，；。]|$)/.exec(rest);
  if (qualified?.[2] && /、/.test(qualified[1] ?? "")) return qualified[2];
  const stop = rest.search(
    /[、，；。]|和\d|及\d|(?:到|赴|(?<!存)在|用于|参加|加入|开展|进行)(?![\u4e00-\u9fa5]?[级类])/,
  );
  return (stop >= 0 ? rest.slice(0, stop) : rest).replace(/^的/, "");
}

interface Suffix {
  op?: Op;
  explicit: boolean;
  length: number;
  covers: boolean;
  approximate: boolean;
}

function suffixAfter(text: string, at: number): Suffix {
  const rest = text.slice(at, at + 4);
  const m = /^(?:及以上|或以上|以上|及以下|以下|以内|之内|内(?![容部外涵])|左右|覆盖)/.exec(rest);
  if (!m) return { explicit: false, length: 0, covers: false, approximate: false };
  const word = m[0];
  if (word === "覆盖") return { op: "=", explicit: false, length: 2, covers: true, approximate: false };
  if (word === "左右") return { op: "=", explicit: false, length: 2, covers: false, approximate: true };
  const op: Op = word.endsWith("以上") ? ">=" : "<=";
  return { op, explicit: true, length: word.length, covers: false, approximate: false };
}

/** Splits `市级和县级临床重点专科` into names for each value, sharing a short common head. */
function distributeNames(parts: string[]): string[] {
  const last = parts[parts.length - 1] ?? "";
  const modifiers = parts.slice(0, -1);
  if (modifiers.length === 0 || modifiers.some((m) => m.length > 4)) return parts;
  const endings = new Set(modifiers.map((m) => m[m.length - 1]));
  const ending = endings.size === 1 ? [...endings][0] : undefined;
  let cut = ending ? last.indexOf(ending) + 1 : 0;
  if (cut <= 0) {
    const lengths = new Set(modifiers.map((m) => m.length));
    cut = lengths.size === 1 ? (modifiers[0]?.length ?? 0) : 0;
  }
  const head = cut > 0 && cut < last.length ? last.slice(cut) : "";
  return head ? [...modifiers.map((m) => m + head), last] : parts;
}

function splitParts(text: string): string[] {
  return text
    .split(/、|和|及|与/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function extractIndicators(text: string, context: ExtractionContext): IndicatorCandidate[] {
  const mask = enclosedMask(text);
  const titled = titleMask(text);
  const found: IndicatorCandidate[] = [];
  let topic: number | undefined;
  const subject: { last?: string } = {};
  for (const sentence of boundaries(text, mask, "。！？", 0, text.length)) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    topic = topicYear(sentenceText) ?? topic;
    const tense = tenseOf(sentenceText, context.documentYear);
    const lookingBack = topic !== undefined && topic < context.documentYear && tense !== "future";
    if (tense === "past" || lookingBack || (tense === "neutral" && context.defaultTense === "past")) continue;
    const deadlines = findDeadlines(sentenceText, context.documentYear)
      .map((d) => ({
        ...d,
        start: d.start + sentence.start,
        end: d.end + sentence.start,
      }))
      // `印发《国民营养计划2022年重点工作》`: a year in a title names the document, it dates nothing.
      .filter((d) => !titled[d.start]);
    let carried: Trigger | undefined;
    let previous: Range | undefined;
    let previousYielded = false;
    let pending: DeadlineMatch | undefined;
    const sentenceStart = found.length;
    // `到2025年和2030年，…`: what the sentence sets is due at both horizons.
    const pair = YEAR_PAIR.exec(sentenceText);
    let reporting = false;
    for (const clause of boundaries(text, mask, "，；：", sentence.start, sentence.end)) {
      const clauseText = text.slice(clause.start, clause.end);
      reporting = opensReport(clauseText, context.documentYear) || (reporting && !speaksOfFuture(clauseText));
      if (reporting) {
        previous = clause;
        continue;
      }
      // The clause that only names the two horizons dates what follows, and sets nothing itself.
      if (pair && clause.start === sentence.start && clause.end === sentence.start + pair[0].length) {
        previous = clause;
        continue;
      }
      const own = deadlines.find((d) => !d.horizon && d.start >= clause.start && d.end <= clause.end);
      const local = own ?? pending;
      // A clause that is only a deadline (`9月底前`) dates the clause after it.
      pending =
        own &&
        text.slice(clause.start, clause.end).replace(/^(?:力争|确保|要|于|在)/, "").length ===
          own.end - own.start
          ? own
          : undefined;
      const horizon = deadlines.filter((d) => d.horizon && d.start < clause.end).at(-1);
      const deadline = (local ?? horizon)?.date;
      const before = found.length;
      carried = readClause(
        text,
        sentenceText,
        clause,
        mask,
        carried,
        deadline,
        found,
        subject,
        context.item ?? false,
        pair !== null,
      );
      if (found.length === before) {
        const covered = fullCoverage(text, clause, mask, deadline) ?? allOf(text, clause, mask, deadline);
        const whole = clause.start === 0 && clause.end === text.length;
        const named = context.heading && whole ? targetCell(text, "", true) : undefined;
        if (covered) found.push(covered);
        else if (named) found.push({ ...named, ...(deadline && { deadline }) });
        else if (local) {
          const milestone = milestoneOf(text, clause, local, previousYielded ? undefined : previous);
          if (milestone) found.push(milestone);
        } else {
          // Undated, it is due by the plan's horizon, and the ledger marks that date as inferred.
          const project = projectMilestone(text, clause, deadline);
          if (project) found.push(project);
        }
      }
      for (let k = before; k < found.length; k++) {
        const candidate = found[k];
        if (candidate) found[k] = { ...candidate, quoteStart: clause.start, quoteEnd: clause.end };
      }
      previous = clause;
      previousYielded = found.length > before;
    }
    if (pair) {
      // The two horizons date the sentence up to its first `；`: a part after it dates itself
      // (`…减少10%以上；2025年，B达95%以上`).
      const stop = sentenceText.indexOf("；");
      const scopeEnd = stop >= 0 ? sentence.start + stop : sentence.end;
      let inScope = sentenceStart;
      while (inScope < found.length && (found[inScope]?.start ?? 0) < scopeEnd) inScope++;
      found.splice(
        sentenceStart,
        inScope - sentenceStart,
        ...atBothHorizons(found.slice(sentenceStart, inScope), pair),
      );
    }
  }
  return found;
}

/** Reads one clause; returns the trigger a following clause may inherit (`新增A8个，B30个`). */
function readClause(
  text: string,
  sentenceText: string,
  clause: Range,
  mask: Uint8Array,
  carried: Trigger | undefined,
  deadline: string | undefined,
  out: IndicatorCandidate[],
  subject: { last?: string },
  item: boolean,
  horizons = false,
): Trigger | undefined {
  const quantities = quantitiesIn(text, clause.start, clause.end).filter(
    (q) => !excluded(text, q, clause, mask),
  );
  if (quantities.length === 0) return undefined;
  const withDeadline = deadline ? { deadline } : {};

  const distributed = readDistributive(text, clause, quantities, withDeadline, horizons);
  if (distributed) {
    out.push(...distributed);
    return undefined;
  }
  const group = readGroupCount(text, clause, quantities, withDeadline);
  if (group) {
    out.push(...group);
    return undefined;
  }

  let lastTrigger: Trigger | undefined;
  let previousEnd = clause.start;
  // What the clause ends in, read once for all its quantities: an event held for people counted
  // (`…骨干人才培训`), or the building of things counted (`…托育机构创建`).
  const ending = unenclosed(text, mask, quantities[0]?.end ?? clause.start, clause.end).replace(
    /[。；，、\s]+$/,
    "",
  );
  const clauseEnd = { service: SERVICE_EVENT_END.test(ending), building: ENDS_IN_MAKING_NOUN.test(ending) };
  const enumeration = readSharedHead(text, quantities, clause);
  const sentenceCommits = COMMITMENT.test(sentenceText);
  // The item before this one: a bare number (`5G`, `12345热线`) names nothing and counts no item.
  let lastCount: Quantity | undefined;
  quantities.forEach((q, k) => {
    const previousCount = lastCount;
    const suffix = suffixAfter(text, q.end);
    const isShare = q.unit === "%" || q.unit === "‰";
    // A count of events is set in a plan's items and rows; prose reports the events held.
    // `开展3200名骨干人才培训`: people counted into an event held for them are held, as events are.
    const heldFor = PEOPLE_UNIT.test(q.unit) && clauseEnd.service;
    const trigger =
      triggerBefore(
        text,
        lookbackStart(clause, q.start),
        q.start,
        isShare,
        item && (EVENT_UNIT.test(q.unit) || heldFor),
      ) ??
      buildingCounted(clause, q, text, clauseEnd.building) ??
      checkedCount(text, clause, q) ??
      countMeasured(text, clause, q);
    // `为3.078万60岁以上老年人免费接种…`: a count of people served needs no unit of its own.
    const quota = quotaOf(text, clause, q);
    if (quota) {
      out.push({ ...quota, ...withDeadline, rule: "quota" });
      previousEnd = q.end;
      lastCount = q;
      return;
    }
    // A bare number is a target only right after its comparison: `指数达85`, `床人比达到1:1.6`.
    if (q.bare && !(trigger?.kind === "comparison" && trigger.at + trigger.word.length === q.start)) return;
    lastCount = q;
    // `其中城区学校10所（含幼儿园4所）、乡镇学校15所`: an item of a list ends at its `、`.
    const next = firstUnenclosed(mask, q.end + suffix.length, clause.end);
    const endsClause = next === undefined || text[next] === "、";
    // `新建A1所，B2个` and `新创2个A，2个B`: the clause is the next item of the verb before.
    const opensClause = /^[、]?$/.test(text.slice(clause.start, q.start)) && carried?.kind === "making";
    const inherited = !trigger && carried && (endsClause || opensClause) ? carried : undefined;
    const scope = /(?:为|在)(?:全市|全省|全区|全县|全国)?(?:不少于|不低于|至少)?$/.exec(
      text.slice(Math.max(clause.start, q.start - 8), q.start),
    );
    // `全国1万家医疗机构提供…服务`: in an item, the count that opens a clause is whom the verb sets to work.
    const opensItem = item && /^(?:全国|全省|全市|全区|全县)?$/.test(text.slice(clause.start, q.start));
    const scopeTarget = (scope !== null || opensItem) && SCOPE_VERB.test(text.slice(q.end, clause.end));
    if (!trigger && !inherited && !isShare && !suffix.explicit && !scopeTarget) return;
    if (TIME_UNIT.test(q.unit) && !suffix.explicit && !trigger?.explicit) return;
    // Chinese numerals count an enumeration just before them (`儿童和妇产两个…中心`); otherwise
    // they are names (`两项改革`, `五大中心`), not quantities.
    const counted = trigger ? splitParts(text.slice(trigger.at + trigger.word.length, q.start)) : [];
    if (q.chinese && counted.length !== q.value) return;

    let op: Op = suffix.op ?? trigger?.op ?? inherited?.op ?? ">=";
    const explicit = suffix.explicit || (trigger?.explicit ?? false);
    if (trigger?.explicit && !suffix.explicit) op = trigger.op;
    if (q.value === 100 && q.unit === "%" && !explicit) op = "=";

    const named =
      enumeration.get(k) ??
      (q.chinese && trigger
        ? `${trigger.word}${cleanMetric(nounAfter(text, q.end, clause.end))}（${counted.join("、")}）`
        : undefined);
    const read =
      named !== undefined
        ? { metric: named }
        : metricFor(text, clause, q, suffix, trigger ?? inherited, previousEnd, previousCount);
    previousEnd = q.end + suffix.length;
    // `…达90%以上，到2030年达95%以上`: a value with no subject of its own continues the last one's.
    const reading =
      !read.metric && trigger?.kind === "comparison" && subject.last ? { metric: subject.last } : read;
    if (!reading.metric) return;
    if (EVENT_UNIT.test(q.unit) && HOLDING_VERB.test(reading.metric)) {
      const held = cleanMetric(nounAfter(text, q.end + suffix.length, clause.end));
      if (held.length >= 2) reading.metric = `${reading.metric}${held}`;
    }
    subject.last = reading.metric;
    const doubt =
      reading.doubt ??
      (inherited && !(item && inherited.kind === "making") && !explicit && !sentenceCommits
        ? "动词承接前文推断，原文此处只有数字"
        : undefined);
    for (const metric of sharedMeasures(reading.metric)) {
      out.push({
        metric,
        op,
        value: q.value,
        ...(q.maxValue !== undefined && { maxValue: q.maxValue }),
        unit: q.unit,
        ...withDeadline,
        start: q.start,
        end: q.end + suffix.length,
        ...(doubt && { doubt }),
        rule: ruleOf(q, trigger ?? inherited, suffix, isShare),
      });
    }
    lastTrigger = trigger ?? inherited;
  });
  return lastTrigger;
}

const YEAR_PAIR = /^(?:到|至)?(20\d{2})年(?:底|末)?(?:和|、|及|与)(?:到|至)?(20\d{2})年(?:底|末)?/;
const INNER_YEAR_PAIR = /(?:到|至)?(20\d{2})年(?:底|末)?(?:和|、|及|与)(?:到|至)?(20\d{2})年(?:底|末)?/;

/**
 * `到2025年和2030年，A、B分别达到35%和40%` gives each value its horizon; `2025年和2030年，A均较前5年
 * 减少10%以上` sets one target at both.
 */
function atBothHorizons(candidates: IndicatorCandidate[], pair: RegExpExecArray): IndicatorCandidate[] {
  const first = `${pair[1] ?? ""}-12-31`;
  const second = `${pair[2] ?? ""}-12-31`;
  const numeric = candidates.filter((c) => c.op !== "milestone");
  const sameMetric = numeric.length === 2 && numeric[0]?.metric === numeric[1]?.metric;
  if (sameMetric || (numeric.length === 2 && numeric[1] !== undefined && !numeric[1].metric)) {
    const [a, b] = numeric as [IndicatorCandidate, IndicatorCandidate];
    return [
      { ...a, deadline: first },
      { ...b, metric: a.metric, deadline: second },
    ];
  }
  return candidates.flatMap((c) =>
    c.op === "milestone"
      ? [c]
      : [
          { ...c, deadline: first },
          { ...c, deadline: second },
        ],
  );
}

/** Verbs that date a building project: `竣工`, `开工建设`, `投入使用`, `主体封顶`. */
const PROJECT_STAGE =
  /竣工(?:并交付使用|验收)?|开工建设|开工|投入使用|交付使用|主体封顶|封顶|开诊运行|开诊|开业运营|建成投用|建成(?=[^，。；]*(?:项目|工程)(?:$|[，。；]))/;

/**
 * `实现市人民医院扩建三期等3个项目竣工并交付使用`: a project reaching a stage this year is a
 * milestone (its count of listed projects is no target).
 */
function projectMilestone(
  text: string,
  clause: Range,
  deadline: string | undefined,
): IndicatorCandidate | undefined {
  const clauseText = text.slice(clause.start, clause.end);
  if (!PROJECT_STAGE.test(clauseText) || !/项目|医院|中心|院区|大楼|工程/.test(clauseText)) return undefined;
  if (/正在|在建|进度|前期/.test(clauseText)) return undefined;
  const metric = cleanMetric(
    clauseText
      .replace(/^(?:实现|力争|确保|推动|推进|加快|完成|全力|争取)+/, "")
      .replace(/等[\d一二两三四五六七八九十]+个/, "等"),
  );
  if (metric.length < 6) return undefined;
  return {
    metric,
    op: "milestone",
    ...(deadline !== undefined && { deadline }),
    start: clause.start,
    end: clause.end,
    rule: "project-stage",
  };
}

/** Measures named in a list before one shared value: `A率、B比例均达95%以上`. */
function sharedMeasures(metric: string): string[] {
  const parts = metric.replace(/均$/, "").split(/、/);
  if (parts.length < 2) return [metric];
  return parts.every((p) => p.length >= 3 && /(?:率|比例|比重|占比|水平|指数)$/.test(p)) ? parts : [metric];
}

/** Which rule read a quantity, shown in 校对 as the reason it is a target. */
function ruleOf(q: Quantity, trigger: Trigger | undefined, suffix: Suffix, isShare: boolean): string {
  if (q.bare) return "comparison-bare";
  // `增长8%左右`: a target with a tolerance, its quote says how much.
  if (suffix.approximate) return "approximate";
  if (suffix.covers) return "coverage";
  if (suffix.explicit && !trigger) return "bound";
  if (trigger?.kind === "making") return "making";
  if (trigger?.kind === "comparison") return "comparison";
  if (isShare) return "share";
  return trigger?.kind ?? "scope";
}

/** Units of people a 民生实事 serves: `为2.5万名…老年人`, `为1.2万人`. */
const PEOPLE_UNIT = /^(?:名|人|人次|户|戶|例|对|對|个家庭)$/;

/**
 * The 民生实事 quota: `为2.5万名65岁以上老年人免费体检`, `免费为超过50万名适龄妇女提供…筛查`,
 * `对全省20万名33-64周岁…妇女进行“两癌”免费检查`:
 * a number of people served is the target, whatever verb follows.
 */
function quotaOf(text: string, clause: Range, q: Quantity): Omit<IndicatorCandidate, "rule"> | undefined {
  const before = text.slice(lookbackStart(clause, q.start), q.start);
  // `对全省20万名…妇女进行…检查` is the same quota, said with 对.
  const lead = /(?:^|[^因以作成针相])(?:为|对)(?:超过|不少于|至少|约|全省|全市|全区|全县)?$/.exec(before);
  if (!lead) return undefined;
  const after = text.slice(q.end, clause.end);
  const people =
    PEOPLE_UNIT.test(q.unit) ||
    (q.unit === "" && /^[^，。；]{0,12}?(?:人|者|妇女|儿童|学生|群众|家庭|患者)/.test(after));
  if (!people || after.replace(/[，。；\s]/g, "").length < 3) return undefined;
  const metric = cleanMetric(`${before.replace(/(?:超过|不少于|至少|约)$/, "")}${after}`).replace(
    /(?:\d+[-—~至])?\d+(?:\.\d+)?(?:周岁|岁|歲)(?:及以上|以上)?/g,
    "",
  );
  const unit = q.unit || "人";
  return {
    metric: metric.replace(/进行(?=\S)/, ""),
    op: ">=",
    value: q.value,
    unit,
    start: q.start,
    end: q.end,
  };
}

interface Reading {
  metric: string;
  doubt?: string;
}

/** Just past the last `、` between `from` and `to`, or `from`: where the item of a list starts. */
function listItemStart(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (text[i] === "、") return i + 1;
  return from;
}

function metricFor(
  text: string,
  clause: Range,
  q: Quantity,
  suffix: Suffix,
  trigger: Trigger | undefined,
  previousEnd: number,
  previous: Quantity | undefined,
): Reading {
  const after = q.end + suffix.length;
  // The words after a value that name it follow it closely; a long clause's rest is not read.
  const rest = text.slice(after, Math.min(clause.end, after + 80));
  const isShare = q.unit === "%" || q.unit === "‰";
  const sharedVerb = trigger !== undefined && previous !== undefined && trigger.at < previous.start;
  if (trigger?.kind === "making") {
    // The verb stands earlier (`新建A12个，B10个`, `新建5家A、2家B`): the noun is this item's own.
    const nounStart =
      trigger.at < clause.start || sharedVerb
        ? Math.max(
            clause.start,
            previousEnd,
            listItemStart(text, Math.max(clause.start, previousEnd), q.start),
          )
        : trigger.at + trigger.word.length;
    // `完成全省1160万中小学生…筛查`: the scope alone names nothing counted.
    const object = cleanMetric(text.slice(nounStart, q.start)).replace(/^(?:全国|全省|全市|全区|全县)$/, "");
    const noun = object || cleanMetric(nounAfter(text, after, clause.end));
    // `居委会办公用房标准化改扩建20个`: what is made stands before its verb.
    const before = noun ? "" : cleanMetric(text.slice(Math.max(clause.start, previousEnd), trigger.at));
    if (before.length >= 4) return { metric: `${before}${trigger.word}` };
    if (!noun) return { metric: "" };
    // `改造危桥20座`, `新增学位6120个`: a short object between the verb and its count names what is
    // counted; after the count (`打造10个专科`) it is a kind, and a level (`新建省级1家`) names nothing.
    const vague = noun.length <= 2 && (!object || noun.length === 1 || /级$/.test(noun));
    return {
      metric: trigger.word + noun,
      ...(vague && { doubt: `“${noun}”过于笼统，看不出统计的是什么` }),
    };
  }
  if (trigger?.kind === "comparison" && !sharedVerb) {
    const subject = cleanMetric(text.slice(Math.max(clause.start, previousEnd), trigger.at));
    // A comparison carried from the clause before bounds this value; its words stay there.
    const between = text.slice(Math.max(trigger.at + trigger.word.length, clause.start), q.start);
    // `排查不少于179个存在隐患的路口`: after a verb the comparison bounds, the object follows the count.
    const verbOnly = !isShare && ENDS_IN_VERB.test(subject) && !cleanMetric(between);
    const object =
      /^的/.test(rest) || verbOnly
        ? cleanMetric(nounAfter(text, after + (/^的/.test(rest) ? 1 : 0), clause.end))
        : "";
    if (subject) {
      if (/的$/.test(between) && between.length > 1)
        return { metric: `${subject}占${between.slice(0, -1)}比例` };
      // `地区生产总值增长6%`: the value is the change, and the measure says so.
      const change =
        /^(?:增长|提高|提升)$/.test(trigger.word) && !ENDS_IN_VERB.test(subject) ? trigger.word : "";
      return {
        metric: subject + change + (cleanMetric(between) && !isShare ? cleanMetric(between) : "") + object,
      };
    }
    return { metric: cleanMetric(between) || object || cleanMetric(rest) };
  }
  const subject = cleanMetric(text.slice(Math.max(clause.start, previousEnd), q.start));
  if (isShare) {
    if (suffix.covers) return { metric: `${subject}覆盖率` };
    // `产前筛查率90%以上、新生儿疾病筛查率95%以上的目标`: the next item is no predicate of this one.
    const own = rest.replace(/^（[^）]*）/, "").split(/[、]|(?=\d)/)[0] ?? "";
    const predicate = cleanMetric(own.replace(/^的/, "").replace(/^(?:的)?(?:目标|要求|水平|标准)$/, ""));
    if (!predicate) return { metric: subject };
    const combined = subject + predicate;
    const metric = /(?:率|比例|比重|占比)$/.test(combined) ? combined : `${combined}比例`;
    const readable = /^的/.test(rest) || SHARE_VERB.test(rest);
    return { metric, ...(!readable && { doubt: "看不出百分比指的是什么，指标名称由上下文拼成" }) };
  }
  const predicate = cleanMetric(rest.replace(/^的/, ""));
  return { metric: subject ? subject + predicate : predicate };
}

/** `A和B分别7个、13个` / `A、B分别占比达36%、60%以上`: one indicator per name. */
function readDistributive(
  text: string,
  clause: Range,
  quantities: Quantity[],
  withDeadline: { deadline?: string },
  horizons: boolean,
): IndicatorCandidate[] | undefined {
  const clauseText = text.slice(clause.start, clause.end);
  const at = clauseText.indexOf("分别");
  if (at < 0 || quantities.length < 2) return undefined;
  const afterWord = clause.start + at + 2;
  const values = quantities.filter((q) => q.start >= afterWord);
  if (values.length < 2) return undefined;
  // `A到2025年和2030年分别达到35%和40%`: the horizons may stand inside the clause, after its measure.
  const head = clauseText.slice(0, at);
  const inner = horizons ? null : INNER_YEAR_PAIR.exec(head);
  const subjectText = cleanMetric(
    inner ? head.slice(0, inner.index) + head.slice(inner.index + inner[0].length) : head,
  );
  const parts = distributeNames(splitParts(subjectText));
  // `到2025年和2030年，A分别达到35%和40%`: one measure, a value for each horizon (horizon-pair).
  const overHorizons = (horizons || inner !== null) && values.length === 2 && parts.length === 1;
  if (parts.length !== values.length && !overHorizons) return undefined;
  const link = text.slice(afterWord, values[0]?.start ?? afterWord);
  const linkOp = lastMatch(OP_WORD_PATTERN, link);
  const tail = cleanMetric(linkOp ? link.slice(0, linkOp.index) : link);
  const last = values[values.length - 1];
  const suffix = last ? suffixAfter(text, last.end) : undefined;
  const meaning = linkOp ? OP_BY_WORD.get(linkOp.word) : undefined;
  return values.map((q, k) => {
    let op: Op = suffix?.op ?? meaning?.op ?? ">=";
    if (q.value === 100 && q.unit === "%" && !(suffix?.explicit || meaning?.explicit)) op = "=";
    return {
      metric: `${parts[overHorizons ? 0 : k] ?? ""}${tail}`,
      op,
      value: q.value,
      unit: q.unit,
      ...(inner && overHorizons ? { deadline: `${inner[k + 1] ?? ""}-12-31` } : withDeadline),
      start: q.start,
      end: q.end + (k === values.length - 1 ? (suffix?.length ?? 0) : 0),
      rule: overHorizons ? "horizon-pair" : "distributive",
    };
  });
}

/** `实现A、B和C三个100%`: the count names how many listed measures share the value. */
function readGroupCount(
  text: string,
  clause: Range,
  quantities: Quantity[],
  withDeadline: { deadline?: string },
): IndicatorCandidate[] | undefined {
  const clauseText = text.slice(clause.start, clause.end);
  const m = /([两二三四五六七八九十])个(\d+(?:\.\d+)?)%/.exec(clauseText);
  if (!m) return undefined;
  const count = chineseNumber(m[1] ?? "");
  const value = Number(m[2]);
  const before = clauseText.slice(0, m.index);
  const verb = lastMatch(/实现|达到|均达|保持/g, before);
  const listText = cleanMetric(verb ? before.slice(verb.index + verb.word.length) : before);
  const parts = splitParts(listText);
  if (count === undefined || parts.length !== count) return undefined;
  const start = clause.start + m.index;
  const end = start + m[0].length;
  const q = quantities.find((x) => x.start >= start && x.end <= end);
  if (!q) return undefined;
  return parts.map((metric) => ({
    metric,
    op: value === 100 ? ("=" as const) : (">=" as const),
    value,
    unit: "%",
    ...withDeadline,
    start,
    end,
    rule: "group-count",
  }));
}

/** `新建70个国家级、300个省级…临床重点专科`: modifiers share the head noun of the last item. */
function readSharedHead(text: string, quantities: Quantity[], clause: Range): Map<number, string> {
  const names = new Map<number, string>();
  if (quantities.length < 2) return names;
  const segments = quantities.map((q, k) => {
    const next = quantities[k + 1];
    const until = next ? next.start : clause.end;
    const raw = text.slice(q.end, until);
    return raw.replace(/[、，和及]+$/, "");
  });
  const modifiers = segments.slice(0, -1);
  const joiners = quantities
    .slice(0, -1)
    .map((q, k) => text.slice(q.end + (segments[k]?.length ?? 0), quantities[k + 1]?.start));
  if (modifiers.some((m) => !m || m.length > 4) || joiners.some((j) => !/^[、和及]$/.test(j))) return names;
  const parts = distributeNames([...modifiers, cleanMetric(segments[segments.length - 1] ?? "")]);
  if (parts.length !== quantities.length || parts[0] === modifiers[0]) return names;
  const trigger = triggerBefore(text, clause.start, quantities[0]?.start ?? clause.start);
  const verb = trigger?.kind === "making" ? trigger.word : "";
  parts.forEach((part, k) => names.set(k, verb + part));
  return names;
}

/** `实现建制村每月巡诊全覆盖`: full coverage is a 100% target. */
function fullCoverage(
  text: string,
  clause: Range,
  mask: Uint8Array,
  deadline: string | undefined,
): IndicatorCandidate | undefined {
  // `…全覆盖（17个乡镇34名）`: a bracket after it only says what the coverage comes to.
  const clauseText = text.slice(clause.start, clause.end).replace(/（[^（）]*）[。；]?$/, "");
  const end = clause.start + clauseText.length;
  if (!clauseText.endsWith("全覆盖") || mask[end - 1]) return undefined;
  const subject = cleanMetric(clauseText.slice(0, -3));
  if (!subject) return undefined;
  return {
    metric: `${subject}覆盖率`,
    op: "=",
    value: 100,
    unit: "%",
    ...(deadline && { deadline }),
    start: end - 3,
    end,
    rule: "full-coverage",
  };
}

const ALL_OF =
  /^(?:[^，；]{0,6}?(?:所有|全部|全市|全省|全县|全区))?(.{2,24}?)(?:均|全部|都|将全部|要全部)(?:能|能够|可|可以|应|应当)?(达到|实现|开展|建成|设立|设置|配备|纳入|具备|通过|接入|落实|提供|开设)(.{2,24})$/;

/**
 * `县级综合医院全部达到三级医院水平`, `所有三级公立医院均开展…`: every one of them is a 100% target,
 * written without a number.
 */
function allOf(
  text: string,
  clause: Range,
  mask: Uint8Array,
  deadline: string | undefined,
): IndicatorCandidate | undefined {
  if (mask[clause.start]) return undefined;
  const m = ALL_OF.exec(text.slice(clause.start, clause.end));
  if (!m) return undefined;
  const subject = cleanMetric(m[1] ?? "");
  const object = cleanMetric((m[3] ?? "").replace(/[的]?(?:目标|要求)$/, ""));
  if (subject.length < 2 || object.length < 2) return undefined;
  return {
    metric: `${subject}${m[2] ?? ""}${object}比例`,
    op: "=",
    value: 100,
    unit: "%",
    ...(deadline && { deadline }),
    start: clause.start,
    end: clause.end,
    rule: "all-of",
  };
}

/**
 * `6月底前实现…`: a dated commitment without a number. A short clause (`年底前通过评审`) is named
 * together with the clause before it, which says what is to pass.
 */
function milestoneOf(
  text: string,
  clause: Range,
  deadline: DeadlineMatch,
  previous: Range | undefined,
): IndicatorCandidate | undefined {
  const without = (text.slice(clause.start, deadline.start) + text.slice(deadline.end, clause.end)).trim();
  // `为确保2021年…如期完成，制定了…`: a clause of purpose says why, it commits to nothing.
  if (PURPOSE.test(without)) return undefined;
  // `三季度：完成…培训`: the colon after the dating word starts nothing.
  let metric = without.replace(/^[：:，、\s]+/, "").replace(MILESTONE_LEAD, "");
  if (SUSTAIN_ONLY.test(metric.replace(/[，。；、\s]/g, ""))) return undefined;
  if (metric.length < 6 && previous)
    metric = `${cleanMetric(text.slice(previous.start, previous.end))}，${metric}`;
  if (metric.replace(/[，\s]/g, "").length < 4) return undefined;
  return {
    metric,
    op: "milestone",
    deadline: deadline.date,
    start: clause.start,
    end: clause.end,
    rule: "dated-action",
  };
}

const PURPOSE = /^(?:为了|为确保|为保证|为保障|为推动|为进一步|为切实|为全面|为深入)/;
const MILESTONE_LEAD = /^(?:[，、\s]|力争|确保|要|将|全面|基本)*(?:完成|实现)?/;

const LABELLED_QUANTITY = new RegExp(
  `^(?<name>[^\\d，。；：！？、]{2,30}?)?(?<bound>不少于|不低于|达到|达|完成)?(?<value>\\d+(?:\\.\\d+)?)(?<scale>万|亿|萬|億)?(?<unit>${UNITS})?(?<suffix>以上|以内|以下|左右)?$`,
);

const BOUND_ONLY = /^(?:不少于|不低于|达到|达|完成)$/;

/**
 * A quantity where the place it stands says it is a target: a table's 目标 column (`1300人`,
 * `8950`, `10000万`, `送戏曲下乡20场`), or a 民生实事 item whose heading is only a name and its
 * number (`三、居家养老服务老年人2万人`, with `heading`: then the name and a unit are required). A
 * cell that is only a quantity is the target of the task its row names.
 */
export function targetCell(cell: string, task: string, heading = false): IndicatorCandidate | undefined {
  const m = LABELLED_QUANTITY.exec(cell.trim());
  const groups = m?.groups;
  if (!groups) return undefined;
  if (heading && (!groups.name || !groups.unit)) return undefined;
  const value = tidy(scale(Number(groups.value), groups.scale));
  // `完成1300人`: a word of reaching is no name.
  const label = groups.name && !BOUND_ONLY.test(groups.name) ? cleanMetric(groups.name) : "";
  const metric = label || cleanMetric(task.replace(/^[^：:]{1,12}[：:]/, "").replace(/（[^）]*）/g, ""));
  if (!metric) return undefined;
  const op: Op =
    groups.suffix === "以内" || groups.suffix === "以下" ? "<=" : groups.suffix === "左右" ? "=" : ">=";
  return {
    metric,
    op,
    value,
    unit: groups.unit ?? "",
    start: 0,
    end: cell.length,
    rule: heading ? "heading-quantity" : "target-column",
  };
}
