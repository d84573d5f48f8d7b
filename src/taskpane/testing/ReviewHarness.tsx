import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import type { PlanDocument } from "../../core/model";
import { ReviewStep } from "../components/ReviewStep/ReviewStep";

/** ReviewStep as the app holds it: every edit becomes the document shown next, and is recorded. */
export function ReviewHarness({ initial, edits }: { initial: PlanDocument; edits: PlanDocument[] }) {
  const [document, setDocument] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <ReviewStep
        document={document}
        onContinue={() => undefined}
        onChange={(next) => {
          edits.push(next);
          setDocument(next);
        }}
      />
    </FluentProvider>
  );
}
