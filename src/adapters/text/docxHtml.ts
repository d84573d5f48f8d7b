/**
 * mammoth's HTML → the plain-text shapes the parser reads: headings as `#`, paragraphs on their own
 * lines, table rows as `| a | b |`. mammoth emits a small, regular subset of HTML, so a scanner over
 * its tags is enough; there is no DOM in Node.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function docxHtmlToText(html: string): string {
  const lines: string[] = [];
  let line = "";
  let cells: string[] | undefined;
  let cell: string | undefined;
  let headingLevel = 0;
  const flush = (): void => {
    const text = decodeEntities(line).trim();
    if (cell !== undefined) cell += text && cell ? ` ${text}` : text;
    else if (text) lines.push(headingLevel > 0 ? `${"#".repeat(headingLevel)} ${text}` : text, "");
    line = "";
  };
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token.startsWith("<")) {
      line += token;
      continue;
    }
    const m = /^<(\/?)([a-z0-9]+)/i.exec(token);
    const closing = m?.[1] === "/";
    const tag = (m?.[2] ?? "").toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      if (closing) {
        flush();
        headingLevel = 0;
      } else headingLevel = Number(tag[1]);
    } else if (tag === "p" || tag === "li") {
      if (closing) flush();
    } else if (tag === "br") {
      line += "\n";
    } else if (tag === "tr") {
      if (!closing) cells = [];
      else if (cells) {
        lines.push(`| ${cells.map((c) => c.replace(/\|/g, "｜").replace(/\s+/g, " ")).join(" | ")} |`);
        cells = undefined;
      }
    } else if (tag === "td" || tag === "th") {
      if (!closing) cell = "";
      else {
        flush();
        cells?.push(cell ?? "");
        cell = undefined;
      }
    } else if (tag === "table" && closing) {
      lines.push("");
    }
  }
  flush();
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}
