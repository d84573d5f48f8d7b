import {
  GROUP_OF_STATUS,
  REPORTABLE_STATUSES,
  REPORTABLE_STATUS_SENTENCE,
  STATUSES,
  STATUS_GROUPS,
  meetsSchedule,
  needsAttention,
  readStatusWord,
} from "./status";

describe("statuses and their groups", () => {
  it("puts every status in exactly one group, and every group has a status", () => {
    for (const status of STATUSES) expect(STATUS_GROUPS).toContain(GROUP_OF_STATUS[status]);
    for (const group of STATUS_GROUPS) expect(Object.values(GROUP_OF_STATUS)).toContain(group);
  });

  it("agrees with itself on what needs attention and what meets the schedule", () => {
    expect(STATUSES.filter(needsAttention)).toEqual(["进度滞后", "逾期未完成", "未启动"]);
    expect(STATUSES.filter(meetsSchedule)).toEqual(["已完成", "序时推进"]);
  });

  it("offers units every status but 未报送, in one sentence", () => {
    expect(REPORTABLE_STATUSES).not.toContain("未报送");
    expect(REPORTABLE_STATUS_SENTENCE).toBe("已完成、序时推进、进度滞后、逾期未完成或未启动");
  });

  it("reads what people type, and says when it read a word as a status", () => {
    expect(readStatusWord(" 已完成 ")).toEqual({ kind: "listed", status: "已完成" });
    expect(readStatusWord("完成")).toEqual({ kind: "synonym", status: "已完成", written: "完成" });
    expect(readStatusWord("滞后")).toMatchObject({ kind: "synonym", status: "进度滞后" });
    expect(readStatusWord("差不多")).toEqual({ kind: "unknown", written: "差不多" });
    expect(readStatusWord("  ")).toBeUndefined();
  });
});
