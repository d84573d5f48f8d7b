import { makeStyles, tokens } from "@fluentui/react-components";

export const useSuperviseStepStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    margin: 0,
  },
  days: {
    maxWidth: "160px",
  },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  units: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
  number: {
    color: tokens.colorNeutralForeground3,
  },
  messages: {
    minHeight: "200px",
  },
});
