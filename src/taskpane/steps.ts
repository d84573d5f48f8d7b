/** The pane's steps, in the order an official works through them. */

export const STEPS = [
  { id: "import", label: "导入" },
  { id: "review", label: "校对" },
  { id: "ledger", label: "写入台账" },
  { id: "progress", label: "进度" },
  {
    id: "report",
    label: "通报",
    purpose: "生成推进情况通报：写入“通报”工作表、复制为带格式的文字，或下载符合公文格式的 .docx 文件。",
  },
] as const;

export type StepId = (typeof STEPS)[number]["id"];

export function isStepId(value: unknown): value is StepId {
  return STEPS.some((step) => step.id === value);
}
