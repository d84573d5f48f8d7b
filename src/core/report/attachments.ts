import type { PeriodAssessment, RowAssessment, UnitRollup } from "../progress";
import { ALERT_COLOURS, chineseDate } from "../model";
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

function unitsCell(row: RowAssessment): string {
  const lead = joinNames(row.row.leadUnits) || "未明确";
  return row.row.coUnits.length > 0 ? `${lead}（配合：${joinNames(row.row.coUnits)}）` : lead;
}

/** 附件1: one line per ledger row, grouped by 篇章 in ledger order. */
export function detailAttachment(assessment: Pick<PeriodAssessment, "rows">): ReportTable {
  const rows: ReportTableRow[] = [];
  let section: string | undefined;
  assessment.rows.forEach((row, index) => {
    if (row.row.section !== section) {
      section = row.row.section;
      if (section) rows.push({ kind: "group", text: section });
    }
    rows.push({
      kind: "row",
      cells: [String(index + 1), row.row.task, goalCell(row), progressCell(row), row.status, row.alert, unitsCell(row)],
      shades: [undefined, undefined, undefined, undefined, undefined, ALERT_COLOURS[row.alert]],
    });
  });
  return {
    columns: [
      { header: "序号", width: 7, align: "center" },
      { header: "任务", width: 24, align: "left" },
      { header: "目标", width: 18, align: "left" },
      { header: "完成情况", width: 22, align: "left" },
      { header: "状态", width: 12, align: "center" },
      { header: "预警", width: 7, align: "center" },
      { header: "责任单位", width: 15, align: "left" },
    ],
    rows,
  };
}

/** 附件2: the ranked units with their led rows by status and the rows they assist. */
export function rankingAttachment(ranked: readonly UnitRollup[]): ReportTable {
  const count = (n: number): string => String(n);
  return {
    columns: [
      { header: "排名", width: 7, align: "center" },
      { header: "单位", width: 17, align: "left" },
      { header: "牵头任务", width: 7, align: "center" },
      { header: "已完成", width: 7, align: "center" },
      { header: "序时推进", width: 7, align: "center" },
      { header: "进度滞后", width: 7, align: "center" },
      { header: "逾期未完成", width: 7, align: "center" },
      { header: "未启动", width: 7, align: "center" },
      { header: "未报送", width: 7, align: "center" },
      { header: "达标率", width: 9, align: "center" },
      { header: "配合任务", width: 7, align: "center" },
    ],
    rows: ranked.map((unit) => ({
      kind: "row",
      cells: [
        count(unit.rank ?? 0),
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
