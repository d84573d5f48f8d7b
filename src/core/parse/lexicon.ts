/**
 * The parser's word lists, in one place: the words of the genre (how 实施方案 name units, how task
 * tables are headed, which verbs make a number a target), not of any one document. Readers build
 * their patterns from these lists with `alternation`, which also accepts the traditional forms of
 * the characters, so a page converted to traditional script reads the same.
 */

import type { ColumnRole } from "../model";

export type { ColumnRole };

/** Simplified → traditional for the characters the lexicon's words use. */
const TRADITIONAL: Readonly<Record<string, string>> = {
  责: "責",
  单: "單",
  头: "頭",
  门: "門",
  协: "協",
  时: "時",
  间: "間",
  项: "項",
  务: "務",
  负: "負",
  导: "導",
  领: "領",
  办: "辦",
  处: "處",
  县: "縣",
  区: "區",
  卫: "衛",
  医: "醫",
  疗: "療",
  发: "發",
  展: "展",
  改: "改",
  革: "革",
  委: "委",
  员: "員",
  会: "會",
  质: "質",
  监: "監",
  体: "體",
  传: "傳",
  广: "廣",
  电: "電",
  总: "總",
  局: "局",
  厅: "廳",
  达: "達",
  到: "到",
  实: "實",
  现: "現",
  设: "設",
  创: "創",
  级: "級",
  个: "個",
  数: "數",
  标: "標",
  进: "進",
  计: "計",
  划: "劃",
  节: "節",
  点: "點",
  况: "況",
  价: "價",
  评: "評",
  预: "預",
  养: "養",
  护: "護",
  队: "隊",
  训: "訓",
  职: "職",
  场: "場",
  应: "應",
  对: "對",
  织: "織",
  组: "組",
  业: "業",
  农: "農",
  财: "財",
  政: "政",
  资: "資",
  源: "源",
  经: "經",
  济: "濟",
  开: "開",
  与: "與",
  参: "參",
  线: "線",
  后: "後",
  前: "前",
  内: "內",
  底: "底",
  于: "於",
  万: "萬",
  亿: "億",
  覆: "覆",
  盖: "蓋",
  产: "產",
  压: "壓",
  减: "減",
  低: "低",
  高: "高",
  过: "過",
  请: "請",
  将: "將",
  为: "為",
  这: "這",
  关: "關",
  题: "題",
  义: "義",
  机: "機",
  构: "構",
  乡: "鄉",
  镇: "鎮",
  华: "華",
  国: "國",
  际: "際",
  联: "聯",
  社: "社",
  卢: "盧",
  纲: "綱",
  宁: "寧",
  动: "動",
  态: "態",
  统: "統",
  筹: "籌",
  层: "層",
  建: "建",
};

function characterClass(ch: string): string {
  const escaped = ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const traditional = TRADITIONAL[ch];
  return traditional && traditional !== ch ? `[${ch}${traditional}]` : escaped;
}

/** A regular-expression alternation of the words, longest first, accepting traditional forms. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((word) => [...word].map(characterClass).join(""))
    .join("|");
}

/** Labels that introduce the units that lead a task. */
export const LEAD_LABELS = [
  "牵头责任单位",
  "责任牵头单位",
  "牵头单位",
  "牵头部门",
  "主责单位",
  "主体责任单位",
  "主办单位",
  "责任单位",
  "责任部门",
  "负责单位",
  "牵头处室",
  "责任处室",
  "牵头科室",
  "责任科室",
  "责任股室",
  "牵头股室",
  "实施单位",
] as const;

/** Labels that introduce the units that assist. */
export const CO_LABELS = [
  "主要协作单位",
  "协作单位",
  "配合单位",
  "配合部门",
  "协办单位",
  "参与单位",
  "协同单位",
  "参加单位",
  "配合处室",
  "协办处室",
  "配合科室",
  "协同部门",
] as const;

/** How the names of offices end: what makes `市疾控中心` a unit and `基层能力` not. */
export const UNIT_SUFFIXES = [
  "卫生健康委员会",
  "卫生健康委",
  "卫健委",
  "委员会",
  "人民政府",
  "政府",
  "办公室",
  "办公厅",
  "部门",
  "科协",
  "管理局",
  "监管局",
  "管委会",
  "中心",
  "医院",
  "保健院",
  "总局",
  "委",
  "局",
  "厅",
  "办",
  "院",
  "部",
  "署",
  "会",
  "处",
  "科",
  "室",
  "股",
  "所",
  "站",
  "队",
  "团",
  "社",
  "联",
  "集团",
  "协会",
  "学会",
  "公司",
  "大学",
  "学院",
  "银行",
  "街道",
  "乡镇",
  "镇",
  "乡",
  "县区",
  "县（市、区）",
  "各地",
  "单位",
] as const;

const header = (words: readonly string[]): RegExp => new RegExp(`(?:${alternation(words)})`);

/**
 * Header words of real 台账, first match wins: people (责任领导) before units (责任单位), progress
 * (进展情况) before anything it could be mistaken for, named task columns before targets.
 */
export const HEADER_ROLES: readonly [ColumnRole, RegExp][] = [
  ["number", /^(?:序号|編號|编号|序號|序|No\.?)$/i],
  // How many projects a unit has (`区民生实事项目数量`): a count, not a target.
  ["ignore", /(?:项目|任务|事项)(?:数量|个数)$/],
  ["person", header(["领导", "负责人", "责任人", "联系人", "分管", "包保", "经办人"])],
  [
    "progress",
    header([
      "进展",
      "完成情况",
      "落实情况",
      "推进情况",
      "工作评价",
      "完成率",
      "实际完成",
      "评价",
      "成效",
      "进度比例",
      "进展比例",
      "当前进度",
      "目前进度",
      "完成进度",
      "进度情况",
      "工作进度",
      "已完成",
      "完成数",
      "完成百分比",
      "完成比例",
    ]),
  ],
  ["co", header(["配合", "协作", "协办", "参与", "协同"])],
  [
    "lead",
    header([
      "牵头",
      "主体责任",
      "主责",
      "责任单位",
      "责任部门",
      "责任处室",
      "责任科室",
      "责任股室",
      "负责单位",
      "落实单位",
      "承办单位",
      "实施单位",
      "落实科室",
      "责任主体",
      "业主单位",
      "建设单位",
    ]),
  ],
  ["responsible", header(["负责科室", "负责部门", "科室", "处室", "部门"])],
  ["deadline", header(["时限", "完成时间", "时间节点", "节点", "进度安排", "期限", "时间"])],
  ["section", header(["类别", "领域", "板块", "方面", "一级要点", "工作要求", "项目类别", "分类"])],
  [
    "task",
    header([
      "项目名称",
      "实事项目",
      "任务项目",
      "民生实事",
      "工作任务",
      "重点任务",
      "重点工作",
      "主要任务",
      "任务内容",
      "工作内容",
      "二级要点",
      "具体要求",
      "工作事项",
      "事项",
    ]),
  ],
  ["measures", header(["具体措施", "工作措施", "工作举措", "细化分工", "主要措施", "措施"])],
  ["target", header(["目标", "指标", "标准", "成果", "预期"])],
  ["task", header(["任务", "内容", "工作", "项目", "名称"])],
  ["note", header(["备注", "说明", "下步计划", "下一步"])],
];

/** The role a table header's words give its column; undefined for words no 台账 uses. */
export function roleOfHeader(header: string): ColumnRole | undefined {
  const text = header.replace(/[\s|]+/g, "");
  if (!text || text.length > 20) return undefined;
  return HEADER_ROLES.find(([, pattern]) => pattern.test(text))?.[0];
}

/** A cell that opens with a verb of doing is a task, whatever its last word (`建成…老年活动中心`). */
export const TASK_VERB_START = new RegExp(
  `^(?:${alternation([
    "建成",
    "建设",
    "新建",
    "新增",
    "开展",
    "推进",
    "推动",
    "实施",
    "完成",
    "加强",
    "提升",
    "提高",
    "打造",
    "创建",
    "启用",
    "改造",
    "落实",
    "组织",
    "制定",
    "出台",
    "健全",
    "完善",
    "深化",
    "举办",
    "培训",
    "实现",
    "提供",
    "扩大",
    "加快",
    "做好",
    "强化",
    "优化",
    "规范",
    "探索",
    "支持",
    "保障",
    "持续",
    "全面",
    "积极",
    "为",
  ])})`,
);

/**
 * A dated clause that only keeps up what the sentence before it set (`到2030年持续保持`,
 * `持续巩固提升`): the target is the earlier one, not a new commitment of its own.
 */
export const SUSTAIN_ONLY = new RegExp(
  `^(?:${alternation(["持续", "继续", "进一步", "稳步", "不断"])})?(?:${alternation([
    "保持",
    "巩固",
    "提升",
    "提高",
    "稳定",
    "改善",
    "维持",
  ])}){1,2}(?:${alternation(["水平", "成果", "态势", "稳定"])})?$`,
);

/**
 * Verbs that hold events. With a count of events after them (`开展大型义诊8场`, `举办学术沙龙4期`)
 * they set a target, as making verbs do; with any other count they only say how work is done.
 */
export const HOLDING_VERBS = ["组织开展", "开展", "举办", "举行", "召开", "组织"] as const;

/** Verbs of checking: `排查不少于100个隐患路口` counts what is checked, named after the number. */
export const CHECKING_VERBS = ["排查", "检查", "抽查", "抽检", "督查", "巡查", "走访", "监测"] as const;

/**
 * The standard parts of a 实施方案 or 行动计划 (`一、工作目标`, `二、重点任务`, `三、保障措施`) and of a
 * 工作总结 (`一、总体情况`, `二、主要做法和工作成效`, `三、存在问题`): headings that divide the
 * document, never tasks of their own, whatever is numbered under them.
 */
export const PLAN_PARTS = [
  "总体情况",
  "基本情况",
  "主要做法",
  "工作成效",
  "主要成效",
  "存在问题",
  "存在的问题",
  "下一步工作",
  "下一步工作计划",
  "下步工作",
  "下步工作计划",
  "工作打算",
  "下一步打算",
  "工作计划",
  "指导思想",
  "基本原则",
  "工作原则",
  "总体要求",
  "总体目标",
  "主要目标",
  "工作目标",
  "发展目标",
  "目标任务",
  "重点任务",
  "主要任务",
  "工作任务",
  "重点工作",
  "主要措施",
  "工作措施",
  "保障措施",
  "组织实施",
  "实施步骤",
  "工作步骤",
  "进度安排",
  "职责分工",
  "工作要求",
] as const;

/** A heading that is only such parts: `工作目标`, `目标和任务`, `主要做法和工作成效`. */
export const PLAN_PART_HEADING = new RegExp(
  `^(?:${alternation(PLAN_PARTS)})(?:(?:和|与|及)(?:${alternation(PLAN_PARTS)}|任务|目标|措施))?$`,
);

/** The stages a building project reaches (`开工建设`, `主体封顶`, `投入使用`): each dates a milestone. */
export const PROJECT_STAGES = [
  "开工建设",
  "开工",
  "完工",
  "竣工",
  "主体封顶",
  "封顶",
  "投入使用",
  "交付使用",
  "建成投用",
  "投用",
  "启用",
  "开诊",
  "开业",
] as const;
