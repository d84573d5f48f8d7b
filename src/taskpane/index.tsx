/// <reference types="office-js" />
/**
 * Task pane entry: waits for Office.js (when it loaded) and renders the app. Outside Office — a
 * browser, the end-to-end test page — it renders too, and the app says what it cannot do there.
 */

import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";
import { officeRoundTrip } from "./roundTrip";
import { officeWorkbook } from "./workbook";

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const host = await detectHost(typeof Office === "undefined" ? undefined : Office);
  const workbook = host.kind === "excel" ? officeWorkbook() : undefined;
  const roundTrip = workbook && officeRoundTrip(workbook);
  createRoot(container).render(<App host={host} workbook={workbook} roundTrip={roundTrip} />);
}

void start();
