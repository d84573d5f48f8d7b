import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from "@fluentui/react-components";
import type { Adoption } from "../../../core/adopt";
import { COLUMN_ROLE_WORDS } from "../../../core/adopt";
import { COLUMN_ROLES, isColumnRole } from "../../../core/model";
import { DiagnosticList } from "../DiagnosticList/DiagnosticList";
import { useTableMappingStyles } from "./TableMapping.styles";
import { useTableMapping } from "./useTableMapping";

export interface TableMappingProps {
  adoption: Adoption;
  /** The table read again with a column's new role. */
  onChange: (next: Adoption) => void;
}

/** 列的对应 in 校对: how each column of the office's own table was read, and a way to change it. */
export function TableMapping({ adoption, onChange }: TableMappingProps) {
  const styles = useTableMappingStyles();
  const mapping = useTableMapping(adoption, onChange);
  const tableNotes = adoption.table.diagnostics.filter(
    (d) => d.code === "merged-cell-unresolved" || d.code === "column-mixed-roles",
  );
  return (
    <div className={styles.root}>
      <Accordion collapsible defaultOpenItems={tableNotes.length > 0 ? ["columns"] : []}>
        <AccordionItem value="columns">
          <AccordionHeader>列的对应（{mapping.rows.length} 列）</AccordionHeader>
          <AccordionPanel>
            <Text as="p" size={200} className={styles.muted}>
              按{mapping.where}
              的表头读取各列。某列读错时，在这里改为正确的内容；更改后重新读取表格，“校对”中已做的修改会被替换。写入台账时一并记住，下次导入沿用。
            </Text>
            <ul className={styles.columns}>
              {mapping.rows.map((row) => (
                <li key={row.index}>
                  <Field label={row.label}>
                    <Select
                      value={row.role}
                      onChange={(_, data) =>
                        isColumnRole(data.value) && mapping.choose(row.index, data.value)
                      }
                    >
                      {COLUMN_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {COLUMN_ROLE_WORDS[role]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </li>
              ))}
            </ul>
            {mapping.problem && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{mapping.problem}</MessageBarBody>
              </MessageBar>
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <DiagnosticList label="表格提示" diagnostics={tableNotes} />
    </div>
  );
}
