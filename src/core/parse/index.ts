/**
 * Policy text → PlanDocument. The pipeline, after eemeli/yaml's: normalise → lex (paragraphs) →
 * parse (skeleton of sections and items) → compose (tasks, units, indicators, diagnostics).
 * Never throws on user input: problems come back as diagnostics.
 */

import type {
  Diagnostic,
  DiagnosticCode,
  Indicator,
  PlanDocument,
  Section,
  Severity,
  Span,
  Task,
} from "../model";
import { DEFAULT_UNITS, IdAllocator, LineIndex, readDate, shortHash, type UnitDirectory } from "../model";
import { extractIndicators, targetCell, type IndicatorCandidate } from "./indicators";
import { isFurniture, lex, toNormalizedOffset, type Paragraph } from "./lexer";
import { TITLE_ENDINGS, alternation, type ColumnRole } from "./lexicon";
import { endsLikeUnit } from "./table";
import { normalize, type NormalizedText } from "./normalize";
import { buildSkeleton, itemTitle, type SectionNode, type Skeleton, type TaskNode } from "./structure";
import { endOfMonth, findDeadlines, isRetrospectiveHeading, tenseOf } from "./time";
import {
  findResponsibility,
  inlineLeads,
  inlineResponsibility,
  mentionedUnits,
  plainListRuleOf,
  readUnitList,
  type PlainListRule,
} from "./units";

export { normalize } from "./normalize";
export { type ColumnRole, roleOfHeader } from "./lexicon";
export {
  MEASURE_UNIT_HEADER,
  type YearColumn,
  cellFit,
  endsLikeUnit,
  isHeader,
  targetSentence,
  withHelpers,
  yearColumns,
} from "./table";
export { isFurniture } from "./lexer";

export interface ParseOptions {
  /** File name or label, kept in the result. */
  sourceName?: string;
  /** The unit directory names are normalised with (default: the built-in aliases). */
  units?: UnitDirectory;
  /** The year to assume when the document names none (default: the current year). */
  fallbackYear?: number;
  /**
   * The text is a table adopted from a sheet (`src/core/adopt`): its first `|` row is the header and
   * these are its columns' roles, as mapped; cells stay in their columns.
   */
  columns?: readonly ColumnRole[];
}

/** Larger inputs are refused: no policy document comes near it, and the pane must stay responsive. */
export const MAX_INPUT_CHARS = 20_000_000;

export function parseDocument(source: string, options: ParseOptions = {}): PlanDocument {
  const refusal = refuse(source);
  // A refused text is not hashed whole: it may be enormous.
  const id = shortHash(refusal ? source.slice(0, 65536) : source);
  const base = {
    id,
    title: "",
    year: options.fallbackYear ?? new Date().getFullYear(),
    kind: "prose" as const,
    sections: [],
    tasks: [],
    indicators: [],
    ...(options.sourceName !== undefined && { sourceName: options.sourceName }),
  };
  if (refusal) return { ...base, horizon: `${base.year}-12-31`, diagnostics: [refusal] };

  const normalized = normalize(source);
  const paragraphs = lex(normalized.text);
  const composer = new Composer(source, normalized, paragraphs, id, options);
  return composer.compose(base.year);
}

function refuse(source: string): Diagnostic | undefined {
  if (source.length > MAX_INPUT_CHARS) {
    return diagnostic(
      "input-too-large",
      "error",
      `文件过大（${Math.round(source.length / 1e6)} 百万字符），无法作为政策文件解析。`,
    );
  }
  if (!source.trim()) return diagnostic("empty-input", "error", "文件为空：没有可解析的文字。");
  const sample = source.slice(0, 65536);
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0 || code === 0xfffd || (code < 0x20 && code !== 9 && code !== 10 && code !== 13))
      suspicious++;
  }
  if (suspicious > 0 && suspicious / sample.length > 0.01) {
    return diagnostic(
      "binary-input",
      "error",
      "这不是文本文件（内容像是二进制数据）。请提供 .txt、.md 或 .docx 文件，或直接粘贴文字。",
    );
  }
  return undefined;
}

function diagnostic(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  span?: Span,
  lines?: LineIndex,
): Diagnostic {
  return { code, severity, message, ...(span && lines && { at: lines.at(span) }) };
}

const DEADLINE_LABEL = /(?:完成时限|完成时间|时间节点|时限要求)：([^\n。；]+)/;

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

class Composer {
  private readonly units: UnitDirectory;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly ids: IdAllocator;
  private readonly lines: LineIndex;
  private readonly plainLists: PlainListRule;
  /** What a task with no deadline of its own is due by; set once the year is known. */
  private horizon = "";

  constructor(
    private readonly source: string,
    private readonly normalized: NormalizedText,
    private readonly paragraphs: Paragraph[],
    private readonly id: string,
    private readonly options: ParseOptions,
  ) {
    this.units = options.units ?? DEFAULT_UNITS;
    this.ids = new IdAllocator(id);
    this.lines = new LineIndex(source);
    this.plainLists = plainListRuleOf(normalized.text);
  }

  compose(fallbackYear: number): PlanDocument {
    const title = this.title();
    const date = this.date();
    const year = this.year(title, date, fallbackYear);
    this.horizon = this.horizonOf(title, year);
    const skeleton = buildSkeleton(
      this.paragraphs,
      (heading) => isRetrospectiveHeading(heading, year),
      this.options.columns,
    );
    const sections = skeleton.sections.map((s) => this.section(s));
    const sectionId = new Map(skeleton.sections.map((s, k) => [s, sections[k]?.id ?? ""]));
    const tasks =
      skeleton.tasks.length > 0
        ? this.numberedTasks(skeleton, year, sectionId)
        : this.proseTasks(skeleton, year, sectionId);
    const indicators = skeleton.tasks.length > 0 ? this.looseIndicators(skeleton, year, tasks) : [];
    this.report(tasks, indicators, skeleton);
    const issuer = this.issuer();
    return this.inDocumentScript({
      id: this.id,
      title,
      year,
      ...(issuer && { issuer }),
      ...(date && { date }),
      horizon: this.horizon,
      kind: skeleton.kind,
      sections,
      tasks,
      indicators,
      diagnostics: this.diagnostics,
      ...(this.options.sourceName !== undefined && { sourceName: this.options.sourceName }),
    });
  }

  /** What was read in simplified script, written back in the document's own (names, units, titles). */
  private inDocumentScript(plan: PlanDocument): PlanDocument {
    const r = this.normalized.restore;
    const indicator = (i: Indicator): Indicator => ({
      ...i,
      metric: r(i.metric),
      text: r(i.text),
      ...(i.unit !== undefined && { unit: r(i.unit) }),
    });
    return {
      ...plan,
      title: r(plan.title),
      ...(plan.issuer !== undefined && { issuer: r(plan.issuer) }),
      sections: plan.sections.map((s) => ({ ...s, title: r(s.title) })),
      tasks: plan.tasks.map((t) => ({
        ...t,
        title: r(t.title),
        text: r(t.text),
        section: r(t.section),
        leadUnits: t.leadUnits.map(r),
        coUnits: t.coUnits.map(r),
        implementingUnits: t.implementingUnits.map(r),
        mentionedUnits: t.mentionedUnits.map(r),
        indicators: t.indicators.map(indicator),
      })),
      indicators: plan.indicators.map(indicator),
      diagnostics: plan.diagnostics.map((d) =>
        d.indicator ? { ...d, indicator: indicator(d.indicator) } : d,
      ),
    };
  }

  private spanOf(paragraph: Paragraph, start: number, end: number): Span {
    const { origin, originEnd } = this.normalized;
    const from = toNormalizedOffset(paragraph, start);
    const last = toNormalizedOffset(paragraph, Math.max(start, end - 1));
    return { start: origin[from] ?? 0, end: originEnd[last] ?? this.source.length };
  }

  private paragraphSpan(paragraphs: Paragraph[]): Span {
    const first = paragraphs[0];
    const last = paragraphs[paragraphs.length - 1];
    if (!first || !last) return { start: 0, end: 0 };
    return { start: this.spanOf(first, 0, 1).start, end: this.spanOf(last, 0, last.text.length).end };
  }

  /**
   * The document's own title, by the first of these rules that finds one: a Markdown `#` heading;
   * the plan a notice issues (`关于印发《…》的通知`); the first line that ends as the genre's titles
   * end (`…工作要点`, `…实施方案（2023—2025年）`), with the line after it when a page broke it in
   * two; the plan a notice names without book-title marks; a news headline. Web-page furniture,
   * 文号, dates, mastheads, addressees and signers never are.
   */
  private title(): string {
    const opening = this.paragraphs.slice(0, 80);
    const h1 = opening.find((p) => p.headingLevel === 1 && !p.furniture);
    if (h1) return h1.text;
    const notice = opening.find(isNotice);
    const quoted = notice ? /关于印发《(.+?)》的(?:通知|函)/.exec(notice.text)?.[1] : undefined;
    if (quoted) return quoted;
    // A news page's title is the headline over its first article (`本报讯…`), not one further down.
    const article = opening.findIndex((p) => p.newsStart);
    const lines = titleLines(article > 0 ? opening.slice(0, article) : opening);
    for (const [k, line] of lines.entries()) {
      // `鄂尔多斯市进一步完善医疗卫生` / `服务体系实施方案`, `…规划` / `（2025—2030年）`: a heading a
      // page broke over two lines; its first line may end like an office's name.
      const next = lines[k + 1];
      // A line that is a whole title already goes on only into its span (`（2025—2030年）…`).
      const goesOn =
        next?.follows === true &&
        !next.unitLike &&
        next.text !== line.text &&
        (!TITLE_END.test(line.text) || next.text.startsWith("（"));
      const joined = goesOn && next ? line.text + next.text : "";
      if (joined && TITLE_END.test(joined) && joined.length <= 80) return joined;
      if (!line.unitLike && TITLE_END.test(line.text)) return line.text;
    }
    const named = notice ? /关于印发(.+?)的(?:通知|函)/.exec(notice.text)?.[1] : undefined;
    if (named && TITLE_END.test(named)) return named;
    const headline = lines.find((line) => !line.unitLike && !/[…]$|关键词$/.test(line.text));
    if (headline) return headline.text;
    const first = opening.find((p) => !p.furniture && !p.cells && !p.dateLine);
    return itemTitle(first?.text ?? "");
  }

  /**
   * The plan's horizon: the last year of its span in the title (`（2023—2025年）`), or the first
   * `到20XX年` the plan sets in its opening paragraphs, or the end of its year.
   */
  private horizonOf(title: string, year: number): string {
    const span = /(20\d{2})\s*[—–\-~至到]\s*(20\d{2})年/.exec(title);
    if (span && Number(span[2]) >= year) return `${span[2]}-12-31`;
    // A year's plan (`2023年工作要点`) is due within its year whatever it says of later ones.
    if (new RegExp(`${year}\\s*年`).test(title)) return `${year}-12-31`;
    const opening = this.paragraphs.slice(0, 40).filter((p) => !p.furniture && !p.marker);
    for (const paragraph of opening) {
      for (const m of paragraph.text.matchAll(/到(20\d{2})年/g)) {
        const target = Number(m[1]);
        if (target >= year && target <= year + 15) return `${target}-12-31`;
      }
    }
    return `${year}-12-31`;
  }

  private date(): string | undefined {
    const line = this.paragraphs.find((p) => p.dateLine);
    const m = line ? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(line.text) : null;
    return m ? `${m[1]}-${pad(Number(m[2]), 2)}-${pad(Number(m[3]), 2)}` : undefined;
  }

  private year(title: string, date: string | undefined, fallback: number): number {
    // A year's plan (`2024年工作要点`) is of its year, whenever it was signed; a plan over years
    // (`（2016—2030年）`) is of the year it was issued (its 成文日期), else the first of its span.
    const span = /(20\d{2})\s*[—–\-~至到]\s*20\d{2}\s*年/.exec(title);
    const inTitle = /(20\d{2})\s*年/.exec(title.replace(/(20\d{2})\s*[—–\-~至到]\s*20\d{2}\s*年/g, ""));
    if (inTitle) return Number(inTitle[1]);
    if (date) return Number(date.slice(0, 4));
    if (span) return Number(span[1]);
    const headlineYears = this.paragraphs
      .filter((p) => p.headline || p.headingLevel !== undefined)
      .flatMap((p) => [...p.text.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1])));
    if (headlineYears.length > 0) return Math.max(...headlineYears);
    const counts = new Map<number, number>();
    for (const p of this.paragraphs) {
      for (const m of p.text.matchAll(/(?<![《\d])(20\d{2})年/g))
        counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    return ranked[0]?.[0] ?? fallback;
  }

  private issuer(): string | undefined {
    const notice = this.paragraphs.find(isNotice);
    const fromNotice = notice
      ? /^(.+?(?:办公厅|办公室|人民政府|委员会|委|局|厅))关于印发/.exec(notice.text)?.[1]
      : undefined;
    if (fromNotice) return fromNotice;
    const dateAt = this.paragraphs.findIndex((p) => p.dateLine);
    const signer = dateAt > 0 ? this.paragraphs[dateAt - 1] : undefined;
    if (
      signer &&
      signer.text.length <= 30 &&
      /(?:办公厅|办公室|人民政府|委员会|委|局|厅|中心)$/.test(signer.text)
    )
      return signer.text;
    return undefined;
  }

  private section(node: SectionNode): Section {
    return {
      id: this.ids.section(),
      number: node.number,
      title: node.title,
      span: this.paragraphSpan([node.paragraph]),
    };
  }

  private numberedTasks(skeleton: Skeleton, year: number, sectionId: Map<SectionNode, string>): Task[] {
    let standing: string[] = [];
    return skeleton.tasks.map((node) => {
      const taskId = this.ids.task();
      const text = node.paragraphs.map((p) => p.text).join("\n");
      const first = node.paragraphs[0];
      const content = first ? first.text.slice(first.contentStart) : "";
      const units = this.unitsOf(node, text);
      if (units.standing.length > 0) standing = units.standing;
      const implementing = standing.filter((u) => !units.lead.includes(u) && !units.co.includes(u));
      const candidates = this.candidatesOf(node, year, node.section?.retrospective ? "past" : "future");
      const stated = this.statedDeadline(node, text, year);
      const found = this.indicators(candidates, taskId, year, stated);
      const title = node.row ? itemTitle(node.row.task) : itemTitle(content);
      const indicators =
        found.length === 0 && stated !== undefined ? [this.datedTask(node, taskId, title, stated)] : found;
      const deadline = stated ?? latestStated(indicators);
      const mentioned = mentionedUnits(text, this.units).filter(
        (u) => !units.lead.includes(u) && !units.co.includes(u),
      );
      // A row's task cell often goes on past its title (`新建社区医院3家；完善设施`): that is measures too.
      const body = node.row
        ? [node.row.task.slice(node.row.task.indexOf(title) + title.length), node.row.measures ?? ""]
            .map((part) => part.replace(/^[。；，、：\s]+/, "").trim())
            .filter(Boolean)
            .join("；")
        : [
            content.slice(content.indexOf(title) + title.length),
            ...node.paragraphs.slice(1).map((p) => p.text),
          ].join("");
      return {
        id: taskId,
        number: node.number,
        title,
        measures: measuresOf(body),
        text: node.row ? [node.row.task, node.row.measures].filter(Boolean).join("：") : text,
        section: node.section?.title ?? "",
        ...(node.section && { sectionId: sectionId.get(node.section) ?? "" }),
        leadUnits: units.lead,
        coUnits: units.co,
        jointLead: units.joint,
        implementingUnits: implementing,
        ...(deadline && { deadline }),
        indicators,
        mentionedUnits: mentioned,
        span: this.paragraphSpan(node.paragraphs),
      };
    });
  }

  private unitsOf(
    node: TaskNode,
    text: string,
  ): { lead: string[]; co: string[]; joint: boolean; standing: string[] } {
    const row = node.row;
    if (row) {
      if (row.lead !== undefined || row.co !== undefined) {
        const lead = readUnitList(row.lead ?? "", this.units, this.plainLists);
        const co = this.units.tidyList(row.co ?? "").filter((u) => !lead.lead.includes(u));
        return { lead: lead.lead, co: [...lead.co, ...co], joint: lead.lead.length > 1, standing: [] };
      }
      return { ...readUnitList(row.responsible ?? "", this.units, this.plainLists), standing: [] };
    }
    // `2.协办单位：…` on a line of its own: the lead is named on a line above it.
    let helpers: string[] = [];
    for (const paragraph of [...node.paragraphs].reverse()) {
      const found = findResponsibility(paragraph.text, this.units, { plain: this.plainLists });
      if (!found) continue;
      if (found.lead.length === 0 && found.co.length > 0) {
        helpers = [...found.co, ...helpers.filter((u) => !found.co.includes(u))];
        continue;
      }
      const co = [...found.co, ...helpers.filter((u) => !found.co.includes(u) && !found.lead.includes(u))];
      return { lead: found.lead, co, joint: found.joint, standing: found.standingImplementers };
    }
    if (helpers.length > 0) return { lead: [], co: helpers, joint: false, standing: [] };
    const inline = inlineResponsibility(text, this.units);
    return { lead: inline.lead, co: inline.co, joint: false, standing: [] };
  }

  private candidatesOf(
    node: TaskNode,
    year: number,
    defaultTense: "past" | "future",
  ): { paragraph: Paragraph; candidate: IndicatorCandidate }[] {
    const out: { paragraph: Paragraph; candidate: IndicatorCandidate }[] = [];
    const read = (paragraph: Paragraph, piece: string, offset: number, heading = false): void => {
      const context = { documentYear: year, defaultTense, item: true, heading };
      for (const candidate of extractIndicators(piece, context)) {
        out.push({
          paragraph,
          candidate: {
            ...candidate,
            start: candidate.start + offset,
            end: candidate.end + offset,
            ...(candidate.quoteStart !== undefined && { quoteStart: candidate.quoteStart + offset }),
            ...(candidate.quoteEnd !== undefined && { quoteEnd: candidate.quoteEnd + offset }),
          },
        });
      }
    };
    if (!node.row) {
      // Past the item's own number: `2.2025年…` is item 2 and a year, not the number 2.2025.
      for (const paragraph of node.paragraphs)
        read(
          paragraph,
          paragraph.text.slice(paragraph.contentStart),
          paragraph.contentStart,
          paragraph === node.paragraphs[0] && paragraph.marker !== undefined,
        );
      return out;
    }
    // A row's targets sit in its task, target and measures cells; progress cells say what was done.
    // A 完成时限 cell that says what happens when (`2021年2月公布预算信息，…`) holds milestones.
    const datedActions = /[\u4e00-\u9fa5]{4,}/.test(
      (node.row.deadline ?? "").replace(/\d+年|\d+月|底|前|年|月/g, ""),
    )
      ? (node.row.deadline ?? "")
      : "";
    // A piece joined from several cells (two 目标 columns) is read where each of its cells stands.
    const located = (piece: string): { paragraph: Paragraph; part: string }[] => {
      const whole = node.paragraphs.find((p) => p.text.includes(piece));
      if (whole) return [{ paragraph: whole, part: piece }];
      return piece.split("；").flatMap((part) => {
        const paragraph = node.paragraphs.find((p) => p.text.includes(part)) ?? node.paragraphs[0];
        return part && paragraph ? [{ paragraph, part }] : [];
      });
    };
    for (const piece of [node.row.task, node.row.target ?? "", node.row.measures ?? "", datedActions]) {
      if (!piece) continue;
      for (const { paragraph, part } of located(piece)) {
        const offset = Math.max(0, paragraph.text.indexOf(part));
        const before = out.length;
        read(paragraph, part, offset);
        if (out.length > before || piece !== node.row.target) continue;
        // A 目标 cell that is only a quantity is the target of the row's task.
        for (const cell of part.split("；")) {
          const candidate = targetCell(cell, node.row.task);
          const at = paragraph.text.indexOf(cell, offset);
          if (candidate)
            out.push({
              paragraph,
              candidate: { ...candidate, start: Math.max(0, at), end: Math.max(0, at) + cell.length },
            });
        }
      }
    }
    return out;
  }

  /**
   * Turns candidates into indicators with stable IDs (numbered in text order, doubtful ones too, so
   * adopting one later does not renumber the others). Doubtful readings become diagnostics.
   */
  private indicators(
    found: { paragraph: Paragraph; candidate: IndicatorCandidate }[],
    taskId: string | undefined,
    year: number,
    taskDeadline?: string,
  ): Indicator[] {
    const all = dedupe(found).map(({ paragraph, candidate }) => ({
      indicator: this.indicator(
        paragraph,
        candidate,
        this.ids.indicator(taskId),
        taskId,
        taskDeadline ?? this.horizon,
        taskDeadline !== undefined,
      ),
      doubt: candidate.doubt,
    }));
    for (const { indicator, doubt } of all) {
      if (!doubt) continue;
      const where = indicator.text ? `“${indicator.text}”` : "";
      this.diagnostics.push({
        ...diagnostic(
          "uncertain-indicator",
          "warning",
          `${where}可能是目标“${indicator.metric}”，但${doubt}；请在校对时确认是否采纳。`,
          indicator.span,
          this.lines,
        ),
        indicator,
      });
    }
    return all.filter((x) => !x.doubt).map((x) => x.indicator);
  }

  private indicator(
    paragraph: Paragraph,
    candidate: IndicatorCandidate,
    id: string,
    taskId: string | undefined,
    fallbackDeadline: string,
    fallbackStated: boolean,
  ): Indicator {
    const { metric, op, value, maxValue, unit, deadline } = candidate;
    return {
      id,
      ...(taskId !== undefined && { taskId }),
      metric,
      op,
      ...(value !== undefined && { value }),
      ...(maxValue !== undefined && { maxValue }),
      ...(unit !== undefined && { unit }),
      deadline: deadline ?? fallbackDeadline,
      deadlineStated: deadline !== undefined || fallbackStated,
      text: paragraph.text.slice(
        candidate.quoteStart ?? candidate.start,
        candidate.quoteEnd ?? candidate.end,
      ),
      span: this.spanOf(paragraph, candidate.start, candidate.end),
      ...(candidate.rule !== undefined && { rule: candidate.rule }),
    };
  }

  /**
   * A task with a stated 完成时限 and no target of its own is a milestone: it is done by that date
   * (`建成启用区级老年活动中心 | 10月底前`).
   */
  private datedTask(node: TaskNode, taskId: string, title: string, deadline: string): Indicator {
    const first = node.paragraphs[0];
    const span = first ? this.spanOf(first, 0, first.text.length) : { start: 0, end: 0 };
    return {
      id: this.ids.indicator(taskId),
      taskId,
      metric: title,
      op: "milestone",
      deadline,
      deadlineStated: true,
      text: node.row?.task ?? first?.text ?? title,
      span,
      rule: "dated-task",
    };
  }

  /** The task's own 完成时限: a table column, or a labelled line in the item (`完成时限：2024年6月底前`). */
  private statedDeadline(node: TaskNode, text: string, year: number): string | undefined {
    const cell = (node.row?.deadline ?? DEADLINE_LABEL.exec(text)?.[1])?.trim();
    // `长期推进`, `持续开展` state no date: the task gets the plan's horizon, marked as inferred.
    if (!cell || /^(?:长期|持续|常态|每年|每月|每季|按时|按期|适时|逐步|全年)/.test(cell)) return undefined;
    const found = findDeadlines(cell, year).map((d) => d.date);
    if (found.length > 0) return found.sort().at(-1);
    // `2024-12-31`, `2024/9/30前`, `2024.10-2024.12`, `2024.06`: dates as a spreadsheet writes them;
    // of a range, its end.
    const written =
      cell
        .replace(/(?:之前|以前|前)$/, "")
        .split(/[-~—至到](?=20\d{2})/)
        .at(-1)
        ?.trim() ?? "";
    const day = readDate(written);
    if (day) return day;
    const month = /^(20\d{2})[-/.](\d{1,2})$/.exec(written);
    if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12)
      return endOfMonth(Number(month[1]), Number(month[2]));
    const bare = /^(20\d{2})年(?:(\d{1,2})月)?/.exec(cell);
    if (!bare) return undefined;
    return bare[2] ? endOfMonth(Number(bare[1]), Number(bare[2])) : `${bare[1]}-12-31`;
  }

  /** Targets in paragraphs outside any numbered task (a preamble's 主要目标). */
  private looseIndicators(skeleton: Skeleton, year: number, tasks: readonly Task[]): Indicator[] {
    // `共3项，主要为新建急救站2个、…` above the table: a summary restates the tasks' own targets.
    const stated = tasks.flatMap((t) => t.indicators);
    const restates = (c: IndicatorCandidate): boolean =>
      stated.some(
        (i) =>
          i.op === c.op && i.value === c.value && i.unit === c.unit && similarity(i.metric, c.metric) >= 0.5,
      );
    const found = readableLoose(skeleton).flatMap(({ paragraph, section }) =>
      extractIndicators(paragraph.text, {
        documentYear: year,
        defaultTense: section?.retrospective ? "past" : "future",
      })
        .filter((candidate) => candidate.op === "milestone" || !restates(candidate))
        .map((candidate) => ({ paragraph, candidate })),
    );
    return this.indicators(found, undefined, year);
  }

  /** News and prose: each paragraph that states targets becomes a task, numbered in order. */
  private proseTasks(skeleton: Skeleton, year: number, sectionId: Map<SectionNode, string>): Task[] {
    const tenseBySection = new Map<SectionNode | undefined, "past" | "future">();
    for (const node of [undefined, ...skeleton.sections]) {
      let past = 0;
      let future = 0;
      for (const { paragraph, section } of skeleton.loose) {
        if (section !== node) continue;
        for (const sentence of paragraph.text.split(/[。！？]/)) {
          const tense = tenseOf(sentence, year);
          if (tense === "past") past++;
          else if (tense === "future") future++;
        }
      }
      tenseBySection.set(node, node?.retrospective || past > future ? "past" : "future");
    }
    const tasks: Task[] = [];
    const seen = new SeenTargets();
    for (const { paragraph, section } of readableLoose(skeleton)) {
      const defaultTense = tenseBySection.get(section) ?? "future";
      const candidates = extractIndicators(paragraph.text, { documentYear: year, defaultTense })
        .map((candidate) => ({ paragraph, candidate }))
        .filter((c) => !seen.repeats(c));
      for (const item of proseItems(paragraph.text)) {
        const inItem = candidates.filter(
          (c) => c.candidate.start >= item.start && c.candidate.start < item.end,
        );
        if (!inItem.some((c) => !c.candidate.doubt)) {
          // Only doubtful readings: offer them, but the text is no task of its own.
          this.indicators(inItem, undefined, year);
          continue;
        }
        inItem.forEach((c) => seen.add(c));
        const text = paragraph.text.slice(item.start, item.end);
        const taskId = this.ids.task();
        const indicators = this.indicators(inItem, taskId, year);
        const deadline = latestStated(indicators);
        const units = inlineLeads(text, this.units);
        tasks.push({
          id: taskId,
          number: String(tasks.length + 1),
          title: item.title,
          text,
          measures: measuresOf(text.slice(text.indexOf(item.title) + item.title.length)),
          section: section?.title ?? "",
          ...(section && { sectionId: sectionId.get(section) ?? "" }),
          leadUnits: units,
          coUnits: [],
          jointLead: false,
          implementingUnits: [],
          ...(deadline && { deadline }),
          indicators,
          mentionedUnits: mentionedUnits(text, this.units).filter((u) => !units.includes(u)),
          span: this.spanOf(paragraph, item.start, item.end),
        });
      }
    }
    return tasks;
  }

  private report(tasks: Task[], indicators: Indicator[], skeleton: Skeleton): void {
    if (tasks.length === 0 && indicators.length === 0) {
      this.diagnostics.push(
        diagnostic(
          "no-tasks",
          "warning",
          "没有识别出任务或量化目标。请确认这是一份工作要点、实施方案或工作报道；编号条目（如“一、”“（一）”“1.”）、“责任单位：”和带数字的目标有助于识别。",
        ),
      );
      return;
    }
    if (skeleton.tasks.length === 0) return;
    const without = tasks.filter((t) => t.leadUnits.length === 0);
    const first = without[0];
    if (first) {
      const numbers = without.map((t) => t.number).join("、");
      this.diagnostics.push(
        diagnostic(
          "task-without-units",
          "info",
          `${without.length} 项任务没有写明牵头单位（第 ${numbers} 项），请在校对时指定。`,
          first.span,
          this.lines,
        ),
      );
    }
  }
}

/** A task's measures: its words beyond the title, without the clause that names who is responsible. */
function measuresOf(body: string): string {
  return body
    .replace(
      /[（〔【[][^（〔【[]*?(?:责任单位|牵头单位|责任部门|配合单位|牵头|负责|按职责分工)[^）〕】\]]*(?:[）〕】\]]|$)/g,
      "",
    )
    .replace(/(?:牵头单位|责任单位|配合单位|完成时限|责任处室|责任科室)[：:][^\n。；]*/g, "")
    .replace(/^[。；，、：\s]+/, "")
    .trim();
}

function latestStated(indicators: Indicator[]): string | undefined {
  return indicators
    .filter((i) => i.deadlineStated && i.deadline)
    .map((i) => i.deadline ?? "")
    .sort()
    .at(-1);
}

interface Located {
  paragraph: Paragraph;
  candidate: IndicatorCandidate;
}

/**
 * Targets seen so far, bucketed by comparison, value and unit so that finding a repeat stays
 * cheap however long the document is.
 */
const SEEN_WINDOW = 64;

class SeenTargets {
  private readonly buckets = new Map<string, Located[]>();

  /** True when the text already stated this target in another sentence (a summary, a sidebar). */
  repeats(item: Located): boolean {
    const { op, value, unit } = item.candidate;
    if (op === "milestone") return false;
    // The latest of the same value: a summary restates what is near it, and a document that
    // repeats one value thousands of times stays linear.
    const bucket = (this.buckets.get(`${op}|${value ?? ""}|${unit ?? ""}`) ?? []).slice(-SEEN_WINDOW);
    // `全区…达26%。城、乡…分别达26%和18%`: a breakdown by 分别 adds to the total, it does not repeat it.
    const breakdown = (x: Located): boolean => x.candidate.rule === "distributive";
    return bucket.some(
      (seen) =>
        !sameSentence(seen, item) &&
        breakdown(seen) === breakdown(item) &&
        similarity(seen.candidate.metric, item.candidate.metric) >= 0.5,
    );
  }

  add(item: Located): void {
    const { op, value, unit } = item.candidate;
    const key = `${op}|${value ?? ""}|${unit ?? ""}`;
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(item);
    else this.buckets.set(key, [item]);
  }
}

/** One sentence never repeats itself: two equal readings there are two targets. */
/** Where each paragraph's sentences end, found once per paragraph. */
const SENTENCE_ENDS = new WeakMap<Paragraph, number[]>();

function sentenceOf(paragraph: Paragraph, at: number): number {
  let ends = SENTENCE_ENDS.get(paragraph);
  if (!ends) {
    ends = [...paragraph.text.matchAll(/[。！？]/g)].map((m) => m.index ?? 0);
    SENTENCE_ENDS.set(paragraph, ends);
  }
  // The number of sentence ends before `at`, by binary search.
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((ends[mid] ?? 0) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

function sameSentence(a: Located, b: Located): boolean {
  if (a.paragraph !== b.paragraph) return false;
  return sentenceOf(a.paragraph, a.candidate.start) === sentenceOf(b.paragraph, b.candidate.start);
}

function dedupe<T extends Located>(found: T[]): T[] {
  const seen = new SeenTargets();
  return found.filter((item) => {
    if (seen.repeats(item)) return false;
    seen.add(item);
    return true;
  });
}

function similarity(a: string, b: string): number {
  const grams = (s: string): Set<string> => {
    const out = new Set<string>();
    for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 || y.size === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/**
 * The items of a prose paragraph: `一是…；二是…；三是…` lists several tasks in one paragraph, each
 * titled by its first clause; otherwise the paragraph is one item.
 */
function proseItems(text: string): { start: number; end: number; title: string }[] {
  const starts = [...text.matchAll(/(?<=^|[，。；：])([一二三四五六七八九十])是/g)];
  const ordered = starts.filter((m, k) => m[1] === "一二三四五六七八九十"[k]);
  if (ordered.length < 2 || ordered.length !== starts.length)
    return [{ start: 0, end: text.length, title: proseTitle(text) }];
  const items = [{ start: 0, end: ordered[0]?.index ?? 0, title: proseTitle(text) }];
  ordered.forEach((m, k) => {
    const start = m.index ?? 0;
    const end = ordered[k + 1]?.index ?? text.length;
    items.push({ start, end, title: itemTitle(text.slice(start + 2, end).split(/[，；。]/)[0] ?? "") });
  });
  return items;
}

/** A news paragraph's title: its first sentence without the reporter's lead-in, kept short. */
function proseTitle(text: string): string {
  const sentence = (text.split(/[。！？]/)[0] ?? text)
    .replace(/^本报讯（[^）]*）/, "")
    .replace(
      /^(?:(?:据了解|据悉|记者了解到|同时|此外|另外|今年|20\d{2}年|[^，。]{1,30}(?:要求|提出|明确|指出|强调|表示))，)+/,
      "",
    );
  return itemTitle(sentence);
}

const TITLE_END = new RegExp(`(?:${alternation(TITLE_ENDINGS)})(?:（[^（）]{2,16}）)?$`);

/**
 * The notice a plan is issued in (`…关于印发《…》的通知`): not a table cell, and not a notice the
 * text only cites in book-title marks (`根据《…关于印发2021年…方案的通知》`).
 */
function isNotice(p: Paragraph): boolean {
  return !p.cells && /关于印发.*的(?:通知|函)/.test(p.text.replace(/《[^《》]*》/g, "《》"));
}

/**
 * The paragraphs outside the tasks that may state targets: not a line that only names a document
 * (`…二季度进展情况的通报`, `…进展情况表`), whose dates and counts say what it covers.
 */
function readableLoose(skeleton: Skeleton): Skeleton["loose"] {
  return skeleton.loose.filter(
    ({ paragraph }) =>
      /[，。；！？]/.test(paragraph.text) ||
      !(
        TITLE_END.test(paragraph.text) ||
        /(?:通知|通报|决定|落实情况|完成情况|进展情况)$/.test(paragraph.text)
      ),
  );
}
/**
 * A 文号 (`国健推委办发〔2022〕2号`), a date, a masthead (`甘肃日报`), a page (`第01版：要闻`), a
 * label, or the notice around the plan (its plan is read apart).
 */
const NOT_A_TITLE =
  /〔\d{4}〕\d+号$|^\d{4}(?:年\d{1,2}月|[-./]\d{1,2}[-./])|^第[\d一二三四五六七八九十]+版|(?:日报|晚报|报社|新闻网)$|[：:]$|^(?:原标题|附件|序号|来源|记者)|关于印发/;

/**
 * The lines of the opening that could be the document's title, in order: short lines of their own
 * (a page may have run them into the paragraph after), no sentence, no furniture. `follows` says
 * the line comes right after the one before it; `unitLike`, that it ends as an office's name does
 * (a signer, an addressee, or the first line of a title broken after its issuer).
 */
function titleLines(
  paragraphs: readonly Paragraph[],
): { text: string; follows: boolean; unitLike: boolean }[] {
  const out: { text: string; follows: boolean; unitLike: boolean }[] = [];
  let previousKept = false;
  for (const p of paragraphs) {
    if (p.furniture || p.marker || p.dateLine || p.glossary) {
      previousKept = false;
      continue;
    }
    // A table row with one filled cell (`2021年政务公开工作重点任务台账|`) is a line too.
    const filled = p.cells?.filter(Boolean);
    const texts = p.cells
      ? filled?.length === 1
        ? [filled[0] ?? ""]
        : []
      : p.pieces.map((piece, k) => p.text.slice(piece.at, p.pieces[k + 1]?.at ?? p.text.length));
    if (texts.length === 0) previousKept = false;
    // A line counts when it starts afresh: first in its paragraph, after a line that ended its
    // sentence (`…全文如下：`), or after a heading line. The lines of running text a column broke
    // (`科放射技师…上传到与成`) are no headings.
    let fresh = true;
    for (const raw of texts) {
      const text = cleanTitle(raw);
      const keep: boolean =
        fresh &&
        text.length >= 5 &&
        text.length <= 60 &&
        !/[。；，！？]/.test(text) &&
        !isFurniture(text) &&
        !NOT_A_TITLE.test(text);
      if (keep) out.push({ text, follows: previousKept, unitLike: endsLikeUnit(text) });
      previousKept = keep;
      // Running text goes on into the next line unless its sentence ended; a label, a date or a
      // short line of furniture (`第02版：要闻`) does not.
      const running = text.length > 60 || (/[。；，！？]/.test(text) && !/[。！？：；…]$/.test(text));
      fresh = keep || !running;
    }
  }
  return out;
}

/** `·健康中国行动2023年工作要点·`, `…工作要点.docx`: the title without its decoration. */
function cleanTitle(text: string): string {
  return text
    .replace(/^[·•\s]+|[·•\s]+$/g, "")
    .replace(/\.(?:docx?|pdf|wps|xlsx?)$/i, "")
    .trim();
}
