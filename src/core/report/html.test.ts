import { asPeriod } from "../../../test/helpers/ledger";
import { renderReportHtml } from "./html";
import { renderReportText } from "./text";
import type { ReportDoc } from "./types";
import { emptyCounts } from "../progress";

const report: ReportDoc = {
  title: "关于2024年第三季度重点工作推进情况的通报",
  titleLines: ["关于2024年第三季度", "重点工作推进情况的通报"],
  recipients: "各有关单位：",
  body: [
    { kind: "paragraph", runs: [{ text: "开头。现将有关情况通报如下：" }] },
    { kind: "heading", text: "一、总体情况" },
    {
      kind: "paragraph",
      runs: [{ text: "（一）排名。", role: "subheading" }, { text: "正文<含尖括号>&。" }],
    },
    { kind: "paragraph", runs: [{ text: "1.疾控处：", role: "item" }, { text: "按期完成。" }] },
  ],
  attachments: [
    {
      title: "明细表",
      table: {
        columns: [
          { header: "序号", width: 1, align: "center" },
          { header: "任务", width: 3, align: "left" },
        ],
        rows: [
          { kind: "group", text: "一、篇章" },
          { kind: "row", cells: ["1", "建设专科"] },
        ],
      },
    },
  ],
  issuer: "委办公室",
  date: "2024-01-05",
  note: "本通报数据为示例数据",
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

/** What a reader sees of the HTML: tags dropped, entities decoded, no spacing. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/[\s\u3000]+/g, "");
}

describe("renderReportHtml", () => {
  const html = renderReportHtml(report);

  it("says the same words, in the same order, as the plain text", () => {
    expect(visibleText(html)).toBe(renderReportText(report).replace(/[\s\u3000]+/g, ""));
  });

  it("escapes the text it carries", () => {
    expect(html).toContain("正文&lt;含尖括号&gt;&amp;。");
    expect(html).not.toContain("<含尖括号>");
  });

  it("keeps the looks plain text loses: title lines, heading fonts, bold leads, the table", () => {
    expect(html).toContain("关于2024年第三季度<br>重点工作推进情况的通报");
    expect(html).toMatch(/font-family: '黑体'[^>]*>一、总体情况</);
    expect(html).toMatch(/<span style="font-family: '楷体_GB2312'[^>]*>（一）排名。<\/span>/);
    expect(html).toContain("<b>1.疾控处：</b>");
    expect(html).toContain('<td colspan="2" style="');
    expect(html.match(/<th /g)).toHaveLength(2);
    expect(html).toMatch(/width: 25%;">序号</);
    expect(html).toMatch(/text-align: center;">1</);
  });
});
