import { Field, Select } from "@fluentui/react-components";
import type { Ledger, Period } from "../../../core/model";
import { periodsOfYear } from "../../../core/plan";
import { periodLabel } from "../../../core/sheets";

export interface PeriodPickerProps {
  ledger: Pick<Ledger, "year" | "periodKind">;
  period: Period;
  onChange: (period: Period) => void;
}

/** The ledger's periods of its year, months or quarters as it tracks them. */
export function PeriodPicker({ ledger, period, onChange }: PeriodPickerProps) {
  return (
    <Field label="报送期次">
      <Select value={period} onChange={(_, data) => onChange(data.value)}>
        {periodsOfYear(ledger.year, ledger.periodKind).map((option) => (
          <option key={option} value={option}>
            {periodLabel(option)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
