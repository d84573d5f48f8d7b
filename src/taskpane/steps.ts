/** The pane's steps, in the order an official works through them. */

export const STEPS = [
  { id: "import", label: "导入" },
  { id: "review", label: "校对" },
  { id: "ledger", label: "写入台账" },
  { id: "progress", label: "进度" },
  { id: "report", label: "通报" },
  { id: "roundtrip", label: "分发汇总" },
] as const;

export type StepId = (typeof STEPS)[number]["id"];

export function isStepId(value: unknown): value is StepId {
  return STEPS.some((step) => step.id === value);
}
