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
  indicatorCell: {
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
  },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});
