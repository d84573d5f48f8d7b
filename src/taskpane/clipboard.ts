import { reasonText } from "./workbook";

/**
 * Said when the host refuses the clipboard (some webviews do, without a prompt): the reason, and the
 * way that always works — select the read-only box's text and copy it by hand.
 */
export function clipboardRefused(reason: unknown, boxLabel: string): string {
  return `无法访问剪贴板（${reasonText(reason)}）。请在“${boxLabel}”框中按 Ctrl+A 全选，再按 Ctrl+C 复制。`;
}
