import type { Ledger, LedgerRow, Period } from "../model";
import {
  DEFAULT_ISSUER,
  DEFAULT_RECIPIENTS,
  GROUP_WORDS,
  PACE_RATE_DEFINITION,
  PACE_RATE_WORD,
  STATUS_GROUPS,
  chineseDate,
  groupOf,
  isValidIsoDate,
  meetsSchedule,
} from "../model";
import type {
  PeriodAssessment,
  PeriodChange,
  RowAssessment,
  StatusCounts,
  StatusOptions,
  UnitRollup,
} from "../progress";
import {
  DEFAULT_STATUS_OPTIONS,
  assessLedger,
  attentionCount,
  compareWithPrevious,
  countStatuses,
  hasReport,
  judgedPeriodEnd,
  onPaceCount,
  rollupBySection,
  rollupByUnit,
  scheduleShare,
  share,
} from "../progress";
import { detailAttachment, rankingAttachment } from "./attachments";
import {
  bookTitle,
  chineseNumeral,
  deadlinePhrase,
  formatPercent,
  joinNames,
  quotedNames,
  rowName,
  sectionName,
  targetAndActual,
  withoutClosingPunctuation,
} from "./phrases";
import type {
  ReportAttachment,
  ReportBlock,
  ReportDoc,
  ReportFigures,
  ReportParagraph,
  ReportRun,
} from "./types";

export interface ReportOptions {
  period: Period;
  /** ISO date of issue, printed under the 落款. */
  date: string;
  /** Inserted into the title: `关于2024年第三季度{scope}重点工作推进情况的通报`. */
  scope: string;
  /** 主送, ending with `：`. */
  recipients: string;
  /** 落款, and who speaks in the opening. The office's own: `DEFAULT_ISSUER` when unset, never the policy document's. */
  issuer?: string;
  /** Replaces the opening paragraph; `现将有关情况通报如下：` is added when missing. */
  opening?: string;
  /** 四、下步工作要求, one phrase per item, printed `一是…；二是…。`. Defaults: `defaultRequirements`. */
  requirements?: string[];
  status: StatusOptions;
  /** Most tasks or units a list in the text names before pointing to the attachment for the rest. */
  listLimit: number;
  /** Adds `予以通报表扬` for units whose tasks are all on schedule; offices use it sparingly. */
  praise: boolean;
  /** 附注 under the date, without brackets. */
  note?: string;
}

export type ReportInput = Pick<ReportOptions, "period" | "date"> &
  Partial<Omit<ReportOptions, "period" | "date">>;

export const DEFAULT_REPORT_OPTIONS: Omit<ReportOptions, "period" | "date"> = {
  scope: "",
  recipients: DEFAULT_RECIPIENTS,
  status: DEFAULT_STATUS_OPTIONS,
  listLimit: 30,
  praise: false,
};

const OPENING_FORMULA = "现将有关情况通报如下：";
/** How many places the ranking sentence names: the usual 前3名, with every unit tied for them. */
const RANKING_PLACES = 3;

/** Two detail tables, as offices split them: what needs pushing (未报送 included), and what is on schedule. */
const ATTACHMENT_TITLES = {
  attention: `${GROUP_WORDS.behind}、${GROUP_WORDS.overdue}和${GROUP_WORDS.unreported}任务明细表`,
  meets: `${GROUP_WORDS.complete}和${GROUP_WORDS.onPace}任务明细表`,
  ranking: "各单位重点工作推进情况排名表",
} as const;

/** The standard three: rectify what lags, report on time, and the office's own follow-up. */
export function defaultRequirements(issuer: string): string[] {
  return [
    "加快推进滞后任务，对未达到序时进度和逾期未完成的目标任务，相关牵头单位要认真分析原因，倒排工期、压实责任，加大推进力度，确保按时保质完成",
    "按时准确报送进展，各责任单位要按照时间节点如实报送完成值和进展情况，配合单位要主动对接、形成合力，未按要求报送的单位要及时补报",
    `强化跟踪督办，${issuer}将对进度滞后和逾期未完成的任务进行重点督查，督查情况纳入年度目标绩效考核`,
  ];
}

export type ReportErrorCode = "invalid-date" | "empty-ledger";

export type BuildReportResult =
  | {
      ok: true;
      report: ReportDoc;
      /** True when nobody set a 发文单位 and the 通报 signs with `DEFAULT_ISSUER`: the caller says so. */
      issuerIsDefault: boolean;
    }
  | { ok: false; code: ReportErrorCode; message: string };

const paragraph = (...runs: ReportRun[]): ReportParagraph => ({ kind: "paragraph", runs });
const text = (value: string): ReportRun => ({ text: value });
const subheading = (value: string): ReportRun => ({ text: value, role: "subheading" });
const item = (value: string): ReportRun => ({ text: value, role: "item" });

/** Where each attachment landed: `附件2`, or undefined when there was nothing to put in it. */
type AttachmentKey = keyof typeof ATTACHMENT_TITLES;
type AttachmentNumbers = Partial<Record<AttachmentKey, number>>;

const seeAttachment = (numbers: AttachmentNumbers, key: AttachmentKey): string =>
  numbers[key] === undefined ? "" : `（详见附件${numbers[key]}）`;

/** The row's task as named in lists: `任务：指标` when the indicator adds something. */
function rowSubject(row: RowAssessment): string {
  const { task, metric } = row.row;
  return metric && metric !== task && !task.includes(metric) ? `${task}：${metric}` : task;
}

/** `，牵头单位：甲、乙` or `，牵头单位未明确`. */
function leadUnitsClause(row: RowAssessment): string {
  return row.row.leadUnits.length > 0 ? `，牵头单位：${joinNames(row.row.leadUnits)}` : "，牵头单位未明确";
}

/** What a list entry quotes back: the target and the actual, or the deadline for rows judged by date. */
function evidence(row: RowAssessment): string {
  const quoted = targetAndActual(row.row, row.entry?.actual);
  return quoted || (row.row.deadline ? deadlinePhrase(row.row.deadline) : "");
}

/** `甲、乙等3个单位`: every name up to the limit, and how many there are in all. */
function unitsPhrase(names: readonly string[], limit: number): string {
  if (names.length === 1) return names[0] ?? "";
  return `${joinNames(names.slice(0, limit))}等${names.length}个单位`;
}

/**
 * `达到序时进度18项、占比62.1%；…` in the standard order, leaving out the groups with no rows: a
 * 通报 does not say `已完成0项`.
 */
function shareClauses(counts: StatusCounts): string {
  return STATUS_GROUPS.filter((group) => counts.groups[group] > 0)
    .map((group) => {
      const n = counts.groups[group];
      const notStarted =
        group === "behind" && counts["未启动"] > 0
          ? counts["未启动"] === n
            ? "（均未启动）"
            : `（其中未启动${counts["未启动"]}项）`
          : "";
      return `${GROUP_WORDS[group]}${n}项、占比${formatPercent(n, counts.total)}%${notStarted}`;
    })
    .join("；");
}

/** `新增完成2项，1项由滞后转为按序时推进`, leaving out what did not happen. */
function changeSentence(change: PeriodChange, counts: StatusCounts, word: string): string {
  const parts = [
    change.newlyComplete.length > 0 ? `新增完成${change.newlyComplete.length}项` : "",
    change.newlyBehind.length > 0 ? `新增未达到序时进度或逾期${change.newlyBehind.length}项` : "",
    change.caughtUp.length > 0 ? `${change.caughtUp.length}项由滞后转为按序时推进` : "",
  ].filter((part) => part !== "");
  const before = formatPercent(onPaceCount(change.previousCounts), change.previousCounts.total);
  const now = formatPercent(onPaceCount(counts), counts.total);
  const trend =
    before === now
      ? `已完成和达到序时进度的任务占比与${word}持平（${now}%）`
      : `已完成和达到序时进度的任务占比由${before}%${Number(now) > Number(before) ? "提高" : "下降"}到${now}%`;
  return parts.length > 0
    ? `与${word}相比，${parts.join("，")}；${trend}。`
    : `与${word}相比，没有新增完成或新增滞后的任务，${trend}。`;
}

/** The value most rows share, or undefined when none has one. */
function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const tally = new Map<string, number>();
  for (const value of values) if (value !== undefined) tally.set(value, (tally.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, n] of tally) if (best === undefined || n > (tally.get(best) ?? 0)) best = value;
  return best;
}

/**
 * The rule the statuses were judged by, with a number a reader can check: the 序时进度 of the
 * deadline most tasks share (a plan running to 2025 is not three-quarters due in September 2024).
 */
function paceRule(assessment: PeriodAssessment, periodEnd: string, options: StatusOptions): string {
  const planStart = mostCommon(assessment.rows.map((r) => r.planStart)) ?? `${periodEnd.slice(0, 4)}-01-01`;
  const usual = mostCommon(
    assessment.rows.map((r) => r.row.deadline).filter((d) => d !== undefined && d > periodEnd),
  );
  const deadline = usual ?? `${periodEnd.slice(0, 4)}-12-31`;
  const pace = formatPercent(scheduleShare({ planStart, periodEnd }, deadline), 1);
  const tolerance =
    options.paceTolerance > 0
      ? `，低于序时进度不超过${formatPercent(options.paceTolerance, 1).replace(/\.0$/, "")}个百分点的也计为达到序时进度`
      : "";
  const complete =
    options.completeAt === 1 ? "" : `，完成率达到${formatPercent(options.completeAt, 1)}%计为已完成`;
  return `序时进度指截至本期末已过时间占任务计划周期的比例，完成时限为${chineseDate(deadline)}的任务截至${chineseDate(periodEnd)}的序时进度为${pace}%；完成率不低于序时进度的计为达到序时进度${tolerance}${complete}（下同）。`;
}

/** The problems an overall judgement names after `但也存在`, in the order the 通报 lists them. */
function problemKinds(counts: StatusCounts, missingUnits: readonly string[]): string[] {
  const few = (n: number): string => (n <= 2 ? "个别" : "部分");
  const behind = counts.groups.behind - counts["未启动"];
  return [
    behind > 0 ? `${few(behind)}任务进度滞后` : "",
    counts["未启动"] > 0 ? `${few(counts["未启动"])}任务尚未启动` : "",
    counts.groups.overdue > 0 ? `${few(counts.groups.overdue)}任务逾期未完成` : "",
    missingUnits.length > 0 ? `${few(missingUnits.length)}单位未按要求报送` : "",
  ].filter((kind) => kind !== "");
}

/** 总体看: how the period went, from the share on schedule, then what is wrong. */
function judgement(counts: StatusCounts, missingUnits: readonly string[]): string {
  const meets = share(onPaceCount(counts), counts.total);
  const percent = formatPercent(onPaceCount(counts), counts.total);
  const problems = problemKinds(counts, missingUnits);
  if (problems.length === 0) return `总体看，各项目标任务推进顺利，均已完成或达到序时进度。`;
  const overall =
    meets >= 0.9
      ? "各项目标任务推进总体顺利"
      : meets >= 0.7
        ? "各项目标任务推进总体有序"
        : meets >= 0.5
          ? "各项目标任务推进总体平稳"
          : "各项目标任务推进总体偏慢";
  return `总体看，${overall}，已完成和达到序时进度的任务占${percent}%；但也存在${joinNames(problems)}等问题，需要引起重视。`;
}

function overview(
  assessment: PeriodAssessment,
  periodEnd: string,
  counts: StatusCounts,
  change: PeriodChange | undefined,
  missingUnits: readonly string[],
  options: ReportOptions,
): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "heading", text: "一、总体情况" }];
  blocks.push(
    paragraph(
      text(
        `列入本次通报的目标任务共${counts.total}项。截至${chineseDate(periodEnd)}，${shareClauses(counts)}。${paceRule(assessment, periodEnd, options.status)}`,
      ),
    ),
  );
  if (change) blocks.push(paragraph(text(changeSentence(change, counts, assessment.period.previousWord))));
  const sections = rollupBySection(assessment);
  if (sections.length > 1) {
    // The same groups as the overview, none left out, so each section's counts add up to its total.
    const clauses = sections.map(({ section, counts: c }) => {
      const parts = STATUS_GROUPS.filter((group) => c.groups[group] > 0).map(
        (group) => `${GROUP_WORDS[group]}${c.groups[group]}项`,
      );
      return `“${sectionName(section)}”${c.total}项，${parts.join("、")}`;
    });
    blocks.push(paragraph(text(`分篇章看，${clauses.join("；")}。`)));
  }
  blocks.push(paragraph(text(judgement(counts, missingUnits))));
  return blocks;
}

/** Units that lead at least one row behind or overdue, worst first: lowest share on schedule, then most rows behind. */
function unitsBehind(units: readonly UnitRollup[]): UnitRollup[] {
  return units
    .filter((u) => attentionCount(u.lead) > 0)
    .sort((a, b) => a.onPaceShare - b.onPaceShare || attentionCount(b.lead) - attentionCount(a.lead));
}

/** The units the 通报 names, decided once for the text and the figures alike. */
interface NamedUnits {
  /** Units that lead at least one row, in ranking order (ranked first, then too small to rank). */
  leading: UnitRollup[];
  /** Units that lead enough rows to be ranked. */
  ranked: UnitRollup[];
  /** All led rows complete or on schedule. */
  commended: UnitRollup[];
  /** Some led rows behind or overdue, worst first. */
  behind: UnitRollup[];
}

function nameUnits(units: readonly UnitRollup[]): NamedUnits {
  const leading = units.filter((u) => u.lead.total > 0);
  return {
    leading,
    ranked: leading.filter((u) => u.rank !== undefined),
    commended: leading.filter((u) => onPaceCount(u.lead) === u.lead.total),
    behind: unitsBehind(leading),
  };
}

const paceRate = (u: UnitRollup): string => `${formatPercent(onPaceCount(u.lead), u.lead.total)}%`;

/** `甲、乙并列第1名（各牵头3项，序时推进率均为100.0%）`: one place, every unit that holds it. */
function placePhrase(place: readonly UnitRollup[], limit: number): string {
  const first = place[0];
  if (!first) return "";
  if (place.length === 1) {
    return `${first.unit}位列第${first.rank ?? 1}名（牵头${first.lead.total}项，${PACE_RATE_WORD}${paceRate(first)}）`;
  }
  const totals = [...new Set(place.map((u) => u.lead.total))];
  const led =
    totals.length === 1
      ? `各牵头${totals[0] ?? 0}项`
      : `分别牵头${place.map((u) => u.lead.total).join("项、")}项`;
  const names =
    place.length > limit
      ? unitsPhrase(
          place.map((u) => u.unit),
          limit,
        )
      : joinNames(place.map((u) => u.unit));
  const shown =
    place.length > limit
      ? `${PACE_RATE_WORD}均为${paceRate(first)}`
      : `${led}，${PACE_RATE_WORD}均为${paceRate(first)}`;
  return `${names}并列第${first.rank ?? 1}名（${shown}）`;
}

function rankingSentence(named: NamedUnits, options: ReportOptions, numbers: AttachmentNumbers): string {
  const minimum = Math.max(1, options.status.rankMinTasks);
  const small = minimum > 1 ? `；牵头任务不足${minimum}项的单位不参与排名` : "";
  const rule = `按各单位牵头任务的${PACE_RATE_WORD}（${PACE_RATE_DEFINITION}）排名，${PACE_RATE_WORD}相同的按完成率，仍相同的并列${small}${seeAttachment(numbers, "ranking")}。`;
  const { ranked, leading } = named;
  if (ranked.length === 0) return `${rule}本期各单位牵头任务均不足${minimum}项，不作排名。`;
  const unranked = leading.length - ranked.length;
  const others = unranked > 0 ? `另有${unranked}个单位牵头任务不足${minimum}项，未参与排名。` : "";
  if (ranked.length === 1) {
    const only = ranked[0] as UnitRollup;
    return `${rule}参与排名的仅${only.unit}（牵头${only.lead.total}项，${PACE_RATE_WORD}${paceRate(only)}）。${others}`;
  }
  if (ranked.every((u) => u.onPaceShare === 0 && u.completeShare === 0)) {
    return `${rule}本期参与排名的${ranked.length}个单位牵头任务均未完成或达到序时进度。${others}`;
  }
  const places = new Map<number, UnitRollup[]>();
  // A place held with nothing on schedule is no distinction: the sentence stops before it.
  for (const unit of ranked) {
    if ((unit.rank ?? Infinity) > RANKING_PLACES || (unit.onPaceShare === 0 && unit.completeShare === 0))
      break;
    const place = places.get(unit.rank ?? 0);
    if (place) place.push(unit);
    else places.set(unit.rank ?? 0, [unit]);
  }
  const phrases = [...places.values()].map((place) => placePhrase(place, options.listLimit));
  return `${rule}${phrases.join("；")}。${others}`;
}

/**
 * `牵头4项，序时推进率25.0%；“甲”“乙”进度滞后，“丙”尚未启动。`: the unit's own tasks named inline, so
 * each line says what is behind rather than only how much.
 */
function unitBehindSentence(unit: UnitRollup, limit: number, nameOf: (row: RowAssessment) => string): string {
  const kinds = [
    { word: "进度滞后", rows: unit.leadRows.filter((r) => r.status === "进度滞后") },
    { word: "尚未启动", rows: unit.leadRows.filter((r) => r.status === "未启动") },
    { word: "逾期未完成", rows: unit.leadRows.filter((r) => r.status === "逾期未完成") },
    { word: "未报送进展", rows: unit.leadRows.filter((r) => r.status === "未报送") },
  ].filter((kind) => kind.rows.length > 0);
  const named = kinds.map(({ word, rows }) => {
    const names = [...new Set(rows.map(nameOf))];
    const listed = quotedNames(names.slice(0, limit));
    return names.length > limit ? `${listed}等${rows.length}项${word}` : `${listed}${word}`;
  });
  return `牵头${unit.lead.total}项，${PACE_RATE_WORD}${paceRate(unit)}；${named.join("，")}。`;
}

/**
 * How running text names a row: by its task, or by its indicator when the task has several rows
 * (`强化市县医院区域引领作用` has four; `新建省级临床重点专科` is the one behind).
 */
function rowNamer(rows: readonly RowAssessment[]): (row: RowAssessment) => string {
  const perTask = new Map<string, number>();
  for (const { row } of rows) perTask.set(row.task, (perTask.get(row.task) ?? 0) + 1);
  return ({ row }) => rowName((perTask.get(row.task) ?? 0) > 1 ? row : { task: row.task, metric: "" });
}

function unitsPart(
  named: NamedUnits,
  options: ReportOptions,
  numbers: AttachmentNumbers,
  nameOf: (row: RowAssessment) => string,
): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "heading", text: "二、各单位推进情况" }];
  if (named.leading.length === 0) {
    blocks.push(paragraph(text("本期台账中的任务均未明确牵头单位，暂无法按单位排名。")));
    return blocks;
  }
  blocks.push(paragraph(subheading("（一）总体排名。"), text(rankingSentence(named, options, numbers))));

  const { commended, behind } = named;
  const praise = options.praise ? "，予以通报表扬" : "";
  blocks.push(
    paragraph(
      subheading("（二）推进较好的单位。"),
      text(
        commended.length === 0
          ? "本期没有牵头任务全部完成或达到序时进度的单位。"
          : commended.length === 1
            ? `${commended[0]?.unit ?? ""}牵头的${commended[0]?.lead.total ?? 0}项任务全部完成或达到序时进度${praise}。`
            : `${unitsPhrase(
                commended.map((u) => u.unit),
                options.listLimit,
              )}牵头的任务全部完成或达到序时进度${praise}。`,
      ),
    ),
  );

  if (behind.length === 0) {
    blocks.push(
      paragraph(
        subheading("（三）进度滞后的单位。"),
        text("本期各单位牵头任务均未出现进度滞后或逾期未完成。"),
      ),
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      subheading("（三）进度滞后的单位。"),
      text(
        behind.length === 1
          ? `${behind[0]?.unit ?? ""}有牵头任务未达到序时进度或逾期未完成：`
          : `${behind.length}个单位有牵头任务未达到序时进度或逾期未完成，按${PACE_RATE_WORD}由低到高依次为：`,
      ),
    ),
  );
  behind.slice(0, options.listLimit).forEach((unit, index) => {
    blocks.push(
      paragraph(
        item(`${index + 1}.${unit.unit}：`),
        text(unitBehindSentence(unit, Math.min(5, options.listLimit), nameOf)),
      ),
    );
  });
  if (behind.length > options.listLimit) {
    blocks.push(
      paragraph(text(`另有${behind.length - options.listLimit}个单位${seeAttachment(numbers, "ranking")}。`)),
    );
  }
  return blocks;
}

function rowList(rows: readonly RowAssessment[], limit: number, see: string): ReportBlock[] {
  const blocks: ReportBlock[] = rows.slice(0, limit).map((row, index) => {
    const notStarted = row.status === "未启动" ? "，尚未启动" : "";
    return paragraph(
      item(`${index + 1}.${rowSubject(row)}`),
      text(`${evidence(row)}${notStarted}${leadUnitsClause(row)}。`),
    );
  });
  if (rows.length > limit) blocks.push(paragraph(text(`另有${rows.length - limit}项${see}。`)));
  return blocks;
}

/**
 * Units counted as having reported this period: a report names its unit (a merged form, or 报送单位
 * typed in the ledger) or, when it names none of the row's units, speaks for the row's lead units.
 */
function unitsThatReported(ledger: Pick<Ledger, "rows" | "progress">, period: Period): Set<string> {
  const rows = new Map<string, LedgerRow>(ledger.rows.map((row) => [row.id, row]));
  const reported = new Set<string>();
  for (const entry of ledger.progress) {
    const row = rows.get(entry.rowId);
    if (!row || entry.period !== period.key || !hasReport(entry)) continue;
    const by = entry.reportedBy.trim();
    if (row.leadUnits.includes(by) || row.coUnits.includes(by)) reported.add(by);
    else for (const unit of row.leadUnits) reported.add(unit);
  }
  return reported;
}

/**
 * 未报送, from the rows nobody reported: their lead units that sent nothing at all this period, and
 * those that sent some of their rows but not these. A co-unit is never named for a lead's row.
 */
interface Unreported {
  rows: RowAssessment[];
  /** Lead units of unreported rows that reported nothing this period, in ranking order. */
  silent: string[];
  /** Lead units of unreported rows that reported others, with how many of theirs are missing. */
  partial: { unit: string; missing: number }[];
  /** Rows nobody reported that name no lead unit. */
  withoutLead: number;
}

function findUnreported(
  assessment: PeriodAssessment,
  ledger: Pick<Ledger, "rows" | "progress">,
  order: readonly UnitRollup[],
): Unreported {
  const rows = assessment.rows.filter((r) => groupOf(r.status) === "unreported");
  const reported = unitsThatReported(ledger, assessment.period);
  const missing = new Map<string, number>();
  for (const row of rows)
    for (const unit of new Set(row.row.leadUnits)) missing.set(unit, (missing.get(unit) ?? 0) + 1);
  const units = order.map((u) => u.unit).filter((unit) => missing.has(unit));
  return {
    rows,
    silent: units.filter((unit) => !reported.has(unit)),
    partial: units
      .filter((unit) => reported.has(unit))
      .map((unit) => ({ unit, missing: missing.get(unit) ?? 0 })),
    withoutLead: rows.filter((r) => r.row.leadUnits.length === 0).length,
  };
}

function unreportedSentence(unreported: Unreported, options: ReportOptions, see: string): string {
  const { rows, silent, partial, withoutLead } = unreported;
  const silentRows = rows.filter((r) => r.row.leadUnits.some((unit) => silent.includes(unit))).length;
  const parts = [
    silent.length > 0
      ? `${unitsPhrase(silent, options.listLimit)}本期未报送任何进展（涉及任务${silentRows}项）`
      : "",
    partial.length > 0
      ? `${joinNames(partial.slice(0, options.listLimit).map((p) => `${p.unit}（缺报${p.missing}项）`))}${partial.length > options.listLimit ? `等${partial.length}个单位` : ""}报送不全`
      : "",
    withoutLead > 0 ? `${withoutLead}项未明确牵头单位的任务无人报送` : "",
  ].filter((part) => part !== "");
  return `共${rows.length}项任务本期未报送进展${see}。其中，${parts.join("；")}。`;
}

/** Who a problem is said by: the unit the report names, else the row's one lead unit. */
function problemSpeaker(row: RowAssessment): string {
  const by = row.entry?.reportedBy.trim() ?? "";
  if (by && (row.row.leadUnits.includes(by) || row.row.coUnits.includes(by))) return by;
  return row.row.leadUnits.length === 1 ? (row.row.leadUnits[0] ?? "") : "牵头单位";
}

function problemsPart(
  assessment: PeriodAssessment,
  unreported: Unreported,
  options: ReportOptions,
  numbers: AttachmentNumbers,
): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "heading", text: "三、存在问题" }];
  const lagging = assessment.rows.filter((r) => groupOf(r.status) === "behind");
  const overdue = assessment.rows.filter((r) => groupOf(r.status) === "overdue");
  const reportedProblems = assessment.rows.filter(
    (r) => !r.carried && r.entry !== undefined && r.entry.problems.trim() !== "",
  );
  // What a unit sent against itself is said, never counted silently (核对 in 进度填报).
  const toCheck = assessment.rows.filter((r) => r.check !== "");

  if (
    lagging.length + overdue.length + unreported.rows.length + reportedProblems.length + toCheck.length ===
    0
  ) {
    blocks.push(
      paragraph(text("本期各项任务均已完成或达到序时进度，未发现进度滞后、逾期未完成和未报送的情况。")),
    );
    return blocks;
  }
  const attention = seeAttachment(numbers, "attention");
  let number = 0;
  const next = (title: string): ReportRun => subheading(`（${chineseNumeral(++number)}）${title}`);
  if (lagging.length > 0) {
    blocks.push(paragraph(next("部分任务未达到序时进度。"), text(`共${lagging.length}项：`)));
    blocks.push(...rowList(lagging, options.listLimit, attention));
  }
  if (overdue.length > 0) {
    blocks.push(paragraph(next("部分任务逾期未完成。"), text(`共${overdue.length}项，已超过完成时限：`)));
    blocks.push(...rowList(overdue, options.listLimit, attention));
  }
  if (unreported.rows.length > 0) {
    blocks.push(
      paragraph(
        next("部分单位未按时报送。"),
        text(unreportedSentence(unreported, options, seeAttachment(numbers, "attention"))),
      ),
    );
  }
  if (reportedProblems.length > 0) {
    blocks.push(paragraph(next("单位反映的主要困难。")));
    reportedProblems.slice(0, options.listLimit).forEach((row, index) => {
      const said = withoutClosingPunctuation(row.entry?.problems ?? "");
      blocks.push(
        paragraph(item(`${index + 1}.${problemSpeaker(row)}反映`), text(`（${row.row.task}）：${said}。`)),
      );
    });
    if (reportedProblems.length > options.listLimit) {
      blocks.push(
        paragraph(text(`另有${reportedProblems.length - options.listLimit}条，见附件各任务的“完成情况”。`)),
      );
    }
  }
  if (toCheck.length > 0) {
    blocks.push(
      paragraph(
        next("部分任务填报需核实。"),
        text(`共${toCheck.length}项，填报内容前后不一致，本通报按下列说明统计，请相关单位核实后重新报送：`),
      ),
    );
    toCheck.slice(0, options.listLimit).forEach((row, index) => {
      blocks.push(
        paragraph(
          item(`${index + 1}.${row.row.task}`),
          text(`（牵头单位：${joinNames(row.row.leadUnits) || "未明确"}）：${checkSentence(row)}。`),
        ),
      );
    });
    if (toCheck.length > options.listLimit) {
      blocks.push(paragraph(text(`另有${toCheck.length - options.listLimit}项，见附件各任务的“完成情况”。`)));
    }
  }
  return blocks;
}

/** The attachments that have rows, numbered in order: the rows behind first, the ranking last. */
function attachmentsOf(
  assessment: PeriodAssessment,
  named: NamedUnits,
): { attachments: ReportAttachment[]; numbers: AttachmentNumbers } {
  const candidates: {
    key: AttachmentKey;
    rows: readonly unknown[];
    make: () => ReportAttachment["table"];
  }[] = [];
  const meets = assessment.rows.filter((r) => meetsSchedule(r.status));
  const attention = assessment.rows.filter((r) => !meetsSchedule(r.status));
  candidates.push(
    { key: "attention", rows: attention, make: () => detailAttachment(attention) },
    { key: "meets", rows: meets, make: () => detailAttachment(meets) },
    { key: "ranking", rows: named.leading, make: () => rankingAttachment(named.leading) },
  );
  const attachments: ReportAttachment[] = [];
  const numbers: AttachmentNumbers = {};
  for (const candidate of candidates) {
    if (candidate.rows.length === 0) continue;
    attachments.push({ title: ATTACHMENT_TITLES[candidate.key], table: candidate.make() });
    numbers[candidate.key] = attachments.length;
  }
  return { attachments, numbers };
}

/** What the 核对 word means for how the row was counted. */
function checkSentence(row: RowAssessment): string {
  const status = `按“${row.status}”统计`;
  switch (row.check) {
    case "完成值不是数字":
      return `完成值“${row.entry?.actualText ?? ""}”不是数字，未按数字判定，${status}`;
    case "只报了状态，未报完成值": {
      const said = row.entry?.statusText ?? row.entry?.status;
      return said ? `只报了状态“${said}”，未报完成值，${status}` : `只报了进展情况，未报完成值，${status}`;
    }
    case "填报状态不在列表中":
      return `填报状态“${row.entry?.statusText ?? ""}”不在列表中，未按该状态计，${status}`;
    case "填报状态与完成值不符":
      return `填报状态“${row.entry?.status ?? ""}”与完成值不符，按完成值${status}`;
    case "":
      return status;
  }
}

function requirementsPart(requirements: readonly string[]): ReportBlock[] {
  const items = requirements.map(withoutClosingPunctuation).filter((r) => r !== "");
  const joined = items.map((r, index) => `${chineseNumeral(index + 1)}是${r}`).join("；");
  return [{ kind: "heading", text: "四、下步工作要求" }, paragraph(text(`${joined}。`))];
}

function openingParagraph(
  ledger: Pick<Ledger, "documents" | "title">,
  assessment: PeriodAssessment,
  issuer: string,
  custom?: string,
): ReportParagraph {
  if (custom !== undefined) {
    const trimmed = custom.trim();
    return paragraph(
      text(
        trimmed.endsWith(OPENING_FORMULA)
          ? trimmed
          : `${withoutClosingPunctuation(trimmed)}。${OPENING_FORMULA}`,
      ),
    );
  }
  const titles = ledger.documents.map((d) => bookTitle(d.title)).join("");
  const basis = titles || bookTitle(ledger.title);
  return paragraph(
    text(
      `为推动${basis}确定的各项目标任务落地见效，按照重点工作督查督办有关要求，${issuer}对截至${assessment.period.endLabel}各项目标任务推进情况进行了调度。${OPENING_FORMULA}`,
    ),
  );
}

/** Builds the 通报 for one period from the ledger's reports. Problems with the input come back as data. */
/** Builds the 通报 for one period from the ledger's reports. Problems with the input come back as data. */
export function buildReport(ledger: Ledger, input: ReportInput): BuildReportResult {
  // The workbook's 设置 sheet holds the thresholds and the office's own 通报 settings; the caller's win.
  const settings = ledger.reportSettings ?? {};
  const options: ReportOptions = {
    ...DEFAULT_REPORT_OPTIONS,
    ...(ledger.statusOptions && { status: ledger.statusOptions }),
    ...(settings.scope !== undefined && { scope: settings.scope }),
    ...(settings.recipients !== undefined && { recipients: settings.recipients }),
    ...(settings.issuer !== undefined && { issuer: settings.issuer }),
    ...input,
  };
  if (!isValidIsoDate(options.date)) {
    return {
      ok: false,
      code: "invalid-date",
      message: `成文日期“${options.date}”无效，请写成 2024-10-08 的形式。`,
    };
  }
  if (ledger.rows.length === 0) {
    return { ok: false, code: "empty-ledger", message: "台账中没有任务，无法生成通报。" };
  }
  const assessment = assessLedger(ledger, options.period, options.status);
  const previous = assessLedger(ledger, options.period.previous(), options.status);
  const change = compareWithPrevious(assessment, previous);
  const periodEnd = judgedPeriodEnd(options.period, ledger.period, options.status);

  const setIssuer = options.issuer?.trim() ?? "";
  const issuer = setIssuer || DEFAULT_ISSUER;
  const counts = countStatuses(assessment.rows);
  const units = rollupByUnit(assessment, options.status.rankMinTasks);
  const named = nameUnits(units);
  const unreported = findUnreported(assessment, ledger, units);
  const missingUnits = [...unreported.silent, ...unreported.partial.map((p) => p.unit)];
  const { attachments, numbers } = attachmentsOf(assessment, named);

  const body: ReportBlock[] = [
    openingParagraph(ledger, assessment, issuer, options.opening),
    ...overview(assessment, periodEnd, counts, change, missingUnits, options),
    ...unitsPart(named, options, numbers, rowNamer(assessment.rows)),
    ...problemsPart(assessment, unreported, options, numbers),
    ...requirementsPart(options.requirements ?? defaultRequirements(issuer)),
  ];

  const figures: ReportFigures = {
    period: assessment.period,
    periodEnd,
    counts,
    missingUnits,
    commendedUnits: named.commended.map((u) => u.unit),
    namedUnits: named.behind.map((u) => u.unit),
    ranking: named.leading.map((u) => ({
      unit: u.unit,
      ...(u.rank !== undefined && { rank: u.rank }),
      led: u.lead.total,
      onSchedule: onPaceCount(u.lead),
    })),
    ...(change
      ? {
          change: {
            previousPeriod: change.previousPeriod,
            newlyComplete: change.newlyComplete.length,
            newlyBehind: change.newlyBehind.length,
            caughtUp: change.caughtUp.length,
          },
        }
      : {}),
  };

  // The break falls before the fixed words, so the subject of each line stays whole (GB/T 9704 7.3.3).
  const titleLines = [`关于${assessment.period.titleLabel}${options.scope.trim()}`, "重点工作推进情况的通报"];
  const report: ReportDoc = {
    title: titleLines.join(""),
    titleLines,
    recipients: options.recipients.trim().replace(/[:：]?$/, "："),
    body,
    attachments,
    issuer,
    date: options.date,
    ...(options.note?.trim() ? { note: options.note.trim() } : {}),
    figures,
  };
  return { ok: true, report, issuerIsDefault: setIssuer === "" };
}
