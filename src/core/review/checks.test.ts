import { parseDocument } from "../parse";
import { reviewDiagnostics } from ".";
import { reviewWarnings } from "./checks";

const doc = (lines: string[]) => parseDocument(lines.join("\n"), { sourceName: "要点.txt" });

describe("reviewWarnings", () => {
  it("names a unit cut off mid-name, and a task led only by one is still unassigned", () => {
    const plan = doc([
      "2024年工作要点",
      "1.推进智慧医院建设。（责任单位：市卫生健康委、区人社局）",
      "2.加强人才队伍建设。招聘医生20名。（责任单位：市人力资源社会）",
    ]);
    const warnings = reviewWarnings(plan);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      [
        "unit-cut-off",
        "任务 2 的单位“市人力资源社会”不像完整的单位名称（可能被截断或不是单位），请在任务中改正。",
      ],
    ]);
    const review = reviewDiagnostics(plan);
    expect(review.unassigned.map((t) => t.number)).toEqual(["2"]);
    expect(review.byTask.get(plan.tasks[1]!.id)?.map((d) => d.code)).toContain("unit-cut-off");
  });

  it("names two tasks under one number in a section, and a title that is page furniture", () => {
    const plan = doc([
      "2024年工作要点",
      "一、基层",
      "1.新建社区医院3家。（责任单位：市卫生健康委）",
      "1.推进家庭医生签约。（责任单位：市卫生健康委）",
      "二、公共卫生",
      "1.开展免费体检。（责任单位：市疾控中心）",
    ]);
    const codes = reviewWarnings(plan).map((w) => w.code);
    expect(codes).toEqual(["duplicate-task-number"]);
    const furniture = { ...plan, tasks: [{ ...plan.tasks[0]!, title: "索引号：11330000002482" }] };
    expect(reviewWarnings(furniture).map((w) => w.code)).toEqual(["furniture-title"]);
  });

  it("names a target with no noun to say what it measures", () => {
    const plan = doc(["2024年工作要点", "1.新建社区医院3家。（责任单位：市卫生健康委）"]);
    const task = plan.tasks[0]!;
    const bare = { ...plan, tasks: [{ ...task, indicators: [{ ...task.indicators[0]!, metric: "和" }] }] };
    expect(reviewWarnings(bare).map((w) => w.code)).toEqual(["metric-without-noun"]);
    expect(reviewWarnings(plan)).toEqual([]);
  });
});
