import { makeStyles, tokens } from "@fluentui/react-components";

export const useImportStepStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  source: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  text: {
    minHeight: "160px",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  fileInput: {
    display: "none",
  },
});
