/**
 * Web APIs that browsers and Office webviews have but jsdom lacks, for component tests only. Import
 * it first in a `@jest-environment jsdom` test.
 */

import { configure } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "node:util";

// Dialogs open and close through portals and motion over several renders; on a loaded two-core
// machine that can take longer than the default second. A ceiling on waiting, not a timing test.
configure({ asyncUtilTimeout: 10_000 });

// The text adapter decodes files with TextDecoder.
if (typeof globalThis.TextDecoder === "undefined") {
  Object.assign(globalThis, { TextDecoder, TextEncoder });
}

/** jsdom lays nothing out, so nothing ever resizes: Fluent's MessageBar observes in vain. */
class NoLayoutResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof globalThis.ResizeObserver === "undefined") {
  Object.assign(globalThis, { ResizeObserver: NoLayoutResizeObserver });
}

/**
 * In jsdom, tabster's modalizer marks the open modal dialog itself `aria-hidden` some 250 ms after it
 * opens (microsoft/fluentui#33897; browsers are unaffected, as the browser test shows), which hides
 * it from role queries. A modal dialog that is open is never hidden from
 * assistive technology, so this puts the accessibility tree back as a browser has it.
 */
function unhideOpenModals(): void {
  for (const dialog of document.querySelectorAll('[role="dialog"][aria-modal="true"]')) {
    for (let node: Element | null = dialog; node; node = node.parentElement) {
      if (node.getAttribute("aria-hidden") === "true") node.removeAttribute("aria-hidden");
    }
  }
}

new MutationObserver(unhideOpenModals).observe(document, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ["aria-hidden"],
});

/** Shown to the person: neither it nor an ancestor is `hidden`. */
export function isShown(element: Element): boolean {
  return element.closest("[hidden]") === null;
}
