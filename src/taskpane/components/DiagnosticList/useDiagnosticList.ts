import { useState } from "react";
import type { Diagnostic } from "../../../core/model";

/** Long lists start folded: a document can have dozens of doubtful readings. */
export function useDiagnosticList(diagnostics: readonly Diagnostic[], foldedCount: number) {
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? diagnostics : diagnostics.slice(0, foldedCount);
  return {
    visible,
    hiddenCount: diagnostics.length - visible.length,
    expand: () => setExpanded(true),
  };
}
