import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarGroup,
  type MessageBarIntent,
} from "@fluentui/react-components";
import type { Diagnostic, Severity, Span } from "../../../core/model";
import { describeLocation, spanOf } from "../../../core/model";
import { useDiagnosticListStyles } from "./DiagnosticList.styles";
import { useDiagnosticList } from "./useDiagnosticList";

const INTENTS: Record<Severity, MessageBarIntent> = { error: "error", warning: "warning", info: "info" };

export interface DiagnosticListProps {
  diagnostics: readonly Diagnostic[];
  /** Names the list for screen readers, e.g. `解析提示`. */
  label: string;
  /** For a diagnostic that offers a reading (`uncertain-indicator`): take it up. */
  onAdopt?: (diagnostic: Diagnostic) => void;
  /** Leave the text as parsed and drop the diagnostic. */
  onDismiss?: (diagnostic: Diagnostic) => void;
  /** Show where in the source text a diagnostic points (when it points at text). */
  onLocate?: (span: Span) => void;
  foldedCount?: number;
}

export function DiagnosticList({
  diagnostics,
  label,
  onAdopt,
  onDismiss,
  onLocate,
  foldedCount = 5,
}: DiagnosticListProps) {
  const styles = useDiagnosticListStyles();
  const { visible, hiddenCount, expand } = useDiagnosticList(diagnostics, foldedCount);
  if (diagnostics.length === 0) return null;
  return (
    <section className={styles.root} aria-label={label}>
      <MessageBarGroup animate="exit-only">
        {visible.map((diagnostic, index) => (
          <MessageBar
            key={`${diagnostic.code}-${spanOf(diagnostic)?.start ?? "doc"}-${index}`}
            intent={INTENTS[diagnostic.severity]}
            layout="multiline"
          >
            <MessageBarBody>
              {/* Where it is in the text is shown by 在原文中查看, not by a line number nobody sees; a
                  task's own warning names its task, not the ID the ledger keeps for it. */}
              {diagnostic.at &&
                diagnostic.at.kind !== "row" &&
                !(onLocate && spanOf(diagnostic)) &&
                `${describeLocation(diagnostic.at)}：`}
              {diagnostic.message}
            </MessageBarBody>
            {(onAdopt ?? onDismiss ?? onLocate) && (
              <MessageBarActions>
                {onLocate && spanOf(diagnostic) && (
                  <Button size="small" onClick={() => onLocate(spanOf(diagnostic) ?? { start: 0, end: 0 })}>
                    在原文中查看
                  </Button>
                )}
                {onAdopt && diagnostic.indicator && (
                  <Button
                    size="small"
                    aria-label={`采用指标“${diagnostic.indicator.metric}”`}
                    onClick={() => onAdopt(diagnostic)}
                  >
                    采用
                  </Button>
                )}
                {onDismiss && (
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={`忽略提示：${diagnostic.message}`}
                    onClick={() => onDismiss(diagnostic)}
                  >
                    忽略
                  </Button>
                )}
              </MessageBarActions>
            )}
          </MessageBar>
        ))}
      </MessageBarGroup>
      {hiddenCount > 0 && (
        <Button className={styles.more} appearance="transparent" size="small" onClick={expand}>
          显示其余 {hiddenCount} 条提示
        </Button>
      )}
    </section>
  );
}
