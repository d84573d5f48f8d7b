import { gridsOf } from "../../../test/helpers/grids";
import { ledgerOf, ledgerRow, asPeriod } from "../../../test/helpers/ledger";
import type { Ledger } from "../model";
import type { GridValue, SheetGrid } from "../sheets";
import { buildWorkbookPlan } from "../sheets";
import { FORM_COLUMNS, FORM_SHEET_NAMES, type FormColumnKey } from "./form";
import { readReturnForm, type ReadFormResult } from "./read";
import { splitLedger } from "./split";

const LEDGER: Ledger = {
  ...ledgerOf(
    [
      ledgerRow({ id: "r1", number: "1", target: 10, leadUnits: ["甲局"] }),
      ledgerRow({ id: "r2", number: "2", leadUnits: ["甲局"] }),
    ],
    [],
  ),
  period: asPeriod("2024-Q3"),
};

function formGrids(ledger: Ledger = LEDGER): SheetGrid[] {
  const split = splitLedger(ledger, asPeriod("2024-Q3"));
  if (!split.ok) throw new Error(split.message);
  return gridsOf(split.forms[0]!.plan);
}

/** The form's grids with 进度填报 rewritten by `edit` (rows as mutable arrays, header first at index 1). */
function edited(edit: (rows: GridValue[][]) => GridValue[][], ledger: Ledger = LEDGER): SheetGrid[] {
  return formGrids(ledger).map((grid) =>
    grid.name === FORM_SHEET_NAMES.progress
      ? { ...grid, rows: edit(grid.rows.map((r) => [...(r ?? [])])) }
      : grid,
  );
}

const at = (key: FormColumnKey): number => FORM_COLUMNS.findIndex((c) => c.key === key);

function form(result: ReadFormResult) {
  if (!result.ok) throw new Error(result.message);
  return result.form;
}

describe("readReturnForm", () => {
  it("keeps a status not on the list and a 完成值 that is not a number as sent, each with a note", () => {
    const result = form(
      readReturnForm(
        edited((rows) => {
          rows[2]![at("actual")] = "约5家";
          rows[2]![at("reportedStatus")] = "完成";
          rows[3]![at("reportedStatus")] = "差不多";
          rows[3]![at("progress")] = "推进中";
          return rows;
        }),
      ),
    );
    // Never read as the number or the status they may mean: the workbook's formulas would not either.
    expect(result.entries).toEqual([
      { rowId: "r1", actualText: "约5家", statusText: "完成", progress: "", problems: "", kept: [] },
      { rowId: "r2", statusText: "差不多", progress: "推进中", problems: "", kept: [] },
    ]);
    expect(result.notes.map((n) => n.code)).toEqual(["text-in-number", "unknown-status", "unknown-status"]);
    expect(result.notes[1]?.message).toContain("可能是“已完成”");
  });

  it("finds rows by 编号 when the hidden ID column is gone, and notes rows it does not know or sees twice", () => {
    const result = form(
      readReturnForm(
        edited((rows) => {
          const withoutId = rows.map((r) => r.filter((_, i) => i !== at("rowId")));
          withoutId[2]![at("actual")] = 7;
          const copy = [...withoutId[2]!];
          copy[at("actual")] = 8;
          const stranger = [...withoutId[3]!];
          stranger[at("number")] = "99";
          return [...withoutId, copy, stranger];
        }),
      ),
    );
    expect(result.entries.map((e) => [e.rowId, e.actual])).toEqual([
      ["r1", 7],
      ["r2", undefined],
    ]);
    expect(result.notes.map((n) => n.code)).toEqual(["duplicate-row", "unknown-row"]);
  });

  it("refuses a ledger, a file without its 进度填报 sheet or without an input column", () => {
    const ledgerGrids = gridsOf(buildWorkbookPlan(LEDGER));
    expect(readReturnForm(ledgerGrids)).toMatchObject({ ok: false, code: "not-a-form" });
    expect(readReturnForm([])).toMatchObject({ ok: false, code: "not-a-form" });
    const withoutSheet = formGrids().filter((g) => g.name !== FORM_SHEET_NAMES.progress);
    expect(readReturnForm(withoutSheet)).toMatchObject({ ok: false, code: "missing-sheet" });
    const withoutColumn = edited((rows) => rows.map((r) => r.filter((_, i) => i !== at("problems"))));
    const refused = readReturnForm(withoutColumn);
    expect(!refused.ok && refused.message).toBe("“进度填报”表中找不到“存在问题”列，无法汇总。");
  });

  it("notes formulas and text beginning with = once per file, naming the first cells", () => {
    const threeRows = {
      ...LEDGER,
      rows: [...LEDGER.rows, ledgerRow({ id: "r3", number: "3", leadUnits: ["甲局"] })],
    };
    const result = form(
      readReturnForm(
        edited((rows) => {
          for (const line of rows.slice(2)) {
            for (const key of ["actual", "reportedStatus", "progress", "problems"] as const)
              line[at(key)] = "=A1*2";
          }
          return rows;
        }, threeRows),
      ),
    );
    expect(result.entries[0]).toEqual({
      rowId: "r1",
      actualText: "=A1*2",
      statusText: "=A1*2",
      progress: "=A1*2",
      problems: "=A1*2",
      kept: [],
    });
    const formulas = result.notes.filter((n) => n.code === "formula-as-text");
    expect(formulas.map((n) => n.message)).toEqual([
      "M3、N3、O3、P3、M4、N4、O4、P4、M5、N5等 12 个单元格中以“=”开头的内容（公式或文字）已按文字保存，不作计算。",
    ]);
  });
});
