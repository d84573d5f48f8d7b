import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Input,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  Textarea,
} from "@fluentui/react-components";
import type { Ledger, Period } from "../../../core/model";
import { DateInput } from "../DateInput/DateInput";
import { LedgerReader } from "../LedgerReader/LedgerReader";
import { PeriodPicker } from "../PeriodPicker/PeriodPicker";
import { SuperviseStep } from "../SuperviseStep/SuperviseStep";
import { useReportStepStyles } from "./ReportStep.styles";
import { useReportStep } from "./useReportStep";

export interface ReportStepProps {
  /** The ledger written or read last; undefined until then. */
  ledger?: Ledger | undefined;
  period?: Period | undefined;
  onPeriod: (period: Period) => void;
  onRead: (ledger: Ledger) => void;
}

export function ReportStep({ ledger, period, onPeriod, onRead }: ReportStepProps) {
  const styles = useReportStepStyles();
  const step = useReportStep(ledger, period, onRead);
  const { outcome, progress } = step;

  return (
    <div className={styles.root}>
      <Text as="p">
        按所选期次生成推进情况通报。写入“通报”工作表和复制全文在任何 Excel 中都可用；部分桌面版 Excel
        的任务窗格不能下载文件。
      </Text>
      <LedgerReader hasLedger={ledger !== undefined} onRead={onRead} />
      {ledger && (
        <Text size={200}>
          通报依据最近一次写入或读取的台账；在 Excel 中改过进度后，请先“重新读取工作簿”。
        </Text>
      )}
      {ledger && <PeriodPicker ledger={ledger} period={period ?? ledger.period} onChange={onPeriod} />}
      {ledger && (
        <Accordion collapsible>
          <AccordionItem value="settings">
            <AccordionHeader>通报设置</AccordionHeader>
            <AccordionPanel className={styles.settings}>
              <Field label="主送">
                <Input
                  value={step.settings.recipients}
                  onChange={(_, data) => step.settings.setRecipients(data.value)}
                />
              </Field>
              <Field
                label="发文单位（落款）"
                hint={
                  step.settings.issuerIsDefault
                    ? `未填写，落款暂用“${step.settings.issuerPlaceholder}”。请填写本单位名称，写入通报时一并保存到“设置”工作表。`
                    : "写入通报时一并保存到“设置”工作表，下次自动带出。"
                }
              >
                <Input
                  value={step.settings.issuer}
                  placeholder={step.settings.issuerPlaceholder}
                  onChange={(_, data) => step.settings.setIssuer(data.value)}
                />
              </Field>
              <Field label="通报范围" hint="写入标题：关于2024年第三季度{范围}重点工作推进情况的通报">
                <Input
                  value={step.settings.scope}
                  placeholder="如：全市卫生健康"
                  onChange={(_, data) => step.settings.setScope(data.value)}
                />
              </Field>
              <Field label="成文日期">
                <DateInput value={step.settings.date} onChange={step.settings.setDate} />
              </Field>
              <Field label="下步工作要求" hint="每行一条，通报中写成“一是…；二是…”。">
                <Textarea
                  resize="vertical"
                  value={step.settings.requirements}
                  onChange={(_, data) => step.settings.setRequirements(data.value)}
                />
              </Field>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {step.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>无法生成通报</MessageBarTitle>
            {step.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {step.report && (
        <>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabledFocusable={!step.inExcel || step.busy}
              onClick={() => void step.writeSheet()}
            >
              写入“通报”工作表
            </Button>
            <Button onClick={() => void step.copy()}>复制全文</Button>
            <Button disabledFocusable={step.busy} onClick={() => void step.download()}>
              下载 .docx
            </Button>
          </div>
          {progress && (
            <Field label="正在写入通报…">
              <ProgressBar value={progress.done} max={progress.total} />
            </Field>
          )}
          {outcome && (
            <MessageBar intent={outcome.ok ? "success" : "error"} layout="multiline">
              <MessageBarBody>{outcome.message}</MessageBarBody>
            </MessageBar>
          )}
          <Field label="通报全文">
            <Textarea textarea={{ className: styles.text }} resize="vertical" readOnly value={step.text} />
          </Field>
        </>
      )}
      {/* Under the 通报 it goes with: a date or a ledger the 通报 refuses is said there, once. */}
      {ledger && step.report && (
        <SuperviseStep
          ledger={ledger}
          period={period ?? ledger.period}
          issuer={step.settings.issuer}
          date={step.settings.date}
        />
      )}
    </div>
  );
}
