import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Ledger, PlanDocument, ProgressEntry } from "../../core/model";
import { Period } from "../../core/model";
import { buildLedger } from "../../core/plan";
import { parseDocument } from "../../core/parse";
import {
  ALL_CAPABILITIES,
  detectCapabilities,
  readLedgerFromWorkbook,
  readTableFromWorkbook,
  writeReportSettings,
  writeWorkbookPlan,
  type ReadWorkbookResult,
  type WriteResult,
} from "../../adapters/excel";
import { FakeExcel } from "../../adapters/excel/testing/fakeExcel";
import { NOTHING_KEPT } from "../../core/sheets";
import { WorkbookContext, type WorkbookAccess } from "../workbook";

/** A write that went through, into a workbook the office had added nothing to. */
export const WRITTEN: WriteResult = {
  ok: true,
  skipped: [],
  replacedSheets: [],
  kept: NOTHING_KEPT,
  requestBytes: [],
};

export const POLICY = [
  "2024年全市卫生健康工作要点",
  "一、提升医疗服务能力",
  "1.加强临床重点专科建设。新建省级临床重点专科5个。（责任单位：市卫生健康委，市财政局）",
  "2.推进智慧医院建设。二级以上医院电子病历应用水平达到4级。（责任单位：市卫生健康委）",
  "3.完善分级诊疗制度。6月底前出台紧密型县域医共体建设实施方案。（责任单位：市医保局）",
].join("\n");

export function policyDocument(): PlanDocument {
  return parseDocument(POLICY, { sourceName: "工作要点.txt" });
}

/**
 * The policy's ledger tracking 2024-Q3, as read back from a workbook: the 专科 row reported complete
 * in Q3, the 电子病历 row at 2 of 4 levels in Q2 and Q3, the 医共体 row with no report at all.
 */
export function reportedLedger(): Ledger {
  const built = buildLedger([policyDocument()], { period: Period.of("quarter", 2024, 3) });
  if (!built.ok) throw new Error(built.message);
  const [specialties, hospitals] = built.ledger.rows;
  if (!specialties || !hospitals) throw new Error("the policy gives fewer rows than the fixture needs");
  const report = (rowId: string, period: string, actual: number): ProgressEntry => ({
    rowId,
    period,
    actual,
    progress: "",
    problems: "",
    reportedBy: "市卫生健康委",
  });
  return {
    ...built.ledger,
    progress: [
      report(hospitals.id, "2024-Q2", 2),
      report(specialties.id, "2024-Q3", 5),
      report(hospitals.id, "2024-Q3", 2),
    ],
  };
}

/** A component inside the providers the pane gives it, with `workbook` as the open workbook. */
export function inPane(element: ReactNode, workbook: WorkbookAccess | undefined) {
  return (
    <WorkbookContext.Provider value={workbook}>
      <FluentProvider theme={webLightTheme}>{element}</FluentProvider>
    </WorkbookContext.Provider>
  );
}

/** A workbook whose calls the test answers; each call is recorded. */
export function stubWorkbook(answers: {
  write?: WorkbookAccess["writePlan"];
  read?: () => Promise<ReadWorkbookResult>;
  readTable?: WorkbookAccess["readTable"];
  capabilities?: WorkbookAccess["capabilities"];
}): WorkbookAccess & {
  writes: Parameters<WorkbookAccess["writePlan"]>[0][];
  reads: number;
  savedSettings: Parameters<WorkbookAccess["writeReportSettings"]>[0][];
} {
  const refuse = (): Promise<never> => Promise.reject(new Error("not scripted in this test"));
  const stub = {
    capabilities: answers.capabilities ?? ALL_CAPABILITIES,
    writes: [] as Parameters<WorkbookAccess["writePlan"]>[0][],
    reads: 0,
    savedSettings: [] as Parameters<WorkbookAccess["writeReportSettings"]>[0][],
    writeReportSettings: (settings: Parameters<WorkbookAccess["writeReportSettings"]>[0]) => {
      stub.savedSettings.push(settings);
      return Promise.resolve({ ok: true as const });
    },
    writePlan: (...args: Parameters<WorkbookAccess["writePlan"]>): Promise<WriteResult> => {
      stub.writes.push(args[0]);
      return answers.write ? answers.write(...args) : refuse();
    },
    readLedger: (): Promise<ReadWorkbookResult> => {
      stub.reads++;
      return answers.read ? answers.read() : refuse();
    },
    readTable: (source: Parameters<WorkbookAccess["readTable"]>[0]) =>
      answers.readTable ? answers.readTable(source) : refuse(),
  };
  return stub;
}

/** The scripted Excel of the adapter's tests, reached through the adapter as the pane reaches Excel. */
export function scriptedWorkbook(excel: FakeExcel): WorkbookAccess {
  const capabilities = detectCapabilities(excel.requirements);
  return {
    capabilities,
    writePlan: (plan, options) => writeWorkbookPlan(excel.context, plan, capabilities, options),
    readLedger: () => readLedgerFromWorkbook(excel.context),
    writeReportSettings: (settings) => writeReportSettings(excel.context, settings),
    readTable: (source) => readTableFromWorkbook(excel.context, source, capabilities),
  };
}
