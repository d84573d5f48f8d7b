import type { Command } from "./command";
import { EXIT } from "./command";
import type { CliIo } from "./io";
import { parseCommand } from "./commands/parse";
import { buildCommand } from "./commands/build";
import { demoCommand } from "./commands/demo";
import { reportCommand } from "./commands/report";
import { splitCommand } from "./commands/split";
import { mergeCommand } from "./commands/merge";
import { noticeCommand } from "./commands/notice";
import { remindCommand } from "./commands/remind";

const commands: Command[] = [
  parseCommand,
  buildCommand,
  demoCommand,
  reportCommand,
  splitCommand,
  mergeCommand,
  noticeCommand,
  remindCommand,
];

function help(): string {
  const lines = commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`);
  return [
    "duban — 督办台账命令行",
    "",
    "用法：duban <命令> [参数]",
    "",
    "命令：",
    ...lines,
    "",
    "duban <命令> --help 查看各命令的用法。",
    "",
  ].join("\n");
}

/** The whole CLI: returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`未知命令：${name}\n\n${help()}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.usage}\n`);
    return EXIT.ok;
  }
  return command.run(rest, io);
}
