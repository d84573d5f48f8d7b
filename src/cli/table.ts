import type { Adoption, CellGrid } from "../core/adopt";
import { bestAdoption, cropGrid } from "../core/adopt";
import type { ColumnRole, TableColumn, UnitDirectory } from "../core/model";
import { parseRange, readTableFile } from "../adapters/table";
import type { CliIo } from "./io";
import { describe } from "./input";

export interface TableChoice {
  /** `--sheet`: a worksheet's name, or `表2` for a Word document's second table. */
  sheet?: string;
  /** `--range`: `A3:H40`. */
  range?: string;
  /** `--columns`: roles by 0-based column of the sheet, over the header's and those remembered. */
  columns?: Readonly<Record<number, ColumnRole>>;
}

export type LoadedTable =
  | ({ ok: true } & Adoption)
  | {
      ok: false;
      message: string;
      /** The file holds no task table: it may still read as a document. */ noTable: boolean;
    };

/** Files that are tables whatever they hold; a .docx may be either. */
export const isTableFile = (path: string): boolean => /\.(?:xlsx|csv)$/i.test(path);

/**
 * Reads the office's own task table from a file: the sheet (or Word table) asked for, else the one
 * that yields the most tasks; the columns mapped as the ledger being replaced remembers them.
 */
export async function loadTable(
  path: string,
  io: CliIo,
  choice: TableChoice,
  options: { units: UnitDirectory; remembered?: readonly TableColumn[] },
): Promise<LoadedTable> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    return { ok: false, message: `无法读取“${path}”：${describe(error)}`, noTable: false };
  }
  const read = await readTableFile(bytes, io.basename(path));
  if (!read.ok) return { ok: false, message: read.message, noTable: /没有表格/.test(read.message) };
  let grids = read.grids;
  if (choice.sheet !== undefined) {
    grids = grids.filter((grid) => (grid.sheet ?? "") === choice.sheet);
    if (grids.length === 0) {
      const names = read.grids.map((grid) => `“${grid.sheet ?? ""}”`).join("、");
      return {
        ok: false,
        message: `“${path}”中没有名为“${choice.sheet}”的工作表（有：${names}）。`,
        noTable: false,
      };
    }
  }
  if (choice.range !== undefined) {
    const range = parseRange(choice.range);
    if (!range)
      return {
        ok: false,
        message: `--range 应写成 A3:H40 的形式，而不是“${choice.range}”。`,
        noTable: false,
      };
    grids = grids.map((grid) => cropGrid(grid, range));
  }
  // Every grid starts at the same column: --range crops them all alike.
  const [first] = grids;
  const adopted = bestAdoption(grids, {
    units: options.units,
    fallbackYear: io.now().getFullYear(),
    ...(options.remembered && { remembered: options.remembered }),
    ...(choice.columns && first && { chosen: sheetColumnsToGrid(choice.columns, first) }),
  });
  if (adopted.ok) return adopted;
  return {
    ok: false,
    message: `“${io.basename(path)}”：${adopted.message}`,
    noTable: adopted.code === "no-header",
  };
}

/** Roles given by the sheet's column letters, for a grid that may start further right (`--range`). */
function sheetColumnsToGrid(
  columns: Readonly<Record<number, ColumnRole>>,
  grid: CellGrid,
): Record<number, ColumnRole> {
  const shift = grid.origin.column - 1;
  return Object.fromEntries(Object.entries(columns).map(([column, role]) => [Number(column) - shift, role]));
}
