/** One .docx read in a fresh process, so its peak memory is its own: `node bombChild.js file.docx`. */
import { readFile } from "node:fs/promises";
import { loadPdfJsForNode } from "../src/adapters/pdf/node";
import { readPolicyDocument } from "../src/adapters/text/readDocument";

async function main(): Promise<void> {
  const bytes = new Uint8Array(await readFile(process.argv[2] ?? ""));
  const start = performance.now();
  const result = await readPolicyDocument(bytes, "方案.docx", { loadPdfJs: loadPdfJsForNode });
  const ms = performance.now() - start;
  process.stdout.write(
    JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024, refused: !result.ok }),
  );
}

void main();
