import { crc32, deflateRawSync } from "node:zlib";

export interface ZipEntryInput {
  name: string;
  data: Uint8Array | string;
  /** Declares this many uncompressed bytes in the directory instead of the truth, as a bomb would. */
  declaredSize?: number;
}

/** A minimal deflated zip, for tests that need a file built to misbehave. */
export function zipOf(entries: readonly ZipEntryInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data) : Buffer.from(entry.data);
    const compressed = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directorySize = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...directory, end]));
}

/** A .docx-shaped zip whose document inflates to `megabytes` of (ASCII) paragraphs. */
export function docxBomb(megabytes: number, options: { lie?: boolean } = {}): Uint8Array {
  const paragraph = Buffer.from("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
  const body = Buffer.alloc(megabytes * 1024 * 1024, paragraph);
  const document = Buffer.concat([
    Buffer.from(
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    ),
    body,
    Buffer.from("</w:body></w:document>"),
  ]);
  return zipOf([
    { name: "[Content_Types].xml", data: "<Types/>" },
    { name: "word/document.xml", data: document, ...(options.lie && { declaredSize: 1000 }) },
  ]);
}
