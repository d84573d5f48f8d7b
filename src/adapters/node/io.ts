import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, mkdir, open, readFile, readdir, rename, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import type { CliIo } from "../../cli/io";
import { BACKUPS_KEPT, BACKUP_FOLDER, FileLockedError, backupName, errorCode } from "../../cli/io";

/** A lock older than this is taken to be left by a process that died without releasing it. */
const STALE_LOCK_MS = 60 * 60 * 1000;

/** Flushes a directory, so a rename in it survives a power cut (not supported everywhere: then skipped). */
async function syncDirectory(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, "r");
    await handle.sync();
  } catch {
    // Windows cannot open a directory for syncing; the rename itself is still atomic there.
  } finally {
    await handle?.close();
  }
}

/** Writes beside `path`, flushes, renames over it: whole or not at all. */
async function writeWhole(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

async function backup(path: string, now: Date): Promise<string | undefined> {
  try {
    await stat(path);
  } catch {
    return undefined;
  }
  const folder = join(dirname(path), BACKUP_FOLDER);
  await mkdir(folder, { recursive: true });
  const name = basename(path);
  const target = join(folder, backupName(name, now));
  await copyFile(path, target, constants.COPYFILE_EXCL);
  const stem = name.replace(/\.[^.]*$/, "");
  const ours = (await readdir(folder))
    .filter((f) => f.startsWith(`${stem}-`) && /-\d{8}-\d{9}\./.test(f))
    .sort();
  for (const old of ours.slice(0, Math.max(0, ours.length - BACKUPS_KEPT)))
    await rm(join(folder, old), { force: true });
  return target;
}

interface LockRecord {
  pid: number;
  host: string;
  at: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists and belongs to someone else.
    return errorCode(error) === "EPERM";
  }
}

async function lock(path: string): Promise<() => Promise<void>> {
  const file = join(dirname(path), `.${basename(path)}.lock`);
  const record: LockRecord = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(JSON.stringify(record));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error;
    }
    let holder: LockRecord | undefined;
    try {
      holder = JSON.parse(await readFile(file, "utf8")) as LockRecord;
    } catch {
      // Half-written or unreadable: judged by its age below.
    }
    const age = Date.now() - (holder ? Date.parse(holder.at) : (await stat(file)).mtimeMs);
    const stale = holder?.host === record.host ? !alive(holder.pid) : age > STALE_LOCK_MS;
    if (!stale || attempt > 0) {
      throw new FileLockedError(
        path,
        holder ? `进程 ${holder.pid}（${holder.host}，${holder.at}）` : "未知进程",
      );
    }
    await rm(file, { force: true });
  }
  throw new FileLockedError(path, "未知进程");
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: writeWhole,
    backup: (path) => backup(path, new Date()),
    lock,
    listDir: async (path) => (await readdir(path)).sort(),
    makeDir: async (path) => void (await mkdir(path, { recursive: true })),
    join,
    basename,
    now: () => new Date(),
  };
}
