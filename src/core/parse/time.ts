/** Deadlines (`6月底前`, `年底前`, `到2025年`) and the tense of a sentence. */

import { PROJECT_STAGES, alternation } from "./lexicon";
import { chineseNumber } from "./numbers";

export interface DeadlineMatch {
  start: number;
  end: number;
  /** ISO date. */
  date: string;
  /**
   * A horizon is a year standing alone before a comma (`到2025年，…`) and dates the rest of the
   * sentence; otherwise the deadline belongs to its own clause (`6月底前实现…`), or to the next one
   * when it stands alone (`9月底前，完成…`).
   */
  horizon: boolean;
}

const MONTH = "(\\d{1,2}|十[一二]?|[一二三四五六七八九])";
/**
 * The ways documents date a piece of work, as an ordered list of named rules, each with named
 * groups: the year (`y…`), the month (`m…`), the day, a half-year or quarter. The first rule that
 * matches at a place wins.
 */
const DEADLINE_RULES: readonly [string, string][] = [
  ["day", `(?:到|至|于)?(?:(?<yDay>20\\d{2})年)?(?<mDay>${MONTH})月(?<day>\\d{1,2})日(?:前|之前|以前)`],
  [
    "month-before",
    `(?:到|至|于)?(?:(?<yBefore>20\\d{2})年)?(?<mBefore>${MONTH})月(?:底|末)?(?:前|之前|以前)`,
  ],
  ["month-end", `(?:到|至)(?:(?<yEnd>20\\d{2})年)?(?<mEnd>${MONTH})月(?:底|末)`],
  ["month-on", `(?:将于|于|在)(?:今年|(?<yOn>20\\d{2})年)?(?<mOn>${MONTH})月份?(?:底|末|中旬|下旬|上旬)?`],
  [
    "month-action",
    `(?<yAct>20\\d{2})年(?<mAct>${MONTH})月份?(?=[\\u4e00-\\u9fa5]{2})(?!份|底|末|前|以来|起|至|到)`,
  ],
  // `5月份开工建设`, `10月竣工`: a month right before a project's stage dates that stage.
  [
    "month-stage",
    `(?<![\\d年])(?<mStage>${MONTH})月份?(?:底|末|中旬|下旬|上旬)?(?=${alternation(PROJECT_STAGES)})`,
  ],
  ["year-end", `(?:到|至|于)?(?<yYearEnd>20\\d{2})年(?:底|末)(?:前|之前)?`],
  ["by-year", `(?:到|至)(?<yBy>20\\d{2})年(?!\\d|度)`],
  ["year-before", `(?<yYearBefore>20\\d{2})年(?:前|之前|以前)`],
  // `2025年，综合干预覆盖比例达95%以上`: a year that opens a part of the sentence is its horizon.
  ["leading-year", `(?<=^|[；：])(?<yLead>20\\d{2})年(?=，)`],
  ["aimed-year", `(?<=力争|确保|争取|计划|预计|拟|将于|将在)(?<yAim>20\\d{2})年(?![\\d底末度])`],
  ["this-year", `(?:到|至|于)?(?<![\\d年])年(?:底|末|内)(?:前|之前)?`],
  [
    "half-or-quarter",
    `(?:(?<yHalf>20\\d{2})年)?(?:第)?(?<half>上半年|下半年|[一二三四1-4]季度)(?:末|底)?(?:前|之前)?`,
  ],
];
const DEADLINE = new RegExp(DEADLINE_RULES.map(([, pattern]) => pattern).join("|"), "g");

const pad = (n: number): string => String(n).padStart(2, "0");

export function endOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

function monthNumber(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : chineseNumber(text);
  return value !== undefined && value >= 1 && value <= 12 ? value : undefined;
}

const HALF_OR_QUARTER: Record<string, number> = {
  上半年: 6,
  下半年: 12,
  一季度: 3,
  "1季度": 3,
  二季度: 6,
  "2季度": 6,
  三季度: 9,
  "3季度": 9,
  四季度: 12,
  "4季度": 12,
};

/** Every deadline phrase in `text`, dated against the document's year when it names none. */
export function findDeadlines(text: string, documentYear: number): DeadlineMatch[] {
  const found: DeadlineMatch[] = [];
  for (const m of text.matchAll(DEADLINE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const date = dateOf(m, documentYear);
    if (!date) continue;
    // Only a year can be a horizon; `9月底前，完成…` dates the clause after it.
    const yearLevel = !/月|季度|半年/.test(m[0]);
    found.push({ start, end, date, horizon: yearLevel && text[end] === "，" });
  }
  return found;
}

function dateOf(m: RegExpMatchArray, documentYear: number): string | undefined {
  const g = m.groups ?? {};
  const year = (group: string | undefined): number => (group ? Number(group) : documentYear);
  if (g.day !== undefined) {
    const month = monthNumber(g.mDay);
    return month ? `${year(g.yDay)}-${pad(month)}-${pad(Number(g.day))}` : undefined;
  }
  for (const [y, mo] of [
    [g.yBefore, g.mBefore],
    [g.yEnd, g.mEnd],
    [g.yOn, g.mOn],
    [g.yAct, g.mAct],
    [undefined, g.mStage],
  ] as const) {
    if (mo === undefined) continue;
    const month = monthNumber(mo);
    return month ? endOfMonth(year(y), month) : undefined;
  }
  for (const y of [g.yYearEnd, g.yBy, g.yYearBefore, g.yLead, g.yAim])
    if (y !== undefined) return `${y}-12-31`;
  if (g.half !== undefined) {
    const month = HALF_OR_QUARTER[g.half];
    return month ? endOfMonth(year(g.yHalf), month) : undefined;
  }
  return `${documentYear}-12-31`;
}

/** Plans and commitments, unmistakable. */
const FUTURE =
  /力争|确保|(?<!行动|年度|投资|工作|实施)计划(?:于|在|到|将|年内|今年|明年|新增|新建|完成|实现|\d)|争取|拟|预计|今年(?!以来)|明年|下一步|未来|力求|到20\d{2}年|目标是|将要|将会|即将|要(?:求|坚持)?(?:在|把|以|确保|加快|推动|推进|实现|完成|做好|建立)/;
/** `将` is the future unless it is the object marker of `将X纳入Y`. */
const WEAK_FUTURE =
  /将(?![^，。；]{0,30}?(?:引入|纳入|融入|建设成|打造成|作为|列入|转化为|送到|用于|建成))|要(?!求|点|素|害)/;
/** Results, facts, reviews. */
const PAST =
  /已经|截至|截止|自从|(?<![到将])至\d{1,2}月(?:底|末)|已(?:建成|完成|开工|实现|覆盖|达到|投入)|(?<!年内|年底前|月底前)完成投资|提前[^，。；]{0,6}完成|(?<![为除据到])了(?!解)|取得(?![^，。；]{0,8}(?:率|比例))|荣获|获评|获批|先后|相继|曾(?:经|因|被|获|在|于|多次)|超额完成|(?<!支持|扶持|帮助|促进|引导)成功(?![^，。；]{0,4}率)|过去|近年来|以来|较合作前|翻一番|位居|名列|正在(?:施工|建设|推进|实施|办理|进行|开展)|完成[^，。；]{0,12}(?:目标|任务|计划)[^，。；]{0,4}的\d/;
/** `已` alone may be an attribute (`已定级医疗机构`), so it yields to an imperative verb. */
const WEAK_PAST = /(?<![不尚早])已(?![成有])/;
const IMPERATIVE = /推动|推进|加快|加大|加强|深化|实施|开展|健全|完善|落实|提升|提高/;

export type Tense = "past" | "future" | "neutral";

/**
 * The year a sentence sets as its topic by opening with it (`2018年，全市…`), which the sentences
 * after it in the paragraph share until another opens with a year: a look back at last year.
 */
export function topicYear(sentence: string): number | undefined {
  // `报告指出，2023年，…`: after the words that say who reports, the year still sets the topic.
  const m =
    /^(?:[“"（(]?)(?:[^，。；]{0,8}(?:指出|介绍|表示|显示|回顾|称|说)[，,：:])?(20\d{2})年(?:以来|上半年|全年|度)?[，,]/.exec(
      sentence,
    );
  return m ? Number(m[1]) : undefined;
}

/**
 * The tense of one sentence: explicit plans first, then years earlier than the document's and
 * markers of completed action, then a bare `将`/`要`, then a bare `已`.
 */
export function tenseOf(sentence: string, documentYear: number): Tense {
  if (FUTURE.test(sentence)) return "future";
  // `落实《…2023年工作要点》`: a year in a document's title says nothing of the sentence's time.
  for (const m of sentence
    .replace(/《[^《》]*》/g, "《》")
    .matchAll(/(?<![到至—\-~《（\d])(20\d{2})年(?![底末前度])/g)) {
    if (Number(m[1]) < documentYear) return "past";
  }
  if (PAST.test(sentence)) return "past";
  if (WEAK_FUTURE.test(sentence)) return "future";
  if (WEAK_PAST.test(sentence)) return IMPERATIVE.test(sentence) ? "neutral" : "past";
  return "neutral";
}

/**
 * `截至2016年底，我市老年人口达160万人，预计到2020年…`: a sentence may report before it plans; the
 * clauses from a `截至` of a past year, or from a `继…` (the event a plan follows on from), are the
 * report, until a clause of the future.
 */
export function opensReport(clause: string, documentYear: number): boolean {
  // `继今年1月…正式开诊，…还将推进…`: the event it follows on from has happened.
  if (/^继(?!续|承|而)/.test(clause)) return true;
  const m = /^(?:截至|截止)(?:到)?(20\d{2})年/.exec(clause);
  return m !== null && Number(m[1]) < documentYear;
}

/** True when a clause speaks of the future by its own words (`预计到2020年`, `力争`). */
export function speaksOfFuture(clause: string): boolean {
  return FUTURE.test(clause);
}

/** True when a heading announces a look back: `过去五年`, `2022年工作回顾`, `主要成效`. */
export function isRetrospectiveHeading(title: string, documentYear: number): boolean {
  if (/过去|回顾|成效|成绩|成果|总结|取得/.test(title)) return true;
  const years = [...title.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1]));
  return years.length > 0 && years.every((y) => y < documentYear);
}
