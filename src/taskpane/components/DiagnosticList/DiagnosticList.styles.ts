import { makeStyles, tokens } from "@fluentui/react-components";

export const useDiagnosticListStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  more: {
    alignSelf: "flex-start",
  },
});
