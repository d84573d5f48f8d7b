/** Everything the CLI touches outside itself, so `run` can be tested with an in-memory world. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Names of the files in a directory, sorted. */
  listDir(path: string): Promise<string[]>;
  makeDir(path: string): Promise<void>;
  /** Joins path segments the platform's way. */
  join(...parts: string[]): string;
  basename(path: string): string;
  now(): Date;
}
