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
  // Wide enough for three digits and the spin arrows; the hint under it takes the pane's width.
  days: {
    width: "120px",
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
