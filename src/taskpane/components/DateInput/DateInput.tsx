import { Input, type InputProps } from "@fluentui/react-components";
import { useState } from "react";
import { chineseDate, isValidIsoDate, readDate } from "../../../core/model";

export interface DateInputProps extends Omit<InputProps, "value" | "onChange" | "type"> {
  /** ISO (`2024-06-30`), "" for none, or text that is no date yet, as last handed out. */
  value: string;
  /** ISO when the text reads as a date, else the text as typed (the caller says what is wrong). */
  onChange: (value: string) => void;
  /** For `6月30日`: the year it is in. */
  year?: number | undefined;
}

/**
 * A date field that shows and takes dates as a clerk writes them (`2024年6月30日`), whatever the
 * browser's locale would make of `<input type="date">` (`06/30/2024`).
 */
export function DateInput({ value, onChange, year, ...rest }: DateInputProps) {
  const shown = isValidIsoDate(value) ? chineseDate(value) : value;
  const [typed, setTyped] = useState<string>();
  return (
    <Input
      {...rest}
      placeholder={rest.placeholder ?? "如 2024年6月30日"}
      value={typed ?? shown}
      onChange={(_, data) => {
        setTyped(data.value);
        onChange(readDate(data.value, year) ?? data.value);
      }}
      onBlur={(event) => {
        // Typed `2024-6-30` shows as 2024年6月30日 once the field is left.
        setTyped(undefined);
        rest.onBlur?.(event);
      }}
    />
  );
}
