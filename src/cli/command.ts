import type { CliIo } from "./io";

export interface Command {
  name: string;
  /** One line for `duban --help`. */
  summary: string;
  usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes, after BSD sysexits where one fits. */
export const EXIT = {
  ok: 0,
  /** The input was read but is not what the command needs (no tasks, wrong ledger…). */
  dataError: 1,
  usage: 64,
  cannotRead: 66,
  cannotWrite: 73,
} as const;
