/** How the pane writes model values for people: comparison signs, targets, dates, file sizes. */

import type { Indicator, Op } from "../core/model";
import { formatTargetValue } from "../core/review";

export const OP_LABELS: Record<Op, string> = {
  ">=": "不低于（≥）",
  ">": "超过（>）",
  "=": "等于（=）",
  "<=": "不高于（≤）",
  "<": "低于（<）",
  milestone: "节点（无数值）",
};

const OP_SIGNS: Record<Op, string> = { ">=": "≥", ">": ">", "=": "=", "<=": "≤", "<": "<", milestone: "" };

/** `≥ 90%`, `2–3 个`, or `节点`. */
export function formatTarget(indicator: Pick<Indicator, "op" | "value" | "maxValue" | "unit">): string {
  if (indicator.op === "milestone" || indicator.value === undefined) return "节点";
  const range =
    indicator.maxValue !== undefined
      ? `${formatTargetValue(indicator.value)}–${formatTargetValue(indicator.maxValue)}`
      : formatTargetValue(indicator.value);
  const unit = indicator.unit ?? "";
  const spaced = unit && unit !== "%" ? ` ${unit}` : unit;
  return `${OP_SIGNS[indicator.op]} ${range}${spaced}`;
}

/** `2024-06-30` → `2024年6月30日`, the way official documents write dates. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Short dates for the review table: `6月30日` within the document's year, `2025年6月30日` outside it. */
export function formatShortDate(iso: string | undefined, year: number): string {
  const long = formatDate(iso);
  const prefix = `${year}年`;
  return long.startsWith(prefix) ? long.slice(prefix.length) : long;
}
