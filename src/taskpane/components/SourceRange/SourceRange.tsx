import { Badge, Button, Text, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { PlanDocument } from "../../../core/model";
import { sourceLines, type SourceRange as Range } from "../../../core/review";
import { useWindowedRows } from "../../useWindowedRows";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  lines: {
    maxHeight: "320px",
    overflowY: "auto",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  line: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "baseline",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    cursor: "pointer",
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1Selected}`,
  },
  outside: { color: tokens.colorNeutralForegroundDisabled, textDecorationLine: "line-through" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  spacer: { flexShrink: 0 },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
});

export interface SourceRangeProps {
  /** The text the document was read from. */
  source: string;
  /** Its reading, whose tasks are marked on the lines they start on. */
  document: PlanDocument;
  /** Where the plan starts and ends now; the whole text when absent. */
  range: Range | undefined;
  /** Reads the text again within `range` (the whole text when absent); how many edits do not apply to it. */
  onRange: (range: Range | undefined) => number;
}

const PAGE = 10;

/**
 * The source, line by line, with the tasks read from it marked: the user picks the line the plan
 * starts on (after its 印发通知) or ends on (before the page's furniture), and the text is read
 * again within them.
 */
export function SourceRange({ source, document, range, onRange }: SourceRangeProps) {
  const styles = useStyles();
  const id = useId("source-line");
  const lines = useMemo(() => sourceLines(source), [source]);
  // The tasks whose text starts on each line, found in one pass over both (each in source order).
  const tasksByLine = useMemo(() => {
    const starts = document.tasks
      .map((task) => ({ at: task.span.start, number: task.number }))
      .sort((a, b) => a.at - b.at);
    const byLine = new Map<number, string[]>();
    let line = 0;
    for (const { at, number } of starts) {
      while (line < lines.length - 1 && (lines[line]?.end ?? 0) < at) line++;
      byLine.set(line, [...(byLine.get(line) ?? []), number]);
    }
    return byLine;
  }, [document.tasks, lines]);
  const [active, setActive] = useState(() => {
    const first = Math.min(...tasksByLine.keys());
    return Number.isFinite(first) ? first : 0;
  });
  const [said, setSaid] = useState<string>();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useWindowedRows(lines.length, scroller, () => 24);
  // The line chosen first (the first task's) is brought into view once, where the buttons act on it.
  const firstActive = useRef(active);
  useEffect(() => {
    rows.scrollTo(firstActive.current);
    // Only when the lines first show: later moves scroll as they happen.
  }, []);
  const whole: Range = { start: 0, end: source.length };
  const current = range ?? whole;
  const inside = (index: number): boolean => {
    const line = lines[index];
    return line !== undefined && line.end >= current.start && line.start < current.end;
  };

  const move = (index: number) => {
    const next = Math.max(0, Math.min(lines.length - 1, index));
    setActive(next);
    rows.scrollTo(next);
  };
  const keys: Record<string, () => void> = {
    ArrowDown: () => move(active + 1),
    ArrowUp: () => move(active - 1),
    PageDown: () => move(active + PAGE),
    PageUp: () => move(active - PAGE),
    Home: () => move(0),
    End: () => move(lines.length - 1),
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const read = (next: Range | undefined, what: string) => {
    const dropped = onRange(next);
    setSaid(
      `已${what}重新读取。` +
        (dropped > 0
          ? `已做的修改中有 ${dropped} 处所涉任务不在范围内，暂不生效；范围放宽后会恢复。`
          : "已做的修改都已保留。"),
    );
  };
  const line = lines[active];
  const lineNumber = active + 1;

  return (
    <div className={styles.root}>
      <Text size={200}>
        选中一行，按“从这一行开始”或“到这一行结束”：范围以外的文字（如印发通知、网页栏目）不再读作任务，已做的修改仍然保留。
      </Text>
      <div
        ref={scroller}
        className={styles.lines}
        role="listbox"
        aria-label="原文各行"
        tabIndex={0}
        // Only a rendered line can be the active one; scrolled out of view, the list has none.
        aria-activedescendant={rows.indices.includes(active) ? `${id}-${active}` : undefined}
        onKeyDown={onKeyDown}
      >
        {rows.before > 0 && <div className={styles.spacer} style={{ height: rows.before }} />}
        {rows.indices.map((index) => {
          const marked = tasksByLine.get(index);
          const outside = !inside(index);
          return (
            <div
              key={index}
              id={`${id}-${index}`}
              data-index={index}
              ref={rows.measure}
              role="option"
              aria-selected={index === active}
              className={mergeClasses(styles.line, index === active && styles.active)}
              onClick={() => setActive(index)}
            >
              {marked && (
                <Badge size="small" appearance="tint" color="brand" className={styles.badge}>
                  任务 {marked.join("、")}
                </Badge>
              )}
              {outside && <span className={styles.hidden}>（不读）</span>}
              <span className={outside ? styles.outside : undefined}>{lines[index]?.text || " "}</span>
            </div>
          );
        })}
        {rows.after > 0 && <div className={styles.spacer} style={{ height: rows.after }} />}
      </div>
      <div className={styles.buttons}>
        <Button
          disabled={line === undefined || line.start >= current.end}
          onClick={() => line && read({ start: line.start, end: current.end }, `从第 ${lineNumber} 行开始`)}
        >
          从这一行开始
        </Button>
        <Button
          disabled={line === undefined || line.end <= current.start}
          onClick={() => line && read({ start: current.start, end: line.end }, `到第 ${lineNumber} 行结束`)}
        >
          到这一行结束
        </Button>
        <Button disabled={range === undefined} onClick={() => read(undefined, "按全文")}>
          读取全文
        </Button>
      </div>
      {/* Always there, so that what it says is announced when it changes. */}
      <Text role="status" size={200}>
        {said}
      </Text>
    </div>
  );
}
