/**
 * Zip files from outside (returned 填报 workbooks, .docx policy files) are checked before a library
 * inflates them into memory: that it is a zip at all, the uncompressed sizes its central directory
 * declares, the number of entries, and what the entries really inflate to, counted in a stream that
 * stops at the limit — a zip's declared sizes can lie.
 */

const LOCAL_FILE_SIGNATURE = 0x04034b50;
const END_OF_DIRECTORY_SIGNATURE = 0x06054b50;
const DIRECTORY_ENTRY_SIGNATURE = 0x02014b50;
const END_OF_DIRECTORY_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** ZIP64 markers: sizes or counts too large for the classic fields. */
const ZIP64_COUNT = 0xffff;
const ZIP64_SIZE = 0xffffffff;

interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

type Directory = { ok: true; entries: ZipEntry[] } | { ok: false; code: "damaged" | "too-large" };

/** The zip's central directory, read without inflating anything. */
function readDirectory(bytes: Uint8Array): Directory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - END_OF_DIRECTORY_SIZE - MAX_COMMENT);
  let end = -1;
  for (let i = bytes.length - END_OF_DIRECTORY_SIZE; i >= lowest; i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, code: "damaged" };
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === ZIP64_COUNT || directoryOffset === ZIP64_SIZE) return { ok: false, code: "too-large" };
  if (directoryOffset + directorySize > end) return { ok: false, code: "damaged" };
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY_SIGNATURE)
      return { ok: false, code: "damaged" };
    const declaredSize = view.getUint32(at + 24, true);
    if (declaredSize === ZIP64_SIZE) return { ok: false, code: "too-large" };
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, Math.min(end, at + 46 + nameLength))),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize,
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { ok: true, entries };
}

const STORED = 0;
const DEFLATED = 8;

/**
 * Inflates every entry only to count its bytes, stopping as soon as the total passes the limit:
 * a zip's declared sizes can lie, and ExcelJS would inflate everything into memory at once.
 */
async function inflatedSizeWithin(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limit: number,
): Promise<"ok" | "damaged" | "too-large"> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const header = entry.localHeader;
    if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_FILE_SIGNATURE) return "damaged";
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    if (start + entry.compressedSize > bytes.length) return "damaged";
    if (entry.method === STORED) {
      total += entry.compressedSize;
    } else if (entry.method === DEFLATED) {
      const data = bytes.slice(start, start + entry.compressedSize);
      const reader = new Blob([data])
        .stream()
        .pipeThrough(new DecompressionStream("deflate-raw"))
        .getReader();
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          total += chunk.value.byteLength;
          if (total > limit) {
            await reader.cancel();
            return "too-large";
          }
        }
      } catch {
        return "damaged";
      }
    } else {
      return "damaged";
    }
    if (total > limit) return "too-large";
  }
  return "ok";
}

/** Entries a policy file or a form has: tens; a zip of many thousands is not one. */
const MAX_ENTRIES = 10_000;

export type ZipCheck = "ok" | "not-zip" | "damaged" | "too-large";

/** Whether `bytes` is a zip whose entries inflate to at most `maxUncompressedBytes`, without inflating it whole. */
export async function checkZip(bytes: Uint8Array, maxUncompressedBytes: number): Promise<ZipCheck> {
  const isZip =
    bytes.length >= 4 &&
    new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === LOCAL_FILE_SIGNATURE;
  if (!isZip) return "not-zip";
  const directory = readDirectory(bytes);
  if (!directory.ok) return directory.code;
  if (directory.entries.length > MAX_ENTRIES) return "too-large";
  const declared = directory.entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > maxUncompressedBytes) return "too-large";
  return inflatedSizeWithin(bytes, directory.entries, maxUncompressedBytes);
}

/** The names of a zip's entries, from its central directory; empty when it is not a readable zip. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const directory = readDirectory(bytes);
  return directory.ok ? directory.entries.map((e) => e.name) : [];
}
