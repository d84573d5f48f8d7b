import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Text,
} from "@fluentui/react-components";
import type { Adoption } from "../../../core/adopt";
import type { Ledger, PlanDocument } from "../../../core/model";
import { Period } from "../../../core/model";
import { useLedgerStepStyles } from "./LedgerStep.styles";
import { useLedgerStep } from "./useLedgerStep";

export interface LedgerStepProps {
  /** The document as reviewed in 校对. */
  document: PlanDocument;
  /** The office's own table the document was adopted from: sheet rows, progress and mapping go along. */
  adoption?: Adoption | undefined;
  /** The ledger that is now in the workbook. */
  onWritten: (ledger: Ledger) => void;
  /** On to 进度. */
  onContinue: () => void;
}

export function LedgerStep({ document, adoption, onWritten, onContinue }: LedgerStepProps) {
  const styles = useLedgerStepStyles();
  const step = useLedgerStep(document, onWritten, adoption);
  const { built, progress, outcome } = step;

  return (
    <div className={styles.root}>
      <Text as="p">
        把校对后的任务写入当前工作簿：任务清单、进度填报、单位汇总、通报，以及隐藏的台账信息表。同名工作表会被替换。
      </Text>

      <Field label="报送周期">
        <RadioGroup
          layout="horizontal"
          value={step.periodKind}
          onChange={(_, data) => step.chooseKind(data.value === "month" ? "month" : "quarter")}
        >
          <Radio value="quarter" label="按季度" />
          <Radio value="month" label="按月" />
        </RadioGroup>
      </Field>
      <Field label="当前期次">
        <Select
          value={step.period?.key ?? ""}
          onChange={(_, data) => {
            const chosen = Period.parse(data.value);
            if (chosen) step.choosePeriod(chosen);
          }}
        >
          {step.periods.map((period) => (
            <option key={period.key} value={period.key}>
              {period.label}
            </option>
          ))}
        </Select>
      </Field>

      {built.ok ? (
        <>
          <Text as="p">
            《{built.ledger.title}》：{built.ledger.rows.length} 行（每个指标一行，没有指标的任务一行）。
          </Text>
          {step.withoutLeadUnit > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                有 {step.withoutLeadUnit}{" "}
                项任务没有写明牵头单位：可回到“校对”逐项指定，或写入后在“任务清单”中补充。
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>无法生成台账</MessageBarTitle>
            {built.message}
          </MessageBarBody>
        </MessageBar>
      )}

      {!step.inExcel && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>写入台账需要在 Excel 中打开本加载项。</MessageBarBody>
        </MessageBar>
      )}

      {step.skipped.length > 0 && !outcome && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>此版本的 Excel 不支持以下设置，写入时将略过</MessageBarTitle>
            <ul className={styles.list}>
              {step.skipped.map((feature) => (
                <li key={feature.code}>{feature.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button
          appearance={outcome?.ok ? "secondary" : "primary"}
          disabledFocusable={!step.canWrite}
          onClick={() => void step.write()}
        >
          写入台账
        </Button>
      </div>

      {progress && (
        <Field label="正在写入台账…" validationState="none">
          <ProgressBar value={progress.done} max={progress.total} />
        </Field>
      )}

      {outcome?.ok === true && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>台账已写入</MessageBarTitle>
            已写入工作表：{outcome.sheets.join("、")}。
            {outcome.keptReports > 0 && `保留了工作簿中已有的 ${outcome.keptReports} 条填报记录。`}
            {outcome.replacesTitle !== undefined && `已替换工作簿中原有的《${outcome.replacesTitle}》。`}
            {outcome.kept}
            {outcome.skipped.length > 0 && `略过：${outcome.skipped.join(" ")}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.ok === true && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onContinue}>
            下一步：查看进度
          </Button>
        </div>
      )}
      {outcome?.ok === false && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>写入失败</MessageBarTitle>
            {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
