import { deflateRawSync } from "node:zlib";
import { ledgerOf, ledgerRow, asPeriod } from "../../../test/helpers/ledger";
import { splitLedger } from "../../core/roundtrip";
import type { ReturnedGridsResult } from "./returned";
import { readReturnedGrids } from "./returned";
import { renderWorkbook } from "./write";

async function formBytes(): Promise<Uint8Array> {
  const split = splitLedger(
    { ...ledgerOf([ledgerRow({ id: "r1" })], []), period: asPeriod("2024-Q3") },
    asPeriod("2024-Q3"),
  );
  if (!split.ok) throw new Error(split.message);
  return renderWorkbook(split.forms[0]!.plan);
}

/** `code: message` of a refusal, or "read" when the file was read. */
function outcome(result: ReturnedGridsResult): string {
  return result.ok ? "read" : `${result.code}: ${result.message}`;
}

/** Offsets of the central directory entries, from the end-of-directory record. */
function directoryEntries(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const offsets: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    offsets.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return offsets;
}

function withDeclaredSize(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const [first] = directoryEntries(copy);
  view.setUint32(first! + 24, size, true);
  return copy;
}

/** A one-entry zip whose headers declare `declaredSize` for the entry, whatever it really holds. */
function zipOf(name: string, compressed: Uint8Array, declaredSize: number): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(8, 8, true);
  local.setUint32(18, compressed.length, true);
  local.setUint32(22, declaredSize, true);
  local.setUint16(26, nameBytes.length, true);
  const directory = new DataView(new ArrayBuffer(46));
  directory.setUint32(0, 0x02014b50, true);
  directory.setUint16(4, 20, true);
  directory.setUint16(6, 20, true);
  directory.setUint16(10, 8, true);
  directory.setUint32(20, compressed.length, true);
  directory.setUint32(24, declaredSize, true);
  directory.setUint16(28, nameBytes.length, true);
  const directoryOffset = 30 + nameBytes.length + compressed.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + nameBytes.length, true);
  end.setUint32(16, directoryOffset, true);
  const parts = [local, nameBytes, compressed, directory, nameBytes, end].map((part) =>
    part instanceof DataView ? new Uint8Array(part.buffer) : part,
  );
  const zip = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (zip.set(part, at), at + part.length), 0);
  return zip;
}

describe("readReturnedGrids guards returned files before inflating them", () => {
  it("reads a sound form", async () => {
    const read = await readReturnedGrids(await formBytes());
    expect(read.ok && read.grids.map((g) => g.name)).toEqual(["填报说明", "进度填报", "_duban"]);
  });

  it("refuses what is not an .xlsx, naming the old .xls format when it is one", async () => {
    const csv = new TextEncoder().encode("编号,完成值\n1,8");
    expect(outcome(await readReturnedGrids(csv))).toMatch(/^not-xlsx: .*不是 \.xlsx 工作簿/);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(outcome(await readReturnedGrids(xls))).toMatch(/^not-xlsx: .*旧版 \.xls/);
    expect(outcome(await readReturnedGrids(new Uint8Array()))).toMatch(/^not-xlsx: /);
  });

  it("refuses a damaged zip: truncated, a broken directory, or broken contents", async () => {
    const bytes = await formBytes();
    const truncated = bytes.slice(0, Math.floor(bytes.length / 2));
    expect(outcome(await readReturnedGrids(truncated))).toMatch(/^damaged: 文件已损坏/);
    const brokenDirectory = bytes.slice();
    new DataView(brokenDirectory.buffer).setUint32(directoryEntries(bytes)[1]!, 0, true);
    expect(outcome(await readReturnedGrids(brokenDirectory))).toMatch(/^damaged: /);
    const brokenContents = bytes.slice();
    brokenContents.fill(0xff, 40, Math.floor(bytes.length * 0.6));
    expect(outcome(await readReturnedGrids(brokenContents))).toMatch(/^damaged: /);
  });

  it("refuses a file over the size limit without opening it", async () => {
    const bytes = await formBytes();
    const limits = { maxBytes: 1000, maxUncompressedBytes: 10 ** 9 };
    expect(outcome(await readReturnedGrids(bytes, limits))).toMatch(/^too-large: 文件过大/);
  });

  it("refuses a zip whose directory declares more than the uncompressed limit, or ZIP64 sizes", async () => {
    const bytes = await formBytes();
    const declared = withDeclaredSize(bytes, 300 * 1024 * 1024);
    expect(outcome(await readReturnedGrids(declared))).toMatch(/^too-large: 文件解压后过大/);
    expect(outcome(await readReturnedGrids(withDeclaredSize(bytes, 0xffffffff)))).toMatch(/^too-large: /);
  });

  it("counts what the entries really inflate to, stopping at the limit, when the directory lies", async () => {
    const bomb = zipOf("xl/worksheets/sheet1.xml", deflateRawSync(new Uint8Array(12 * 1024 * 1024)), 1000);
    const limits = { maxBytes: 1024 * 1024, maxUncompressedBytes: 5 * 1024 * 1024 };
    expect(outcome(await readReturnedGrids(bomb, limits))).toMatch(/^too-large: 文件解压后过大/);
    const garbage = zipOf("xl/workbook.xml", new Uint8Array(64).fill(0xff), 1000);
    expect(outcome(await readReturnedGrids(garbage))).toMatch(/^damaged: /);
  });
});
