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
} from "@fluentui/react-components";
import { useRef } from "react";
import type { Alert, Ledger, Period, Status } from "../../../core/model";
import { ALERT_COLOURS, ALERT_WORDS, STATUSES } from "../../../core/model";
import { STATUS_COLOURS } from "../../../core/sheets";
import type { RowAssessment } from "../../../core/progress";
import { formatPercent } from "../../../core/report";
import { LedgerReader } from "../LedgerReader/LedgerReader";
import { PeriodPicker } from "../PeriodPicker/PeriodPicker";
import { WINDOWED_FROM, useWindowedRows, useWindowedStyles } from "../../useWindowedRows";
import { useProgressStepStyles } from "./ProgressStep.styles";
import { useProgressStep } from "./useProgressStep";

export interface ProgressStepProps {
  /** The ledger written or read last; undefined until then. */
  ledger?: Ledger | undefined;
  period?: Period | undefined;
  onPeriod: (period: Period) => void;
  onRead: (ledger: Ledger) => void;
}

/** A word on the colours the workbook's conditional formats give it, so the pane and the sheet look alike. */
function ColourBadge({
  word,
  fill,
  text,
  label,
}: {
  word: string;
  fill: string;
  text: string;
  label?: string;
}) {
  return (
    <Badge
      shape="rounded"
      appearance="filled"
      style={{ backgroundColor: `#${fill}`, color: `#${text}` }}
      {...(label !== undefined && { "aria-label": label, title: label })}
    >
      {word}
    </Badge>
  );
}

function StatusBadge({ status }: { status: Status }) {
  const { fill = "FFFFFF", fontColor = "000000" } = STATUS_COLOURS[status];
  return <ColourBadge word={status} fill={fill} text={fontColor} />;
}

/** 三色预警 as the sheet's 预警 column shows it, its meaning read out. */
function AlertBadge({ alert }: { alert: Alert }) {
  const { fill, text } = ALERT_COLOURS[alert];
  return <ColourBadge word={alert} fill={fill} text={text} label={`预警：${ALERT_WORDS[alert]}`} />;
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
  const windowedStyles = useWindowedStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useWindowedRows(shownRows.length, scroller, () => 56);

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
            <div
              ref={scroller}
              className={shownRows.length > WINDOWED_FROM ? windowedStyles.windowed : undefined}
            >
              <Table
                size="small"
                aria-label="任务状态"
                aria-rowcount={shownRows.length + 1}
                {...gridNavigation}
              >
                <TableHeader>
                  <TableRow aria-rowindex={1}>
                    <TableHeaderCell className={styles.numberColumn}>编号</TableHeaderCell>
                    <TableHeaderCell>任务 / 牵头单位</TableHeaderCell>
                    <TableHeaderCell className={styles.statusColumn}>状态 / 预警</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.before > 0 && <tr aria-hidden="true" style={{ height: rows.before }} />}
                  {rows.indices.map((index) => {
                    const assessed = shownRows[index];
                    if (!assessed) return null;
                    const measure = measureText(assessed);
                    return (
                      <TableRow
                        key={assessed.row.id}
                        data-index={index}
                        ref={rows.measure}
                        aria-rowindex={index + 2}
                      >
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
                          <span className={styles.badges}>
                            <StatusBadge status={assessed.status} />
                            <AlertBadge alert={assessed.alert} />
                          </span>
                          {assessed.check && (
                            <Text size={200} className={styles.check}>
                              需核实：{assessed.check}
                            </Text>
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                  {rows.after > 0 && <tr aria-hidden="true" style={{ height: rows.after }} />}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
