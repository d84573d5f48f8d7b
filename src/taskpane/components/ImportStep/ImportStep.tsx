import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  Textarea,
} from "@fluentui/react-components";
import type { Adoption } from "../../../core/adopt";
import { columnLetter } from "../../../core/adopt";
import type { PlanDocument } from "../../../core/model";
import { DiagnosticList } from "../DiagnosticList/DiagnosticList";
import { useImportStepStyles } from "./ImportStep.styles";
import { ACCEPTED_FILES, useImportStep, type ImportWork } from "./useImportStep";

export interface ImportStepProps {
  /** A document read, or a task table adopted (with how its columns were read), and its source text. */
  onParsed: (document: PlanDocument, adoption: Adoption | undefined, source: string) => void;
  onContinue: () => void;
  /** The review already holds edits that a new parse would replace. */
  hasEdits: boolean;
}

function describeWork(work: ImportWork): string {
  switch (work.kind) {
    case "reading":
      return `正在读取“${work.fileName}”…`;
    case "parsing":
      return `正在解析“${work.sourceName}”…`;
    case "table":
      return work.source === "sheet" ? "正在读取当前工作表…" : "正在读取所选区域…";
  }
}

/** Where the table was and how much of it was read, for the success message. */
function tableSummary({ grid, table }: Adoption): string {
  const where = grid.sheet ? `“${grid.sheet}”中` : "";
  const first = columnLetter(grid.origin.column - 1);
  const last = columnLetter(grid.origin.column - 2 + table.mapping.columns.length);
  const progress =
    table.progress.length > 0 ? `，${table.progress.length} 项的进展情况将作为本期进度导入` : "";
  return `按${where}第${grid.origin.row + table.mapping.headerRows.first}行起的表头读取 ${first}—${last} 列${progress}。`;
}

export function ImportStep({ onParsed, onContinue, hasEdits }: ImportStepProps) {
  const styles = useImportStepStyles();
  const step = useImportStep(onParsed);
  const { parsed, work } = step;
  const indicatorCount = parsed
    ? parsed.tasks.reduce((n, task) => n + task.indicators.length, 0) + parsed.indicators.length
    : 0;

  return (
    <div className={styles.root}>
      <Text as="p">
        粘贴政策文件的文字，或选择 .txt、.md、.docx、.pdf
        文件；已有任务表（台账、任务分解表）的，可直接使用工作表，或选择 .xlsx、.csv、含表格的 .docx
        文件。解析后可在“校对”中核对任务、指标和责任单位。
      </Text>
      {step.inExcel && (
        <div className={styles.actions} role="group" aria-label="使用已有任务表">
          <Button disabled={work !== undefined} onClick={step.useSheet}>
            使用当前工作表
          </Button>
          <Button disabled={work !== undefined} onClick={step.useSelection}>
            使用所选区域
          </Button>
        </div>
      )}
      <div className={styles.source}>
        <Field label="政策文件文字">
          <Textarea
            className={styles.text}
            resize="vertical"
            value={step.text}
            placeholder="把工作要点、实施方案或新闻报道的全文粘贴到这里"
            onChange={(_, data) => step.changeText(data.value)}
            disabled={work !== undefined}
          />
        </Field>
        <div className={styles.actions}>
          <Button
            appearance={parsed ? "secondary" : "primary"}
            disabled={!step.canParse}
            onClick={step.parseText}
          >
            解析文字
          </Button>
          <Button disabled={work !== undefined} onClick={step.chooseFile}>
            选择文件…
          </Button>
          <input
            ref={step.fileInput}
            className={styles.fileInput}
            type="file"
            accept={ACCEPTED_FILES}
            aria-label="选择政策文件或任务表"
            tabIndex={-1}
            onChange={step.fileChosen}
          />
        </div>
      </div>

      {hasEdits && work === undefined && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>“校对”中已有修改；重新解析会用新的解析结果替换这些修改。</MessageBarBody>
        </MessageBar>
      )}

      {work && (
        <Field label={describeWork(work)}>
          <ProgressBar />
        </Field>
      )}

      {parsed && !work && parsed.tasks.length > 0 && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{step.adopted ? "已读取任务表" : "解析完成"}</MessageBarTitle>《
            {parsed.title || parsed.sourceName}》（{parsed.year} 年）：{parsed.tasks.length} 项任务、
            {indicatorCount} 个指标。
            {step.adopted && `${tableSummary(step.adopted)}可在“校对”中改变各列的对应。`}
          </MessageBarBody>
        </MessageBar>
      )}

      {!work && <DiagnosticList label="解析提示" diagnostics={step.diagnostics} />}

      {parsed && !work && parsed.tasks.length > 0 && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onContinue}>
            下一步：校对
          </Button>
        </div>
      )}
    </div>
  );
}
