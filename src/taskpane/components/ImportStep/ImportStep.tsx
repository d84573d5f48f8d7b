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
import type { PlanDocument } from "../../../core/model";
import { DiagnosticList } from "../DiagnosticList/DiagnosticList";
import { useImportStepStyles } from "./ImportStep.styles";
import { ACCEPTED_FILES, useImportStep, type ImportWork } from "./useImportStep";

export interface ImportStepProps {
  onParsed: (document: PlanDocument) => void;
  onContinue: () => void;
  /** The review already holds edits that a new parse would replace. */
  hasEdits: boolean;
}

const describeWork = (work: ImportWork): string =>
  work.kind === "reading" ? `正在读取“${work.fileName}”…` : `正在解析“${work.sourceName}”…`;

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
        粘贴政策文件的文字，或选择 .txt、.md、.docx、.pdf 文件。解析后可在“校对”中核对任务、指标和责任单位。
      </Text>
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
            aria-label="选择政策文件"
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
            <MessageBarTitle>解析完成</MessageBarTitle>《{parsed.title || parsed.sourceName}》（{parsed.year}{" "}
            年）：{parsed.tasks.length} 项任务、{indicatorCount} 个指标。
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
