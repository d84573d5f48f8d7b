import { isHeldOutTable, scoreTable, tableGolds } from "./tables";

const tuned = () => tableGolds().filter(({ name }) => !isHeldOutTable(name));

/**
 * The tuning set of real task tables (.xlsx with merged and two-row headers and merged category
 * and number cells, .docx, UTF-8 and GBK .csv), from public pages, adopted into ledgers with every
 * task, number, unit and deadline as the gold says. The held-out tables are scored by the bench.
 */
describe("adopting the real task tables of test/corpus/tables", () => {
  test.each(tuned().map(({ name, gold }) => [name, gold] as const))("%s", async (name, gold) => {
    const score = await scoreTable(name, gold);
    const wrong = score.misses.filter(
      (miss) => !miss.startsWith("roles") && !/ target .* not read$/s.test(miss),
    );
    expect(wrong).toEqual([]);
    expect(score.found).toBe(gold.tasks.length);
    expect(score.inLedger).toBe(gold.tasks.length);
  });

  test("the columns are mapped as the gold reads them in all but one table; most targets are read", async () => {
    const scores = await Promise.all(tuned().map(({ name, gold }) => scoreTable(name, gold)));
    expect(scores.filter((s) => !s.roles).map((s) => s.name)).toEqual(["ta-01"]);
    const targets = scores.reduce((n, s) => n + s.targets, 0);
    const read = scores.reduce((n, s) => n + s.targetsFound, 0);
    expect(read / targets).toBeGreaterThanOrEqual(0.75);
  });
});
