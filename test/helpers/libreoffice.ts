import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Converts office files to PDF with LibreOffice, in one run, and returns the PDFs' paths in `outDir`
 * in the order of `inputs`. Each call gets its own LibreOffice profile, so conversions running at
 * the same time (other test files, other people on the machine) do not wait on or break each other.
 */
export async function convertToPdf(inputs: readonly string[], outDir: string): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), "duban-lo-"));
  try {
    await run(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        ...inputs,
      ],
      { timeout: 90_000, env: { ...process.env, FONTCONFIG_FILE: join(__dirname, "cjk-fonts.conf") } },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const made = await readdir(outDir);
  return inputs.map((input) => {
    const pdf = `${basename(input, extname(input))}.pdf`;
    if (!made.includes(pdf)) throw new Error(`LibreOffice did not convert ${input}`);
    return join(outDir, pdf);
  });
}
