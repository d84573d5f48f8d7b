import { readLedgerWorkbook, type ReadWorkbookResult } from "../adapters/xlsx";
import { EXIT } from "./command";
import { describe } from "./input";
import type { CliIo } from "./io";

/** Writes a file the CLI produced; false after saying why when it cannot. */
export async function writeOutput(path: string, data: Uint8Array | string, io: CliIo): Promise<boolean> {
  try {
    await io.writeFile(path, data);
    return true;
  } catch (error) {
    io.stderr(`无法写入“${path}”：${describe(error)}\n`);
    return false;
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
  for (const diagnostic of read.diagnostics.filter((d) => d.severity === "warning")) {
    io.stderr(`[警告] ${diagnostic.message}\n`);
  }
  return { ok: true, read };
}
