import { useState } from "react";
import type { Adoption } from "../../../core/adopt";
import { columnLetter, withColumnRole } from "../../../core/adopt";
import type { ColumnRole } from "../../../core/model";

/** One column as 校对 lists it: where it is in the sheet, its header, and the role it has now. */
export interface MappingRow {
  index: number;
  /** `C列“牵头单位”`. */
  label: string;
  role: ColumnRole;
}

/**
 * The column mapping of an adopted table: changing a column's role reads the table again with it
 * (the core keeps every choice made), and a change that leaves no task column is refused with why.
 */
export function useTableMapping(adoption: Adoption, onChange: (next: Adoption) => void) {
  const [problem, setProblem] = useState<string>();
  const { grid, table } = adoption;
  const rows: MappingRow[] = table.mapping.columns.map((column) => ({
    index: column.index,
    label: `${columnLetter(grid.origin.column - 1 + column.index)}列${column.header ? `“${column.header}”` : "（无表头）"}`,
    role: column.role,
  }));
  return {
    rows,
    problem,
    where: grid.sheet ? `“${grid.sheet}”工作表` : `“${grid.name}”`,
    choose: (index: number, role: ColumnRole) => {
      const next = withColumnRole(adoption, index, role);
      if (!next.ok) {
        setProblem(next.message);
        return;
      }
      setProblem(undefined);
      onChange(next);
    },
  };
}
