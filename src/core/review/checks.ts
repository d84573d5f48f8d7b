/**
 * What the review warns of, beyond what the parser said: readings a person can act on in 校对. A
 * unit name cut off (`市人力资源社会`), two tasks under one number in a section, a title that is page
 * furniture (`索引号`, `返回首页`), a target named by no noun (`和`, `达到`). Each points at its task.
 */

import type { Diagnostic, DiagnosticCode, PlanDocument, Task } from "../model";
import { endsLikeUnit, isFurniture } from "../parse";

const warning = (code: DiagnosticCode, task: Task, message: string): Diagnostic => ({
  code,
  severity: "warning",
  message,
  at: { kind: "row", rowId: task.id },
});

/** Words that name no measure on their own: what is left when a clause lost its subject. */
const NO_NOUN =
  /^(?:[和及与或等到至为的是将把对在]|达到|提高|提升|增加|减少|完成|实现|新增|建成|不低于|不少于|以上|以下)?$/;

/** A name the parser cut off mid-word has no suffix an office's name ends with. */
export function cutOffUnits(task: Task): string[] {
  return [...task.leadUnits, ...task.coUnits].filter((unit) => !endsLikeUnit(unit));
}

export function reviewWarnings(plan: PlanDocument): Diagnostic[] {
  const found: Diagnostic[] = [];
  const numbers = new Map<string, Task>();
  for (const task of plan.tasks) {
    const cut = cutOffUnits(task);
    if (cut.length > 0) {
      found.push(
        warning(
          "unit-cut-off",
          task,
          `任务 ${task.number} 的单位“${cut.join("”“")}”不像完整的单位名称（可能被截断或不是单位），请在任务中改正。`,
        ),
      );
    }
    const key = `${task.section}\u0000${task.number}`;
    const earlier = numbers.get(key);
    if (earlier && task.number) {
      found.push(
        warning(
          "duplicate-task-number",
          task,
          `“${task.title}”与“${earlier.title}”编号都是 ${task.number}${task.section ? `（同在“${task.section}”中）` : ""}：可能是同一项任务读了两次，或编号有误。`,
        ),
      );
    } else numbers.set(key, task);
    if (
      isFurniture(task.title) ||
      /索引号|发布机构|发布日期|返回首页|关闭窗口|打印本页|网站支持|责任编辑/.test(task.title)
    ) {
      found.push(
        warning(
          "furniture-title",
          task,
          `任务 ${task.number}“${task.title}”像是网页或文件的版面信息，不是任务；不需要时请删除这项任务。`,
        ),
      );
    }
    for (const indicator of task.indicators) {
      const metric = indicator.metric.replace(/[\s\d.%，。、；：“”（）()]/g, "");
      if (NO_NOUN.test(metric)) {
        found.push(
          warning(
            "metric-without-noun",
            task,
            `任务 ${task.number} 的指标“${indicator.metric || indicator.text}”没有说明是什么的目标，请在任务中改写指标名称或删除。`,
          ),
        );
      }
    }
  }
  return found;
}
