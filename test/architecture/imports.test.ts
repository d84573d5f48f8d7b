/**
 * The core's folders form layers: model at the bottom, each folder importing only from folders
 * below it. A cycle between two folders (plan ↔ sheets, say) means a rule lives in the wrong place.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const CORE = resolve(__dirname, "../../src/core");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Folder of a file under src/core (`parse`, `model`…); files directly in src/core count as `util`. */
function folderOf(path: string): string {
  const [first, second] = relative(CORE, path).split(/[\\/]/);
  return second === undefined ? "util" : (first ?? "");
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(CORE)) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/from\s+"(\.[^"]+)"/g)) {
      const target = resolve(dirname(file), match[1] ?? "");
      if (!target.startsWith(CORE)) continue;
      const to = folderOf(target.endsWith(".js") ? target : `${target}.ts`);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === "done") return undefined;
    if (state.get(node) === "open") return [...path.slice(path.indexOf(node)), node];
    state.set(node, "open");
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("the core's folders", () => {
  const graph = folderGraph();

  test("import each other without a cycle", () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  test("keep the vocabulary at the bottom: model imports no other folder", () => {
    expect([...(graph.get("model") ?? [])]).toEqual([]);
  });

  test("the cycle finder finds a cycle when there is one", () => {
    const cyclic = new Map([
      ["plan", new Set(["sheets"])],
      ["sheets", new Set(["plan"])],
    ]);
    expect(findCycle(cyclic)).toEqual(["plan", "sheets", "plan"]);
  });
});
