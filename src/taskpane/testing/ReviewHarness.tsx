import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { PlanDocument } from "../../core/model";
import { applyReviewOp } from "../../core/review";
import { useReview } from "../useReview";
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
  const review = useReview(initial);
  const { document } = review;
  if (!document) return null;
  return (
    <FluentProvider theme={webLightTheme}>
      <ReviewStep
        document={document}
        onContinue={() => undefined}
        onEdit={(op) => {
          edits.push(applyReviewOp(document, op));
          review.edit(op);
        }}
        source={source}
        range={review.range}
        onRange={source === undefined ? undefined : (range) => review.readWithin(source, range)}
        canUndo={review.canUndo}
        onUndo={review.undo}
      />
    </FluentProvider>
  );
}
