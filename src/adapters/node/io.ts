import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { CliIo } from "../../cli/io";

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, data) => writeFile(path, data),
    listDir: async (path) => (await readdir(path)).sort(),
    makeDir: async (path) => void (await mkdir(path, { recursive: true })),
    join,
    basename,
    now: () => new Date(),
  };
}
