/** `npm run bench`: every benchmark in turn. Speed is measured here, never in timed tests. */
import { benchBomb } from "./bomb";
import { benchBundle } from "./bundle";
import { benchCorpus } from "./corpus";
import { benchExcel } from "./excel";
import { benchPane } from "./pane";
import { benchParse } from "./parse";
import { benchReport } from "./report";
import { benchLedger } from "./ledger";
import { benchMerge } from "./merge";

const benches: [string, () => Promise<void>][] = [
  ["parse", benchParse],
  ["corpus", benchCorpus],
  ["report", benchReport],
  ["excel", benchExcel],
  ["bundle", benchBundle],
  ["pane", benchPane],
  ["ledger", benchLedger],
  ["merge", benchMerge],
  ["bomb", benchBomb],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, bench] of benches) {
    if (only.length > 0 && !only.includes(name)) continue;
    await bench();
  }
  process.stdout.write(`\n峰值内存（RSS）：${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
