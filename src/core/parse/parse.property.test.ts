/**
 * Properties of the parser on random documents made of the pieces real ones are made of (numbering,
 * unit clauses, targets, dates, web-page furniture) and of arbitrary text: it never throws, every ID
 * it hands out is unique, every span lies inside the source, and the ledger built from what it read
 * reads back from its own workbook as the same ledger.
 */
import fc from "fast-check";
import { gridsOf } from "../../../test/helpers/grids";
import { asReadBack } from "../../../test/helpers/ledger";
import type { PlanDocument } from "../model";
import { buildLedger } from "../plan";
import { buildWorkbookPlan, readLedger } from "../sheets";
import { parseDocument } from ".";

const PIECES = [
  "一、总体要求\n",
  "二、重点任务\n",
  "（一）加强基层医疗卫生服务能力建设。",
  "（二十）推进医联体建设。",
  "1.提升疾控能力。",
  "**12. 持续推动分级诊疗。**",
  "（1）",
  "①",
  "（责任单位：市卫生健康委，市财政局、市医保局）",
  "（牵头单位：市卫健委；配合单位：市发改委）",
  "〔责任单位：省卫生健康委、教育厅按职责分工负责〕",
  "市疾控中心牵头做好监测。",
  "到2025年，居民健康素养水平达到30%以上。",
  "新建5家县域医疗卫生次中心、2家社区医院。",
  "孕产妇死亡率控制在10/10万以下。",
  "实现建制村巡诊全覆盖。",
  "全年新增就业1.2万人以上，",
  "为2.5万名65岁以上老年人免费体检。",
  "6月底前出台实施方案。",
  "婴儿死亡率降至5‰左右。",
  "到2025年和2030年分别达到35%和40%。",
  "2023年已建成56家。",
  "索引号：113417000032454254/202010-00167",
  "发布日期：2024-02-02\n",
  "川办发〔2024〕8号\n",
  "四川省人民政府办公厅\n2024年2月2日\n",
  "| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n",
  "| 1 | 建设胸痛中心 | 市卫健委 | 2024年12月底 |\n",
  "序号\t重点任务\t责任单位\t完成时限\n1\t新建社区医院3家\t市卫健委\t年底前\n",
  "本报讯（记者 张三）",
  "\n\n",
  "\n",
  "。",
  "，",
  "$\\geq 100\\%$",
  " and ",
];

const documentText = fc
  .array(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string() }),
    {
      maxLength: 80,
      size: "large",
    },
  )
  .map((parts) => parts.join(""));

function allIds(document: PlanDocument): string[] {
  return [
    ...document.sections.map((s) => s.id),
    ...document.tasks.map((t) => t.id),
    ...document.tasks.flatMap((t) => t.indicators.map((i) => i.id)),
    ...document.indicators.map((i) => i.id),
    ...document.diagnostics.flatMap((d) => (d.indicator ? [d.indicator.id] : [])),
  ];
}

function allSpans(document: PlanDocument): { start: number; end: number }[] {
  return [
    ...document.sections.map((s) => s.span),
    ...document.tasks.flatMap((t) => [t.span, ...t.indicators.map((i) => i.span)]),
    ...document.indicators.map((i) => i.span),
    ...document.diagnostics.flatMap((d) => [
      ...(d.at?.kind === "text" ? [d.at.span] : []),
      ...(d.indicator ? [d.indicator.span] : []),
    ]),
  ];
}

describe("the parser on random documents", () => {
  test("never throws, hands out every ID once and keeps every span inside the source", () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const document = parseDocument(text, { fallbackYear: 2024 });
        const ids = allIds(document);
        expect(new Set(ids).size).toBe(ids.length);
        for (const span of allSpans(document)) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeGreaterThanOrEqual(span.start);
          expect(span.end).toBeLessThanOrEqual(text.length);
        }
        for (const diagnostic of document.diagnostics) {
          if (diagnostic.at?.kind !== "text") continue;
          const before = text.slice(0, diagnostic.at.span.start);
          expect(diagnostic.at.line).toBe(before.split("\n").length);
        }
      }),
      { numRuns: 300 },
    );
    // Hundreds of random documents: seconds on an idle machine, more on a busy 2-core one.
  }, 60_000);

  test("the ledger of what it read, written as a workbook, reads back as the same ledger", () => {
    let ledgers = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        const document = parseDocument(text, { fallbackYear: 2024 });
        // Adopting every doubtful reading is what a reviewer may do: the IDs must still be unique.
        const adopted: PlanDocument = {
          ...document,
          indicators: [
            ...document.indicators,
            ...document.diagnostics.flatMap((d) => (d.indicator && !d.indicator.taskId ? [d.indicator] : [])),
          ],
        };
        const built = buildLedger([adopted], { today: "2024-08-15" });
        if (!built.ok) {
          expect(built.code).toBe("no-rows");
          return;
        }
        const read = readLedger(gridsOf(buildWorkbookPlan(built.ledger)));
        if (!read.ok) throw new Error(read.message);
        expect(read.ledger).toEqual(asReadBack(built.ledger));
        ledgers++;
      }),
      { numRuns: 150 },
    );
    // Most random documents hold something to track, so the property is about real ledgers.
    expect(ledgers).toBeGreaterThan(75);
  }, 60_000);
});
