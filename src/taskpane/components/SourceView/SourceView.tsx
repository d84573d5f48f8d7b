import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Span } from "../../../core/model";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  text: {
    maxHeight: "240px",
    overflowY: "auto",
    whiteSpace: "pre-wrap",
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
  },
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
  },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
  },
});

export interface SourceViewProps {
  /** The text the document was read from: what the spans count in. */
  source: string;
  span: Span;
  onClose: () => void;
}

/** The source text around what a diagnostic is about, marked and scrolled to, so it can be read. */
export function SourceView({ source, span, onClose }: SourceViewProps) {
  const styles = useStyles();
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView?.({ block: "center" });
    mark.current?.focus();
  }, [span.start, span.end]);
  const end = Math.max(span.end, span.start + 1);
  return (
    <section className={styles.root} aria-label="原文">
      <div className={styles.head}>
        <Text weight="semibold">原文</Text>
        <Button size="small" appearance="subtle" onClick={onClose}>
          关闭原文
        </Button>
      </div>
      <pre className={styles.text}>
        {source.slice(0, span.start)}
        <mark ref={mark} tabIndex={-1} className={styles.mark}>
          {source.slice(span.start, end)}
        </mark>
        {source.slice(end)}
      </pre>
    </section>
  );
}
