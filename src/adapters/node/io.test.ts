import { spawn } from "node:child_process";
import * as fs from "node:fs/promises";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { describe as describeError } from "../../cli/input";
import { BACKUP_FOLDER, FileLockedError } from "../../cli/io";
import { nodeIo } from "./io";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "duban-io-"));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const ORIGINAL = new TextEncoder().encode("上个月的台账");

/** The adapter as plain JavaScript, for a child process that can be killed or limited mid-write. */
async function adapterAsJavaScript(): Promise<string> {
  const out = join(dir, "js");
  for (const file of ["adapters/node/io.ts", "cli/io.ts"]) {
    const source = await readFile(join(__dirname, "../..", file), "utf8");
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    const target = join(out, file.replace(/\.ts$/, ".js"));
    await fs.mkdir(dirname(target), { recursive: true });
    await writeFile(target, js.outputText);
  }
  return join(out, "adapters/node/io.js");
}

describe("writeFile", () => {
  it("replaces the file whole and leaves nothing beside it", async () => {
    const path = join(dir, "台账.xlsx");
    await writeFile(path, ORIGINAL);
    await nodeIo().writeFile(path, "新的台账");
    expect(await readFile(path, "utf8")).toBe("新的台账");
    expect(await readdir(dir)).toEqual(["台账.xlsx"]);
  });

  it("leaves the old file as it was when a write fails part-way, and says so in Chinese", async () => {
    // A file-size limit (ulimit -f) makes the write fail after the first blocks, as a full disk does.
    const io = await adapterAsJavaScript();
    const path = join(dir, "台账.xlsx");
    await writeFile(path, ORIGINAL);
    const script = `require(${JSON.stringify(io)}).nodeIo().writeFile(${JSON.stringify(path)}, Buffer.alloc(4 * 1024 * 1024, 1)).then(() => process.exit(0), (e) => { process.stdout.write(String(e.code)); process.exit(3); });`;
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn("sh", ["-c", `ulimit -f 64 && exec "$0" -e "$1"`, process.execPath, script]);
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.on("exit", (code) => resolve({ code, out }));
    });
    expect(result).toEqual({ code: 3, out: "EFBIG" });
    expect(new Uint8Array(await readFile(path))).toEqual(ORIGINAL);
    expect(await readdir(dir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.tmp$/)]));
  });

  it("names every system failure in Chinese, saying the original is untouched", () => {
    const failure = (code: string) => Object.assign(new Error(`${code}: raw system text`), { code });
    expect(describeError(failure("ENOSPC"), "write")).toBe("磁盘空间不足，请清理磁盘后重试；原文件未改动");
    for (const code of ["EACCES", "EPERM", "EBUSY", "EFBIG", "EROFS", "EDQUOT", "EIO"]) {
      const message = describeError(failure(code), "write");
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(message).not.toMatch(/raw system text|[A-Z]{4,}/);
    }
    expect(describeError(failure("ENOENT"), "write")).toMatch(/文件夹/);
  });

  it("leaves the old file whole when the process is killed in the middle of writing", async () => {
    const io = await adapterAsJavaScript();
    const ledgers = join(dir, "ledgers");
    await fs.mkdir(ledgers);
    const path = join(ledgers, "台账.xlsx");
    await writeFile(path, ORIGINAL);
    const script = `require(${JSON.stringify(io)}).nodeIo().writeFile(${JSON.stringify(path)}, Buffer.alloc(512 * 1024 * 1024, 1));`;
    const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    for (let waited = 0; waited < 30_000; waited += 5) {
      if ((await readdir(ledgers)).some((f) => f.endsWith(".tmp"))) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill("SIGKILL");
    await exited;
    expect(new Uint8Array(await readFile(path))).toEqual(ORIGINAL);
  });
});

describe("backup", () => {
  it("copies the file into the backup folder beside it, dated, and keeps the newest twenty", async () => {
    const path = join(dir, "台账.xlsx");
    const io = nodeIo();
    expect(await io.backup(path)).toBeUndefined();
    await writeFile(path, ORIGINAL);
    const first = await io.backup(path);
    expect(first).toMatch(new RegExp(`${BACKUP_FOLDER}/台账-\\d{8}-\\d{9}\\.xlsx$`));
    expect(new Uint8Array(await readFile(first!))).toEqual(ORIGINAL);
    for (let i = 0; i < 25; i++) {
      await io.backup(path);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect((await readdir(join(dir, BACKUP_FOLDER))).length).toBe(20);
  });
});

describe("lock", () => {
  it("lets one process hold a ledger at a time, and is free again once released", async () => {
    const path = join(dir, "台账.xlsx");
    const io = nodeIo();
    const release = await io.lock(path);
    const second = await io.lock(path).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(FileLockedError);
    expect(describeError(second)).toMatch(/^另一个督办台账程序正在处理这份台账（进程 \d+/);
    await release();
    await (
      await io.lock(path)
    )();
  });

  it("takes over a lock left by a process that has died", async () => {
    const path = join(dir, "台账.xlsx");
    await writeFile(
      join(dir, ".台账.xlsx.lock"),
      JSON.stringify({
        pid: 2 ** 22 + 17,
        host: (await import("node:os")).hostname(),
        at: new Date().toISOString(),
      }),
    );
    const release = await nodeIo().lock(path);
    await release();
  });
});
