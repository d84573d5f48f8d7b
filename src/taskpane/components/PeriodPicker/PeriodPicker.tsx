import { Field, Select } from "@fluentui/react-components";
import type { Ledger } from "../../../core/model";
import { Period } from "../../../core/model";

export interface PeriodPickerProps {
  ledger: Pick<Ledger, "year" | "periodKind">;
  period: Period;
  onChange: (period: Period) => void;
}

/** The ledger's periods of its year, months or quarters as it tracks them. */
export function PeriodPicker({ ledger, period, onChange }: PeriodPickerProps) {
  return (
    <Field label="报送期次">
      <Select
        value={period.key}
        onChange={(_, data) => {
          const chosen = Period.parse(data.value);
          if (chosen) onChange(chosen);
        }}
      >
        {Period.ofYear(ledger.year, ledger.periodKind).map((option) => (
          <option key={option.key} value={option.key}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
