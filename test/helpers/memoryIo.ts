import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { CliIo } from "../../src/cli/io";
import { BACKUP_FOLDER, FileLockedError, backupName } from "../../src/cli/io";

/** A CliIo over an in-memory file system, with real files readable underneath when asked for. */
export interface MemoryIo extends CliIo {
  files: Map<string, Uint8Array | string>;
  out: string[];
  err: string[];
}

export function memoryIo(
  files: Record<string, Uint8Array | string> = {},
  now = new Date("2024-10-08T09:00:00+08:00"),
): MemoryIo {
  const map = new Map(Object.entries(files));
  const out: string[] = [];
  const err: string[] = [];
  const locks = new Set<string>();
  return {
    files: map,
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async (path) => {
      const found = map.get(path);
      if (found !== undefined) return typeof found === "string" ? new TextEncoder().encode(found) : found;
      if (path.startsWith("/")) return new Uint8Array(await readFile(path));
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    },
    writeFile: (path, data) => Promise.resolve(void map.set(path, data)),
    backup: (path) => {
      const found = map.get(path);
      if (found === undefined) return Promise.resolve(undefined);
      const slash = path.lastIndexOf("/");
      const target = join(path.slice(0, slash + 1), BACKUP_FOLDER, backupName(path.slice(slash + 1), now));
      map.set(target, found);
      return Promise.resolve(target);
    },
    lock: (path) => {
      if (locks.has(path)) return Promise.reject(new FileLockedError(path, "另一个测试中的汇总"));
      locks.add(path);
      return Promise.resolve(() => Promise.resolve(void locks.delete(path)));
    },
    listDir: (path) =>
      Promise.resolve(
        [...map.keys()]
          .filter((k) => k.startsWith(`${path}/`))
          .map((k) => k.slice(path.length + 1))
          .sort(),
      ),
    makeDir: () => Promise.resolve(),
    join,
    basename,
    now: () => now,
  };
}
