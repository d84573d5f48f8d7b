/**
 * Parser: paragraphs → the document's skeleton (title, sections, task items with their paragraphs),
 * whatever its shape: numbered items, a task table, or news prose.
 */

import type { DocumentKind } from "../model";
import type { MarkerKind, Paragraph } from "./lexer";
import { PLAN_PART_HEADING, type ColumnRole } from "./lexicon";
import { readTable, type TableRow } from "./table";

export type { TableRow } from "./table";

export interface SectionNode {
  number: string;
  title: string;
  paragraph: Paragraph;
  /** The section looks back (`过去五年`, `2022年工作回顾`): its sentences default to the past. */
  retrospective?: boolean;
}

export interface TaskNode {
  number: string;
  paragraphs: Paragraph[];
  section?: SectionNode;
  /** For table rows: the cells by role. */
  row?: TableRow;
}

export interface Skeleton {
  kind: DocumentKind;
  sections: SectionNode[];
  tasks: TaskNode[];
  /** Paragraphs that belong to no task: a preamble, prose, news text. */
  loose: { paragraph: Paragraph; section?: SectionNode }[];
}

const LEVEL_ORDER: MarkerKind[] = ["part", "cn-dun", "cn-paren", "arabic-dot", "arabic-paren", "circled"];

/** The title of an item: its first sentence, or its first clause when the sentence runs long. */
export function itemTitle(content: string): string {
  const sentenceEnd = content.search(/[。；：！？]/);
  const sentence = sentenceEnd >= 0 ? content.slice(0, sentenceEnd) : content;
  if (sentence.length <= 40) return sentence;
  const clauseEnd = sentence.indexOf("，");
  if (clauseEnd >= 6 && clauseEnd <= 40) return sentence.slice(0, clauseEnd);
  return `${sentence.slice(0, 40)}…`;
}

/** What an item says beyond its heading: the rest of its paragraph and the unnumbered ones after it. */
function bodiesOf(paragraphs: readonly Paragraph[]): Map<Paragraph, string> {
  const bodies = new Map<Paragraph, string>();
  let current: Paragraph | undefined;
  for (const paragraph of paragraphs) {
    if (paragraph.furniture || paragraph.headline || paragraph.dateLine) continue;
    if (paragraph.marker) {
      current = paragraph;
      const content = paragraph.text.slice(paragraph.contentStart);
      bodies.set(
        paragraph,
        paragraph.headingLevel !== undefined ? "" : content.slice(itemTitle(content).length),
      );
      continue;
    }
    if (current) bodies.set(current, (bodies.get(current) ?? "") + paragraph.text);
  }
  return bodies;
}

const UNIT_CLAUSE =
  /(?:责任|牵头|配合|协办|主责)(?:单位|部门|处室|科室|股室)|牵头[，,）)]|按职责分工|负责[）)]/;

interface TaskLevel {
  task?: MarkerKind;
  sections: MarkerKind[];
  /** A level of standard parts each task repeats (`一、目标任务 二、序时进度`): inside the task. */
  parts?: MarkerKind;
}

const partTitle = (p: Paragraph): string => p.text.slice(p.contentStart).replace(/[。：:\s]+$/, "");

/**
 * `（六）产前筛查 一、目标任务 … 四、责任分工 （七）… 一、目标任务 …`: a level whose items are only a
 * plan's parts, starting afresh under each item of another level, divides each of those items.
 */
function partsInsideItems(items: readonly Paragraph[]): TaskLevel | undefined {
  for (const kind of LEVEL_ORDER) {
    const parts = items.filter((p) => p.marker?.kind === kind);
    if (parts.length < 2 || !parts.every((p) => PLAN_PART_HEADING.test(partTitle(p)))) continue;
    const first = parts[0] ? partTitle(parts[0]) : "";
    if (parts.filter((p) => partTitle(p) === first).length < 2) continue;
    // The level of the items they restart under: the marker right before each first part.
    const owners = items.filter((p, k) => {
      const next = items[k + 1];
      return p.marker?.kind !== kind && next?.marker?.kind === kind && partTitle(next) === first;
    });
    const owner = owners[0]?.marker?.kind;
    if (!owner || owners.length < 2 || !owners.every((p) => p.marker?.kind === owner)) continue;
    return {
      task: owner,
      parts: kind,
      sections: LEVEL_ORDER.filter(
        (k) =>
          k !== kind &&
          LEVEL_ORDER.indexOf(k) < LEVEL_ORDER.indexOf(owner) &&
          items.some((p) => p.marker?.kind === k),
      ),
    };
  }
  return undefined;
}

/**
 * Chooses the numbering level that holds the tasks. The level whose items name responsible units
 * is it (实施方案); otherwise the shallowest level below the top whose items mostly say something
 * beyond their heading (the top level of a 工作要点 is its 篇章); a document with one level has its
 * tasks there; else the deepest level, when its items are lines of their own (`1.新建社区医院3家。`).
 */
function taskLevel(paragraphs: readonly Paragraph[]): TaskLevel {
  const items = paragraphs.filter((p) => p.marker && !p.furniture);
  const divided = partsInsideItems(items);
  if (divided) return divided;
  const bodies = bodiesOf(paragraphs);
  const kinds = LEVEL_ORDER.filter((kind) => items.filter((p) => p.marker?.kind === kind).length >= 2);
  const levels = kinds.map((kind) => {
    const ofKind = items.filter((p) => p.marker?.kind === kind);
    const share = (test: (p: Paragraph) => boolean): number => ofKind.filter(test).length / ofKind.length;
    return {
      kind,
      count: ofKind.length,
      prose: share((p) => (bodies.get(p) ?? "").length > 10),
      units: share((p) => UNIT_CLAUSE.test(p.text) || UNIT_CLAUSE.test(bodies.get(p) ?? "")),
    };
  });
  const chosen = (kind: MarkerKind): { task: MarkerKind; sections: MarkerKind[] } => ({
    task: kind,
    sections: LEVEL_ORDER.filter(
      (k) => LEVEL_ORDER.indexOf(k) < LEVEL_ORDER.indexOf(kind) && items.some((p) => p.marker?.kind === k),
    ),
  });
  if (levels.length === 0) {
    // A page cut off after its first item (`一、…` then `1.…`): an item that says something of its
    // own under a heading of a shallower level is a task, as it would be among others.
    const depth = (p: Paragraph): number => (p.marker ? LEVEL_ORDER.indexOf(p.marker.kind) : -1);
    const nested = items.find(
      (p, k) => (bodies.get(p) ?? "").length > 10 && items.slice(0, k).some((q) => depth(q) < depth(p)),
    );
    if (nested?.marker) return chosen(nested.marker.kind);
  }
  const withUnits = levels
    .filter((l) => l.units >= 0.3)
    .sort((a, b) => b.units - a.units || b.count - a.count)[0];
  if (withUnits) return chosen(withUnits.kind);
  const [top, ...deeper] = levels;
  // `一、工作目标 二、重点任务`: a plan's parts head it; its tasks are the first level under them that
  // says something of its own, even when a cut-off page kept only one item of it.
  const partsOnly =
    top !== undefined &&
    items.filter((p) => p.marker?.kind === top.kind).every((p) => PLAN_PART_HEADING.test(partTitle(p)));
  if (top && partsOnly) {
    const below = LEVEL_ORDER.slice(LEVEL_ORDER.indexOf(top.kind) + 1).filter((kind) =>
      items.some((p) => p.marker?.kind === kind),
    );
    const first = below.find((kind) => {
      const ofKind = items.filter((p) => p.marker?.kind === kind);
      return ofKind.filter((p) => (bodies.get(p) ?? "").length > 10).length >= ofKind.length / 2;
    });
    if (first) return chosen(first);
  }
  const prose = deeper.find((l) => l.prose >= 0.5);
  if (prose) return chosen(prose.kind);
  if (top && (deeper.length === 0 || top.prose >= 0.5)) return chosen(top.kind);
  const deepest = levels.at(-1);
  return deepest
    ? chosen(deepest.kind)
    : { sections: LEVEL_ORDER.filter((k) => items.some((p) => p.marker?.kind === k)) };
}

export function buildSkeleton(
  paragraphs: Paragraph[],
  isRetrospective: (title: string) => boolean,
  columns?: readonly ColumnRole[],
): Skeleton {
  const glossaryAt = paragraphs.findIndex((p) => p.glossary);
  const body = glossaryAt >= 0 ? paragraphs.slice(0, glossaryAt) : paragraphs;

  const table = tableSkeleton(body, isRetrospective, columns);
  if (table || columns) return table ?? { kind: "task-table", sections: [], tasks: [], loose: [] };

  const { task, sections: sectionKinds, parts } = taskLevel(body);
  if (task) return readNumbered(body, task, sectionKinds, isRetrospective, parts);
  return readProse(body, isRetrospective);
}

function readNumbered(
  paragraphs: Paragraph[],
  taskKind: MarkerKind,
  sectionKinds: MarkerKind[],
  isRetrospective: (title: string) => boolean,
  partsKind?: MarkerKind,
): Skeleton {
  const sections: SectionNode[] = [];
  const tasks: TaskNode[] = [];
  const loose: Skeleton["loose"] = [];
  let section: SectionNode | undefined;
  /** The top-level section, which a task-level item returns to after the heading it replaced. */
  let outer: SectionNode | undefined;
  /** The level of the items under a task-level heading without a body of its own. */
  let subKind: MarkerKind | undefined;
  let current: TaskNode | undefined;
  const openTask = (paragraph: Paragraph): TaskNode => {
    const task = {
      number: paragraph.marker?.number ?? "",
      paragraphs: [paragraph],
      ...(section && { section }),
    };
    tasks.push(task);
    return task;
  };
  for (const paragraph of paragraphs) {
    if (paragraph.furniture) continue;
    const kind = paragraph.marker?.kind;
    // Tasks sit in the top-level section (the 篇章 a 通报 counts by); headings between end a task.
    if (kind && sectionKinds[0] === kind) {
      section = { number: paragraph.marker?.number ?? "", title: paragraph.text, paragraph };
      outer = section;
      if (isRetrospective(paragraph.text)) section.retrospective = true;
      sections.push(section);
      current = undefined;
      continue;
    }
    if (kind && sectionKinds.includes(kind)) {
      current = undefined;
      continue;
    }
    if (kind && kind === partsKind && current) {
      current.paragraphs.push(paragraph);
      continue;
    }
    if (kind === taskKind) {
      section = outer;
      subKind = undefined;
      current = openTask(paragraph);
      continue;
    }
    // `（一）…有内容。（二）重点举措 1.… 2.…`: an item that is only a heading, with numbered items
    // under it, heads them; they are the tasks, as its neighbours with a body of their own are.
    const deeper = kind !== undefined && LEVEL_ORDER.indexOf(kind) > LEVEL_ORDER.indexOf(taskKind);
    const heading = current?.paragraphs.length === 1 ? current.paragraphs[0] : undefined;
    const bareHeading =
      heading !== undefined &&
      heading.marker?.kind === taskKind &&
      itemTitle(heading.text.slice(heading.contentStart)).length >= partTitle(heading).length;
    if (deeper && (bareHeading || subKind === kind)) {
      if (bareHeading && heading) {
        tasks.pop();
        section = { number: heading.marker?.number ?? "", title: heading.text, paragraph: heading };
        if (outer?.retrospective || isRetrospective(heading.text)) section.retrospective = true;
        sections.push(section);
        subKind = kind;
      }
      current = openTask(paragraph);
      continue;
    }

    if (paragraph.headingLevel !== undefined || paragraph.dateLine) {
      current = undefined;
      continue;
    }
    if (current && !paragraph.headline) current.paragraphs.push(paragraph);
    else loose.push({ paragraph, ...(section && { section }) });
  }
  const kind: DocumentKind = tasks.some((t) =>
    /责任单位|牵头单位/.test(t.paragraphs.map((p) => p.text).join("")),
  )
    ? "implementation-plan"
    : "work-points";
  return { kind, sections, tasks, loose };
}

function readProse(paragraphs: Paragraph[], isRetrospective: (title: string) => boolean): Skeleton {
  const sections: SectionNode[] = [];
  const loose: Skeleton["loose"] = [];
  let section: SectionNode | undefined;
  // Open headings, outermost first: a look back (`## 2022年`) covers the headings under it.
  const open: { level: number; retrospective: boolean }[] = [];
  paragraphs.forEach((paragraph, index) => {
    const next = paragraphs[index + 1];
    const opensArticle = paragraph.headline && next?.newsStart === true;
    if (paragraph.headingLevel !== undefined || opensArticle) {
      const level = paragraph.headingLevel ?? 1;
      while ((open.at(-1)?.level ?? 0) >= level) open.pop();
      const retrospective = isRetrospective(paragraph.text) || open.some((h) => h.retrospective);
      open.push({ level, retrospective });
      section = { number: String(sections.length + 1), title: paragraph.text, paragraph };
      if (retrospective) section.retrospective = true;
      sections.push(section);
      return;
    }
    if (paragraph.headline || paragraph.dateLine) return;
    loose.push({ paragraph, ...(section && { section }) });
  });
  const news = paragraphs.some((p) => /本报讯|记者|通讯员/.test(p.text));
  return { kind: news ? "news" : "prose", sections, tasks: [], loose };
}

/** A task table (`序号 | 工作任务 | 责任单位 | 完成时限`), however it was pasted or flattened. */
function tableSkeleton(
  paragraphs: Paragraph[],
  isRetrospective: (title: string) => boolean,
  columns?: readonly ColumnRole[],
): Skeleton | undefined {
  const table = readTable(paragraphs, columns);
  if (!table || table.rows.length === 0) return undefined;
  const sections: SectionNode[] = [];
  const byTitle = new Map<string, SectionNode>();
  const sectionOf = (title: string | undefined, paragraph: Paragraph): SectionNode | undefined => {
    if (title === undefined) return undefined;
    let node = byTitle.get(title);
    if (!node) {
      const number = /^(?:第)?([一二三四五六七八九十]{1,3})[、）部]/.exec(title.replace(/^（/, ""))?.[1];
      node = { number: number ?? String(sections.length + 1), title, paragraph };
      if (isRetrospective(title)) node.retrospective = true;
      byTitle.set(title, node);
      sections.push(node);
    }
    return node;
  };
  for (const { title, paragraph } of table.sections) sectionOf(title, paragraph);
  const tasks: TaskNode[] = table.rows.map((row) => {
    const section = sectionOf(row.section, row.paragraphs[0] ?? paragraphs[0]!);
    return { number: row.number, paragraphs: row.paragraphs, row: row.row, ...(section && { section }) };
  });
  const loose = paragraphs
    .slice(0, table.headerAt)
    .filter((p) => !p.headline && p.headingLevel === undefined && !p.furniture && !p.cells)
    .map((paragraph) => ({ paragraph }));
  return { kind: "task-table", sections, tasks, loose };
}
