import { IdAllocator, ledgerIdOf, repeatedIds, shortHash } from "./ids";

describe("IDs", () => {
  it("numbers a document's sections, tasks and indicators by position", () => {
    const ids = new IdAllocator("doc");
    expect([ids.section(), ids.section()]).toEqual(["doc-S01", "doc-S02"]);
    const task = ids.task();
    expect(task).toBe("doc-T001");
    expect([ids.indicator(task), ids.indicator(task)]).toEqual(["doc-T001-I01", "doc-T001-I02"]);
    expect(ids.indicator(ids.task())).toBe("doc-T002-I01");
  });

  it("never hands out a document-level ID twice, however many times targets are read", () => {
    const ids = new IdAllocator("doc");
    // Two separate readings of doubtful targets in news prose: each gets its own ID.
    expect([ids.indicator(), ids.indicator()]).toEqual(["doc-D01", "doc-D02"]);
  });

  it("keeps clear of IDs that exist already", () => {
    const ids = new IdAllocator("doc").reserve(["doc-T001", "row-M1"]);
    expect(ids.task()).toBe("doc-T002");
    expect(ids.unique("row-M1")).toBe("row-M1-2");
    expect(ids.unique("row-M1")).toBe("row-M1-3");
    expect(ids.unique("row-M9")).toBe("row-M9");
  });

  it("counts past 999 without folding numbers together", () => {
    const ids = new IdAllocator("doc");
    const all = Array.from({ length: 1200 }, () => ids.task());
    expect(new Set(all).size).toBe(1200);
    expect(all[999]).toBe("doc-T1000");
  });

  it("finds repeated IDs and hashes stably", () => {
    expect(repeatedIds(["a", "b", "a", "c", "b", "a"])).toEqual(["a", "b"]);
    expect(shortHash("text")).toBe(shortHash("text"));
    expect(ledgerIdOf(["b", "a"])).toBe(ledgerIdOf(["a", "b"]));
  });
});
