import type { RowAssessment, UnitRollup } from "../progress";
import { ALERT_COLOURS, PACE_RATE_WORD, chineseDate } from "../model";
import { onPaceCount } from "../progress";
import { formatPercent, formatQuantity, joinNames, targetPhrase, withoutClosingPunctuation } from "./phrases";
import type { ReportTable, ReportTableRow } from "./types";

/** `县域就诊率不低于90%；时限：2024年12月31日`, or `2024年6月30日前完成` for a milestone. */
function goalCell(row: RowAssessment): string {
  const { metric, task } = row.row;
  const distinctMetric = metric && metric !== task ? metric : "";
  const target = targetPhrase(row.row);
  const deadline = row.row.deadline;
  const due = deadline ? `${chineseDate(deadline)}${row.row.deadlineInferred ? "（推定）" : ""}` : "";
  if (target) return due ? `${distinctMetric}${target}；时限：${due}` : `${distinctMetric}${target}`;
  if (!due) return distinctMetric || "—";
  return `${distinctMetric ? `${distinctMetric}，` : ""}${due}前完成`;
}

function progressCell(row: RowAssessment): string {
  if (row.status === "未报送") return "未报送";
  const parts: string[] = [];
  if (row.carried) parts.push("此前已完成，本期未再报送");
  const actual = row.entry?.actual;
  if (actual !== undefined) {
    const word = row.row.op === "<=" || row.row.op === "<" ? "实际" : "完成";
    const rate = row.completion !== undefined ? `（完成率${formatPercent(row.completion, 1)}%）` : "";
    parts.push(`${word}${formatQuantity(actual)}${row.row.unit ?? ""}${rate}`);
  }
  const words = withoutClosingPunctuation(row.entry?.progress ?? "");
  if (words && !row.carried) parts.push(words);
  if (row.check) parts.push(`需核实：${row.check}`);
  return parts.length > 0 ? `${parts.join("；")}。` : "";
}

/** The lead units, then the assisting ones in the same paragraph: no line is left half empty. */
function unitsCell(row: RowAssessment): string {
  const lead = joinNames(row.row.leadUnits) || "未明确";
  return row.row.coUnits.length > 0 ? `${lead}；配合：${joinNames(row.row.coUnits)}` : lead;
}

/**
 * A detail table: the given rows grouped by 篇章 in ledger order, numbered by their ledger 编号 so a
 * row is found again in the ledger and across the attachments.
 */
export function detailAttachment(rows: readonly RowAssessment[]): ReportTable {
  const lines: ReportTableRow[] = [];
  let section: string | undefined;
  rows.forEach((row, index) => {
    if (row.row.section !== section) {
      section = row.row.section;
      if (section) lines.push({ kind: "group", text: section });
    }
    lines.push({
      kind: "row",
      cells: [
        row.row.number.trim() || String(index + 1),
        row.row.task,
        goalCell(row),
        progressCell(row),
        row.status,
        unitsCell(row),
      ],
      // The 三色预警 colour is the status cell's own: one column less, and the word stays beside it.
      shades: [undefined, undefined, undefined, undefined, ALERT_COLOURS[row.alert]],
    });
  });
  return {
    columns: [
      { header: "编号", width: 8, align: "center" },
      { header: "任务", width: 15, align: "left" },
      { header: "目标", width: 19, align: "left" },
      { header: "完成情况", width: 22, align: "left" },
      { header: "状态", width: 7, align: "center" },
      { header: "责任单位", width: 29, align: "left" },
    ],
    rows: lines,
  };
}

/**
 * The ranking table: every unit that leads rows, in ranking order, with its denominator; units
 * leading too few rows to rank show `—` in 排名.
 */
export function rankingAttachment(units: readonly UnitRollup[]): ReportTable {
  const count = (n: number): string => String(n);
  return {
    columns: [
      { header: "排名", width: 6, align: "center" },
      { header: "单位", width: 20, align: "left" },
      { header: "牵头任务", width: 7, align: "center" },
      { header: "已完成", width: 7, align: "center" },
      { header: "序时推进", width: 7, align: "center" },
      { header: "进度滞后", width: 7, align: "center" },
      { header: "逾期未完成", width: 8, align: "center" },
      { header: "未启动", width: 7, align: "center" },
      { header: "未报送", width: 7, align: "center" },
      { header: PACE_RATE_WORD, width: 9, align: "center" },
      { header: "配合任务", width: 7, align: "center" },
    ],
    rows: units.map((unit) => ({
      kind: "row",
      cells: [
        unit.rank === undefined ? "—" : count(unit.rank),
        unit.unit,
        count(unit.lead.total),
        count(unit.lead["已完成"]),
        count(unit.lead["序时推进"]),
        count(unit.lead["进度滞后"]),
        count(unit.lead["逾期未完成"]),
        count(unit.lead["未启动"]),
        count(unit.lead["未报送"]),
        `${formatPercent(onPaceCount(unit.lead), unit.lead.total)}%`,
        count(unit.co.total),
      ],
    })),
  };
}
