/**
 * GB/T 9704-2012 《党政机关公文格式》 as the DOCX documents of gongkai use it (the annual report, the website
 * report, the 审核意见, case letters): A4 with the standard margins (天头37mm, 地脚35mm, 订口28mm, 翻口26mm), the
 * 公文 fonts, a fixed 28.95-point line, and Word's built-in title and heading styles redefined — black, no
 * theme fonts — so no document shows Word's blue headings.
 */

export const BLACK = '000000';
export const BODY_FONT = '仿宋_GB2312';
/** 28.95 points, exact (22 lines a page). */
export const LINE = { line: 579, lineRule: 'exact' as const };

/** A4 with the standard margins, in twips (1 mm = 56.7). */
export const GB9704_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
} as const;

/** The text area of an A4 page with the GB/T 9704 margins, in twips (210mm − 28mm − 26mm). */
export const TEXT_WIDTH = GB9704_PAGE.size.width - GB9704_PAGE.margin.left - GB9704_PAGE.margin.right;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/** Word's built-in styles made official: black, the 公文 fonts, no theme colour. */
export const GB9704_STYLES = {
  default: {
    document: { run: { font: font(BODY_FONT), size: 32, color: BLACK } },
    title: { run: { font: font('方正小标宋简体'), size: 44, color: BLACK, bold: false } },
    heading1: { run: { font: font('黑体'), size: 32, color: BLACK, bold: false } },
    heading2: { run: { font: font('黑体'), size: 32, color: BLACK, bold: false } },
    heading3: { run: { font: font('楷体_GB2312'), size: 32, color: BLACK, bold: false, italics: false } },
    heading4: { run: { font: font(BODY_FONT), size: 32, color: BLACK, bold: true, italics: false } },
    heading5: { run: { font: font(BODY_FONT), size: 32, color: BLACK, italics: false } },
    heading6: { run: { font: font(BODY_FONT), size: 32, color: BLACK, italics: false } },
  },
};
