import { makeStyles, tokens } from "@fluentui/react-components";

export const useReviewStepStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  documentFields: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  taskHead: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalXS,
  },
  taskCheck: {
    flexShrink: 0,
  },
  tableScroller: {
    overflowX: "auto",
  },
  taskRow: {
    backgroundColor: tokens.colorNeutralBackground2,
  },
  taskButton: {
    justifyContent: "flex-start",
    textAlign: "start",
    minWidth: 0,
    paddingLeft: 0,
    paddingRight: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  targetColumn: {
    width: "76px",
  },
  deadlineColumn: {
    width: "64px",
  },
  units: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  groupCell: {
    fontWeight: tokens.fontWeightSemibold,
  },
  indicatorCell: {
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});
