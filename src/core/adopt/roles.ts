import type { ColumnRole } from "../model";

/** The column roles as a clerk names them, in the mapping and in the CLI's note of it. */
export const COLUMN_ROLE_WORDS: Readonly<Record<ColumnRole, string>> = {
  number: "序号",
  section: "类别",
  task: "任务",
  measures: "具体措施",
  target: "指标/目标要求",
  lead: "牵头单位",
  co: "配合单位",
  responsible: "责任单位（牵头、配合写在一起）",
  person: "责任领导（人员，不是单位）",
  deadline: "时限",
  progress: "进展情况",
  note: "备注",
  ignore: "忽略",
};

/** Other words a clerk may type for a role (`--columns C=责任领导`). */
const ROLE_ALIASES: Readonly<Record<string, ColumnRole>> = {
  编号: "number",
  分类: "section",
  工作任务: "task",
  措施: "measures",
  指标: "target",
  目标: "target",
  目标要求: "target",
  牵头: "lead",
  配合: "co",
  责任领导: "person",
  人员: "person",
  完成时限: "deadline",
  时间: "deadline",
  进展: "progress",
  说明: "note",
};

/** The role a typed word names: the start of a role's own words (`指标/目标要求`, `责任单位`) or an alias. */
export function roleOfWord(word: string): ColumnRole | undefined {
  const typed = word.trim();
  if (!typed) return undefined;
  const own = (Object.entries(COLUMN_ROLE_WORDS) as [ColumnRole, string][]).find(
    ([, words]) => words === typed || words.split(/[（/]/)[0] === typed,
  );
  return own?.[0] ?? ROLE_ALIASES[typed];
}
