import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from "@fluentui/react-components";
import type { Ledger } from "../../../core/model";
import { describeLocation } from "../../../core/model";
import { useLedgerReaderStyles } from "./LedgerReader.styles";
import { useLedgerReader } from "./useLedgerReader";

export interface LedgerReaderProps {
  /** A ledger is already in hand (written or read before): reading again refreshes it. */
  hasLedger: boolean;
  onRead: (ledger: Ledger) => void;
}

/** How many of the reader's notes are listed; the rest are counted. */
const LISTED_NOTES = 5;

/** Reads the ledger from the open workbook, so what people typed in Excel counts. */
export function LedgerReader({ hasLedger, onRead }: LedgerReaderProps) {
  const styles = useLedgerReaderStyles();
  const reader = useLedgerReader(onRead);
  const { outcome } = reader;

  if (!reader.inExcel) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>读取工作簿中的台账需要在 Excel 中打开本加载项。</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button
          appearance={hasLedger ? "secondary" : "primary"}
          disabled={reader.reading}
          onClick={() => void reader.read()}
        >
          {hasLedger ? "重新读取工作簿" : "读取工作簿中的台账"}
        </Button>
        {!hasLedger && <Text size={200}>各单位的填报和在 Excel 中的修改都会计入。</Text>}
      </div>
      {reader.reading && (
        <Field label="正在读取台账…">
          <ProgressBar />
        </Field>
      )}
      {outcome?.ok === false && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>读取失败</MessageBarTitle>
            {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.ok === true && outcome.notes.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>读取时有 {outcome.notes.length} 条提示</MessageBarTitle>
            <ul className={styles.list}>
              {outcome.notes.slice(0, LISTED_NOTES).map((note, index) => (
                <li key={`${note.code}-${describeLocation(note.at)}-${index}`}>{note.message}</li>
              ))}
            </ul>
            {outcome.notes.length > LISTED_NOTES && `另有 ${outcome.notes.length - LISTED_NOTES} 条。`}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
