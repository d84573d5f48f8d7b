/** Everything the CLI touches outside itself, so `run` can be tested with an in-memory world. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Writes the whole file or nothing: the data goes to a temporary file beside `path`, is flushed,
   * then renamed over it, so a failure or a kill part-way leaves the old file as it was.
   */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Copies the file at `path`, if there is one, into the backup folder beside it; its path, or undefined. */
  backup(path: string): Promise<string | undefined>;
  /** Takes `path`'s lock, or throws a `FileLockedError`; call the returned function to release it. */
  lock(path: string): Promise<() => Promise<void>>;
  /** Names of the files in a directory, sorted. */
  listDir(path: string): Promise<string[]>;
  makeDir(path: string): Promise<void>;
  /** Joins path segments the platform's way. */
  join(...parts: string[]): string;
  basename(path: string): string;
  now(): Date;
}

/** A system error's code (`ENOSPC`…), whatever realm the error object comes from. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

/** Another Duban is working on the file (a merge in another window). */
export class FileLockedError extends Error {
  readonly code = "DUBAN_LOCKED";
  constructor(
    readonly path: string,
    /** Who holds it, as the lock file says: process and start time. */
    readonly holder: string,
  ) {
    super(`locked: ${path}`);
  }
}

/** The backup folder beside a ledger, and a backup's name: `台账备份/台账-20241008-093000.xlsx`. */
export const BACKUP_FOLDER = "台账备份";

/** Backups of one file kept in the folder; older ones are removed. */
export const BACKUPS_KEPT = 20;

export function backupName(fileName: string, at: Date): string {
  const dot = fileName.lastIndexOf(".");
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const extension = dot > 0 ? fileName.slice(dot) : "";
  const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}${pad(at.getMilliseconds(), 3)}`;
  return `${stem}-${stamp}${extension}`;
}
