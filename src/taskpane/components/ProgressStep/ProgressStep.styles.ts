import { makeStyles, tokens } from "@fluentui/react-components";

export const useProgressStepStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  numberColumn: {
    width: "48px",
  },
  statusColumn: {
    width: "96px",
  },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  check: {
    display: "block",
    color: tokens.colorPaletteRedForeground1,
  },
  detail: {
    display: "block",
    color: tokens.colorNeutralForeground3,
  },
});
