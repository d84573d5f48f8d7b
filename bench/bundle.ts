/**
 * The task pane's download: builds it for production with webpack.config.js and prints the size of
 * what the first load fetches (the taskpane entry's chunks) and of each chunk loaded later, raw and
 * gzipped. The first load must stay within 300 kB gzipped.
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import webpack, { type Configuration, type Stats, type StatsCompilation } from "webpack";
import { printTable } from "./measure";

/** The repository root: this file runs as dist/bench/bundle.js. */
const ROOT = path.resolve(__dirname, "..", "..");
const INITIAL_BUDGET_GZIP = 300_000;

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: "production" }) => Promise<Configuration>;

function build(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (!stats) reject(new Error("webpack returned no stats"));
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve(stats);
    });
  });
}

interface Measured {
  file: string;
  raw: number;
  gzip: number;
}

function measure(outputPath: string, file: string): Measured {
  const bytes = readFileSync(path.join(outputPath, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

const kB = (bytes: number): string => (bytes / 1000).toFixed(1);

/** What a lazy chunk is for: the modules that ask for it with `import()`. */
function purpose(chunk: NonNullable<StatsCompilation["chunks"]>[number]): string {
  const requests = new Set((chunk.origins ?? []).map((origin) => origin.request).filter(Boolean));
  return [...requests].join("、") || String(chunk.id);
}

export async function benchBundle(): Promise<void> {
  const imported = (await import(pathToFileURL(path.join(ROOT, "webpack.config.js")).href)) as {
    default: ConfigFactory;
  };
  const config = await imported.default({}, { mode: "production" });
  const started = performance.now();
  const stats = await build(config);
  const seconds = (performance.now() - started) / 1000;
  const json = stats.toJson({
    all: false,
    assets: true,
    chunks: true,
    chunkOrigins: true,
    entrypoints: true,
    outputPath: true,
  });
  const outputPath = json.outputPath ?? path.join(ROOT, "dist");

  const initialFiles = (json.entrypoints?.taskpane?.assets ?? [])
    .map((asset) => asset.name)
    .filter((name) => name.endsWith(".js"));
  const initial = initialFiles.map((file) => measure(outputPath, file));
  const lazy = (json.chunks ?? [])
    .filter((chunk) => !chunk.initial)
    .flatMap((chunk) =>
      (chunk.files ?? [])
        .filter((file) => file.endsWith(".js"))
        .map((file) => ({ ...measure(outputPath, file), purpose: purpose(chunk) })),
    );

  const total = initial.reduce((sum, m) => ({ raw: sum.raw + m.raw, gzip: sum.gzip + m.gzip }), {
    raw: 0,
    gzip: 0,
  });
  printTable(`任务窗格打包体积（生产构建 ${seconds.toFixed(0)} 秒，kB = 1000 字节）`, [
    ["文件", "用途", "原始 kB", "gzip kB"],
    ...initial.map((m) => [m.file, "首次加载", kB(m.raw), kB(m.gzip)]),
    ["合计", "首次加载", kB(total.raw), kB(total.gzip)],
    ...lazy.map((m) => [m.file, `按需加载：${m.purpose}`, kB(m.raw), kB(m.gzip)]),
  ]);
  const within = total.gzip <= INITIAL_BUDGET_GZIP;
  process.stdout.write(
    `  首次加载 ${kB(total.gzip)} kB（gzip），目标 ≤ ${kB(INITIAL_BUDGET_GZIP)} kB：${within ? "达标" : "超出"}\n`,
  );
  if (!within) process.exitCode = 1;
}
