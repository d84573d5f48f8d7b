/**
 * Writes the held-out tables of ../README.md ("Held out (never used for tuning)") from the
 * transcriptions in ./held-out.ts, with the writers of ./write.ts. It fetches nothing. Run from
 * the repository root:
 *
 *   npx tsc --outDir /tmp/tables-held-out --module commonjs --moduleResolution node10 --target es2022 \
 *     --esModuleInterop --skipLibCheck test/corpus/tables/make/make-held-out.ts
 *   NODE_PATH=node_modules node /tmp/tables-held-out/make-held-out.js test/corpus/tables
 */
import { resolve } from "node:path";
import { HELD_OUT } from "./held-out";
import { writeTable } from "./write";

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? "test/corpus/tables");
  for (const spec of HELD_OUT) {
    // The bytes Excel writes on Chinese Windows: GBK, no BOM, every row padded.
    const written = spec.gbk ? { ...spec, encoding: "gbk" as const, excelCsv: true } : spec;
    process.stdout.write(`${await writeTable(written, dir)}\n`);
  }
}

void main();
