import { makeStyles, tokens } from "@fluentui/react-components";

export const useTaskEditorStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  source: {
    maxHeight: "120px",
    overflowY: "auto",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  suggestions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
  },
  indicator: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  /** Wraps at the pane's 320 px instead of overflowing: as many columns as fit, each at least 88 px. */
  targetRow: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(88px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  /** 编号 narrow beside 任务标题, both inside the dialog at 320 px. */
  numberAndTitle: {
    display: "grid",
    gridTemplateColumns: "72px minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  fill: {
    minWidth: 0,
    width: "100%",
  },
  indicatorActions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
});
