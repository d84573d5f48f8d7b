import { useState } from "react";
import type { Diagnostic, Ledger } from "../../../core/model";
import { reasonText, useWorkbook } from "../../workbook";

export type ReadOutcome = { ok: true; notes: Diagnostic[] } | { ok: false; message: string };

export function useLedgerReader(onRead: (ledger: Ledger) => void) {
  const workbook = useWorkbook();
  const [reading, setReading] = useState(false);
  const [outcome, setOutcome] = useState<ReadOutcome>();

  const read = async (): Promise<void> => {
    if (!workbook) return;
    setReading(true);
    setOutcome(undefined);
    try {
      const result = await workbook.readLedger();
      if (result.ok) {
        setOutcome({ ok: true, notes: result.diagnostics });
        onRead(result.ledger);
      } else {
        setOutcome({ ok: false, message: result.message });
      }
    } catch (reason) {
      setOutcome({ ok: false, message: `读取台账失败：${reasonText(reason)}` });
    } finally {
      setReading(false);
    }
  };

  return { inExcel: workbook !== undefined, reading, outcome, read };
}
