import { makeStyles } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { RefObject } from "react";

/** Up to this many rows are all rendered: a plan of 30 tasks needs no windowing, and keeps find-in-page. */
export const WINDOWED_FROM = 200;

/** A long list scrolls in itself, so that only the rows in view are rendered. */
export const useWindowedStyles = makeStyles({
  windowed: { maxHeight: "70vh", overflowY: "auto" },
});

export interface WindowedRows {
  /** The rows to render now, in order. */
  indices: number[];
  /** Height of the rows above and below the window, for spacer rows that keep the scroll bar true. */
  before: number;
  after: number;
  /** For each rendered row: lets a row of its own height be measured (`data-index` must be set). */
  measure: (element: Element | null) => void;
  /** Brings a row into view, rendered or not. */
  scrollTo: (index: number) => void;
}

/**
 * The rows of a long list that are in view in `scroller` (and a screenful around them), so a
 * document of 1,000 tasks renders as fast as one of 50; short lists are rendered whole.
 */
export function useWindowedRows(
  count: number,
  scroller: RefObject<HTMLElement | null>,
  estimateHeight: (index: number) => number,
): WindowedRows {
  const windowed = count > WINDOWED_FROM;
  const virtualizer = useVirtualizer({
    count,
    enabled: windowed,
    getScrollElement: () => scroller.current,
    estimateSize: estimateHeight,
    overscan: 12,
  });
  if (!windowed) {
    return {
      indices: Array.from({ length: count }, (_, i) => i),
      before: 0,
      after: 0,
      measure: () => undefined,
      scrollTo: (index) =>
        scroller.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView?.({ block: "nearest" }),
    };
  }
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  return {
    indices: items.map((item) => item.index),
    before: first ? first.start : 0,
    after: last ? Math.max(0, virtualizer.getTotalSize() - last.end) : 0,
    measure: virtualizer.measureElement,
    scrollTo: (index) => virtualizer.scrollToIndex(index, { align: "auto" }),
  };
}
