import { makeStyles, tokens } from "@fluentui/react-components";

export const usePendingStepStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});
