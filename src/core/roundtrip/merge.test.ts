import { ledgerOf, ledgerRow, progressEntry, asPeriod } from "../../../test/helpers/ledger";
import type { Ledger } from "../model";
import { assessLedger } from "../progress";
import { changeLogSheet, readChangeLog } from "./changeLog";
import type { ReturnedFile } from "./merge";
import { mergeReturns } from "./merge";
import type { ReturnForm, ReturnedEntry } from "./read";

const AT = "2024-10-08T09:00:00+08:00";
const OPTIONS = { period: asPeriod("2024-Q3"), at: AT };

function sampleLedger(): Ledger {
  return {
    ...ledgerOf(
      [
        ledgerRow({ id: "r1", number: "1", target: 10, leadUnits: ["甲局"], coUnits: ["乙局"] }),
        ledgerRow({ id: "r2", number: "2", target: 10, leadUnits: ["乙局"] }),
        ledgerRow({ id: "r3", number: "3", leadUnits: ["丙局"] }),
      ],
      [progressEntry({ rowId: "r2", period: "2024-Q3", actual: 5, progress: "已报", reportedBy: "乙局" })],
    ),
    period: asPeriod("2024-Q3"),
  };
}

function returned(
  unit: string,
  entries: (Partial<ReturnedEntry> & { rowId: string })[],
  overrides: Partial<ReturnForm> = {},
  fileName = `填报-${unit}.xlsx`,
): ReturnedFile {
  return {
    fileName,
    read: {
      ok: true,
      form: {
        ledgerId: "ledger",
        unit,
        period: asPeriod("2024-Q3"),
        entries: entries.map((e) => ({ progress: "", problems: "", kept: [], ...e })),
        missingRows: [],
        notes: [],
        ...overrides,
      },
    },
  };
}

describe("mergeReturns", () => {
  it("merges by row ID into the unit's own report and records every change", () => {
    const result = mergeReturns(
      sampleLedger(),
      [
        returned("甲局", [
          { rowId: "r1", actual: 8, status: "序时推进", progress: "推进中", problems: "资金" },
        ]),
      ],
      OPTIONS,
    );
    expect(result.refused).toEqual([]);
    expect(result.ledger.progress).toContainEqual({
      rowId: "r1",
      period: "2024-Q3",
      actual: 8,
      status: "序时推进",
      progress: "推进中",
      problems: "资金",
      reportedBy: "甲局",
      reportedAt: AT,
    });
    expect(result.changes.map((c) => [c.unit, c.number, c.field, c.old, c.new])).toEqual([
      ["甲局", "1", "完成值", "", "8"],
      ["甲局", "1", "状态", "", "序时推进"],
      ["甲局", "1", "进展情况", "", "推进中"],
      ["甲局", "1", "存在问题", "", "资金"],
    ]);
    expect(result.merged).toMatchObject([
      { fileName: "填报-甲局.xlsx", unit: "甲局", changes: 4, empty: false },
    ]);
  });

  it("never replaces a value with an empty one, and changes what the unit corrected", () => {
    const result = mergeReturns(
      sampleLedger(),
      [returned("乙局", [{ rowId: "r2", progress: "改写" }])],
      OPTIONS,
    );
    const entry = result.ledger.progress.find((e) => e.rowId === "r2");
    expect(entry).toMatchObject({ actual: 5, progress: "改写", reportedBy: "乙局" });
    expect(result.changes).toMatchObject([{ field: "进展情况", old: "已报", new: "改写" }]);
  });

  it("is idempotent: the same file merged twice changes nothing the second time", () => {
    const file = returned("甲局", [{ rowId: "r1", actual: 8 }]);
    const once = mergeReturns(sampleLedger(), [file], OPTIONS);
    const twice = mergeReturns(once.ledger, [file], { ...OPTIONS, at: "2024-10-09T10:00:00+08:00" });
    expect(twice.changes).toEqual([]);
    expect(twice.ledger).toEqual(once.ledger);
    const sameBatch = mergeReturns(sampleLedger(), [file, file], OPTIONS);
    expect(sameBatch.ledger).toEqual(once.ledger);
  });

  it("refuses another ledger's file, a wrong period and an unknown unit, merging nothing from them", () => {
    const ledger = sampleLedger();
    const result = mergeReturns(
      ledger,
      [
        returned("甲局", [{ rowId: "r1", actual: 1 }], { ledgerId: "other" }, "a.xlsx"),
        returned("甲局", [{ rowId: "r1", actual: 2 }], { period: asPeriod("2024-Q2") }, "b.xlsx"),
        returned("丁局", [{ rowId: "r1", actual: 3 }], {}, "c.xlsx"),
        { fileName: "d.xlsx", read: { ok: false, message: "这不是 .xlsx 工作簿" } },
      ],
      OPTIONS,
    );
    expect(result.ledger).toEqual(ledger);
    expect(result.merged).toEqual([]);
    expect(result.refused.map((r) => [r.fileName, r.message])).toEqual([
      ["a.xlsx", expect.stringContaining("另一份台账")],
      ["b.xlsx", expect.stringContaining("2024年第二季度的填报文件，本次汇总的是2024年第三季度")],
      ["c.xlsx", expect.stringContaining("“丁局”不是本台账的责任单位")],
      ["d.xlsx", "这不是 .xlsx 工作簿"],
    ]);
  });

  it("lists conflicts between units on a shared row without dropping either value; the lead's counts", () => {
    const result = mergeReturns(
      sampleLedger(),
      [
        returned("乙局", [{ rowId: "r1", actual: 9, status: "序时推进" }]),
        returned("甲局", [{ rowId: "r1", actual: 8 }]),
      ],
      OPTIONS,
    );
    expect(result.conflicts).toEqual([
      {
        rowId: "r1",
        number: "1",
        item: "任务r1：指标r1",
        field: "完成值",
        reports: [
          { unit: "甲局", value: "8" },
          { unit: "乙局", value: "9" },
        ],
      },
    ]);
    const r1 = result.ledger.progress.filter((e) => e.rowId === "r1");
    expect(r1.map((e) => [e.reportedBy, e.actual])).toEqual([
      ["乙局", 9],
      ["甲局", 8],
    ]);
    const assessed = assessLedger(result.ledger, asPeriod("2024-Q3"));
    expect(assessed.rows[0]?.entry?.actual).toBe(8);
  });

  it("knows the units without a report, and passes on rows a unit deleted", () => {
    const deleted = { id: "r1", taskId: "r1", docId: "doc", number: "1" };
    const result = mergeReturns(sampleLedger(), [returned("甲局", [], { missingRows: [deleted] })], OPTIONS);
    expect(result.missingUnits).toEqual(["甲局", "丙局"]);
    expect(result.merged).toMatchObject([{ unit: "甲局", empty: true, missingRows: [deleted] }]);
  });

  it("keeps the change log through its sheet, text that looks like a formula included", () => {
    const result = mergeReturns(
      sampleLedger(),
      [returned("甲局", [{ rowId: "r1", progress: "=SUM(A1:A3)" }])],
      OPTIONS,
    );
    const sheet = changeLogSheet(result.changes);
    const grid = {
      name: sheet.name,
      visibility: "visible" as const,
      rows: sheet.rows.map((r) => r.cells.map((c) => (typeof c === "object" && c !== null ? null : c))),
    };
    expect(readChangeLog([grid])).toEqual(result.changes);
    expect(result.changes[0]?.new).toBe("=SUM(A1:A3)");
  });

  it("says so when one unit sends two differing files in one batch; the later one stands", () => {
    const result = mergeReturns(
      sampleLedger(),
      [
        returned("甲局", [{ rowId: "r1", actual: 8 }], {}, "第一版.xlsx"),
        returned("甲局", [{ rowId: "r1", actual: 9 }], {}, "第二版.xlsx"),
        returned("甲局", [{ rowId: "r1", actual: 9 }], {}, "第二版副本.xlsx"),
      ],
      OPTIONS,
    );
    expect(result.ledger.progress.find((e) => e.rowId === "r1")?.actual).toBe(9);
    expect(result.changes.map((c) => [c.fileName, c.old, c.new])).toEqual([
      ["第一版.xlsx", "", "8"],
      ["第二版.xlsx", "8", "9"],
    ]);
    expect(result.merged.map((m) => m.notes.map((n) => n.message))).toEqual([
      [],
      ["甲局还报送了“第一版.xlsx”，两份文件不一致之处以本文件为准，原值见变更记录。"],
      [],
    ]);
  });
});
