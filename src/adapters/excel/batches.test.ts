import type { Call, RowBlocks } from "./batches";
import { CALL_BYTES, jsonBytes, packBatches } from "./batches";

/** Calls that write their names when queued; `run` queues batch by batch and returns the names. */
function recorder() {
  const log: string[] = [];
  return {
    call: (bytes: number, name: string): Call => ({ bytes, queue: () => log.push(name) }),
    rows: (rowBytes: number[]): RowBlocks => ({
      rowBytes,
      block: (first, count) => () => log.push(`rows ${first}+${count}`),
    }),
    run: (batches: Call[][]): string[][] =>
      batches.map((batch) => {
        log.length = 0;
        for (const c of batch) c.queue();
        return [...log];
      }),
  };
}

describe("jsonBytes", () => {
  it("counts UTF-8 bytes of the JSON: CJK three a character, astral characters four", () => {
    expect(jsonBytes("ab")).toBe(4);
    expect(jsonBytes("任务")).toBe(8);
    expect(jsonBytes("𠀀")).toBe(6);
    expect(jsonBytes([[1, null]])).toBe(10);
  });
});

describe("packBatches", () => {
  it("keeps calls that fit in one request together, in order", () => {
    const { call, run } = recorder();
    const batches = packBatches([call(100, "a"), call(200, "b"), call(300, "c")], 1000);
    expect(run(batches)).toEqual([["a", "b", "c"]]);
  });

  it("starts a new request when the next call would pass the budget", () => {
    const { call } = recorder();
    const batches = packBatches([call(600, "a"), call(600, "b")], 1000);
    expect(batches.map((b) => b.map((c) => c.bytes))).toEqual([[600], [600]]);
  });

  it("fills what is left of a request with rows and cuts the rest by bytes, not by row count", () => {
    const { call, rows, run } = recorder();
    const budget = 2 * CALL_BYTES + 1000;
    const batches = packBatches([call(CALL_BYTES, "a"), rows(Array<number>(30).fill(100))], budget);
    for (const batch of batches)
      expect(batch.reduce((sum, c) => sum + c.bytes, 0)).toBeLessThanOrEqual(budget);
    const written = run(batches)
      .flat()
      .filter((entry) => entry.startsWith("rows"));
    const counts = written.map((entry) => Number(entry.split("+")[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    // After "a" (250 bytes) and the write's own share (252), 9 rows of 100 bytes fit; a fresh request takes 12.
    expect(written).toEqual(["rows 0+9", "rows 9+12", "rows 21+9"]);
  });

  it("writes a sheet that fits as one block", () => {
    const { rows, run } = recorder();
    const batches = packBatches([rows(Array<number>(10_000).fill(50))], 4_000_000);
    expect(run(batches)).toEqual([["rows 0+10000"]]);
  });

  it("sends a row larger than the budget alone rather than failing", () => {
    const { call, rows, run } = recorder();
    const batches = packBatches([call(10, "a"), rows([5000, 10])], 1000);
    expect(run(batches)).toEqual([["a"], ["rows 0+1"], ["rows 1+1"]]);
  });
});
