import { asPeriod } from "../../../test/helpers/ledger";
import { attachmentNoteLines, renderReportText } from "./text";
import type { ReportDoc } from "./types";
import { emptyCounts } from "../progress";

const report: ReportDoc = {
  title: "关于2024年第三季度重点工作推进情况的通报",
  titleLines: ["关于2024年第三季度", "重点工作推进情况的通报"],
  recipients: "各有关单位：",
  body: [
    { kind: "paragraph", runs: [{ text: "开头。现将有关情况通报如下：" }] },
    { kind: "heading", text: "一、总体情况" },
    { kind: "paragraph", runs: [{ text: "（一）排名。", role: "subheading" }, { text: "正文。" }] },
  ],
  attachments: [
    {
      title: "明细表",
      table: {
        columns: [
          { header: "序号", width: 1, align: "center" },
          { header: "任务", width: 4, align: "left" },
        ],
        rows: [
          { kind: "group", text: "一、篇章" },
          { kind: "row", cells: ["1", "含\t制表符\n和换行"] },
        ],
      },
    },
  ],
  issuer: "委办公室",
  date: "2024-01-05",
  figures: {
    period: asPeriod("2024-Q3"),
    periodEnd: "2024-09-30",
    counts: emptyCounts(),
    missingUnits: [],
    commendedUnits: [],
    namedUnits: [],
    ranking: [],
  },
};

describe("renderReportText", () => {
  test("prints the whole 通报 with indents, the attachment note, the 落款 and a tab-separated table", () => {
    expect(renderReportText(report)).toBe(
      [
        "关于2024年第三季度重点工作推进情况的通报",
        "",
        "各有关单位：",
        "　　开头。现将有关情况通报如下：",
        "　　一、总体情况",
        "　　（一）排名。正文。",
        "",
        "　　附件：1.明细表",
        "",
        "委办公室",
        "2024年1月5日",
        "",
        "",
        "附件1",
        "",
        "明细表",
        "",
        "序号\t任务",
        "一、篇章",
        "1\t含 制表符 和换行",
        "",
      ].join("\n"),
    );
  });

  test("later attachment names line up under the first number", () => {
    expect(attachmentNoteLines(["甲表", "乙表"])).toEqual(["附件：1.甲表", "　　　2.乙表"]);
  });
});
