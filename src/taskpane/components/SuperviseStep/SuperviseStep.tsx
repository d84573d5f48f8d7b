import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  Textarea,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Ledger, Period } from "../../../core/model";
import { DEFAULT_ISSUER } from "../../../core/model";
import { useSuperviseStepStyles } from "./SuperviseStep.styles";
import { REMINDER_BOX_LABEL, useSuperviseStep, type SuperviseOutcome } from "./useSuperviseStep";

export interface SuperviseStepProps {
  ledger: Ledger;
  period: Period;
  /** 发文单位 as the 通报 settings hold it: the notices sign as the 通报 does. */
  issuer: string;
  /** 成文日期 of the 通报 (ISO): the notices' date, and the day the 催办 counts from. */
  date: string;
}

function OutcomeBar({ outcome }: { outcome: SuperviseOutcome | undefined }) {
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.ok ? "success" : "error"} layout="multiline">
      <MessageBarBody>{outcome.message}</MessageBarBody>
    </MessageBar>
  );
}

function ErrorBar({ title, message }: { title: string; message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

function WarningBar({ message }: { message: string }) {
  if (!message) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  const styles = useSuperviseStepStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text as="h3" id={id} size={400} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      <Text as="p">{intro}</Text>
      {children}
    </section>
  );
}

/** A number of days; left empty, the core's default (shown as the placeholder) applies. */
function DaysField(props: {
  label: string;
  hint: string;
  min: number;
  value: string;
  defaultDays: number;
  onChange: (value: string) => void;
}) {
  const styles = useSuperviseStepStyles();
  return (
    <Field label={props.label} hint={props.hint}>
      <Input
        className={styles.days}
        type="number"
        min={props.min}
        value={props.value}
        placeholder={String(props.defaultDays)}
        onChange={(_, data) => props.onChange(data.value)}
      />
    </Field>
  );
}

/** 督办通知单 for the units behind, and 催办 for what falls due: below the 通报, on the same period. */
export function SuperviseStep({ ledger, period, issuer, date }: SuperviseStepProps) {
  const styles = useSuperviseStepStyles();
  const { notice, remind, inExcel } = useSuperviseStep(ledger, period, issuer, date);

  return (
    <>
      <Section
        id="duban-notice-heading"
        title="督办通知单"
        intro="为牵头任务进度滞后、未启动或逾期未完成的单位各生成一页督办通知单（.docx），落款和成文日期与通报相同，编号接续本年度此前各期。"
      >
        <DaysField
          label="办理时限（天）"
          hint={`自成文日期起的自然日天数，默认${notice.defaultDays}天`}
          min={1}
          value={notice.days}
          defaultDays={notice.defaultDays}
          onChange={notice.setDays}
        />
        {notice.error && <ErrorBar title="无法生成督办通知单" message={notice.error} />}
        {notice.none && <Text as="p">{notice.none}</Text>}
        {notice.notices && notice.notices.length > 0 && (
          <>
            <Text as="p">
              {period.label}将向{notice.notices.length}个单位发出督办通知单：
            </Text>
            <ul className={styles.units} aria-label="督办通知单发送单位">
              {notice.notices.map((n) => (
                <li key={n.unit}>
                  <Text>
                    {n.unit}（{n.tasks.length}项任务）
                  </Text>{" "}
                  <Text size={200} className={styles.number}>
                    {n.number}
                  </Text>
                </li>
              ))}
            </ul>
            {notice.issuerIsDefault && (
              <Text size={200}>
                未填写发文单位，落款暂用“{DEFAULT_ISSUER}”；请在上方“通报设置”中填写本单位名称。
              </Text>
            )}
            <div className={styles.buttons}>
              <Button disabled={notice.downloading} onClick={() => void notice.download()}>
                下载督办通知单（.docx）
              </Button>
            </div>
          </>
        )}
        <WarningBar message={notice.withoutLead} />
        <OutcomeBar outcome={notice.outcome} />
      </Section>

      <Section
        id="duban-remind-heading"
        title="催办"
        intro={`列出临近完成时限和已超过完成时限的未完成任务，按单位生成催办消息，剩余天数从成文日期${remind.countsFrom ? `（${remind.countsFrom}）` : ""}算起。`}
      >
        <DaysField
          label="临期天数"
          hint={`列出多少天内到期的任务；默认取“设置”工作表的“临期提醒天数”（${remind.defaultDays}天）`}
          min={0}
          value={remind.days}
          defaultDays={remind.defaultDays}
          onChange={remind.setDays}
        />
        {remind.error && <ErrorBar title="无法生成催办清单" message={remind.error} />}
        {remind.summary && <Text as="p">{remind.summary}</Text>}
        {remind.hasReminders && (
          <>
            <div className={styles.buttons}>
              <Button onClick={() => void remind.copy()}>复制催办消息</Button>
              <Button
                appearance="primary"
                disabled={!inExcel || remind.progress !== undefined}
                onClick={() => void remind.writeSheet()}
              >
                写入“催办清单”工作表
              </Button>
            </div>
            {remind.progress && (
              <Field label="正在写入催办清单…">
                <ProgressBar value={remind.progress.done} max={remind.progress.total} />
              </Field>
            )}
            <OutcomeBar outcome={remind.outcome} />
            <Field label={REMINDER_BOX_LABEL}>
              <Textarea
                textarea={{ className: styles.messages }}
                resize="vertical"
                readOnly
                value={remind.messages}
              />
            </Field>
          </>
        )}
        <WarningBar message={remind.withoutLead} />
      </Section>
    </>
  );
}
