import { renderWorkbook } from "../../adapters/xlsx";
import { UnitDirectory } from "../../core/model";
import type { RemindInput } from "../../core/report";
import {
  buildReminders,
  nothingToRemind,
  remindWorkbookPlan,
  reminderScope,
  reminderTally,
  remindersFor,
  remindersWithoutLeadNote,
  renderRemindersText,
} from "../../core/report";
import { ledgerCommandArgs, stringOption, wholeNumberOption } from "../args";
import { EXIT, type Command } from "../command";
import { readLedgerFile, writeOutput } from "../files";
import { localToday } from "./build";

export const remindCommand: Command = {
  name: "remind",
  summary: "列出临近完成时限和已逾期的未完成任务，按单位生成催办消息或催办清单",
  usage: [
    "用法：duban remind 台账.xlsx [--days N] [--date 2024-10-08] [--unit 单位] [--text] [-o 催办清单.xlsx]",
    "",
    "  --days       临近时限的天数：N 日内到期的未完成任务；默认取台账“设置”表的“临期提醒天数”",
    "  --date       从哪一天算起，如 2024-10-08；默认为今天",
    "  --unit       只列这个单位（牵头或配合）的任务",
    "  --text       在终端输出各单位的催办消息（可直接粘贴到邮件或微信）；不写 -o 时默认如此",
    "  -o           输出“催办清单”工作簿（.xlsx）",
  ].join("\n"),
  async run(argv, io) {
    const command = ledgerCommandArgs(
      argv,
      { days: true, date: true, unit: true, text: false, output: true },
      this.usage,
      io,
    );
    if (!command) return EXIT.usage;
    const { args, ledgerPath } = command;
    const output = stringOption(args, "output");
    const asText = args.options.has("text") || output === undefined;
    if (output !== undefined && !/\.xlsx$/i.test(output)) {
      io.stderr(`输出文件“${output}”应以 .xlsx 结尾。\n`);
      return EXIT.usage;
    }
    const days = wholeNumberOption(args, "days", 0, "整数天数");
    if (!days.ok) {
      io.stderr(`${days.message}\n`);
      return EXIT.usage;
    }

    const file = await readLedgerFile(ledgerPath, io);
    if (!file.ok) return file.exit;
    const { ledger } = file.read;
    const remindInput: RemindInput = {
      date: stringOption(args, "date") ?? localToday(io),
      ...(days.value !== undefined && { days: days.value }),
    };
    const built = buildReminders(ledger, remindInput);
    if (!built.ok) {
      io.stderr(`${built.message}\n`);
      return built.code === "empty-ledger" ? EXIT.dataError : EXIT.usage;
    }

    let list = built.reminders;
    let whose = "各单位";
    const unit = stringOption(args, "unit");
    if (unit !== undefined) {
      const units = new UnitDirectory(ledger.unitAliases);
      const named = [...new Set(ledger.rows.flatMap((row) => [...row.leadUnits, ...row.coUnits]))].find(
        (name) => units.same(name, unit),
      );
      if (named === undefined) {
        io.stderr(`台账中没有单位“${unit}”。\n`);
        return EXIT.usage;
      }
      list = remindersFor(list, named);
      whose = named;
    }
    const unassigned = remindersWithoutLeadNote(list);
    if (list.units.length === 0) {
      io.stdout(`${nothingToRemind(list, whose)}\n`);
      if (unassigned) io.stderr(`${unassigned}\n`);
      return EXIT.ok;
    }
    if (asText) io.stdout(renderRemindersText(list));
    if (output !== undefined) {
      if (!(await writeOutput(output, await renderWorkbook(remindWorkbookPlan(list)), io))) {
        return EXIT.cannotWrite;
      }
      // With the messages on stdout, the note about the file goes beside them.
      const note = `已生成催办清单：${output}（${reminderScope(list)}，${reminderTally(list)}）\n`;
      if (asText) io.stderr(note);
      else io.stdout(note);
    }
    if (unassigned) io.stderr(`${unassigned}\n`);
    return EXIT.ok;
  },
};
