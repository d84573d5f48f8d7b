/** Numbers as Chinese documents write them: `4.1万`, `1/3`, `两个`, `二十三`, `四〇四`. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Value of a Chinese numeral such as `二十三`, `一百零五`, `两`; undefined if it is not one. */
export function chineseNumber(text: string): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = undefined;
      continue;
    }
    const large = LARGE_UNITS[ch];
    if (large !== undefined) {
      total += (section + (digit ?? 0)) * large;
      section = 0;
      digit = undefined;
      continue;
    }
    return undefined;
  }
  return total + section + (digit ?? 0);
}

/** Applies a `万` or `亿` multiplier written after a number. */
export function scale(value: number, multiplier: string | undefined): number {
  if (multiplier === "万" || multiplier === "萬") return value * 10_000;
  if (multiplier === "亿" || multiplier === "億") return value * 100_000_000;
  return value;
}

/** Rounds away floating-point noise (`4.1 * 10000`), keeping two decimals for shares like 33.33. */
export function tidy(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `十二` for 12: Chinese numerals up to 99, as documents number their items. */
export function chineseNumeralOf(value: number): string {
  const digits = "零一二三四五六七八九";
  if (value < 10) return digits[value] ?? "";
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? "" : (digits[tens] ?? "")}十${ones === 0 ? "" : (digits[ones] ?? "")}`;
}
