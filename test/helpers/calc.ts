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

/** A private LibreOffice profile that recalculates every .xlsx it opens. */
async function calcProfile(): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), "duban-calc-"));
  await mkdir(join(profile, "user"), { recursive: true });
  await writeFile(join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
  return profile;
}

/** A cell typed into (number, text, or null to clear) or a range sorted by one of its columns (0-based). */
export type CalcEdit =
  | { kind: "set"; sheet: string; cell: string; value: number | string | null }
  | { kind: "sort"; sheet: string; range: string; column: number; ascending: boolean };

/** Python with LibreOffice's UNO bridge: Debian's, whatever python3 comes first on the PATH. */
export const UNO_PYTHON = "/usr/bin/python3";

/**
 * Opens `input` in LibreOffice Calc, makes `edits` in order through UNO as a person would in the
 * window, recalculates and saves the result as `output` (.xlsx), as someone without the add-in does.
 */
export async function editWithCalc(input: string, edits: readonly CalcEdit[], output: string): Promise<void> {
  const profile = await calcProfile();
  try {
    const editsFile = join(profile, "edits.json");
    await writeFile(editsFile, JSON.stringify(edits));
    await run(UNO_PYTHON, [join(__dirname, "calc_edit.py"), profile, input, editsFile, output], {
      timeout: 300_000,
      env: { ...process.env, FONTCONFIG_FILE: join(__dirname, "cjk-fonts.conf") },
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * Opens workbooks in LibreOffice Calc, which recalculates every formula, and saves them as `format`
 * (`xlsx`, `pdf` or `ods`) into `outDir`, all in one LibreOffice run. A private profile keeps parallel runs
 * apart and carries the recalculate-always setting.
 */
export async function convertWithCalc(
  inputs: readonly string[],
  format: "xlsx" | "pdf" | "ods",
  outDir: string,
): Promise<void> {
  const profile = await calcProfile();
  try {
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
