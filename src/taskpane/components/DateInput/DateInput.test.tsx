/** @jest-environment jsdom */
import "../../testing/dom";
import { Field } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { inPane } from "../../testing/workbooks";
import { DateInput } from "./DateInput";

function Harness({ seen }: { seen: string[] }) {
  const [value, setValue] = useState("2024-06-30");
  return (
    <Field label="时限">
      <DateInput
        year={2024}
        value={value}
        onChange={(next) => {
          seen.push(next);
          setValue(next);
        }}
      />
    </Field>
  );
}

describe("DateInput", () => {
  it("shows dates as a clerk writes them and hands out ISO for what reads as a date", async () => {
    const seen: string[] = [];
    const user = userEvent.setup();
    render(inPane(<Harness seen={seen} />, undefined));
    const input = screen.getByRole("textbox", { name: "时限" });
    expect(input).toHaveProperty("value", "2024年6月30日");
    await user.clear(input);
    await user.type(input, "2024/9/30");
    expect(seen.at(-1)).toBe("2024-09-30");
    await user.tab();
    expect(input).toHaveProperty("value", "2024年9月30日");
    await user.clear(input);
    await user.type(input, "12月31日");
    expect(seen.at(-1)).toBe("2024-12-31");
    await user.clear(input);
    await user.type(input, "年底");
    expect(seen.at(-1)).toBe("年底");
    await user.tab();
    expect(input).toHaveProperty("value", "年底");
  });
});
