/**
 * Responsible units: reading them from the clauses documents use, normalising their names, and
 * recognising unit names mentioned in running text.
 */

import type { UnitDirectory } from "../model";
import { splitUnitList } from "../model";

export interface Responsibility {
  lead: string[];
  co: string[];
  joint: boolean;
  /** Units a note says must carry out this and every later task (`以下均需…落实`). */
  standingImplementers: string[];
  /** Where the clause sits in the text it was found in. */
  start: number;
  end: number;
}

const OPENERS = "（〔【[";
const CLOSERS: Record<string, string> = { "（": "）", "〔": "〕", "【": "】", "[": "]" };

/** The index just past the bracket that closes the one at `open`, counting nested brackets. */
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
  return text.length;
}

const LEAD_LABEL =
  "(?:牵头责任单位|责任牵头单位|牵头单位|牵头部门|主责单位|主办单位|责任单位|责任部门|负责单位|牵头处室|责任处室|牵头科室|责任科室)";
const CO_LABEL =
  "(?:主要协作单位|协作单位|配合单位|配合部门|协办单位|参与单位|协同单位|参加单位|配合处室|协办处室)";
const LABEL = new RegExp(`(${LEAD_LABEL}|${CO_LABEL})：`, "g");
const CO_LABEL_ONLY = new RegExp(`^${CO_LABEL}$`);

/**
 * Reads a list of responsible units as documents write it: `A，B、C` (before the first comma lead),
 * `A、B按职责分工负责` (joint lead), `A（牵头）、B`, `A牵头，B配合`, `A、B负责，C参与`, `A牵头`.
 * Without any of these marks the first unit leads.
 */
export function readUnitList(
  list: string,
  units: UnitDirectory,
): Pick<Responsibility, "lead" | "co" | "joint"> {
  const joint = /(?:按职责分工负责|按职责分工落实|分别负责|共同负责)$/.test(list);
  const body = list.replace(/(?:按职责分工负责|按职责分工落实|分别负责|共同负责)$/, "");
  const byRole = /^(.+?)(?:牵头|负责)[，、；]?(.+?)(?:参与|配合|协助|协同|参加)$/.exec(body);
  if (byRole?.[1] && byRole[2]) {
    return { lead: names(byRole[1], units), co: names(byRole[2], units), joint: false };
  }
  const leadOnly = /^(.+?)(?:牵头负责|牵头)$/.exec(body);
  if (leadOnly?.[1]) return { lead: names(leadOnly[1], units), co: [], joint: false };
  if (joint) return { lead: names(body, units), co: [], joint: true };
  const parts = splitUnitList(body, "、，；/");
  const marked = parts.filter((p) => LEAD_MARK.test(p));
  if (marked.length > 0) {
    const lead = names(marked.map((p) => p.replace(LEAD_MARK, "")).join("、"), units);
    return {
      lead,
      co: names(parts.filter((p) => !LEAD_MARK.test(p)).join("、"), units),
      joint: lead.length > 1,
    };
  }
  const comma = topLevelIndexOf(body, "，");
  if (comma >= 0) {
    return {
      lead: names(body.slice(0, comma), units),
      co: names(body.slice(comma + 1), units),
      joint: false,
    };
  }
  const all = names(body, units);
  return { lead: all.slice(0, 1), co: all.slice(1), joint: false };
}

const LEAD_MARK = /[（(]牵头[）)]/;

/** `（市卫生健康委牵头）` names units; `（含中医）` or `（牵头医院负责）` does not. */
function looksLikeUnits(text: string): boolean {
  const first = splitUnitList(text.replace(/(?:牵头|负责).*$/, ""))[0] ?? "";
  return new RegExp(`${UNIT_SUFFIX}$`).test(first);
}

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

function names(list: string, units: UnitDirectory): string[] {
  return units.parseList(list);
}

/** Units named after `以下均需` / `均需` in a note: they implement every task from here on. */
function standingImplementers(notes: string, units: UnitDirectory): string[] {
  const match = /(?:以下|下列|各项任务)?均需(.+?)(?:落实|负责|实施)/.exec(notes);
  return match?.[1] ? names(match[1], units) : [];
}

/**
 * Finds the responsibility clause of a task, in any of the forms documents use:
 * `（责任单位：A，B、C）`, `〔责任单位:…〕`, `牵头单位：A 配合单位：B`, `（A、B负责，C参与）`.
 */
export function findResponsibility(text: string, units: UnitDirectory): Responsibility | undefined {
  const bracketed = findBracketed(text, units);
  if (bracketed) return bracketed;
  return findLabelled(text, units);
}

function findBracketed(text: string, units: UnitDirectory): Responsibility | undefined {
  for (let i = text.length - 1; i >= 0; i--) {
    if (!OPENERS.includes(text[i] ?? "")) continue;
    const end = closingIndex(text, i);
    const inner = text.slice(i + 1, end - 1);
    const labelled = new RegExp(`^${LEAD_LABEL}：`).exec(inner);
    // `（牵头单位：A；责任单位：B）`: several labels inside one bracket.
    if (labelled && [...inner.matchAll(LABEL)].length > 1) {
      const found = findLabelled(inner, units);
      if (found) return { ...found, start: i, end };
    }
    if (labelled) {
      const [list = "", ...notes] = splitSentences(inner.slice(labelled[0].length));
      return {
        ...readUnitList(list, units),
        standingImplementers: standingImplementers(notes.join("。"), units),
        start: i,
        end,
      };
    }
    if (
      /^[^（）]{2,60}?(?:牵头|负责)(?:[，、；].{2,80}?(?:参与|配合|协助|协同))?$/.test(inner) &&
      looksLikeUnits(inner)
    ) {
      return { ...readUnitList(inner, units), standingImplementers: [], start: i, end };
    }
  }
  return undefined;
}

function findLabelled(text: string, units: UnitDirectory): Responsibility | undefined {
  const labels = [...text.matchAll(LABEL)];
  if (labels.length === 0) return undefined;
  const lead: string[] = [];
  const co: string[] = [];
  let joint = false;
  const first = labels[0]?.index ?? 0;
  let end = first;
  let leadNamed = false;
  labels.forEach((label, k) => {
    const from = (label.index ?? 0) + label[0].length;
    const until = labels[k + 1]?.index ?? text.length;
    const value = text.slice(from, until).replace(/[。；，\s]+$/, "");
    // A value ends at a full stop or at the next label (`完成时限：`) on a line joined to it.
    const stop = value.search(
      /[。；]|(?:完成时限|完成时间|时间节点|时限要求|工作目标|责任领导|牵头领导|分管领导|联系人|备注)：/,
    );
    const list = stop >= 0 ? value.slice(0, stop) : value;
    end = from + list.length;
    // After an explicit 牵头 label, 责任单位 lists the others who answer for the task.
    if (CO_LABEL_ONLY.test(label[1] ?? "") || (leadNamed && !/牵头/.test(label[1] ?? ""))) {
      co.push(...names(list, units));
      return;
    }
    leadNamed ||= /牵头/.test(label[1] ?? "");
    const read = readUnitList(list, units);
    lead.push(...read.lead);
    co.push(...read.co);
    joint ||= read.joint;
  });
  return {
    lead: unique(lead),
    co: unique(co).filter((u) => !lead.includes(u)),
    joint,
    standingImplementers: [],
    start: first,
    end,
  };
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

const UNIT_SUFFIX =
  "(?:卫生健康委员会|卫生健康委|卫健委|委员会|人民政府|政府|办公室|办公厅|管理局|监管局|中心|医院|保健院|委|局|厅|办|院|集团|协会)";
const UNIT_PREFIX = "(?:省委|市委|县委|国家|省|市|县|区|州|各市|各县|各区)";
const MENTION = new RegExp(
  `(?<=^|[，。；、：（“\\s]|由|和|与|及|对|会同|联合|推动|推进|支持|指导|督促|依托)${UNIT_PREFIX}[\\u4e00-\\u9fa5（）]{0,12}?${UNIT_SUFFIX}(?=[，。；、：）”\\s]|牵头|负责|配合|会同|联合|协调|组织|推进|推动|指导|开展|制定|出台|印发|落实|建设|等|和|与|及|$)`,
  "g",
);
/** `X牵头做…`: a unit named as the lead inside the running text. */
const INLINE_LEAD = new RegExp(
  `(?<=^|[，。；：\\s])([\\u4e00-\\u9fa5（）]{2,20}?${UNIT_SUFFIX}(?:（[^）]{1,12}）)?)牵头(?!医院|单位|部门|的|建设|组建)`,
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
    const name = units.normalize(written);
    if (!found.includes(name)) found.push(name);
  }
  for (const lead of inlineLeads(text, units)) if (!found.includes(lead)) found.push(lead);
  return found;
}

/** Units the text itself names as leading a piece of work: `市疾控中心牵头做好…`. */
export function inlineLeads(text: string, units: UnitDirectory): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(INLINE_LEAD)) {
    const name = units.normalize(match[1] ?? "");
    if (name && !found.includes(name)) found.push(name);
  }
  return found;
}
