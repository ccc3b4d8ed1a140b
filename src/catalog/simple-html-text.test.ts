import { describe, expect, it } from 'vitest';
import { prng } from '../report/sample.ts';
import { htmlToText, parsedHtmlText } from './sanitize.ts';
import { simpleHtmlText } from './simple-html-text.ts';

const TEXTS = [
  '各有关单位',
  '通知如下',
  ' ',
  '  ',
  '\n',
  '\t',
  'a & b',
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&nbsp;',
  '&#39;',
];
const WILD_TEXTS = ['&copy;', '&copy', '&#20013;', '&#x4e2d;', '&AMP;', '1 < 2', 'x>y', '\r\n', '\r', '&', '&;'];
const TAME_BLOCKS = ['p', 'div', 'h2', 'blockquote', 'ul', 'ol'];
const TAME_INLINE = ['span', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'sub', 'sup', 'font', 'small'];
const WILD_TAGS = ['table', 'tr', 'td', 'th', 'tbody', 'pre', 'script', 'style', 'o:p', 'textarea', 'li', 'P', 'Div'];
const ATTRIBUTES = ['', ' class="x"', " title='a>b'", ' data-n=1', ' align = "center"', ' style="color:red"'];
const WILD_ATTRIBUTES = [' x="a<b', ' =x', ' a/b'];
const WILD_PIECES = [
  '<!-- 注释 -->',
  '<br/>',
  '</br>',
  '<p/>',
  '<img src="a.png">',
  '<!DOCTYPE html>',
  '</p>',
  '</div>',
  '<',
];

/**
 * A table written table › thead/tbody › tr › td/th, white space between its parts; `wild`: sometimes text, a
 * row without its section or a tag between the parts, which the parser moves out of the table.
 */
function randomTable(rnd: () => number, tame: boolean, depth: number, inLink: boolean): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const gap = () => (!tame && rnd() < 0.2 ? pick(['甲', '&nbsp;', '<br>', '<span>乙</span>']) : pick(['', ' ', '\n']));
  const repeat = (most: number, part: () => string) =>
    Array.from({ length: 1 + Math.floor(rnd() * most) }, () => `${gap()}${part()}`).join('') + gap();
  const cell = () => {
    const tag = pick(['td', 'th']);
    return `<${tag}${pick(ATTRIBUTES)}>${randomHtml(rnd, tame, depth + 1, tag, inLink)}</${tag}>`;
  };
  const row = () => `<tr>${repeat(3, cell)}</tr>`;
  const section = () => {
    if (!tame && rnd() < 0.1) return row();
    const tag = pick(['tbody', 'thead', 'tfoot']);
    return `<${tag}>${repeat(2, row)}</${tag}>`;
  };
  return `<table${pick(ATTRIBUTES)}>${repeat(2, section)}</table>`;
}

/** Random HTML: `tame` keeps to the nesting and tags the fast reader accepts; else anything goes. */
function randomHtml(rnd: () => number, tame: boolean, depth = 0, parent = '', inLink = false): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  let html = '';
  const count = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < count; k++) {
    const r = rnd();
    const container = parent === '' || ['div', 'blockquote', 'li', 'ul', 'ol', 'td', 'th'].includes(parent);
    if (depth <= 3 && r > 0.9 && (container || !tame)) {
      html += randomTable(rnd, tame, depth, inLink);
    } else if (r < 0.35 || depth > 3) {
      html += !tame && rnd() < 0.15 ? pick(WILD_TEXTS) : pick(TEXTS);
    } else if (r < 0.45) {
      html += tame ? pick(['<br>', '<br/>', '<BR>', '<img src="a.png" alt="图">']) : pick(WILD_PIECES);
    } else {
      let tag: string;
      if (tame) {
        const inList = parent === 'ul' || parent === 'ol';
        tag = inList && rnd() < 0.7 ? 'li' : container && rnd() < 0.5 ? pick(TAME_BLOCKS) : pick(TAME_INLINE);
        if (tag === 'a' && inLink) tag = 'span';
      } else {
        tag = pick([...TAME_BLOCKS, ...TAME_INLINE, ...WILD_TAGS]);
      }
      const attributes = !tame && rnd() < 0.1 ? pick(WILD_ATTRIBUTES) : pick(ATTRIBUTES);
      const inner = randomHtml(rnd, tame, depth + 1, tag.toLowerCase(), inLink || tag === 'a');
      const close = !tame && rnd() < 0.1 ? '' : `</${rnd() < 0.1 ? tag.toUpperCase() : tag}>`;
      html += `<${tag}${attributes}>${inner}${close}`;
    }
  }
  return html;
}

describe('simpleHtmlText', () => {
  it('reads what the HTML parser reads from tame fragments, and takes them all', () => {
    const rnd = prng(7);
    for (let i = 0; i < 1500; i++) {
      const html = randomHtml(rnd, true);
      expect(simpleHtmlText(html), html).toBe(parsedHtmlText(html));
    }
  });

  it('reads what the HTML parser reads whenever it answers for any fragment, and declines many', () => {
    const rnd = prng(11);
    let answered = 0;
    let declined = 0;
    for (let i = 0; i < 5000; i++) {
      const html = randomHtml(rnd, false);
      const fast = simpleHtmlText(html);
      if (fast === null) declined++;
      else {
        answered++;
        expect(fast, html).toBe(parsedHtmlText(html));
      }
    }
    expect(answered).toBeGreaterThan(200);
    expect(declined).toBeGreaterThan(200);
  });

  it.each([
    ['a block inside a paragraph (the parser closes the paragraph)', '<p>甲<div>乙</div></p>'],
    ['a list item outside a list', '<div><li>甲</li></div>'],
    ['a row outside a table section (the parser adds one)', '<table><tr><td>甲</td></tr></table>'],
    [
      'text between the rows of a table (the parser moves it before the table)',
      '<table><tbody>甲<tr><td>乙</td></tr></tbody></table>',
    ],
    ['a cell outside a row', '<table><tbody><td>甲</td></tbody></table>'],
    ['a table inside a paragraph', '<p><table><tbody><tr><td>甲</td></tr></tbody></table></p>'],
    ['a link inside a link', '<a href="/x">甲<a href="/y">乙</a></a>'],
    ['a tag left open', '<p>甲'],
    ['tags closed out of order', '<b><i>甲</b></i>'],
    ['a comment', '甲<!-- 乙 -->'],
    ['an entity it does not decode', '&copy; 2026'],
    ['a carriage return', '甲\r\n乙'],
    ['a script', '<script>x</script>'],
  ])('declines %s', (_why, html) => {
    expect(simpleHtmlText(html)).toBeNull();
  });

  it('leaves htmlToText as it was on the fragments it declines', () => {
    expect(htmlToText('<p>甲<div>乙</div></p>')).toBe('甲\n乙');
    expect(htmlToText('<table><tr><td>甲</td><td>乙</td></tr></table>')).toBe('甲 乙');
  });

  it('reads a table as htmlToText does: a space after each cell, a new line after each row', () => {
    const html =
      '<table>\n<tbody><tr><th>项目</th><td>数量</td></tr>\n<tr><td><p>甲</p></td><td>1</td></tr></tbody></table>尾';
    expect(simpleHtmlText(html)).toBe('\n项目 数量 \n\n甲\n 1 \n\n尾');
    expect(parsedHtmlText(html)).toBe(simpleHtmlText(html));
  });
});
