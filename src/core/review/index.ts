export { reviewDiagnostics, type ReviewDiagnostics } from "./diagnostics";
export {
  adoptSuggestedIndicator,
  applyTaskEdit,
  checkTaskEdit,
  dismissDiagnostic,
  taskEditOf,
  type EditProblem,
  type IndicatorEdit,
  type TaskEdit,
} from "./edit";
export { needsUnits, unitSuggestions } from "./units";
export { formatTargetValue, parseTargetValue } from "./values";
