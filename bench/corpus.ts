/** `npm run bench -- corpus`: the parser against the corpus gold, document by document. */
import { corpusTable, loadCorpus, parseCorpusDocument, scoreDocument } from "../test/corpus/score";
import { scoreTable, tableGolds, tablesTable } from "../test/corpus/tables";

export async function benchCorpus(): Promise<void> {
  const scores = loadCorpus().map((document) => scoreDocument(document, parseCorpusDocument(document)));
  process.stdout.write(`\n## 语料评分（test/corpus）\n\n${corpusTable(scores)}\n`);
  if (process.env.CORPUS_DETAIL) {
    for (const score of scores.filter(
      (s) => !s.heldOut && s.missed.length + s.mustNot.reported.length + s.unmatched.length > 0,
    )) {
      const lines = [
        ...score.missed.map((m) => `  missed ${m}`),
        ...score.mustNot.reported.map((m) => `  past fact ${m}`),
        ...score.unmatched.map((m) => `  not in gold ${m}`),
      ];
      process.stdout.write(`\n${score.name}:\n${lines.join("\n")}\n`);
    }
  }
  const tables = await Promise.all(tableGolds().map(({ name, gold }) => scoreTable(name, gold)));
  process.stdout.write(`\n## 任务表导入（test/corpus/tables）\n\n${tablesTable(tables)}\n`);
}
