/**
 * Identifiers. A document's ID is a hash of its text, a ledger's a hash of its documents' IDs, so the
 * same input always gives the same IDs; inside a document one allocator numbers sections, tasks and
 * indicators by position and never hands out an ID twice. Merge keys on row IDs, so a repeat would
 * attach one unit's report to another row.
 */

/** FNV-1a over UTF-16 code units, as base-36 digits: short, stable IDs for documents and ledgers. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0");
}

/** Identifies a ledger across email round trips: the same documents always give the same ID. */
export function ledgerIdOf(documentIds: readonly string[]): string {
  return shortHash(`duban-ledger|${[...documentIds].sort().join("|")}`);
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** Hands out the IDs of one document: `<doc>-S01`, `<doc>-T003`, `<doc>-T003-I02`, `<doc>-D01`. */
export class IdAllocator {
  private readonly taken = new Set<string>();
  private readonly counters = new Map<string, number>();

  constructor(readonly documentId: string) {}

  section(): string {
    return this.next(`${this.documentId}-S`, 2);
  }

  task(): string {
    return this.next(`${this.documentId}-T`, 3);
  }

  /** An indicator of a task, or (without one) a document-level target. */
  indicator(taskId?: string): string {
    return taskId === undefined ? this.next(`${this.documentId}-D`, 2) : this.next(`${taskId}-I`, 2);
  }

  /** Marks IDs that exist already (a document edited in 校对), so new ones never repeat them. */
  reserve(ids: Iterable<string>): this {
    for (const id of ids) this.taken.add(id);
    return this;
  }

  /** `base` itself when free, else `base-2`, `base-3`…: for rows people add or copy by hand. */
  unique(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }

  private next(prefix: string, width: number): string {
    let id: string;
    do {
      const n = (this.counters.get(prefix) ?? 0) + 1;
      this.counters.set(prefix, n);
      id = `${prefix}${pad(n, width)}`;
    } while (this.taken.has(id));
    this.taken.add(id);
    return id;
  }
}

/** IDs that occur more than once, in order of their second occurrence. */
export function repeatedIds(ids: Iterable<string>): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const id of ids) {
    if (seen.has(id) && !repeated.includes(id)) repeated.push(id);
    seen.add(id);
  }
  return repeated;
}
