import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { Fragment } from "react";
import type { Adoption } from "../../../core/adopt";
import type { Indicator, PlanDocument } from "../../../core/model";
import { DEFAULT_UNITS } from "../../../core/model";
import { needsUnits } from "../../../core/review";
import { formatShortDate, formatTarget } from "../../format";
import { DiagnosticList } from "../DiagnosticList/DiagnosticList";
import { TableMapping } from "../TableMapping/TableMapping";
import { TaskEditor } from "../TaskEditor/TaskEditor";
import { useReviewStepStyles } from "./ReviewStep.styles";
import { useReviewStep } from "./useReviewStep";

export interface ReviewStepProps {
  document: PlanDocument;
  onChange: (document: PlanDocument) => void;
  /** The office's own table the document was adopted from, whose columns can be mapped again. */
  adoption?: Adoption | undefined;
  onAdoption?: (next: Adoption) => void;
  /** On to 写入台账. */
  onContinue: () => void;
}

export function ReviewStep({ document, onChange, adoption, onAdoption, onContinue }: ReviewStepProps) {
  const styles = useReviewStepStyles();
  const review = useReviewStep(document, onChange);
  const gridNavigation = useArrowNavigationGroup({ axis: "grid" });
  const { unassigned } = review.review;
  const indicatorCount =
    document.tasks.reduce((n, task) => n + task.indicators.length, 0) + document.indicators.length;

  const indicatorRow = (indicator: Indicator) => (
    <TableRow key={indicator.id}>
      <TableCell className={styles.indicatorCell}>{indicator.metric}</TableCell>
      <TableCell>{formatTarget(indicator)}</TableCell>
      <TableCell className={indicator.deadlineStated ? undefined : styles.muted}>
        {formatShortDate(indicator.deadline, document.year)}
      </TableCell>
    </TableRow>
  );

  return (
    <div className={styles.root}>
      <div className={styles.summary}>
        <Text weight="semibold">{document.title || document.sourceName}</Text>
        <Text size={200} className={styles.muted}>
          {document.year} 年 · {document.tasks.length} 项任务 · {indicatorCount}{" "}
          个指标。点击任务名称可修改牵头和配合单位、目标和时限。
        </Text>
      </div>

      {adoption && onAdoption && <TableMapping adoption={adoption} onChange={onAdoption} />}

      {unassigned.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            还有 {unassigned.length} 项任务没有牵头单位（第 {unassigned.map((task) => task.number).join("、")}{" "}
            项）。
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={review.editFirstUnassigned}>
              逐项指定
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <MessageBar intent="success">
          <MessageBarBody>每项任务都有牵头单位。</MessageBarBody>
        </MessageBar>
      )}

      <DiagnosticList
        label="待确认的解析结果"
        diagnostics={review.diagnostics}
        onAdopt={review.adopt}
        onDismiss={review.dismiss}
      />

      <Switch
        label="只显示需要处理的任务"
        checked={review.pendingOnly}
        onChange={(_, data) => review.setPendingOnly(data.checked)}
      />

      <div className={styles.tableScroller}>
        <Table size="small" aria-label="任务与指标" {...gridNavigation}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>任务 / 指标</TableHeaderCell>
              <TableHeaderCell className={styles.targetColumn}>目标</TableHeaderCell>
              <TableHeaderCell className={styles.deadlineColumn}>时限</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {review.tasks.map((task) => {
              const diagnosticCount = review.diagnosticCount(task);
              const leads = task.leadUnits.length > 0 ? task.leadUnits : task.implementingUnits;
              return (
                <Fragment key={task.id}>
                  <TableRow className={styles.taskRow}>
                    <TableCell>
                      <Button
                        className={styles.taskButton}
                        appearance="transparent"
                        aria-haspopup="dialog"
                        onClick={() => review.edit(task.id)}
                      >
                        {task.number}. {task.title}
                      </Button>
                      <div className={styles.units}>
                        牵头：
                        {needsUnits(task) ? (
                          <Badge color="danger" appearance="tint">
                            未指定
                          </Badge>
                        ) : (
                          DEFAULT_UNITS.format(leads)
                        )}
                        {diagnosticCount > 0 && (
                          <Badge color="warning" appearance="tint">
                            {diagnosticCount} 条待确认
                          </Badge>
                        )}
                      </div>
                    </TableCell>
                    <TableCell>
                      {task.indicators.length === 0 && <span className={styles.muted}>里程碑</span>}
                    </TableCell>
                    <TableCell>{formatShortDate(task.deadline, document.year)}</TableCell>
                  </TableRow>
                  {task.indicators.map(indicatorRow)}
                </Fragment>
              );
            })}
            {!review.pendingOnly && document.indicators.length > 0 && (
              <>
                <TableRow className={styles.taskRow}>
                  <TableCell colSpan={3} className={styles.groupCell}>
                    不属于具体任务的指标
                  </TableCell>
                </TableRow>
                {document.indicators.map(indicatorRow)}
              </>
            )}
          </TableBody>
        </Table>
      </div>
      {review.tasks.length === 0 && <Text>没有需要处理的任务。</Text>}
      <div>
        <Button appearance="primary" onClick={onContinue}>
          下一步：写入台账
        </Button>
      </div>

      <TaskEditor
        document={document}
        task={review.editingTask}
        onSave={review.save}
        onSaveAndNext={review.hasOtherUnassigned ? review.saveAndNext : undefined}
        onClose={review.close}
      />
    </div>
  );
}
