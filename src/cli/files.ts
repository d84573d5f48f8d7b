import { readLedgerWorkbook, type ReadWorkbookResult } from "../adapters/xlsx";
import type { Diagnostic } from "../core/model";
import { describeLocation } from "../core/model";
import { EXIT } from "./command";
import { describe } from "./input";
import type { CliIo } from "./io";

/** Writes a file the CLI produced; false after saying why when it cannot. */
export async function writeOutput(path: string, data: Uint8Array | string, io: CliIo): Promise<boolean> {
  try {
    await io.writeFile(path, data);
    return true;
  } catch (error) {
    io.stderr(`无法写入“${path}”：${describe(error, "write")}\n`);
    return false;
  }
}

/** A reader's warnings, each with the cell it is about, so people can find it in the workbook. */
export function printWarnings(diagnostics: readonly Diagnostic[], io: CliIo): void {
  for (const diagnostic of diagnostics.filter((d) => d.severity === "warning")) {
    // A sheet alone is named in the message already; a cell or a line is worth saying.
    const specific = diagnostic.at && !(diagnostic.at.kind === "cell" && !diagnostic.at.cell);
    const where = specific ? describeLocation(diagnostic.at) : "";
    io.stderr(`[警告] ${where ? `${where}：` : ""}${diagnostic.message}\n`);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Writes a ledger whole (see `CliIo.writeFile`), after copying the one it replaces into the backup
 * folder. With `unchanged`, the file must still hold those bytes — what the merge read — or nothing is
 * written: someone saved it in Excel, or another merge did, in the meantime.
 */
export async function replaceLedger(
  path: string,
  data: Uint8Array,
  unchanged: Uint8Array | undefined,
  io: CliIo,
  keepBackup = true,
): Promise<{ ok: true; backup?: string } | { ok: false; exit: number }> {
  if (unchanged) {
    let now: Uint8Array | undefined;
    try {
      now = await io.readFile(path);
    } catch {
      now = undefined;
    }
    if (!now || !sameBytes(now, unchanged)) {
      io.stderr(
        `“${path}”在汇总期间被修改或移走（可能有人在 Excel 中保存了它），为免覆盖别人的修改，未写入。请重新汇总。\n`,
      );
      return { ok: false, exit: EXIT.cannotWrite };
    }
  }
  try {
    const backup = keepBackup ? await io.backup(path) : undefined;
    await io.writeFile(path, data);
    return { ok: true, ...(backup !== undefined && { backup }) };
  } catch (error) {
    io.stderr(`无法写入“${path}”：${describe(error, "write")}\n`);
    return { ok: false, exit: EXIT.cannotWrite };
  }
}

export type LedgerFile =
  { ok: true; read: Extract<ReadWorkbookResult, { ok: true }> } | { ok: false; exit: number };

/** Reads a 台账 workbook given on the command line, saying what is wrong with it and printing its warnings. */
export async function readLedgerFile(path: string, io: CliIo): Promise<LedgerFile> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    io.stderr(`无法读取“${path}”：${describe(error)}\n`);
    return { ok: false, exit: EXIT.cannotRead };
  }
  const read = await readLedgerWorkbook(bytes);
  if (!read.ok) {
    io.stderr(`“${path}”：${read.message}\n`);
    return { ok: false, exit: read.code === "unreadable-workbook" ? EXIT.cannotRead : EXIT.dataError };
  }
  printWarnings(read.diagnostics, io);
  return { ok: true, read };
}
