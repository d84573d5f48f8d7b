import type { PlanDocument, UnitAliases, UnitDirectory } from "../core/model";
import { parseDocument } from "../core/parse";
import { readPolicyDocument } from "../adapters/text/readDocument";
import type { CliIo } from "./io";

export type LoadedDocument = { ok: true; document: PlanDocument } | { ok: false; message: string };

/** Reads and parses one policy file; unreadable files come back as a Chinese message. */
export async function loadDocument(path: string, io: CliIo, units?: UnitDirectory): Promise<LoadedDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    return { ok: false, message: `无法读取“${path}”：${describe(error)}` };
  }
  const name = io.basename(path);
  const read = await readPolicyDocument(bytes, name);
  if (!read.ok) return { ok: false, message: read.diagnostic.message };
  const document = parseDocument(read.text, {
    sourceName: name,
    fallbackYear: io.now().getFullYear(),
    ...(units && { units }),
  });
  const fatal = document.diagnostics.find((d) => d.severity === "error");
  if (fatal) return { ok: false, message: `“${name}”：${fatal.message}` };
  return { ok: true, document };
}

/** Reads a unit alias table: `{ "省卫生健康委": ["省卫健委"] }`. */
export async function loadAliases(
  path: string,
  io: CliIo,
): Promise<{ ok: true; aliases: UnitAliases } | { ok: false; message: string }> {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(await io.readFile(path)));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      Object.values(parsed).every((v) => Array.isArray(v) && v.every((x) => typeof x === "string"))
    ) {
      return { ok: true, aliases: parsed as UnitAliases };
    }
    return { ok: false, message: `单位别名表“${path}”格式不对：应为 {"规范名称": ["别名", …]}。` };
  } catch (error) {
    return { ok: false, message: `无法读取单位别名表“${path}”：${describe(error)}` };
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error && "code" in error && error.code === "ENOENT") return "文件不存在";
  if (error instanceof Error && "code" in error && error.code === "EISDIR") return "这是一个文件夹";
  return error instanceof Error ? error.message : String(error);
}
