/**
 * Ledgers of any size with real policy text, for the adapter's tests and `npm run bench`: a seed
 * document parsed by the core parser, its tasks repeated and renumbered, one row each, with a
 * quarter-by-quarter history of sample reports up to the third quarter.
 */
import { Period } from "../../../core/model";
import type { Ledger, PlanDocument, Task } from "../../../core/model";
import { parseDocument } from "../../../core/parse";
import { buildLedger } from "../../../core/plan";
import { sampleProgress } from "../../../core/progress";

export function ledgerFromSeed(
  seedText: string,
  taskCount: number,
  period = Period.of("quarter", 2024, 3),
): Ledger {
  const document = parseDocument(seedText, { sourceName: "seed.txt", fallbackYear: 2024 });
  if (document.tasks.length === 0) throw new Error("the seed has no tasks");
  const tasks: Task[] = Array.from({ length: taskCount }, (_, i) => {
    const source = document.tasks[i % document.tasks.length] ?? document.tasks[0];
    if (!source) throw new Error("the seed has no tasks");
    const id = `${document.id}-T${String(i + 1).padStart(5, "0")}`;
    // One indicator at most, so the ledger has exactly one row per task.
    const indicators = source.indicators
      .slice(0, 1)
      .map((indicator) => ({ ...indicator, id: `${id}-I01`, taskId: id }));
    return { ...source, id, number: String(i + 1), indicators };
  });
  const repeated: PlanDocument = { ...document, tasks, indicators: [] };
  const built = buildLedger([repeated], { period });
  if (!built.ok) throw new Error(built.message);
  const ledger = built.ledger;
  return { ...ledger, progress: sampleProgress(ledger, period, 1) };
}
