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
export {
  addIndicator,
  addTask,
  deleteIndicator,
  deleteTasks,
  editDocument,
  editTaskText,
  mergeTasks,
  moveIndicator,
  splitTask,
  taskSentences,
  type DocumentEdit,
  type DocumentEditResult,
  type IndicatorAddResult,
  type NewIndicator,
  type NewTask,
  type TaskTextEdit,
} from "./structure";
export {
  applyReviewOp,
  logOp,
  replayLog,
  startLog,
  type Replay,
  type ReviewLog,
  type ReviewOp,
  type ReviewRecord,
} from "./history";
export { sourceLines, withinRange, type SourceLine, type SourceRange } from "./range";
