/**
 * Where the plan starts and ends in its source: a cover notice before it, or page furniture after
 * it, is left out of the reading without moving anything else, so every span still counts in the
 * source as it was pasted or read.
 */

export interface SourceRange {
  start: number;
  end: number;
}

/** The source with what lies outside `range` blanked, line breaks kept: the same offsets, less text. */
export function withinRange(source: string, range: SourceRange): string {
  const start = Math.max(0, Math.min(range.start, source.length));
  const end = Math.max(start, Math.min(range.end, source.length));
  const blank = (text: string): string => text.replace(/[^\r\n]/g, " ");
  return blank(source.slice(0, start)) + source.slice(start, end) + blank(source.slice(end));
}

export interface SourceLine {
  /** Offset of the line's first character in the source. */
  start: number;
  /** Offset just past its last character, before the line break. */
  end: number;
  text: string;
}

/** The source's lines, each with where it stands in the source. */
export function sourceLines(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  // Pasted and converted text ends its lines with \n, \r\n or (old Mac files) \r alone.
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let found = breaks.exec(source); found; found = breaks.exec(source)) {
    lines.push({ start, end: found.index, text: source.slice(start, found.index) });
    start = found.index + found[0].length;
  }
  lines.push({ start, end: source.length, text: source.slice(start) });
  return lines;
}
