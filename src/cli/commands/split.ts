import { renderWorkbook } from "../../adapters/xlsx";
import { chineseDate } from "../../core/model";
import { splitLedger } from "../../core/roundtrip";
import { ledgerCommandArgs, ledgerPeriod, stringOption } from "../args";
import { EXIT, type Command } from "../command";
import { readLedgerFile } from "../files";
import { describe } from "../input";

export const splitCommand: Command = {
  name: "split",
  summary: "分发：按责任单位生成本期的填报工作簿",
  usage: [
    "用法：duban split 台账.xlsx -o 文件夹 [--period 2024-Q3] [--deadline 2024-10-05] [--send-to 接收方]",
    "",
    "  -o, --output  存放填报文件的文件夹；每个单位一个“填报-期间-单位.xlsx”",
    "  --period      填报的期间，默认为台账当前期间",
    "  --deadline    报送时限，默认为期末后第 5 天",
    "  --send-to     填报说明中的报送对象，默认“督查督办办公室”",
  ].join("\n"),
  async run(argv, io) {
    const command = ledgerCommandArgs(
      argv,
      { output: true, period: true, deadline: true, "send-to": true },
      this.usage,
      io,
    );
    if (!command) return EXIT.usage;
    const { args, ledgerPath } = command;
    const output = stringOption(args, "output");
    if (!output) {
      io.stderr(`请用 -o 指定存放填报文件的文件夹。\n${this.usage}\n`);
      return EXIT.usage;
    }
    const file = await readLedgerFile(ledgerPath, io);
    if (!file.ok) return file.exit;
    const { read } = file;
    const ledger = read.ledger;
    const deadline = stringOption(args, "deadline");
    const sendTo = stringOption(args, "send-to");
    const period = ledgerPeriod(args, ledger, io);
    if (!period) return EXIT.usage;
    const split = splitLedger(ledger, period, {
      ...(deadline !== undefined && { deadline }),
      ...(sendTo !== undefined && { sendTo }),
    });
    if (!split.ok) {
      io.stderr(`${split.message}\n`);
      return split.code === "no-units" ? EXIT.dataError : EXIT.usage;
    }
    try {
      await io.makeDir(output);
      for (const form of split.forms)
        await io.writeFile(io.join(output, form.fileName), await renderWorkbook(form.plan));
    } catch (error) {
      io.stderr(`无法写入“${output}”：${describe(error, "write")}\n`);
      return EXIT.cannotWrite;
    }
    const lines = split.forms.map((f) => `  ${f.fileName}（${f.rowCount}项）`);
    io.stdout(
      `已为 ${split.forms.length} 个单位生成${split.period.label}填报文件，报送时限${chineseDate(split.deadline)}：\n${lines.join("\n")}\n`,
    );
    return EXIT.ok;
  },
};
