/**
 * Writes the corpus files of ../README.md from the transcriptions in ./tables.ts: .xlsx with ExcelJS
 * (real merged cells), .docx with `docx` (a real Word table, columnSpan/rowSpan), .csv in UTF-8 (or in GBK
 * through iconv-lite, as Excel saves a CSV on Chinese Windows).
 * It fetches nothing. Run from the repository root (see ../README.md):
 *
 *   npx tsc --outDir /tmp/tables-make --module commonjs --moduleResolution node10 --target es2022 \
 *     --esModuleInterop --skipLibCheck test/corpus/tables/make/make.ts
 *   node /tmp/tables-make/make.js test/corpus/tables
 */
import { resolve } from "node:path";
import { TABLES } from "./tables";
import { writeTable } from "./write";

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? "test/corpus/tables");
  for (const spec of TABLES) process.stdout.write(`${await writeTable(spec, dir)}\n`);
}

void main();
