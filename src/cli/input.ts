import type { PlanDocument, UnitAliases, UnitDirectory } from "../core/model";
import { parseDocument } from "../core/parse";
import { loadPdfJsForNode } from "../adapters/pdf/node";
import { readPolicyDocument } from "../adapters/text/readDocument";
import type { CliIo } from "./io";
import { FileLockedError, errorCode } from "./io";

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
  const read = await readPolicyDocument(bytes, name, { loadPdfJs: loadPdfJsForNode });
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

/** What people can do about each system error, in Chinese; what was read or written is named by the caller. */
const SYSTEM_ERRORS: Readonly<Record<string, { read: string; write: string }>> = {
  ENOENT: {
    read: "文件不存在，请检查文件名和所在文件夹",
    write: "所在的文件夹不存在，请先建立该文件夹或换一个位置",
  },
  EACCES: {
    read: "没有读取权限，请检查文件的权限设置",
    write: "没有写入权限（文件可能是只读的，或所在文件夹不允许写入）；原文件未改动",
  },
  EPERM: {
    read: "操作系统不允许读取该文件",
    write: "操作系统不允许写入（文件可能正被 Excel 或 WPS 打开，或是只读的）；请关闭后重试，原文件未改动",
  },
  EBUSY: {
    read: "文件正被其他程序占用，请关闭 Excel、WPS 等程序后重试",
    write: "文件正被其他程序（如 Excel、WPS）打开，请关闭后重试；原文件未改动",
  },
  ENOSPC: { read: "磁盘空间不足", write: "磁盘空间不足，请清理磁盘后重试；原文件未改动" },
  EDQUOT: { read: "磁盘配额已用完", write: "磁盘配额已用完，请清理后重试；原文件未改动" },
  EFBIG: { read: "文件超过系统允许的大小", write: "文件超过系统允许的大小上限；原文件未改动" },
  EROFS: { read: "所在位置只读", write: "所在位置是只读的（如光盘或只读共享），请换一个位置保存" },
  EISDIR: { read: "这是一个文件夹，不是文件", write: "这是一个文件夹，请指定文件名" },
  ENOTDIR: { read: "路径中有一部分不是文件夹", write: "路径中有一部分不是文件夹，请检查路径" },
  EMFILE: { read: "同时打开的文件过多，请稍后重试", write: "同时打开的文件过多，请稍后重试；原文件未改动" },
  ENAMETOOLONG: { read: "文件名或路径过长", write: "文件名或路径过长，请换一个较短的位置或名称" },
  EIO: { read: "读取磁盘时出错", write: "写入磁盘时出错；原文件未改动" },
};

/** A system error as a sentence people can act on; `action` says whether a file was being read or written. */
export function describe(error: unknown, action: "read" | "write" = "read"): string {
  if (error instanceof FileLockedError) {
    return `另一个督办台账程序正在处理这份台账（${error.holder}），请等它完成后再试；如确认没有在处理，删除同一文件夹中的“.${error.path.split(/[\\/]/).pop() ?? ""}.lock”文件即可`;
  }
  const code = errorCode(error) ?? "";
  const known = SYSTEM_ERRORS[code];
  if (known) return known[action];
  const detail = error instanceof Error ? error.message : String(error);
  return `系统错误（${code || detail}）${action === "write" ? "；原文件未改动" : ""}`;
}
