import { useState } from "react";

/** Enough for a morning's corrections; each step keeps one value, sharing most of its objects. */
const UNDO_DEPTH = 100;

/**
 * A value with 撤销: `set` remembers the value it replaces, `undo` goes back one, `reset` starts
 * afresh (a new reading in 导入 is no edit to undo).
 */
export function useUndoable<T>(initial?: T) {
  const [value, setValue] = useState<T | undefined>(initial);
  const [history, setHistory] = useState<T[]>([]);
  return {
    value,
    set: (next: T) => {
      if (value !== undefined) setHistory((earlier) => [...earlier.slice(-(UNDO_DEPTH - 1)), value]);
      setValue(next);
    },
    reset: (next: T | undefined) => {
      setValue(next);
      setHistory([]);
    },
    canUndo: history.length > 0,
    undo: () => {
      const previous = history.at(-1);
      if (previous === undefined) return;
      setHistory((earlier) => earlier.slice(0, -1));
      setValue(previous);
    },
  };
}
