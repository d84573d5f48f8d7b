import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  SearchBox,
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
  mergeClasses,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { Adoption } from "../../../core/adopt";
import type { Indicator, PlanDocument, Span, Task } from "../../../core/model";
import { DEFAULT_UNITS } from "../../../core/model";
import { needsUnits, type ReviewOp, type SourceRange as Range } from "../../../core/review";
import { formatShortDate, formatTarget } from "../../format";
import { DiagnosticList } from "../DiagnosticList/DiagnosticList";
import { SourceRange } from "../SourceRange/SourceRange";
import { SourceView } from "../SourceView/SourceView";
import { TableMapping } from "../TableMapping/TableMapping";
import { TaskEditor } from "../TaskEditor/TaskEditor";
import { WINDOWED_FROM, useWindowedRows, useWindowedStyles } from "../../useWindowedRows";
import { useReviewStepStyles } from "./ReviewStep.styles";
import { StructureDialogs, type StructureDialog } from "./StructureDialogs";
import { useReviewStep } from "./useReviewStep";

/** What a rendered row needs to be measured in a long, windowed table. */
interface MeasuredRow {
  "data-index": number;
  ref: (element: Element | null) => void;
  /** Where the row stands among all the table's rows (the header is row 1), rendered or not. */
  "aria-rowindex": number;
}

type ReviewRow =
  | { kind: "heading"; title: string; section: boolean }
  | { kind: "task"; task: Task }
  | { kind: "indicator"; indicator: Indicator };

const NO_SECTION = "（不属于任何部分）";

/** The table's rows: each section's title before its tasks, each task before its targets, then the loose targets. */
function reviewRows(tasks: readonly Task[], loose: readonly Indicator[]): ReviewRow[] {
  const rows: ReviewRow[] = [];
  tasks.forEach((task, shown) => {
    const before = tasks[shown - 1];
    // A task outside any section after one inside a section is not shown as if under it.
    if (before && task.section !== before.section)
      rows.push({ kind: "heading", title: task.section || NO_SECTION, section: true });
    else if (!before && task.section) rows.push({ kind: "heading", title: task.section, section: true });
    rows.push({ kind: "task", task });
    for (const indicator of task.indicators) rows.push({ kind: "indicator", indicator });
  });
  if (loose.length > 0) {
    rows.push({ kind: "heading", title: "不属于具体任务的指标", section: false });
    for (const indicator of loose) rows.push({ kind: "indicator", indicator });
  }
  return rows;
}

export interface ReviewStepProps {
  document: PlanDocument;
  /** An edit, as an operation the app makes and keeps (so it can be made again on a new reading). */
  onEdit: (op: ReviewOp) => void;
  /** The office's own table the document was adopted from, whose columns can be mapped again. */
  adoption?: Adoption | undefined;
  onAdoption?: (next: Adoption) => void;
  /** The text the document was read from: diagnostics show where in it they point. */
  source?: string | undefined;
  /** Where the plan starts and ends in `source`, and reading it again within a new range (text only). */
  range?: Range | undefined;
  onRange?: ((range: Range | undefined) => number) | undefined;
  /** Back one edit (the button and Ctrl+Z). */
  canUndo?: boolean;
  onUndo?: () => void;
  /** On to 写入台账. */
  onContinue: () => void;
}

export function ReviewStep({
  document,
  onEdit,
  adoption,
  onAdoption,
  canUndo = false,
  onUndo,
  source,
  range,
  onRange,
  onContinue,
}: ReviewStepProps) {
  const styles = useReviewStepStyles();
  const review = useReviewStep(document, onEdit);
  const [dialog, setDialog] = useState<StructureDialog>();
  const [located, setLocated] = useState<Span>();
  const [docTitle, setDocTitle] = useState(document.title);
  const [docYear, setDocYear] = useState(String(document.year));
  const [docProblem, setDocProblem] = useState<string>();
  // A new reading, or 撤销, brings its own title and year into the fields.
  useEffect(() => {
    setDocTitle(document.title);
    setDocYear(String(document.year));
  }, [document.title, document.year]);
  // Ctrl+Z in a text field undoes the typing; elsewhere in 校对, the last edit.
  const undoKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (!typing && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z" && canUndo && onUndo) {
      event.preventDefault();
      onUndo();
    }
  };
  const applyDocument = () => setDocProblem(review.editDocument(docTitle, docYear));
  // When the editor closes, focus goes back to the task's own button, where the user was.
  const root = useRef<HTMLDivElement>(null);
  const lastEdited = useRef<string | undefined>(undefined);
  useEffect(() => {
    const editing = review.editingTask?.id;
    if (editing !== undefined) {
      lastEdited.current = editing;
      return;
    }
    const closed = lastEdited.current;
    lastEdited.current = undefined;
    if (closed === undefined) return;
    const button = () =>
      [...(root.current?.querySelectorAll<HTMLElement>("[data-task-id]") ?? [])].find(
        (shown) => shown.dataset.taskId === closed,
      );
    const now = button();
    if (now) return now.focus();
    // 保存并指定下一项 may have gone to a task far down a long table: bring its row in, then focus it.
    rows.scrollTo(tableRows.findIndex((row) => row.kind === "task" && row.task.id === closed));
    requestAnimationFrame(() => button()?.focus());
  }, [review.editingTask?.id]);
  const taskMenu = (task: Task, index: number) => (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          icon={<MoreHorizontalRegular />}
          aria-label={`任务 ${task.number} 的操作`}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => setDialog({ kind: "add", after: task })}>在后面添加任务…</MenuItem>
          <MenuItem onClick={() => setDialog({ kind: "split", task })}>拆分任务…</MenuItem>
          <MenuItem
            disabled={index === document.tasks.length - 1}
            onClick={() => review.mergeWithNext(task.id)}
          >
            与下一项合并
          </MenuItem>
          <MenuItem onClick={() => review.deleteTask(task.id)}>删除任务</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
  const gridNavigation = useArrowNavigationGroup({ axis: "grid" });
  const tableRows = reviewRows(review.tasks, review.pendingOnly ? [] : document.indicators);
  const windowedStyles = useWindowedStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useWindowedRows(tableRows.length, scroller, (index) =>
    tableRows[index]?.kind === "task" ? 64 : 32,
  );
  const { unassigned } = review.review;
  const indicatorCount =
    document.tasks.reduce((n, task) => n + task.indicators.length, 0) + document.indicators.length;

  const indicatorRow = (indicator: Indicator, measured: MeasuredRow) => (
    <TableRow key={indicator.id} {...measured}>
      <TableCell className={styles.indicatorCell}>{indicator.metric}</TableCell>
      <TableCell>{formatTarget(indicator)}</TableCell>
      <TableCell className={indicator.deadlineStated ? undefined : styles.muted}>
        {formatShortDate(indicator.deadline, document.year)}
      </TableCell>
    </TableRow>
  );

  const taskRow = (task: Task, measured: MeasuredRow) => {
    const diagnosticCount = review.diagnosticCount(task);
    const leads = task.leadUnits.length > 0 ? task.leadUnits : task.implementingUnits;
    return (
      <TableRow key={task.id} className={styles.taskRow} {...measured}>
        <TableCell>
          <div className={styles.taskHead}>
            <Checkbox
              className={styles.taskCheck}
              aria-label={`选择任务 ${task.number} ${task.title}`}
              checked={review.isSelected(task.id)}
              onChange={(_, data) => review.select(task.id, data.checked === true)}
            />
            <Button
              className={styles.taskButton}
              appearance="transparent"
              aria-haspopup="dialog"
              data-task-id={task.id}
              onClick={() => review.edit(task.id)}
            >
              {task.number}. {task.title}
            </Button>
            {taskMenu(task, document.tasks.indexOf(task))}
          </div>
          <div className={styles.units}>
            牵头：
            {needsUnits(task) ? (
              <Badge color="danger" appearance="tint">
                未指定
              </Badge>
            ) : (
              DEFAULT_UNITS.format(leads)
            )}
            {task.coUnits.length > 0 && <span>；配合：{DEFAULT_UNITS.format(task.coUnits)}</span>}
            {diagnosticCount > 0 && (
              <Badge color="warning" appearance="tint">
                {diagnosticCount} 条待确认
              </Badge>
            )}
          </div>
        </TableCell>
        <TableCell>{task.indicators.length === 0 && <span className={styles.muted}>节点</span>}</TableCell>
        <TableCell>{formatShortDate(task.deadline, document.year)}</TableCell>
      </TableRow>
    );
  };

  return (
    <div className={styles.root} ref={root} onKeyDown={undoKey}>
      <div className={styles.summary}>
        <Text weight="semibold">{document.title || document.sourceName}</Text>
        <Text size={200} className={styles.muted}>
          {document.year} 年 · {document.tasks.length} 项任务 · {indicatorCount}{" "}
          个指标。点击任务名称可修改牵头和配合单位、目标和时限。
        </Text>
      </div>

      <div className={styles.toolbar} role="toolbar" aria-label="校对操作">
        <Button disabledFocusable={!canUndo} aria-keyshortcuts="Control+Z" onClick={onUndo}>
          撤销
        </Button>
        <Button onClick={() => setDialog({ kind: "add", after: document.tasks.at(-1) })}>添加任务…</Button>
        {review.selected.length > 0 && (
          <>
            <Button
              onClick={() => {
                review.deleteSelected();
                // The button goes with the selection: focus stays in the toolbar, on 撤销.
                root.current?.querySelector<HTMLElement>('[aria-keyshortcuts="Control+Z"]')?.focus();
              }}
            >
              删除所选（{review.selected.length} 项）
            </Button>
            <Button appearance="subtle" onClick={review.clearSelection}>
              取消选择
            </Button>
          </>
        )}
      </div>

      <Accordion collapsible>
        <AccordionItem value="document">
          <AccordionHeader>文件标题与年度</AccordionHeader>
          <AccordionPanel className={styles.documentFields}>
            <Field label="文件标题" {...(docProblem !== undefined && { validationMessage: docProblem })}>
              <Input value={docTitle} onChange={(_, data) => setDocTitle(data.value)} />
            </Field>
            <Field label="年度" hint="台账的期次按此年度排列">
              <Input type="number" value={docYear} onChange={(_, data) => setDocYear(data.value)} />
            </Field>
            <div>
              <Button onClick={applyDocument}>应用</Button>
            </div>
          </AccordionPanel>
        </AccordionItem>
        {source !== undefined && onRange && (
          <AccordionItem value="range">
            <AccordionHeader>原文：从哪里开始，到哪里结束</AccordionHeader>
            <AccordionPanel>
              <SourceRange
                // A new document starts the lines afresh; a new range of the same one keeps its place.
                key={document.id}
                source={source}
                document={document}
                range={range}
                onRange={onRange}
              />
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>

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
        {...(source !== undefined && { onLocate: setLocated })}
      />
      {source !== undefined && located && (
        <SourceView source={source} span={located} onClose={() => setLocated(undefined)} />
      )}

      <SearchBox
        aria-label="搜索任务"
        placeholder="搜索编号、任务、部分或单位"
        value={review.query}
        onChange={(_, data) => review.setQuery(data.value)}
      />
      <Switch
        label="只显示需要处理的任务"
        checked={review.pendingOnly}
        onChange={(_, data) => review.setPendingOnly(data.checked)}
      />

      <div
        ref={scroller}
        className={mergeClasses(
          styles.tableScroller,
          tableRows.length > WINDOWED_FROM && windowedStyles.windowed,
        )}
      >
        <Table size="small" aria-label="任务与指标" aria-rowcount={tableRows.length + 1} {...gridNavigation}>
          <TableHeader>
            <TableRow aria-rowindex={1}>
              <TableHeaderCell>任务 / 指标</TableHeaderCell>
              <TableHeaderCell className={styles.targetColumn}>目标</TableHeaderCell>
              <TableHeaderCell className={styles.deadlineColumn}>时限</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.before > 0 && <tr aria-hidden="true" style={{ height: rows.before }} />}
            {rows.indices.map((index) => {
              const row = tableRows[index];
              if (!row) return null;
              const measured = { "data-index": index, ref: rows.measure, "aria-rowindex": index + 2 };
              switch (row.kind) {
                case "heading":
                  return (
                    <TableRow key={`heading-${index}`} {...measured}>
                      <TableCell
                        {...(row.section && { role: "rowheader" })}
                        colSpan={3}
                        className={styles.groupCell}
                      >
                        {row.title}
                      </TableCell>
                    </TableRow>
                  );
                case "indicator":
                  return indicatorRow(row.indicator, measured);
                case "task":
                  return taskRow(row.task, measured);
              }
            })}
            {rows.after > 0 && <tr aria-hidden="true" style={{ height: rows.after }} />}
          </TableBody>
        </Table>
      </div>
      {review.tasks.length === 0 && (
        <Text>
          {review.query.trim() ? `没有与“${review.query.trim()}”相符的任务。` : "没有需要处理的任务。"}
        </Text>
      )}
      <div>
        <Button appearance="primary" onClick={onContinue}>
          下一步：写入台账
        </Button>
      </div>

      <StructureDialogs
        open={dialog}
        onAdd={(title, after) => {
          setDialog(undefined);
          review.addTask(title, after);
        }}
        onSplit={(taskId, at) => {
          setDialog(undefined);
          review.splitTask(taskId, at);
        }}
        onClose={() => setDialog(undefined)}
      />

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
