import { renderNoticesDocx } from "../../adapters/docx";
import { UnitDirectory } from "../../core/model";
import type { NoticeInput } from "../../core/report";
import {
  DEFAULT_NOTICE_DAYS,
  buildNotices,
  nothingToNotify,
  noticesWithoutLeadNote,
} from "../../core/report";
import { ledgerCommandArgs, ledgerPeriod, stringOption, wholeNumberOption } from "../args";
import { EXIT, type Command } from "../command";
import { readLedgerFile, writeOutput } from "../files";
import { localToday } from "./build";
import { ISSUER_FALLBACK_NOTE } from "./report";

export const noticeCommand: Command = {
  name: "notice",
  summary: "为进度滞后、逾期未完成的牵头单位生成督办通知单（.docx）",
  usage: [
    "用法：duban notice 台账.xlsx [--period 2024-Q3] -o 督办通知单.docx [选项]",
    "",
    "  --period     督办的期间：月份写 2024-09，季度写 2024-Q3；默认为台账当前期间",
    "  -o           输出的 .docx 文件：每个单位一页（GB/T 9704 公文格式）",
    "  --unit       只为这个单位生成通知单（编号与全部生成时相同）",
    "  --date       成文日期，如 2024-10-08；默认为今天",
    `  --days       办理时限：自成文日期起的自然日天数，默认 ${DEFAULT_NOTICE_DAYS} 天`,
    "  --issuer     落款（发文单位）；默认取台账“设置”表的“发文单位”",
    "  --first-number N   本期第一份通知单的编号；默认接续本年度此前各期应发的通知单",
  ].join("\n"),
  async run(argv, io) {
    const command = ledgerCommandArgs(
      argv,
      { period: true, output: true, unit: true, date: true, issuer: true, days: true, "first-number": true },
      this.usage,
      io,
    );
    if (!command) return EXIT.usage;
    const { args, ledgerPath } = command;
    const output = stringOption(args, "output");
    if (!output) {
      io.stderr(`请用 -o 指定输出的 .docx 文件。\n${this.usage}\n`);
      return EXIT.usage;
    }
    if (!/\.docx$/i.test(output)) {
      io.stderr(`输出文件“${output}”应以 .docx 结尾。\n`);
      return EXIT.usage;
    }
    const days = wholeNumberOption(args, "days", 1, "整数天数");
    if (!days.ok) {
      io.stderr(`${days.message}\n`);
      return EXIT.usage;
    }
    const firstNumber = wholeNumberOption(args, "first-number", 1);
    if (!firstNumber.ok) {
      io.stderr(`${firstNumber.message}\n`);
      return EXIT.usage;
    }

    const file = await readLedgerFile(ledgerPath, io);
    if (!file.ok) return file.exit;
    const { ledger } = file.read;
    const period = ledgerPeriod(args, ledger, io);
    if (!period) return EXIT.usage;
    const issuer = stringOption(args, "issuer");
    const noticeInput: NoticeInput = {
      period,
      date: stringOption(args, "date") ?? localToday(io),
      ...(issuer !== undefined && { issuer }),
      ...(days.value !== undefined && { dueInDays: days.value }),
      ...(firstNumber.value !== undefined && { firstNumber: firstNumber.value }),
    };
    const built = buildNotices(ledger, noticeInput);
    if (!built.ok) {
      io.stderr(`${built.message}\n`);
      return built.code === "empty-ledger" ? EXIT.dataError : EXIT.usage;
    }

    let { notices } = built;
    const unit = stringOption(args, "unit");
    if (unit !== undefined) {
      const units = new UnitDirectory(ledger.unitAliases);
      const leads = new Set(ledger.rows.flatMap((row) => row.leadUnits));
      const named = [...leads].find((lead) => units.same(lead, unit));
      if (named === undefined) {
        io.stderr(`台账中没有牵头单位“${unit}”。\n`);
        return EXIT.usage;
      }
      notices = notices.filter((notice) => notice.unit === named);
      if (notices.length === 0) {
        io.stdout(`${named}${period.label}没有进度滞后、未启动或逾期未完成的牵头任务，未生成督办通知单。\n`);
        return EXIT.ok;
      }
    }
    // Rows without a lead unit belong to no one unit: said for the whole run only.
    const unassigned = unit === undefined ? noticesWithoutLeadNote(built.withoutLead) : "";
    if (notices.length === 0) {
      io.stdout(`${nothingToNotify(period)}，未生成文件。\n`);
      if (unassigned) io.stderr(`${unassigned}\n`);
      return EXIT.ok;
    }
    if (built.issuerIsDefault) io.stderr(`${ISSUER_FALLBACK_NOTE}\n`);
    if (!(await writeOutput(output, await renderNoticesDocx(notices), io))) return EXIT.cannotWrite;
    const list = notices.map((n) => `${n.unit}（${n.tasks.length}项）`).join("、");
    io.stdout(`已生成督办通知单：${output}（${period.label}，共${notices.length}个单位：${list}）\n`);
    if (unassigned) io.stderr(`${unassigned}\n`);
    return EXIT.ok;
  },
};
