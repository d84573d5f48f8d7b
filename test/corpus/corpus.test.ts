/**
 * The parser against the corpus of real documents. The floors are what the parser reaches today on
 * the documents it was tuned on and on the held-out quarter nobody tuned on; a change that reads
 * fewer tasks, units or targets, prints more that is not a target, or reads a past fact as a
 * target fails here. The tuned documents meet the aims for tasks, units and extras (95%,
 * 90%, 15%) but not for indicator recall (90%): tb-15 (a .docx table a document-sharing site ran
 * into one line), tb-09 and tb-21 (tables whose sub-rows and quarterly columns a page flattened),
 * and the rounds of documents added since are still missed in part. The held-out quarter does not
 * meet them yet, and its figures are the honest ones. The tuned set's past facts: tb-09's
 * `城市低保:300.1元/月`, which the scorer cannot tell from that document's own target of 300元
 * (within its 1% tolerance), and nw-13's forecast `占比将达27%`, read as a target.
 */
import { HELD_OUT, corpusTable, loadCorpus, parseCorpusDocument, scoreDocument, totals } from "./score";

const scores = loadCorpus().map((document) => scoreDocument(document, parseCorpusDocument(document)));
const share = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);

describe("the corpus", () => {
  test("holds at least 40 real documents, each with its source and gold, a quarter held out", () => {
    expect(scores.length).toBeGreaterThanOrEqual(40);
    expect(scores.filter((s) => s.heldOut).length).toBe(HELD_OUT.size);
    expect(HELD_OUT.size * 4).toBeGreaterThanOrEqual(scores.length);
  });

  test.each([
    ["tuned", false, { tasks: 0.98, lead: 0.94, recall: 0.77, extras: 0.11, pastFacts: 2 }],
    ["held out", true, { tasks: 0.92, lead: 0.57, recall: 0.58, extras: 0.18, pastFacts: 2 }],
  ] as const)("%s documents keep their floors", (_, heldOut, floor) => {
    const t = totals(scores.filter((s) => s.heldOut === heldOut));
    const reached = {
      tasks: share(t.tasksFound, t.tasksGold),
      lead: share(t.leadExact, t.unitTasks),
      recall: share(t.indicatorsFound, t.indicatorsGold),
      extras: share(t.extras, t.printed),
      pastFacts: t.mustNotReported,
    };
    const below = [
      ...(["tasks", "lead", "recall"] as const).filter((k) => reached[k] < floor[k]),
      ...(["extras", "pastFacts"] as const).filter((k) => reached[k] > floor[k]),
    ].map((k) => `${k}: ${reached[k]} (floor ${floor[k]})`);
    // On failure the table says which documents moved.
    expect(below.length === 0 ? [] : [...below, corpusTable(scores)]).toEqual([]);
  });
});
