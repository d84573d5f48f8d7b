import { spawnSync } from "node:child_process";

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/**
 * Whether the external programs a test needs are installed. In CI (`CI=true`) a missing program
 * fails the run, so a test can never pass by skipping there; elsewhere the test is skipped with a
 * note saying what to install.
 */
export function enginesAvailable(
  commands: readonly string[],
  purpose: string,
  options: { python?: { interpreter: string; modules: readonly string[] } } = {},
): boolean {
  const missing = commands.filter((command) => !onPath(command));
  const { python } = options;
  for (const module of python?.modules ?? []) {
    const found =
      spawnSync(python!.interpreter, ["-c", `import ${module}`], { stdio: "ignore" }).status === 0;
    if (!found) missing.push(`${python!.interpreter} module ${module}`);
  }
  if (missing.length === 0) return true;
  const message = `${purpose} needs ${missing.join(", ")} (Debian: libreoffice-writer, libreoffice-calc, python3-uno, poppler-utils)`;
  if (process.env.CI === "true") throw new Error(`CI is missing ${missing.join(", ")}: ${message}`);
  process.stderr.write(`Skipping: ${message}\n`);
  return false;
}
