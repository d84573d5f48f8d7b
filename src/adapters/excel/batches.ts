/**
 * Office.js queues calls and sends them to Excel in one request per `context.sync()`. Excel on the
 * web refuses a request or response over 5 MB, so the writer plans every call with an estimate of
 * its size and packs them into as few requests as fit a budget: the number of syncs follows the
 * bytes written, never the number of rows.
 */

/** The documented limit for one request or response in Excel on the web. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** What one sync may carry: under the limit with room for estimates that fall short. */
export const DEFAULT_REQUEST_BUDGET_BYTES = 4_000_000;

/**
 * A queued call's share of the request besides its argument: the object paths (`getRange`,
 * `format`, `font`…) and the action record. Generous, so estimates err on the large side.
 */
export const CALL_BYTES = 250;

/** Size of `value` as JSON in UTF-8, the form Office.js sends; CJK text takes three bytes a character. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    // A surrogate pair (four bytes in UTF-8) counts two bytes for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return bytes;
}

/** One or a few Office.js calls that belong together, with their estimated size in the request. */
export interface Call {
  bytes: number;
  queue(): void;
}

/**
 * A 2-D write that may be split into row blocks when it does not fit one request: `rowBytes[i]`
 * is row i's share, `block` queues the write of `count` rows from `first` (0-based).
 */
export interface RowBlocks {
  rowBytes: readonly number[];
  block(first: number, count: number): () => void;
}

export type Work = Call | RowBlocks;

function isRowBlocks(work: Work): work is RowBlocks {
  return "rowBytes" in work;
}

/**
 * Packs the work, in order, into batches of at most `budget` bytes each. Row writes fill what is
 * left of the current batch and continue in the next, so a sheet that fits is written in one call
 * and a sheet that does not is cut by bytes. A single row larger than the budget travels alone.
 */
export function packBatches(work: readonly Work[], budget: number): Call[][] {
  const batches: Call[][] = [];
  let current: Call[] = [];
  let used = 0;
  const flush = (): void => {
    if (current.length > 0) batches.push(current);
    current = [];
    used = 0;
  };
  const add = (call: Call): void => {
    current.push(call);
    used += call.bytes;
  };

  for (const item of work) {
    if (!isRowBlocks(item)) {
      if (used > 0 && used + item.bytes > budget) flush();
      add(item);
      continue;
    }
    const rows = item.rowBytes;
    let first = 0;
    while (first < rows.length) {
      let bytes = CALL_BYTES + 2;
      let count = 0;
      while (first + count < rows.length && used + bytes + (rows[first + count] ?? 0) <= budget) {
        bytes += rows[first + count] ?? 0;
        count++;
      }
      if (count === 0) {
        if (used > 0) {
          flush();
          continue;
        }
        bytes += rows[first] ?? 0;
        count = 1;
      }
      add({ bytes, queue: item.block(first, count) });
      first += count;
      if (first < rows.length) flush();
    }
  }
  flush();
  return batches;
}
