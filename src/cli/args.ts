import { Period, invalidPeriodMessage, type Ledger, type PeriodKind } from "../core/model";
import type { CliIo } from "./io";

/** A small argv reader: positionals, `--flag`, `--key value`, `-o value`. Unknown options are errors. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export type ArgsResult = { ok: true; args: ParsedArgs } | { ok: false; message: string };

/** `spec` maps each accepted option (long name, without dashes) to whether it takes a value. */
export function parseArgs(
  argv: readonly string[],
  spec: Record<string, boolean>,
  short: Record<string, string> = {},
): ArgsResult {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const [rawName = "", inline] = arg.replace(/^--?/, "").split(/=(.*)/s, 2);
    const name = arg.startsWith("--") ? rawName : (short[rawName] ?? rawName);
    const takesValue = spec[name];
    if (takesValue === undefined) return { ok: false, message: `未知选项：${arg}` };
    if (!takesValue) {
      options.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, message: `选项 ${arg} 需要一个值` };
    options.set(name, value);
  }
  return { ok: true, args: { positionals, options } };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === "string" ? value : undefined;
}

export type PeriodOption = { ok: true; period: Period | undefined } | { ok: false; message: string };

/** `--period`, read as people write it (`2024-Q3`, `2024年第三季度`, `2024-09`, `2024年9月`). */
export function periodOption(args: ParsedArgs, kind?: PeriodKind, year?: number): PeriodOption {
  const written = stringOption(args, "period");
  if (written === undefined) return { ok: true, period: undefined };
  const period = Period.parse(written);
  const exampleYear = year ?? period?.year ?? new Date().getFullYear();
  if (!period) return { ok: false, message: invalidPeriodMessage(written, exampleYear) };
  if (kind !== undefined && period.kind !== kind) {
    const example = kind === "month" ? `${exampleYear}年9月` : `${exampleYear}年第三季度`;
    return {
      ok: false,
      message: `这份台账按${kind === "month" ? "月" : "季度"}跟踪，期间“${written}”不适用；请写成“${example}”这样的期间。`,
    };
  }
  return { ok: true, period };
}

export type WholeNumberOption = { ok: true; value: number | undefined } | { ok: false; message: string };

/**
 * A whole-number option such as `--days 10`, at least `minimum`; `noun` names what it counts in the
 * message (`整数天数`). Absent, the value is undefined and the core's default applies.
 */
export function wholeNumberOption(
  args: ParsedArgs,
  name: string,
  minimum: number,
  noun = "整数",
): WholeNumberOption {
  const written = stringOption(args, name);
  if (written === undefined) return { ok: true, value: undefined };
  const value = Number(written);
  return /^\d+$/.test(written.trim()) && value >= minimum
    ? { ok: true, value }
    : { ok: false, message: `--${name} 应为不小于${minimum}的${noun}，而不是“${written}”。` };
}

/**
 * The arguments of a command that reads one 台账 file (`-o` short for `--output`), or undefined after
 * saying what is wrong, with the command's usage.
 */
export function ledgerCommandArgs(
  argv: readonly string[],
  spec: Record<string, boolean>,
  usage: string,
  io: Pick<CliIo, "stderr">,
): { args: ParsedArgs; ledgerPath: string } | undefined {
  const parsed = parseArgs(argv, spec, { o: "output" });
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n${usage}\n`);
    return undefined;
  }
  const { positionals } = parsed.args;
  const [ledgerPath] = positionals;
  if (!ledgerPath || positionals.length > 1) {
    io.stderr(`请指定一个台账文件（.xlsx）。\n${usage}\n`);
    return undefined;
  }
  return { args: parsed.args, ledgerPath };
}

/** `--period` for this ledger, its current period when absent; undefined after saying what is wrong. */
export function ledgerPeriod(
  args: ParsedArgs,
  ledger: Pick<Ledger, "period" | "periodKind" | "year">,
  io: Pick<CliIo, "stderr">,
): Period | undefined {
  const chosen = periodOption(args, ledger.periodKind, ledger.year);
  if (!chosen.ok) {
    io.stderr(`${chosen.message}\n`);
    return undefined;
  }
  return chosen.period ?? ledger.period;
}
