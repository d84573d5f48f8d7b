/**
 * Responsible units: reading them from the clauses documents use, and recognising unit names
 * mentioned in running text. Names come back as the document writes them (`UnitDirectory.tidy`);
 * the ledger files them under their canonical names.
 */

import type { UnitDirectory } from "../model";
import { splitUnitList } from "../model";
import { CO_LABELS, FIELD_LABELS, LEAD_LABELS, UNIT_SUFFIXES, alternation } from "./lexicon";

export interface Responsibility {
  lead: string[];
  co: string[];
  joint: boolean;
  /** Units a note says must carry out this and every later task (`以下均需…落实`). */
  standingImplementers: string[];
  /** Where the clause sits in the text it was found in. */
  start: number;
  end: number;
  /** The rule that read it, shown in 校对 as the reason. */
  rule: string;
}

/**
 * How a plain list (`责任单位：A、B、C`, no comma, no 牵头) is read: by default every unit answers
 * for the task jointly; a document that says `排在第一位的为牵头单位` (国务院办公厅: `列第一位者为牵头部门`)
 * makes the first one lead.
 */
export type PlainListRule = "joint" | "first-leads";

const FIRST_LEADS_NOTE =
  /(?:排在|列在|列于|排名)?(?:第一位|首位|第一个|第一)(?:的|者|单位)?(?:为|是)牵头(?:单位|部门)|首位为牵头|第一个单位为牵头/;

/** The document's own note on how to read its unit lists, if it has one. */
export function plainListRuleOf(text: string): PlainListRule {
  return FIRST_LEADS_NOTE.test(text) ? "first-leads" : "joint";
}

const SUFFIX = alternation(UNIT_SUFFIXES);
/** How a unit's name ends; `社会` is where `人力资源和社会保障局` was cut, not a name. */
const UNIT_NAME_END = new RegExp(`(?<!社)(?:${SUFFIX})(?:（[^）]*）)?$`);
const LEAD_LABEL = alternation(LEAD_LABELS);
const CO_LABEL = alternation(CO_LABELS);
/** `牵头单位：`, and `【牵头单位】` as some plans print it. */
const LABEL = new RegExp(`[【[]?(${LEAD_LABEL}|${CO_LABEL})(?:[：:]|[】\\]][：:]?)`, "g");
const CO_LABEL_ONLY = new RegExp(`^(?:${CO_LABEL})$`);

/** Words after a list that say how its units share the work, not names. */
const SHARED_TAIL =
  /(?:按职责分工负责|按职责分工落实|按职责分工|按职责落实|按职能分工负责|分别负责|分别落实|共同负责|共同推进|负责落实|负责)$/;
const HELPING = /(?:配合|参与|协助|协同|参加|协办|配合落实)$/;

type UnitList = Pick<Responsibility, "lead" | "co" | "joint" | "rule">;

/**
 * Reads a list of responsible units as documents write it, by the first of these rules that
 * applies: `A牵头，B、C配合` (or `…按职责分工负责`), `A、B负责，C参与`, `A（牵头）、B`, `A，B、C`
 * (before the first comma lead), `A、B按职责分工负责` (joint), and a plain `A、B、C` by the
 * document's rule (joint unless it says the first leads).
 */
export function readUnitList(list: string, units: UnitDirectory, plain: PlainListRule = "joint"): UnitList {
  const body = list
    .trim()
    .replace(/[。；，、\s]+$/, "")
    // `A、B（按职责分工负责）`: the note in brackets says how the units share the work.
    .replace(/（((?:按职责分工|按职能分工|按职责)?(?:负责|落实)|分别负责|共同负责)）$/, "$1")
    .replace(/等(?:单位|部门)?$/, "");
  const names = (text: string): string[] =>
    units.tidyList(text.replace(SHARED_TAIL, "").replace(HELPING, ""));
  const result = (lead: string[], co: string[], rule: string): UnitList => {
    const co2 = co.filter((u) => !lead.includes(u));
    return { lead, co: co2, joint: lead.length > 1, rule };
  };

  // `A主办、B` and `A主责，B配合` lead as `A牵头` does (主办/协办 are how 办理 tables pair them).
  const leads = /^(.+?)(?:牵头负责|牵头|主办|主责)(?:[，、；]\s*(.+))?$/.exec(body);
  if (leads?.[1] && !/(?:牵头|负责)/.test(leads[1])) {
    return result(names(leads[1]), leads[2] ? names(leads[2]) : [], "lead-then-helpers");
  }
  const byRole = /^(.+?)(?:负责|主责)[，、；](.+?)(?:配合|参与|协助|协同|参加)(?:负责)?$/.exec(body);
  if (byRole?.[1] && byRole[2]) return result(names(byRole[1]), names(byRole[2]), "responsible-then-helpers");

  const parts = splitUnitList(body, "、，；/");
  const marked = parts.filter((p) => LEAD_MARK.test(p));
  if (marked.length > 0) {
    return result(
      names(marked.map((p) => p.replace(LEAD_MARK, "")).join("、")),
      names(parts.filter((p) => !LEAD_MARK.test(p)).join("、")),
      "marked-lead",
    );
  }
  const comma = topLevelIndexOf(body, "，");
  if (comma >= 0) return result(names(body.slice(0, comma)), names(body.slice(comma + 1)), "comma-lead");
  const all = names(body);
  // A document that says its first-listed unit leads means every list, `A、B负责` too, unless the
  // list itself says its units share the work (`分别负责`, `共同推进`).
  if (plain === "joint" || /(?:分别|共同)(?:负责|落实|推进)$/.test(body)) return result(all, [], "joint");
  return result(all.slice(0, 1), all.slice(1), "first-leads");
}

const LEAD_MARK = /[（(]牵头[）)]/;

/** `（市卫生健康委牵头）` names units; `（含中医）` or `（牵头医院负责）` does not. */
function looksLikeUnits(text: string): boolean {
  const first = splitUnitList(text.replace(/(?:分别|共同)?(?:牵头|负责|主责|主办|落实).*$/, ""))[0] ?? "";
  return UNIT_NAME_END.test(first);
}

/** A bracket that says what something holds (`（含中医诊所、门诊部）`), not who does it. */
const CONTENTS = /^(?:含|包括|包含|不含|其中|如|即|主要|重点|除)/;

/** Every name but a cut-off last one ends as offices' names end. */
function allNamesLikeUnits(text: string): boolean {
  const names = splitUnitList(text);
  return names.length >= 2 && names.slice(0, -1).every((name) => UNIT_NAME_END.test(name));
}

/**
 * Every name in the bracket is an office's: a place's (`县卫健局`, `各乡镇人民政府`) or a short
 * internal one (`医政处`); `（二级以上综合医院）`, `（三级医院）` say which, not who.
 */
function everyNameLikeUnit(text: string): boolean {
  const names = splitUnitList(text.replace(/等$/, ""), "、，,/");
  return (
    names.length >= 1 &&
    names.every(
      (name) =>
        name.length <= 24 &&
        UNIT_NAME_END.test(name) &&
        (PLACE_PREFIXED.test(name) || (name.length <= 6 && INTERNAL_OFFICE.test(name))),
    )
  );
}
const INTERNAL_OFFICE = /(?:处|科|室|股|办)$/;

function topLevelIndexOf(text: string, ch: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "（") depth++;
    else if (c === "）" && depth > 0) depth--;
    else if (depth === 0 && c === ch) return i;
  }
  return -1;
}

/** Units named after `以下均需` / `均需` in a note: they implement every task from here on. */
function standingImplementers(notes: string, units: UnitDirectory): string[] {
  const match = /(?:以下|下列|各项任务)?均需(.+?)(?:落实|负责|实施)/.exec(notes);
  return match?.[1] ? units.tidyList(match[1]) : [];
}

const OPENERS = "（〔【[";
const CLOSERS: Record<string, string> = { "（": "）", "〔": "〕", "【": "】", "[": "]" };

/** The index just past the bracket that closes the one at `open`, or -1 when the text ends first. */
function closingIndex(text: string, open: number): number {
  const opener = text[open] ?? "";
  const closer = CLOSERS[opener] ?? "）";
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === opener || (opener !== "（" && ch === "（")) depth++;
    else if (ch === closer || (closer !== "）" && ch === "）")) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Drops the last name of a clause the text cuts off (`（责任单位：市卫健委、市人力资源社会`): a
 * name that does not end like a unit is half a name.
 */
function withoutCutName(list: UnitList): UnitList {
  const complete = (names: string[]): string[] => {
    const last = names[names.length - 1];
    return last !== undefined && !UNIT_NAME_END.test(last) ? names.slice(0, -1) : names;
  };
  // The cut name is the last the text wrote, in whichever list its label put it.
  const lead = complete(list.lead);
  return { ...list, lead, co: complete(list.co), joint: lead.length > 1 };
}

export interface ResponsibilityOptions {
  plain?: PlainListRule;
}

/**
 * Finds the responsibility clause of a task, in any of the forms documents use:
 * `（责任单位：A，B、C）`, `〔牵头单位：A；配合单位：B〕`, `牵头单位：A 配合单位：B`,
 * `（A、B负责，C参与）`, `（各县区分别负责，全年持续推进）`.
 */
export function findResponsibility(
  text: string,
  units: UnitDirectory,
  options: ResponsibilityOptions = {},
): Responsibility | undefined {
  return (
    findBracketed(text, units, options.plain ?? "joint") ??
    findLabelled(text, units, options.plain ?? "joint")
  );
}

const ROLE_CLAUSE =
  /^(.{2,80}?)(?:牵头|负责|主责|主办|分别负责|落实)(?:[，、；](.{2,80}?)(?:参与|配合|协助|协同|协办|参加|按职责分工负责|负责))?$/;

function findBracketed(text: string, units: UnitDirectory, plain: PlainListRule): Responsibility | undefined {
  for (let i = text.length - 1; i >= 0; i--) {
    if (!OPENERS.includes(text[i] ?? "")) continue;
    const close = closingIndex(text, i);
    const end = close < 0 ? text.length : close;
    const inner = text.slice(i + 1, close < 0 ? text.length : close - 1);
    const cut = close < 0 ? withoutCutName : (list: UnitList): UnitList => list;
    // `（牵头领导：张三；牵头单位：…）`: the people named first are no units, and no reason to look away.
    const people = LEADING_PEOPLE.exec(inner)?.[0].length ?? 0;
    const fields = inner.slice(people);
    const labelled = new RegExp(`^(?:${LEAD_LABEL}|${CO_LABEL})[：:]`).exec(fields);
    // `（牵头单位：A；配合单位：B）`: several labels inside one bracket.
    if (labelled && [...fields.matchAll(LABEL)].length > 1) {
      const found = findLabelled(fields, units, plain);
      if (found) return { ...found, ...cut(found), start: i, end };
    }
    if (labelled) {
      const [sentence = "", ...notes] = splitSentences(fields.slice(labelled[0].length));
      // `（责任单位：A；完成时限：2024年6月）`: the list stops where the next field begins.
      const stop = sentence.search(VALUE_END);
      const list = stop >= 0 ? sentence.slice(0, stop) : sentence;
      const read = cut(readUnitList(list, units, plain));
      const coOnly = CO_LABEL_ONLY.test(labelled[0].replace(/[：:]$/, ""));
      return {
        ...read,
        ...(coOnly && { lead: [], co: [...read.lead, ...read.co], joint: false }),
        standingImplementers: standingImplementers(notes.join("。"), units),
        start: i,
        end,
      };
    }
    // `…。（国家中医药局、国家发展改革委、财政部`: the page ends inside the item's unit bracket, before
    // the word that says who leads; the names it kept are read as the document reads its lists.
    if (
      close < 0 &&
      !/[。；，：]/.test(inner) &&
      !CONTENTS.test(inner) &&
      looksLikeUnits(inner) &&
      allNamesLikeUnits(inner)
    ) {
      return {
        ...withoutCutName(readUnitList(inner, units, plain)),
        standingImplementers: [],
        start: i,
        end,
      };
    }
    // `…提升服务水平。（市卫健委、市医保局）`: a bracket of names only, closing the item, says who
    // answers for it, as a labelled list would.
    if (
      close >= 0 &&
      /^[。；，、\s]*$/.test(text.slice(close)) &&
      // `各开发区、镇（街道）`, `市妇幼保健院（市儿童医院）`: a bracket after a name is part of it.
      !UNIT_NAME_END.test(text.slice(Math.max(0, i - 12), i)) &&
      !/[。；：]/.test(inner) &&
      !CONTENTS.test(inner) &&
      everyNameLikeUnit(inner)
    ) {
      return { ...readUnitList(inner, units, plain), standingImplementers: [], start: i, end };
    }
    // `（A牵头，B参与）`, `（各县区分别负责，全年持续推进）`: the units, then perhaps a note.
    const [head = "", ...rest] = inner.split(/[。]/);
    const clauses = head.split("，");
    for (let k = clauses.length; k >= 1; k--) {
      const candidate = clauses.slice(0, k).join("，");
      if (ROLE_CLAUSE.test(candidate) && looksLikeUnits(candidate)) {
        return {
          ...cut(readUnitList(candidate, units, plain)),
          standingImplementers: standingImplementers(rest.join("。"), units),
          start: i,
          end,
        };
      }
    }
  }
  return undefined;
}

/** People named in a bracket before its units: `牵头领导：张三；`. */
const LEADING_PEOPLE = /^(?:[^：:；（）]{0,4}(?:领导|责任人|负责人|联系人)[：:][^；]*；)+/;
/** Where a labelled value stops: a full stop, or the next label on a line joined to it. */
const VALUE_END = new RegExp(`[。；]|\\s(?=\\S{2,8}[：:])|(?:${alternation(FIELD_LABELS)})[：:]`);

function findLabelled(text: string, units: UnitDirectory, plain: PlainListRule): Responsibility | undefined {
  const labels = [...text.matchAll(LABEL)];
  if (labels.length === 0) return undefined;
  const lead: string[] = [];
  const co: string[] = [];
  let joint = false;
  const first = labels[0]?.index ?? 0;
  let end = first;
  let leadNamed = false;
  // `牵头单位：A；配合单位：B；责任单位：C`: with the helpers named apart, 责任单位 answers for the task.
  const helpersNamed = labels.some((label) => CO_LABEL_ONLY.test(label[1] ?? ""));
  labels.forEach((label, k) => {
    const from = (label.index ?? 0) + label[0].length;
    const until = labels[k + 1]?.index ?? text.length;
    const value = text.slice(from, until).replace(/[。；，\s]+$/, "");
    const stop = value.search(VALUE_END);
    const duties = dutiesOf(value);
    const list = duties?.names ?? (stop >= 0 ? value.slice(0, stop) : value);
    end = from + (duties?.length ?? list.length);
    const name = label[1] ?? "";
    // After an explicit 牵头 label, 责任单位 lists the others who answer for the task.
    if (CO_LABEL_ONLY.test(name) || (leadNamed && !helpersNamed && !/牵头|主责|主体/.test(name))) {
      co.push(...units.tidyList(list.replace(SHARED_TAIL, "")));
      return;
    }
    leadNamed ||= /牵头|主责|主体/.test(name);
    const read = readUnitList(list, units, plain);
    lead.push(...read.lead);
    co.push(...read.co);
    joint ||= read.joint;
  });
  const leadUnits = unique(lead);
  return {
    lead: leadUnits,
    co: unique(co).filter((u) => !leadUnits.includes(u)),
    joint: joint || leadUnits.length > 1,
    standingImplementers: [],
    start: first,
    end,
    rule: "labelled",
  };
}

/**
 * `协办单位：市财政局负责安排资金。各县区政府、园区管委会负责…`: each unit named with its duty, a
 * sentence each. The names before each 负责, as one list; undefined when the value is a plain list.
 */
function dutiesOf(value: string): { names: string; length: number } | undefined {
  const names: string[] = [];
  let length = 0;
  for (const sentence of value.split(/(?<=。)/)) {
    const m = /^\s*([^，。；：]{2,60}?)负责(?!人)/.exec(sentence);
    if (!m?.[1] || !splitUnitList(m[1]).every((name) => UNIT_NAME_END.test(name))) break;
    names.push(m[1]);
    length += sentence.length;
  }
  return names.length > 0 ? { names: names.join("、"), length } : undefined;
}

function splitSentences(text: string): string[] {
  return text
    .split("。")
    .map((s) => s.trim())
    .filter(Boolean);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

const UNIT_PREFIX = "(?:省委|市委|县委|区委|国家|省|市|县|区|州|旗|镇|乡|各市|各县|各区|各镇|各乡)";
const PLACE_PREFIXED = new RegExp(`^(?:${UNIT_PREFIX}|各)`);
const MENTION = new RegExp(
  `(?<=^|[，。；、：（“\\s]|由|和|与|及|对|会同|联合|推动|推进|支持|指导|督促|依托)${UNIT_PREFIX}[\\u4e00-\\u9fa5（）]{0,12}?(?:${SUFFIX})(?=[，。；、：）”\\s]|牵头|负责|配合|会同|联合|协调|组织|推进|推动|指导|开展|制定|出台|印发|落实|建设|等|和|与|及|$)`,
  "g",
);
/** `X牵头做…`, `X、Y牵头`: units named as the lead inside the running text. */
const INLINE_LEAD = new RegExp(
  `(?<=^|[，。；：\\s]|由)((?:[\\u4e00-\\u9fa5（）]{2,20}?(?:${SUFFIX})(?:（[^）]{1,12}）)?、)*[\\u4e00-\\u9fa5（）]{2,20}?(?:${SUFFIX})(?:（[^）]{1,12}）)?)牵头(?!医院|单位|部门|的|建设|组建|成立)`,
  "g",
);

/** Unit names that running text mentions, for suggestions when a task has no responsible unit. */
export function mentionedUnits(text: string, units: UnitDirectory): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const end = (match.index ?? 0) + match[0].length;
    // `市妇幼保健院（市儿童医院）`: the match stops before its own closing bracket.
    const opened = (match[0].match(/（/g)?.length ?? 0) - (match[0].match(/）/g)?.length ?? 0);
    const written = opened === 1 && text[end] === "）" ? `${match[0]}）` : match[0];
    if (opened !== 0 && written === match[0]) continue;
    const name = units.tidy(written);
    if (!found.includes(name)) found.push(name);
  }
  for (const lead of inlineLeads(text, units)) if (!found.includes(lead)) found.push(lead);
  return found;
}

/** Units the text itself names as leading a piece of work: `市疾控中心牵头做好…`. */
export function inlineLeads(text: string, units: UnitDirectory): string[] {
  return inlineResponsibility(text, units).lead;
}

const NAME_LIST = `(?:[\\u4e00-\\u9fa5（）]{2,20}?(?:${SUFFIX})(?:（[^）]{1,12}）)?、)*[\\u4e00-\\u9fa5（）]{2,20}?(?:${SUFFIX})(?:（[^）]{1,12}）)?`;
/** `…牵头，B、C配合` and `…牵头，会同B、C…`: the units that help, right after the lead in running text. */
const INLINE_HELPERS = new RegExp(
  `^[，、]会同((?:${UNIT_PREFIX}|各)${NAME_LIST})(?=[，。；]|组织|共同|推进|开展|落实|实施)|^[，、](${NAME_LIST})(?:配合|参与|协助|协同)`,
);
/**
 * `由市急救中心负责`, and `市卫健委负责。` closing an item: the unit running text puts in charge.
 */
const PUT_IN_CHARGE = new RegExp(
  `(?<=^|[，。；：\\s])由(${NAME_LIST})(?:牵头)?负责(?!人|同志|的)|(?<=^|[。；])(${NAME_LIST})负责(?=[。；]|$)`,
  "g",
);

/**
 * The units running text names for a piece of work: `A牵头，B、C配合` (lead A, co B and C),
 * `由A负责` (lead A), `A牵头做好…` (lead A).
 */
export function inlineResponsibility(text: string, units: UnitDirectory): { lead: string[]; co: string[] } {
  const lead: string[] = [];
  const co: string[] = [];
  const add = (into: string[], list: string): void => {
    for (const name of units.tidyList(list)) if (!lead.includes(name) && !co.includes(name)) into.push(name);
  };
  const read = (match: RegExpMatchArray): void => {
    add(lead, match[1] ?? match[2] ?? "");
    const end = (match.index ?? 0) + match[0].length;
    const helpers = INLINE_HELPERS.exec(text.slice(end, end + 120));
    if (helpers) add(co, helpers[1] ?? helpers[2] ?? "");
  };
  for (const match of text.matchAll(INLINE_LEAD)) read(match);
  for (const match of text.matchAll(PUT_IN_CHARGE)) read(match);
  return { lead, co };
}
