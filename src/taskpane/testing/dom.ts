/**
 * Web APIs that browsers and Office webviews have but jsdom lacks, for component tests only. Import
 * it first in a `@jest-environment jsdom` test.
 */

import { TextDecoder, TextEncoder } from "node:util";

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

/** Shown to the person: neither it nor an ancestor is `hidden`. */
export function isShown(element: Element): boolean {
  return element.closest("[hidden]") === null;
}
