import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { PlanDocument } from "../../core/model";
import { useUndoable } from "../useUndoable";
import { ReviewStep } from "../components/ReviewStep/ReviewStep";

/** ReviewStep as the app holds it: every edit becomes the document shown next (撤销 included), and is recorded. */
export function ReviewHarness({
  initial,
  edits,
  source,
}: {
  initial: PlanDocument;
  edits: PlanDocument[];
  source?: string;
}) {
  const document = useUndoable(initial);
  if (!document.value) return null;
  return (
    <FluentProvider theme={webLightTheme}>
      <ReviewStep
        document={document.value}
        onContinue={() => undefined}
        onChange={(next) => {
          edits.push(next);
          document.set(next);
        }}
        source={source}
        canUndo={document.canUndo}
        onUndo={document.undo}
      />
    </FluentProvider>
  );
}
