import type { Ledger, Period, StatusGroup } from "../model";
import { GROUP_WORDS, groupOf, isValidIsoDate } from "../model";
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
  onPaceCount,
  rollupBySection,
  rollupByUnit,
} from "../progress";
import { detailAttachment, rankingAttachment } from "./attachments";
import {
  bookTitle,
  chineseNumeral,
  deadlinePhrase,
  formatPercent,
  joinNames,
  sectionName,
  targetAndActual,
  withoutClosingPunctuation,
} from "./phrases";
import type { ReportBlock, ReportDoc, ReportFigures, ReportParagraph, ReportRun } from "./types";

export interface ReportOptions {
  period: Period;
  /** ISO date of issue, printed under the 落款. */
  date: string;
  /** Inserted into the title: `关于2024年第三季度{scope}重点工作推进情况的通报`. */
  scope: string;
  /** 主送, ending with `：`. */
  recipients: string;
  /** 落款. When absent, the issuer of the ledger's first document that names one. */
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
  /**
   * Units known to have sent nothing for the period (the 汇总 of 填报 workbooks knows them, co-units
   * and joint leads included); named as 未报送 after the lead units of tasks nobody reported.
   */
  unitsWithoutReport?: readonly string[];
}

export type ReportInput = Pick<ReportOptions, "period" | "date"> &
  Partial<Omit<ReportOptions, "period" | "date">>;

export const DEFAULT_REPORT_OPTIONS: Omit<ReportOptions, "period" | "date"> = {
  scope: "",
  recipients: "各有关单位：",
  status: DEFAULT_STATUS_OPTIONS,
  listLimit: 30,
  praise: false,
};

const FALLBACK_ISSUER = "督查督办办公室";
const OPENING_FORMULA = "现将有关情况通报如下：";
const DETAIL_TITLE = "重点工作任务推进情况明细表";
const RANKING_TITLE = "各单位重点工作推进情况排名表";

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
  { ok: true; report: ReportDoc } | { ok: false; code: ReportErrorCode; message: string };

const paragraph = (...runs: ReportRun[]): ReportParagraph => ({ kind: "paragraph", runs });
const text = (value: string): ReportRun => ({ text: value });
const subheading = (value: string): ReportRun => ({ text: value, role: "subheading" });
const item = (value: string): ReportRun => ({ text: value, role: "item" });

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

/**
 * `已完成A项、占比a%；达到序时进度B项…` in the standard order. 已完成, 达到 and 未达到序时进度 are always
 * given; 逾期未完成 and 未报送 only when there are any.
 */
function shareClauses(counts: StatusCounts): string {
  const total = counts.total;
  const clause = (group: StatusGroup): string =>
    `${GROUP_WORDS[group]}${counts.groups[group]}项、占比${formatPercent(counts.groups[group], total)}%`;
  const parts = [
    clause("complete"),
    `${clause("onPace")}（序时进度指截至本期末已过时间占任务计划周期的比例，下同）`,
    clause("behind") + (counts["未启动"] > 0 ? `（其中未启动${counts["未启动"]}项）` : ""),
  ];
  if (counts.groups.overdue > 0) parts.push(clause("overdue"));
  if (counts.groups.unreported > 0) parts.push(clause("unreported"));
  return parts.join("；");
}

function overview(
  assessment: PeriodAssessment,
  counts: StatusCounts,
  change: PeriodChange | undefined,
): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "heading", text: "一、总体情况" }];
  blocks.push(
    paragraph(
      text(
        `列入本次通报的目标任务共${counts.total}项。截至${assessment.period.endLabel}，${shareClauses(counts)}。`,
      ),
    ),
  );
  if (change) {
    const word = assessment.period.previousWord;
    const caughtUp = change.caughtUp.length > 0 ? `，${change.caughtUp.length}项由滞后转为按序时推进` : "";
    blocks.push(
      paragraph(
        text(
          `与${word}相比，新增完成${change.newlyComplete.length}项，新增滞后${change.newlyBehind.length}项${caughtUp}。`,
        ),
      ),
    );
  }
  const sections = rollupBySection(assessment);
  if (sections.length > 1) {
    // The same groups as the overview above: 逾期 is its own group there, so it is here.
    const clauses = sections.map(({ section, counts: c }) => {
      const parts = (["complete", "onPace", "behind", "overdue"] as const)
        .filter((group) => group !== "overdue" || c.groups.overdue > 0)
        .map((group) => `${GROUP_WORDS[group]}${c.groups[group]}项`);
      return `“${sectionName(section)}”${c.total}项，${parts.join("、")}`;
    });
    blocks.push(paragraph(text(`分篇章看，${clauses.join("；")}。`)));
  }
  return blocks;
}

/** Units that lead at least one row, worst first: lowest on-schedule share, then most rows behind. */
function unitsBehind(units: readonly UnitRollup[]): UnitRollup[] {
  return units
    .filter((u) => attentionCount(u.lead) > 0)
    .sort((a, b) => a.onPaceShare - b.onPaceShare || attentionCount(b.lead) - attentionCount(a.lead));
}

function unitCountsText(unit: UnitRollup): string {
  const counts = unit.lead;
  const parts = (["进度滞后", "逾期未完成", "未启动"] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => `${status}${counts[status]}项`);
  return `牵头${counts.total}项，其中${parts.join("、")}`;
}

/** The units the 通报 names, decided once for the text and the figures alike. */
interface NamedUnits {
  /** Units that lead at least one row, in ranking order. */
  ranked: UnitRollup[];
  /** All led rows complete or on schedule. */
  commended: UnitRollup[];
  /** Some led rows behind or overdue, worst first. */
  behind: UnitRollup[];
  /** Some led rows not reported, in ranking order. */
  missing: string[];
}

function nameUnits(units: readonly UnitRollup[], unitsWithoutReport: readonly string[] = []): NamedUnits {
  const ranked = units.filter((u) => u.rank !== undefined);
  const leadsOfMissingRows = ranked.filter((u) => u.lead["未报送"] > 0).map((u) => u.unit);
  return {
    ranked,
    commended: ranked.filter((u) => onPaceCount(u.lead) === u.lead.total),
    behind: unitsBehind(ranked),
    missing: [...leadsOfMissingRows, ...unitsWithoutReport.filter((u) => !leadsOfMissingRows.includes(u))],
  };
}

function unitsPart({ ranked, commended, behind }: NamedUnits, options: ReportOptions): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "heading", text: "二、各单位推进情况" }];
  if (ranked.length === 0) {
    blocks.push(paragraph(text("本期台账中的任务均未明确牵头单位，暂无法按单位排名。")));
    return blocks;
  }

  const onPacePercent = (u: UnitRollup): string => `${formatPercent(onPaceCount(u.lead), u.lead.total)}%`;
  const leaders = ranked.filter((u) => u.onPaceShare > 0).slice(0, 3);
  const only = ranked.length === 1 ? ranked[0] : undefined;
  const basis = "按各单位牵头任务中已完成和达到序时进度的比例排序（详见附件2），";
  blocks.push(
    paragraph(
      subheading("（一）总体排名。"),
      text(
        only
          ? `${only.unit}牵头任务中已完成和达到序时进度的比例为${onPacePercent(only)}（详见附件2）。`
          : leaders.length === 0
            ? `${basis}本期各单位牵头任务均未完成或达到序时进度。`
            : `${basis}${joinNames(leaders.map((u) => `${u.unit}（${onPacePercent(u)}）`))}${leaders.length === 1 ? "位列第一" : `位列前${leaders.length}名`}。`,
      ),
    ),
  );

  const praise = options.praise ? "，予以通报表扬" : "";
  blocks.push(
    paragraph(
      subheading("（二）推进较好的单位。"),
      text(
        commended.length === 0
          ? "本期没有牵头任务全部完成或达到序时进度的单位。"
          : commended.length === 1
            ? `${commended[0]?.unit ?? ""}牵头的${commended[0]?.lead.total ?? 0}项任务全部完成或达到序时进度${praise}。`
            : `${listWithLimit(
                commended.map((u) => u.unit),
                options.listLimit,
              )}等${commended.length}个单位牵头的任务全部完成或达到序时进度${praise}。`,
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
      text(`${behind.length}个单位有牵头任务未达到序时进度或逾期未完成，按比例由低到高依次为：`),
    ),
  );
  behind.slice(0, options.listLimit).forEach((unit, index) => {
    blocks.push(paragraph(item(`${index + 1}.${unit.unit}：`), text(`${unitCountsText(unit)}。`)));
  });
  if (behind.length > options.listLimit) {
    blocks.push(paragraph(text(`另有${behind.length - options.listLimit}个单位，详见附件2。`)));
  }
  return blocks;
}

/** `甲、乙、丙` up to the limit; the count after `等` says how many there are in all. */
function listWithLimit(names: readonly string[], limit: number): string {
  return joinNames(names.slice(0, limit));
}

function rowList(rows: readonly RowAssessment[], limit: number): ReportBlock[] {
  const blocks: ReportBlock[] = rows.slice(0, limit).map((row, index) => {
    const notStarted = row.status === "未启动" ? "，尚未启动" : "";
    return paragraph(
      item(`${index + 1}.${rowSubject(row)}`),
      text(`${evidence(row)}${notStarted}${leadUnitsClause(row)}。`),
    );
  });
  if (rows.length > limit) blocks.push(paragraph(text(`另有${rows.length - limit}项，详见附件1。`)));
  return blocks;
}

function problemsPart(
  assessment: PeriodAssessment,
  missingUnits: readonly string[],
  options: ReportOptions,
): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "heading", text: "三、存在问题" }];
  const lagging = assessment.rows.filter((r) => groupOf(r.status) === "behind");
  const overdue = assessment.rows.filter((r) => groupOf(r.status) === "overdue");
  const missingRows = assessment.rows.filter((r) => groupOf(r.status) === "unreported");
  const reportedProblems = assessment.rows.filter(
    (r) => !r.carried && r.entry !== undefined && r.entry.problems.trim() !== "",
  );
  // What a unit sent against itself is said, never counted silently (核对 in 进度填报).
  const toCheck = assessment.rows.filter((r) => r.check !== "");

  if (
    lagging.length +
      overdue.length +
      missingRows.length +
      missingUnits.length +
      reportedProblems.length +
      toCheck.length ===
    0
  ) {
    blocks.push(
      paragraph(text("本期各项任务均已完成或达到序时进度，未发现进度滞后、逾期未完成和未报送的情况。")),
    );
    return blocks;
  }
  let number = 0;
  const next = (title: string): ReportRun => subheading(`（${chineseNumeral(++number)}）${title}`);
  if (lagging.length > 0) {
    blocks.push(paragraph(next("部分任务未达到序时进度。"), text(`共${lagging.length}项：`)));
    blocks.push(...rowList(lagging, options.listLimit));
  }
  if (overdue.length > 0) {
    blocks.push(paragraph(next("部分任务逾期未完成。"), text(`共${overdue.length}项，已超过完成时限：`)));
    blocks.push(...rowList(overdue, options.listLimit));
  }
  if (missingRows.length > 0 || missingUnits.length > 0) {
    const who =
      missingUnits.length === 0
        ? "部分未明确牵头单位的任务未报送"
        : missingUnits.length === 1
          ? `${missingUnits[0] ?? ""}未按要求报送`
          : `${listWithLimit(missingUnits, options.listLimit)}等单位未按要求报送`;
    const rows = missingRows.length > 0 ? `，涉及任务${missingRows.length}项` : "";
    blocks.push(paragraph(next("部分单位未按时报送。"), text(`${who}${rows}。`)));
  }
  if (reportedProblems.length > 0) {
    blocks.push(paragraph(next("单位反映的主要困难。")));
    reportedProblems.slice(0, options.listLimit).forEach((row, index) => {
      const said = withoutClosingPunctuation(row.entry?.problems ?? "");
      blocks.push(
        paragraph(
          item(`${index + 1}.${joinNames(row.row.leadUnits) || "有关单位"}反映`),
          text(`（${row.row.task}）：${said}。`),
        ),
      );
    });
    if (reportedProblems.length > options.listLimit) {
      blocks.push(paragraph(text(`另有${reportedProblems.length - options.listLimit}条，详见附件1。`)));
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
      blocks.push(paragraph(text(`另有${toCheck.length - options.listLimit}项，详见附件1。`)));
    }
  }
  return blocks;
}

/** What the 核对 word means for how the row was counted. */
function checkSentence(row: RowAssessment): string {
  const status = `按“${row.status}”统计`;
  switch (row.check) {
    case "完成值不是数字":
      return `完成值“${row.entry?.actualText ?? ""}”不是数字，未按数字判定，${status}`;
    case "只报了状态，未报完成值":
      return `只报了状态“${row.entry?.statusText ?? row.entry?.status ?? ""}”，未报完成值，${status}`;
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
export function buildReport(ledger: Ledger, input: ReportInput): BuildReportResult {
  // The thresholds the workbook's 设置 sheet holds, unless the caller sets others.
  const options: ReportOptions = {
    ...DEFAULT_REPORT_OPTIONS,
    ...(ledger.statusOptions && { status: ledger.statusOptions }),
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

  const issuer = options.issuer?.trim() || ledger.documents.find((d) => d.issuer)?.issuer || FALLBACK_ISSUER;
  const counts = countStatuses(assessment.rows);
  const named = nameUnits(rollupByUnit(assessment), options.unitsWithoutReport);

  const body: ReportBlock[] = [
    openingParagraph(ledger, assessment, issuer, options.opening),
    ...overview(assessment, counts, change),
    ...unitsPart(named, options),
    ...problemsPart(assessment, named.missing, options),
    ...requirementsPart(options.requirements ?? defaultRequirements(issuer)),
  ];

  const figures: ReportFigures = {
    period: assessment.period,
    periodEnd: assessment.period.end,
    counts,
    missingUnits: named.missing,
    commendedUnits: named.commended.map((u) => u.unit),
    namedUnits: named.behind.map((u) => u.unit),
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
    attachments: [
      { title: DETAIL_TITLE, table: detailAttachment(assessment) },
      { title: RANKING_TITLE, table: rankingAttachment(named.ranked) },
    ],
    issuer,
    date: options.date,
    ...(options.note?.trim() ? { note: options.note.trim() } : {}),
    figures,
  };
  return { ok: true, report };
}
