import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Switch,
  Text,
  useArrowNavigationGroup,
  type BadgeProps,
} from "@fluentui/react-components";
import type { Ledger, Period, Status } from "../../../core/model";
import { STATUSES } from "../../../core/model";
import type { RowAssessment } from "../../../core/progress";
import { formatPercent } from "../../../core/report";
import { LedgerReader } from "../LedgerReader/LedgerReader";
import { PeriodPicker } from "../PeriodPicker/PeriodPicker";
import { useProgressStepStyles } from "./ProgressStep.styles";
import { useProgressStep } from "./useProgressStep";

export interface ProgressStepProps {
  /** The ledger written or read last; undefined until then. */
  ledger?: Ledger | undefined;
  period?: Period | undefined;
  onPeriod: (period: Period) => void;
  onRead: (ledger: Ledger) => void;
}

/** The workbook's colours (green on schedule, amber behind, red overdue, grey silent), always with the word. */
const STATUS_BADGES: Record<Status, Pick<BadgeProps, "color" | "appearance">> = {
  已完成: { color: "success", appearance: "filled" },
  序时推进: { color: "success", appearance: "tint" },
  进度滞后: { color: "warning", appearance: "tint" },
  未启动: { color: "warning", appearance: "outline" },
  逾期未完成: { color: "danger", appearance: "filled" },
  未报送: { color: "informative", appearance: "tint" },
};

function StatusBadge({ status }: { status: Status }) {
  return (
    <Badge shape="rounded" {...STATUS_BADGES[status]}>
      {status}
    </Badge>
  );
}

/** `完成 60.0%，序时 75.0%` for rows judged by a number. */
function measureText(row: RowAssessment): string | undefined {
  if (row.completion === undefined) return undefined;
  const pace = row.expected === undefined ? "" : `，序时 ${formatPercent(row.expected, 1)}%`;
  return `完成 ${formatPercent(row.completion, 1)}%${pace}`;
}

export function ProgressStep({ ledger, period, onPeriod, onRead }: ProgressStepProps) {
  const styles = useProgressStepStyles();
  const { assessed: progress, shownRows, behindOnly, setBehindOnly } = useProgressStep(ledger, period);
  const gridNavigation = useArrowNavigationGroup({ axis: "grid" });

  return (
    <div className={styles.root}>
      <Text as="p">按期次查看每项任务的状态：各单位报回的完成值和进展，按序时进度判定。</Text>
      <LedgerReader hasLedger={ledger !== undefined} onRead={onRead} />
      {ledger && <PeriodPicker ledger={ledger} period={period ?? ledger.period} onChange={onPeriod} />}
      {progress && (
        <>
          <ul className={styles.counts} aria-label="各状态任务数">
            {STATUSES.map((status) => (
              <li key={status}>
                <StatusBadge status={status} /> {progress.counts[status]}
              </li>
            ))}
          </ul>
          <Switch
            label="只显示进度滞后、逾期未完成和未启动的任务"
            checked={behindOnly}
            onChange={(_, data) => setBehindOnly(data.checked)}
          />
          {shownRows.length === 0 ? (
            <Text>没有符合条件的任务。</Text>
          ) : (
            <Table size="small" aria-label="任务状态" {...gridNavigation}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.numberColumn}>编号</TableHeaderCell>
                  <TableHeaderCell>任务 / 牵头单位</TableHeaderCell>
                  <TableHeaderCell className={styles.statusColumn}>状态</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shownRows.map((assessed) => {
                  const measure = measureText(assessed);
                  return (
                    <TableRow key={assessed.row.id}>
                      <TableCell tabIndex={0}>{assessed.row.number}</TableCell>
                      <TableCell tabIndex={0}>
                        {assessed.row.metric && assessed.row.metric !== assessed.row.task
                          ? `${assessed.row.task}：${assessed.row.metric}`
                          : assessed.row.task}
                        <Text size={200} className={styles.detail}>
                          {assessed.row.leadUnits.length > 0
                            ? assessed.row.leadUnits.join("、")
                            : "牵头单位未明确"}
                          {measure && `；${measure}`}
                        </Text>
                      </TableCell>
                      <TableCell tabIndex={0}>
                        <StatusBadge status={assessed.status} />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </div>
  );
}
