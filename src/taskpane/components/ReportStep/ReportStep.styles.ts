import { makeStyles, tokens } from "@fluentui/react-components";

export const useReportStepStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  text: {
    minHeight: "320px",
  },
});
