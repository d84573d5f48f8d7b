/**
 * GB/T 9704-2012 (党政机关公文格式) in Word's units. Lengths are twips (1/20 pt, 1/1440 inch);
 * font sizes are half-points, as Word stores them.
 */
const TWIPS_PER_MM = 1440 / 25.4;

export const mm = (millimetres: number): number => Math.round(millimetres * TWIPS_PER_MM);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
} as const;

/**
 * Attachments that are wide tables turn the page (as offices print their 明细表): A4 landscape with
 * narrower margins, so a row of seven columns stays two or three lines high.
 */
export const LANDSCAPE_PAGE = {
  top: mm(20),
  bottom: mm(18),
  left: mm(20),
  right: mm(20),
} as const;
/** The page number 10 mm above the landscape page's bottom edge, under the table. */
export const LANDSCAPE_FOOTER_DISTANCE = mm(10);
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - LANDSCAPE_PAGE.left - LANDSCAPE_PAGE.right;

/** 版心: 156 × 225 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;

/** Half-points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt, 五号 = 10.5 pt, 小五 = 9 pt (attachment tables). */
export const SIZE = {
  title: 44,
  body: 32,
  pageNumber: 28,
  table: 21,
  compactTable: 18,
  attachmentTitle: 32,
} as const;

/** One character of the body's 28 per line, in twips. */
export const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;

/** Word's w:linePitch: 22 lines fill the 版心 (579 in the usual templates). */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/**
 * Character spacing for 3号 text, in whole twips (w:spacing), rounded down so 28 always fit. A 3号 character is 16 pt but 28 must fit
 * 156 mm (15.8 pt each), so each is drawn 0.25 pt closer. Word templates do this with a
 * character grid (linesAndChars with a negative charSpace); LibreOffice lays such a grid out with
 * every character in two cells, so the document uses a line grid and this spacing, which Word, WPS
 * and LibreOffice all honour.
 */
export const BODY_CHARACTER_SPACING = Math.floor(CHAR_PITCH - SIZE.body * 10);

/** Where the page number sits: its line 7 mm under the 版心, so the footer ends about 25 mm above the edge. */
export const FOOTER_DISTANCE = mm(25);

/**
 * The fonts the standard names. They are written as East-Asian font attributes (w:eastAsia, with
 * ASCII and hAnsi the same) so Word uses them for Chinese text; a machine without them substitutes,
 * and the names stay in the file for the machine that has them.
 */
export const FONT = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  pageNumber: "宋体",
} as const;

/** The 通报 has no running head; Word still wants a header distance, so the usual 15 mm. */
export const HEADER_DISTANCE = mm(15);

/** Every document's defaults: 3号 仿宋 in Chinese, no paragraph spacing of Word's own. */
export const DOCUMENT_STYLES = {
  default: {
    document: {
      run: {
        size: SIZE.body,
        font: { ascii: FONT.body, hAnsi: FONT.body, eastAsia: FONT.body, cs: FONT.body },
        language: { value: "zh-CN", eastAsia: "zh-CN" },
      },
      paragraph: { spacing: { before: 0, after: 0 } },
    },
  },
};
