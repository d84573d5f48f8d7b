/**
 * The unit directory: the one place that decides when two written names are the same responsible
 * unit. The parser, 校对, the ledger reader, 分发 and 汇总 all take a directory, so `市卫健委` typed
 * into a cell and `市卫生健康委` in the document are one unit everywhere, and the aliases an office
 * added travel with its ledger (recorded in `_duban`).
 */

import { withoutInvisible } from "./text";

/** A number with what it counts: a quantity, which no unit's name holds. */
const QUANTITY_IN_NAME = /(?<![第\d.])\d+(?:\.\d+)?(?:万|亿)?(?:人次|人|名|个|家|项|%|元|户|所)/;

/** Canonical name → other names for the same unit. Users extend it with their own table. */
export type UnitAliases = Readonly<Record<string, readonly string[]>>;

export const DEFAULT_UNIT_ALIASES: UnitAliases = {
  省卫生健康委: ["省卫健委", "省卫生健康委员会", "省卫生和健康委员会"],
  市卫生健康委: ["市卫健委", "市卫生健康委员会"],
  人力资源社会保障厅: [
    "省人社厅",
    "人社厅",
    "省人力资源社会保障厅",
    "省人力资源和社会保障厅",
    "人力资源和社会保障厅",
  ],
  市人力资源社会保障局: ["市人社局", "市人力资源和社会保障局"],
  省发展改革委: ["省发改委", "省发展和改革委员会", "省发展改革委员会"],
  市发展改革委: ["市发改委", "市发展和改革委员会"],
  省医保局: ["省医疗保障局"],
  市医保局: ["市医疗保障局"],
  省中医药局: ["省中医药管理局"],
  省疾控局: ["省疾病预防控制局"],
  省疾控中心: ["省疾病预防控制中心"],
  市疾控中心: ["市疾病预防控制中心"],
  省市场监管局: ["省市场监督管理局"],
  省药监局: ["省药品监督管理局"],
  省委编办: ["省委机构编制委员会办公室"],
  经济和信息化厅: ["省经信厅", "省经济和信息化厅", "经信厅"],
  省国资委: ["省政府国资委"],
};

const SHORT_FORMS: readonly [RegExp, string][] = [
  [/卫健委$/, "卫生健康委"],
  [/卫健局$/, "卫生健康局"],
  [/发改委$/, "发展改革委"],
  [/人社局$/, "人力资源社会保障局"],
  [/人社厅$/, "人力资源社会保障厅"],
  [/市监局$/, "市场监管局"],
  // Provincial departments are named without 省 in provincial documents: 教育厅, 财政厅.
  [/^省(?=.+厅$)/, ""],
];

/** Spacing, invisible characters and bracket width removed, so that written variants compare equal. */
function squash(name: string): string {
  return withoutInvisible(name)
    .replace(/\s+/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/[。；，、：,;:.]+$/, "")
    .replace(/^[，、；：,;:]+/, "");
}

/** The separators between units in a list: documents use 、，；, people typing also `,` `;` `/` and new lines. */
const LIST_SEPARATORS = "、，；,;/／\n";

/** Splits a list of units at top-level separators, never inside `各市（州、县）`. */
const CLOSING_WORDS = /等(?:相关|有关)?(?:部门|单位)(?:[、和及与](?:部门|单位))+/g;

export function splitUnitList(text: string, separators = LIST_SEPARATORS): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  /** Where in `current` the bracket still open began. */
  let opened = 0;
  // `A、B等部门、单位` closes the list: 部门 and 单位 are no units of their own.
  for (const ch of text.replace(CLOSING_WORDS, "等")) {
    if (ch === "（" || ch === "(") {
      if (depth === 0) opened = current.length;
      depth++;
    } else if ((ch === "）" || ch === ")") && depth > 0) depth--;
    if (depth === 0 && separators.includes(ch)) {
      if (current.trim()) parts.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (depth > 0) {
    // A bracket the page cut off never closes: the separators after it still part names, so a list
    // reads the same however often it is written into a cell and read back.
    const [first = "", ...rest] = current.slice(opened).split(new RegExp(`[${separators}]`));
    for (const part of [current.slice(0, opened) + first, ...rest]) if (part.trim()) parts.push(part.trim());
  } else if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Units in one cell are joined with 、, as documents list them. */
export const UNIT_SEPARATOR = "、";

/** A name without what is not part of it: `由`, `请` before; `等单位`, `负责` after. */
function bare(name: string): string {
  return squash(name)
    .replace(/^(?:由|请)/, "")
    .replace(/(?:等(?:单位|部门)?|按职责分工负责|按职责分工落实|分别负责|负责)$/, "");
}

export class UnitDirectory {
  private readonly canonical = new Map<string, string>();
  private readonly own = new Map<string, string>();

  /** `extra`: the office's own aliases, on top of the built-in table; kept to be recorded in the ledger. */
  constructor(readonly extra: UnitAliases = {}) {
    for (const table of [DEFAULT_UNIT_ALIASES, extra]) {
      for (const [name, aliases] of Object.entries(table)) {
        const clean = squash(name);
        this.canonical.set(clean, clean);
        for (const alias of aliases) this.canonical.set(squash(alias), clean);
        if (table === extra) for (const alias of [name, ...aliases]) this.own.set(squash(alias), clean);
      }
    }
  }

  /** Any written form of a unit's name → its canonical form; "" for a name with nothing in it. */
  normalize(name: string): string {
    const clean = bare(name);
    const known = this.canonical.get(clean);
    if (known) return known;
    const expanded = SHORT_FORMS.reduce((current, [pattern, by]) => current.replace(pattern, by), clean);
    return this.canonical.get(expanded) ?? expanded;
  }

  /**
   * A name as the document writes it, tidied (spacing, brackets, invisible characters, a trailing
   * 等), with only the office's own aliases applied: what the parser reports, so 校对 shows the
   * document's words; the ledger then files every name under its canonical form.
   */
  tidy(name: string): string {
    const clean = bare(name);
    return this.own.get(clean) ?? clean;
  }

  /** `tidy` over a written list, in order, without repeats or blanks. */
  tidyList(text: string): string[] {
    const units: string[] = [];
    for (const part of splitUnitList(text)) {
      const name = this.tidy(part);
      // `完成在职参保人数6300人` is a target that ran into a unit column, not a unit (`120急救中心` is).
      if (name && !QUANTITY_IN_NAME.test(name) && !units.includes(name)) units.push(name);
    }
    return units;
  }

  /** `市疾控中心、市卫健委，市医保局` → canonical names, in order, without repeats or blanks. */
  parseList(text: string): string[] {
    return this.names(splitUnitList(text));
  }

  /** Canonical names of written ones, in order, without repeats or blanks. */
  names(written: Iterable<string>): string[] {
    const units: string[] = [];
    for (const part of written) {
      const name = this.normalize(part);
      if (name && !units.includes(name)) units.push(name);
    }
    return units;
  }

  same(a: string, b: string): boolean {
    return this.normalize(a) === this.normalize(b);
  }

  /** The list as people write it in documents and in the 台账. */
  format(units: readonly string[]): string {
    return units.join(UNIT_SEPARATOR);
  }

  /** A directory with more aliases on top of this one's. */
  with(extra: UnitAliases): UnitDirectory {
    const merged: Record<string, string[]> = {};
    for (const table of [this.extra, extra]) {
      for (const [name, aliases] of Object.entries(table))
        merged[name] = [...(merged[name] ?? []), ...aliases];
    }
    return new UnitDirectory(merged);
  }
}

/** The directory with only the built-in aliases. */
export const DEFAULT_UNITS = new UnitDirectory();
