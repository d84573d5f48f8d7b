/**
 * A .docx that unpacks to 256 MB, read in a child process each so the peak memory is the read's own:
 * refused from its zip directory (declared sizes) or while counting what it inflates to (sizes that
 * lie), against an ordinary document of 1 MB unpacked, which is read.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { docxBomb } from "../test/helpers/zip";
import { printTable } from "./measure";

interface ChildResult {
  ms: number;
  peakMB: number;
  refused: boolean;
}

/** A real .docx of about 1 MB of text: a long plan's paragraphs. */
async function ordinaryDocx(): Promise<Uint8Array> {
  const line =
    "（一）推进基层医疗卫生服务能力建设。市卫生健康委牵头，市财政局配合。到2025年，县域内就诊率达到90%以上。";
  const paragraphs = Array.from({ length: 9000 }, () => new Paragraph({ children: [new TextRun(line)] }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

export async function benchBomb(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "duban-bomb-"));
  const rows: (string | number)[][] = [["文件", "大小 KB", "结果", "耗时 ms", "子进程峰值内存 MB"]];
  try {
    for (const [label, megabytes, lie] of [
      ["普通 .docx（解压 1 MB）", 1, false],
      ["炸弹（解压 256 MB，目录如实）", 256, false],
      ["炸弹（解压 256 MB，目录谎报）", 256, true],
    ] as const) {
      const bytes = megabytes === 1 ? await ordinaryDocx() : docxBomb(megabytes, { lie });
      const file = join(dir, "方案.docx");
      writeFileSync(file, bytes);
      // Through a shell that forks: a process exec'd straight from this one would inherit its peak.
      const child = spawnSync(
        "/bin/sh",
        ["-c", '"$0" "$1" "$2"; :', process.execPath, join(__dirname, "bombChild.js"), file],
        {
          encoding: "utf8",
        },
      );
      const result = JSON.parse(child.stdout) as ChildResult;
      rows.push([
        label,
        Math.round(bytes.length / 1024),
        result.refused ? "拒绝" : "读取",
        result.ms,
        result.peakMB,
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(".docx 解压上限（32 MB），各在单独进程中读取", rows);
}
