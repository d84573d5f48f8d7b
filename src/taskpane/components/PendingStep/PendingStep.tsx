import { MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { usePendingStepStyles } from "./PendingStep.styles";

export interface PendingStepProps {
  /** What the step will do, for the person deciding what to do now. */
  purpose: string;
}

/** A step this version of the pane does not offer yet: says what it will do and what works today. */
export function PendingStep({ purpose }: PendingStepProps) {
  const styles = usePendingStepStyles();
  return (
    <div className={styles.root}>
      <Text as="p">{purpose}</Text>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>本版本尚未提供此步骤</MessageBarTitle>
          这一步要把校对后的任务写入 Excel 工作簿，将在后续版本中提供。目前可以完成“导入”和“校对”。
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
