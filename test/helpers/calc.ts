import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** LibreOffice's own setting for .xlsx files: 0 = always recalculate on load, never trust cached values. */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens workbooks in LibreOffice Calc, which recalculates every formula, and saves them as `format`
 * (`xlsx` or `pdf`) into `outDir`, all in one LibreOffice run. A private profile keeps parallel runs
 * apart and carries the recalculate-always setting.
 */
export async function convertWithCalc(
  inputs: readonly string[],
  format: "xlsx" | "pdf",
  outDir: string,
): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), "duban-calc-"));
  try {
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
    await run(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        ...inputs,
      ],
      { timeout: 180_000, env: { ...process.env, FONTCONFIG_FILE: join(__dirname, "cjk-fonts.conf") } },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
