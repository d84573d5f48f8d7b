import { makeStyles, tokens } from "@fluentui/react-components";

export const useTableMappingStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  columns: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});
