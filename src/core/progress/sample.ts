import type { Ledger, LedgerRow, ProgressEntry, Status } from "../model";
import { Period, dayNumber, groupOf, isoFromDayNumber } from "../model";
import { randomSource } from "../util";
import { planStartOf } from "./assess";
import type { Schedule } from "./status";
import { isNumericRow, judgeRow } from "./status";

/**
 * A deterministic, clearly labelled sample of progress for demonstrations and benchmarks. Every
 * entry says 示例数据 in its reporter and its words, so no one mistakes it for a unit's report.
 */
export const SAMPLE_LABEL = "示例数据";

function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** How a row behaves over the year: its pace relative to 序时, and whether its unit goes silent. */
type Behaviour = "ahead" | "onPace" | "behind" | "idle" | "silent";

function behaviourOf(roll: number): Behaviour {
  if (roll < 0.2) return "ahead";
  if (roll < 0.65) return "onPace";
  if (roll < 0.85) return "behind";
  if (roll < 0.92) return "idle";
  return "silent";
}

const PACE: Record<Behaviour, number> = { ahead: 1.6, onPace: 1.1, behind: 0.6, idle: 0, silent: 1 };

const WORDS: Record<Status, string> = {
  已完成: "已完成年度目标任务",
  序时推进: "按计划有序推进，阶段性工作已完成",
  进度滞后: "受前期手续和资金到位影响，进度慢于计划",
  逾期未完成: "已超过完成时限，正在加紧推进",
  未启动: "尚未启动，正在研究实施方案",
  未报送: "",
};

const PROBLEMS = [
  "项目审批手续办理周期较长",
  "配套资金尚未足额到位",
  "专业技术人员不足",
  "部门间协调机制有待完善",
];

/** Periods of the ledger's kind from the start of the year up to and including `until`. */
function periodsUpTo(kind: Ledger["periodKind"], until: Period): Period[] {
  const lastDay = dayNumber(until.end);
  const periods: Period[] = [];
  for (const period of Period.ofYear(until.year, kind)) {
    if (dayNumber(period.end) <= lastDay) periods.push(period);
  }
  return periods;
}

function roundLike(target: number, value: number): number {
  return Number.isInteger(target) ? Math.round(value) : Math.round(value * 10) / 10;
}

/** The cumulative value a row of this behaviour shows when `elapsed` of its schedule has passed. */
function sampleActual(row: LedgerRow, behaviour: Behaviour, elapsed: number, jitter: number): number {
  const target = row.target ?? 0;
  if (row.op === "<=" || row.op === "<") {
    const over = behaviour === "behind" ? 1.15 : 0.95;
    return roundLike(target, target * (over + jitter * 0.1));
  }
  const reached = Math.min(1, PACE[behaviour] * elapsed * (0.95 + jitter * 0.1));
  // Rates do not start the year at zero; counts of new things do.
  const base = row.unit === "%" ? 0.8 : 0;
  return roundLike(target, target * (base + (1 - base) * reached));
}

function milestoneStatus(behaviour: Behaviour, elapsed: number): Status {
  if (behaviour === "idle") return "未启动";
  if (behaviour === "behind") return "进度滞后";
  return elapsed * PACE[behaviour] >= 1 ? "已完成" : "序时推进";
}

function statusForActual(row: LedgerRow, actual: number, expected: number, schedule: Schedule): Status {
  const share = judgeRow(row, { rowId: row.id, period: "", actual, progress: "", problems: "", reportedBy: "" }, schedule).completion ?? 0;
  if (share >= 1) return "已完成";
  if (share <= 0) return "未启动";
  return share >= expected ? "序时推进" : "进度滞后";
}

/**
 * Sample reports for every row and every period of the ledger's kind up to `until`, values
 * cumulative as units report them. Rows whose unit goes silent skip the latest period.
 */
export function sampleProgress(
  ledger: Pick<Ledger, "rows" | "documents" | "year" | "periodKind">,
  until: Period,
  seed = 1,
): ProgressEntry[] {
  const periods = periodsUpTo(ledger.periodKind, until);
  const documents = new Map(ledger.documents.map((d) => [d.id, d]));
  const entries: ProgressEntry[] = [];
  for (const row of ledger.rows) {
    const random = randomSource(seedOf(`${seed}:${row.id}`));
    const behaviour = behaviourOf(random());
    const document = documents.get(row.docId);
    const planStart = planStartOf(document, ledger.year);
    const deadline = row.deadline ?? `${document?.year ?? ledger.year}-12-31`;
    periods.forEach((period, position) => {
      const isLatest = position === periods.length - 1;
      const jitter = random();
      if (behaviour === "silent" && isLatest) return;
      const end = period.end;
      const schedule = { planStart, periodEnd: end };
      const elapsed = judgeRow({ ...row, deadline }, undefined, schedule).expected ?? 1;
      // A unit that has not started reports no number: a rate of 0% would be nonsense.
      const numeric = isNumericRow(row) && behaviour !== "idle";
      const actual = numeric ? sampleActual(row, behaviour, elapsed, jitter) : undefined;
      const status =
        actual !== undefined ? statusForActual(row, actual, elapsed, schedule) : milestoneStatus(behaviour, elapsed);
      const lagging = groupOf(status) === "behind";
      entries.push({
        rowId: row.id,
        period: period.key,
        ...(actual !== undefined ? { actual } : {}),
        status,
        progress: `【${SAMPLE_LABEL}】${WORDS[status]}`,
        problems:
          lagging && jitter < 0.5
            ? `【${SAMPLE_LABEL}】${PROBLEMS[Math.floor(jitter * 8) % PROBLEMS.length] ?? ""}`
            : "",
        reportedBy: SAMPLE_LABEL,
        reportedAt: `${isoFromDayNumber(dayNumber(end) + 5)}T09:00:00+08:00`,
      });
    });
  }
  return entries;
}
