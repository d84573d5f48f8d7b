/** Target values as people type them while reviewing: `90`, `4.1万`, `1/3`, `两`. */

import { chineseNumber, scale, tidy } from "../parse/numbers";

/** The number a typed target stands for; undefined when it is not one. */
export function parseTargetValue(text: string): number | undefined {
  const clean = text.replace(/[\s,，]/g, "").replace(/[％%]$/, "");
  if (!clean) return undefined;
  const fraction = /^(\d+)\/(\d+)$/.exec(clean);
  if (fraction) {
    const denominator = Number(fraction[2]);
    return denominator === 0 ? undefined : tidy((Number(fraction[1]) / denominator) * 100);
  }
  const decimal = /^(\d+(?:\.\d+)?)([万亿]?)$/.exec(clean);
  if (decimal) return tidy(scale(Number(decimal[1]), decimal[2]));
  return chineseNumber(clean);
}

/** A number as the pane shows it in an input: no exponent, no float noise. */
export function formatTargetValue(value: number | undefined): string {
  return value === undefined ? "" : String(tidy(value));
}
