import { DateInput } from "../DateInput/DateInput";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from "@fluentui/react-components";
import type { Ledger } from "../../../core/model";
import { chineseDate } from "../../../core/model";
import { responsibleUnits } from "../../../core/roundtrip";
import { PeriodPicker } from "../PeriodPicker/PeriodPicker";
import { useRoundTripStyles } from "./RoundTrip.styles";
import type { MergePreview, Notice, RoundTripWork, RoundTripWorkbook } from "./useRoundTrip";
import { ACCEPTED_RETURNS, useRoundTrip } from "./useRoundTrip";

export type { RoundTripWorkbook } from "./useRoundTrip";

export interface RoundTripProps {
  /** The open workbook's side of the round trip; undefined outside Excel. */
  workbook: RoundTripWorkbook | undefined;
  /** Offers a generated 填报 file as a download (some desktop hosts drop it silently). */
  saveFile: (fileName: string, bytes: Uint8Array) => void;
  /** The merged ledger, once it is written to the workbook. */
  onWritten: (ledger: Ledger) => void;
  /** The clock for the change records; the system clock unless a test sets one. */
  now?: () => Date;
}

const systemClock = (): Date => new Date();

function workLabel(work: RoundTripWork): string {
  switch (work.kind) {
    case "reading-ledger":
      return "正在读取台账…";
    case "rendering":
      return `正在生成填报文件（${work.done}/${work.total}）…`;
    case "reading-files":
      return `正在读取报回的文件（${work.done}/${work.total}）…`;
    case "writing":
      return "正在写入台账…";
  }
}

function NoticeBar({ notice }: { notice: Notice }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.text}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What a merge did, in the words of the CLI's summary: refused files, changes, conflicts, silent units. */
function MergeSummary({ preview, listClass }: { preview: MergePreview; listClass: string }) {
  const { result } = preview;
  return (
    <>
      <MessageBar intent={result.refused.length > 0 ? "warning" : "info"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>汇总{preview.period.label}</MessageBarTitle>
          收到 {preview.files.length} 个文件，汇总 {result.merged.length} 个，未汇总 {result.refused.length}{" "}
          个；变更 {result.changes.length} 处。
        </MessageBarBody>
      </MessageBar>
      {result.refused.length > 0 && (
        <section aria-label="未汇总的文件">
          <Text weight="semibold">未汇总的文件（台账不受影响，处理后可重新选择）</Text>
          <ul className={listClass}>
            {result.refused.map((file, index) => (
              <li key={`${file.fileName}-${index}`}>
                {file.fileName}：{file.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.merged.length > 0 && (
        <section aria-label="已汇总的文件">
          <Text weight="semibold">已汇总的文件</Text>
          <ul className={listClass}>
            {result.merged.map((file, index) => (
              <li key={`${file.fileName}-${index}`}>
                {file.fileName}（{file.unit}）：变更 {file.changes} 处
                {file.empty && "；未填写任何内容，按未报送计"}
                {file.missingRows.length > 0 &&
                  `；缺少 ${file.missingRows.length} 项任务（编号 ${file.missingRows.map((r) => r.number).join("、")}），按未报送计`}
                {file.notes.length > 0 && (
                  <ul className={listClass}>
                    {file.notes.map((note, n) => (
                      <li key={n}>{note.message}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.conflicts.length > 0 && (
        <section aria-label="冲突">
          <Text weight="semibold">
            冲突 {result.conflicts.length}{" "}
            处（各单位的填报均已保留，状态按牵头单位的填报判定，请核实后在“进度填报”中修改）
          </Text>
          <ul className={listClass}>
            {result.conflicts.map((conflict) => (
              <li key={`${conflict.rowId}-${conflict.field}`}>
                编号 {conflict.number}（{conflict.item}）的{conflict.field}：
                {conflict.reports.map((r) => `${r.unit}填“${r.value}”`).join("，")}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Text as="p">
        {result.missingUnits.length > 0
          ? `未报送单位 ${result.missingUnits.length} 个：${result.missingUnits.join("、")}`
          : "各责任单位均已报送。"}
      </Text>
    </>
  );
}

/** 分发 and 汇总 in the pane: the per-unit 填报 workbooks out, the returned ones back into the ledger. */
export function RoundTrip({ workbook, saveFile, onWritten, now = systemClock }: RoundTripProps) {
  const styles = useRoundTripStyles();
  const step = useRoundTrip(workbook, saveFile, onWritten, now);
  const { ledger, work, generated, preview } = step;

  if (!step.inExcel) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>分发和汇总需要在 Excel 中打开本加载项，并打开台账工作簿。</MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div className={styles.root}>
      <Text as="p">
        分发：为每个责任单位生成本期的填报工作簿，用邮件发出。汇总：把各单位报回的文件合并进台账，每处变更记入“变更记录”表。
      </Text>
      <div className={styles.actions}>
        <Button
          appearance={ledger ? "secondary" : "primary"}
          disabledFocusable={step.busy}
          onClick={() => void step.readLedger()}
        >
          {ledger ? "重新读取工作簿" : "读取工作簿中的台账"}
        </Button>
      </div>
      {step.readProblem && (
        <NoticeBar notice={{ intent: "error", title: "读取失败", text: step.readProblem }} />
      )}
      {ledger && step.period && (
        <>
          <Text as="p">
            《{ledger.title}》：{ledger.rows.length} 行，{responsibleUnits(ledger).length} 个责任单位。
          </Text>
          <PeriodPicker ledger={ledger} period={step.period} onChange={step.choosePeriod} />
        </>
      )}

      {work && (
        <Field label={workLabel(work)} validationState="none">
          {"total" in work ? <ProgressBar value={work.done} max={work.total} /> : <ProgressBar />}
        </Field>
      )}

      {ledger && (
        <section className={styles.section} aria-labelledby="duban-split-heading">
          <Text as="h3" id="duban-split-heading" size={400} weight="semibold" className={styles.heading}>
            分发
          </Text>
          <Field label="报送时限" hint="不填则为期末后第 5 天">
            <DateInput value={step.deadline} onChange={step.setDeadline} />
          </Field>
          <Field label="报送对象" hint="写在填报说明中：各单位把填好的文件发给谁">
            <Input value={step.sendTo} onChange={(_, data) => step.setSendTo(data.value)} />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabledFocusable={step.busy} onClick={() => void step.generate()}>
              生成填报文件
            </Button>
          </div>
          {generated && (
            <>
              <Text as="p">
                已为 {generated.forms.length} 个单位生成{generated.period.label}填报文件，报送时限
                {chineseDate(generated.deadline)}。
              </Text>
              <Text as="p" size={200} className={styles.hint}>
                部分桌面版 Excel 不允许加载项下载文件；如果下载后找不到文件，请用“在 Excel 中打开”，再另存为。
                {!step.canOpen &&
                  "此版本的 Excel 不能从加载项新建工作簿（需要 ExcelApi 1.8），请在 Excel 网页版或 Microsoft 365 中分发。"}
              </Text>
              <div className={styles.actions}>
                <Button onClick={() => step.save(generated.forms)}>全部下载</Button>
              </div>
              <ul className={styles.forms} aria-label="填报文件">
                {generated.forms.map((form) => (
                  <li key={form.fileName} className={styles.form}>
                    <Text className={styles.formName}>
                      {form.fileName}（{form.rowCount}项）
                    </Text>
                    <div className={styles.actions}>
                      <Button
                        size="small"
                        aria-label={`下载“${form.fileName}”`}
                        onClick={() => step.save([form])}
                      >
                        下载
                      </Button>
                      {step.canOpen && (
                        <Button
                          size="small"
                          aria-label={`在 Excel 中打开“${form.fileName}”`}
                          onClick={() => void step.open(form)}
                        >
                          在 Excel 中打开
                        </Button>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
          {step.splitNotice && <NoticeBar notice={step.splitNotice} />}
        </section>
      )}

      {ledger && (
        <section className={styles.section} aria-labelledby="duban-merge-heading">
          <Text as="h3" id="duban-merge-heading" size={400} weight="semibold" className={styles.heading}>
            汇总
          </Text>
          <Text as="p">
            选择各单位报回的填报文件（可多选）。每个文件都会核对台账、单位和期次；不合格的文件不会改动台账。
          </Text>
          <div className={styles.actions}>
            <Button
              appearance={preview ? "secondary" : "primary"}
              disabledFocusable={step.busy}
              onClick={step.chooseFiles}
            >
              选择报回的文件…
            </Button>
            <input
              ref={step.fileInput}
              className={styles.fileInput}
              type="file"
              multiple
              accept={ACCEPTED_RETURNS}
              aria-label="选择报回的填报文件"
              tabIndex={-1}
              onChange={step.filesChosen}
            />
          </div>
          {preview && (
            <>
              <MergeSummary preview={preview} listClass={styles.list} />
              {preview.result.changes.length > 0 ? (
                <div className={styles.actions}>
                  <Button
                    appearance="primary"
                    disabledFocusable={step.busy}
                    onClick={() => void step.write()}
                  >
                    写入台账（{preview.result.changes.length} 处变更）
                  </Button>
                </div>
              ) : (
                <Text as="p">没有新的变更，台账无需改动。</Text>
              )}
            </>
          )}
          {step.mergeNotice && <NoticeBar notice={step.mergeNotice} />}
        </section>
      )}
    </div>
  );
}
