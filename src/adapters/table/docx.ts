/**
 * mammoth's HTML → the tables of a Word document as cell rows with their merges, laid out as a
 * browser lays out `rowspan`/`colspan`. The paragraphs just above a table come first, as one-cell
 * rows, since a 任务分解表's title is a paragraph in Word, not a row.
 */
import type { CellRange } from "../../core/adopt";
import { decodeEntities } from "../text/docxHtml";

export interface DocxTable {
  rows: string[][];
  merges: CellRange[];
}

/** Paragraphs above a table worth keeping: the title and its 附件 line, not the whole document. */
const LEAD_PARAGRAPHS = 3;

interface OpenTable {
  rows: string[][];
  merges: CellRange[];
  /** Columns taken in later rows by cells spanning down: row → columns. */
  taken: Map<number, Set<number>>;
  row: number;
  column: number;
  cell?: { text: string; rowspan: number; colspan: number } | undefined;
}

const spanOf = (tag: string, name: string): number => {
  const m = new RegExp(`${name}="(\\d+)"`).exec(tag);
  return m ? Math.max(1, Number(m[1])) : 1;
};

export function docxTables(html: string): DocxTable[] {
  const tables: DocxTable[] = [];
  const before: string[] = [];
  let paragraph = "";
  let open: OpenTable | undefined;
  let depth = 0;
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token.startsWith("<")) {
      const text = decodeEntities(token);
      if (open?.cell) open.cell.text += text;
      else if (!open) paragraph += text;
      continue;
    }
    const m = /^<(\/?)([a-z0-9]+)/i.exec(token);
    const closing = m?.[1] === "/";
    const tag = (m?.[2] ?? "").toLowerCase();
    if (tag === "table") {
      depth += closing ? -1 : 1;
      if (!closing && depth === 1) {
        open = { rows: [], merges: [], taken: new Map(), row: -1, column: 0 };
        const lead = before.splice(0).slice(-LEAD_PARAGRAPHS);
        for (const text of lead) open.rows.push([text]);
        open.row = open.rows.length - 1;
      } else if (closing && depth === 0 && open) {
        tables.push({
          rows: Array.from(open.rows, (row) => Array.from(row ?? [], (cell) => cell ?? "")),
          merges: open.merges,
        });
        open = undefined;
      }
      continue;
    }
    if (depth > 1) {
      // A table inside a cell: its words belong to the cell.
      if (open?.cell && (tag === "p" || tag === "td" || tag === "th") && closing) open.cell.text += " ";
      continue;
    }
    if (!open) {
      if (tag === "p" || /^h[1-6]$/.test(tag)) {
        if (closing) {
          const text = paragraph.trim();
          if (text) before.push(text);
          paragraph = "";
        }
      } else if (tag === "br") paragraph += "\n";
      continue;
    }
    if (tag === "tr" && !closing) {
      open.row += 1;
      open.rows[open.row] = [];
      open.column = 0;
    } else if ((tag === "td" || tag === "th") && !closing) {
      open.cell = { text: "", rowspan: spanOf(token, "rowspan"), colspan: spanOf(token, "colspan") };
    } else if ((tag === "td" || tag === "th") && closing && open.cell) {
      placeCell(open, open.cell);
      open.cell = undefined;
    } else if ((tag === "p" || tag === "br") && open.cell && open.cell.text && (closing || tag === "br")) {
      open.cell.text += "\n";
    }
  }
  return tables;
}

function placeCell(table: OpenTable, cell: { text: string; rowspan: number; colspan: number }): void {
  const taken = table.taken.get(table.row) ?? new Set<number>();
  while (taken.has(table.column)) table.column++;
  const row = table.rows[table.row] ?? (table.rows[table.row] = []);
  const left = table.column;
  row[left] = cell.text.trim();
  for (let c = left + 1; c < left + cell.colspan; c++) row[c] = "";
  for (let r = table.row + 1; r < table.row + cell.rowspan; r++) {
    const below = table.taken.get(r) ?? new Set<number>();
    for (let c = left; c < left + cell.colspan; c++) below.add(c);
    table.taken.set(r, below);
  }
  if (cell.rowspan > 1 || cell.colspan > 1) {
    table.merges.push({
      top: table.row,
      left,
      bottom: table.row + cell.rowspan - 1,
      right: left + cell.colspan - 1,
    });
  }
  table.column = left + cell.colspan;
}
