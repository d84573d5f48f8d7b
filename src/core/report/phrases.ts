import type { LedgerRow, Op } from "../model";
import { chineseDate } from "../model";

/** Up to two decimals, no trailing zeros, no thousands separators: `12`, `4.5`, `0.33`. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A quantity as documents write it: `2000`, `4.1万`, `145万`, `67.45万`. */
export function formatQuantity(value: number): string {
  return Math.abs(value) >= 10_000 ? `${formatNumber(value / 10_000)}万` : formatNumber(value);
}

/** A share as 通报 print it: one decimal, `80.0`. Rounds half up on the tenth, not on binary noise. */
export function formatPercent(part: number, total: number): string {
  if (total <= 0) return "0.0";
  return (Math.round((part / total) * 1000 + 1e-9) / 10).toFixed(1);
}

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 12 → 十二, 20 → 二十, 99 → 九十九: numbering for `（一）` headings and `一是`. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 ? "" : (DIGITS[tens] ?? "")}十${DIGITS[n % 10] ?? ""}`;
  }
  return String(n);
}

/** Names joined the Chinese way: `甲、乙、丙`. */
export function joinNames(names: readonly string[]): string {
  return names.join("、");
}

/** `一、立足新发展阶段…` → `立足新发展阶段…`: a section quoted in running text loses its number. */
export function sectionName(section: string): string {
  const name = section.replace(
    /^\s*(?:第?[一二三四五六七八九十百]+[、.．章篇]|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])\s*/,
    "",
  );
  return name.trim() || "其他";
}

function comparisonWord(op: Op | undefined, unit: string | undefined): string {
  switch (op) {
    case ">=":
      return unit === "%" ? "不低于" : "不少于";
    case ">":
      return "超过";
    case "<=":
      return "不高于";
    case "<":
      return "低于";
    default:
      return "达到";
  }
}

/** `不少于20家`, `不低于90%`, `不高于10%`: the target as the 通报 quotes it back. */
export function targetPhrase(row: Pick<LedgerRow, "op" | "target" | "unit">): string | undefined {
  if (row.target === undefined || row.op === undefined || row.op === "milestone") return undefined;
  return `${comparisonWord(row.op, row.unit)}${formatQuantity(row.target)}${row.unit ?? ""}`;
}

/** `（目标：不少于20家，完成12家）`; ceilings say `实际`, since a rate is not "completed". */
export function targetAndActual(
  row: Pick<LedgerRow, "op" | "target" | "unit">,
  actual: number | undefined,
): string {
  const target = targetPhrase(row);
  if (target === undefined) return "";
  if (actual === undefined) return `（目标：${target}）`;
  const word = row.op === "<=" || row.op === "<" ? "实际" : "完成";
  return `（目标：${target}，${word}${formatQuantity(actual)}${row.unit ?? ""}）`;
}

/** `（时限：2024年6月30日）` for rows judged by date. */
export function deadlinePhrase(deadline: string): string {
  return `（时限：${chineseDate(deadline)}）`;
}

/** Drops trailing punctuation so a phrase can be joined with `；` and closed with `。`. */
export function withoutClosingPunctuation(text: string): string {
  return text.trim().replace(/[。；;，,、.\s]+$/u, "");
}

/** Wraps a document title in 《》 unless it already is. */
export function bookTitle(title: string): string {
  const trimmed = title.trim();
  return trimmed.startsWith("《") ? trimmed : `《${trimmed}》`;
}

/**
 * How a running sentence names a row: its indicator when it has one of its own, otherwise the task's
 * title; either up to its first pause, so a task written as a whole sentence does not swallow the
 * line it is named in.
 */
export function rowName(row: Pick<LedgerRow, "task" | "metric">): string {
  const { task, metric } = row;
  const own = metric && metric !== task ? metric : task;
  const head = own.split(/[，。；：,;:]/u)[0]?.trim() ?? "";
  return head.length >= 4 ? head : own.trim();
}

/** `“甲”“乙”`: titles quoted one after another, with no 顿号 between the quotes. */
export function quotedNames(names: readonly string[]): string {
  return names.map((name) => `“${name}”`).join("");
}
