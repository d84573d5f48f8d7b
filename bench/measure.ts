/** Shared timing helpers for `npm run bench`: medians over repeated runs, printed as a table. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs `work` `times` times after one warm-up run and returns the median in milliseconds. */
export async function timeIt(work: () => unknown, times = 5): Promise<number> {
  await work();
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

export function printTable(title: string, rows: (string | number)[][]): void {
  const text = rows.map((row) =>
    row.map((cell) =>
      typeof cell !== "number" ? cell : Number.isInteger(cell) ? String(cell) : cell.toFixed(1),
    ),
  );
  const widths = text[0]?.map((_, k) => Math.max(...text.map((row) => width(row[k] ?? "")))) ?? [];
  process.stdout.write(`\n${title}\n`);
  for (const row of text) {
    process.stdout.write(
      `  ${row.map((cell, k) => cell + " ".repeat((widths[k] ?? 0) - width(cell))).join("  ")}\n`,
    );
  }
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
