/** @jest-environment jsdom */
import "../../testing/dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { lazy, Suspense } from "react";
import { StepBoundary } from "./StepBoundary";

it("says in its panel that a step's code did not load, and offers to reload the pane", async () => {
  const Failing = lazy(() => Promise.reject(new Error("ChunkLoadError: Loading chunk 606 failed.")));
  const reload = jest.fn();
  // React reports the caught error on the console; the test is about what the user sees.
  const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    render(
      <FluentProvider theme={webLightTheme}>
        <p>导入的文字</p>
        <StepBoundary reload={reload}>
          <Suspense fallback="正在加载…">
            <Failing />
          </Suspense>
        </StepBoundary>
      </FluentProvider>,
    );
    expect(await screen.findByText("这一步未能打开")).toBeTruthy();
    expect(screen.getByText("导入的文字")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "重新加载任务窗格" }));
    expect(reload).toHaveBeenCalledTimes(1);
  } finally {
    quiet.mockRestore();
  }
});
