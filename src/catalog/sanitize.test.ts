import { describe, expect, it } from 'vitest';
import { htmlToText, keptBodyChars, sanitizedBody, sanitizeHtml } from './sanitize.ts';

describe('sanitizeHtml', () => {
  it.each([
    ['drops scripts with their content', '<p>通知<script>alert(1)</script></p>', '<p>通知</p>'],
    ['drops event handlers', '<p onclick="x()" onmouseover="y()">正文</p>', '<p>正文</p>'],
    ['drops javascript: links', '<a href="javascript:alert(1)">点此</a>', '<a>点此</a>'],
    ['drops obfuscated javascript: links', '<a href="java&#9;script:alert(1)">点此</a>', '<a>点此</a>'],
    ['drops data: images, their description kept', '<img src="data:text/html,x" alt="图">', '<span>图</span>'],
    ['drops a remote image (a tracking pixel)', '<p>通知<img src="https://tracker.example/p.gif"></p>', '<p>通知</p>'],
    ['drops a protocol-relative image', '<img src="//tracker.example/p.gif" alt="">', ''],
    ['drops an image behind a backslash', '<img src="/\\tracker.example/p.gif">', ''],
    ['keeps an image of this site', '<img src="/files/1.png" alt="图">', '<img src="/files/1.png" alt="图">'],
    ['drops mailto: links', '<a href="mailto:a@example.cn">来信</a>', '<a>来信</a>'],
    ['drops tel: and ftp: links', '<a href="tel:123">电话</a><a href="ftp://x">下载</a>', '<a>电话</a><a>下载</a>'],
    [
      'keeps http links with rel',
      '<a href="https://www.gov.cn/">中国政府网</a>',
      '<a href="https://www.gov.cn/" rel="noopener noreferrer">中国政府网</a>',
    ],
    ['unwraps unknown tags', '<font color="red"><b>重要</b></font>', '<b>重要</b>'],
    ['drops style and iframe', '<style>p{}</style><iframe src="https://x"></iframe><p>a</p>', '<p>a</p>'],
    ['drops comments', '<p>a<!-- secret --></p>', '<p>a</p>'],
    [
      'keeps table spans',
      '<table><tr><td colspan="2" style="x">合计</td></tr></table>',
      '<table><tbody><tr><td colspan="2">合计</td></tr></tbody></table>',
    ],
  ])('%s', (_name, input, output) => {
    expect(sanitizeHtml(input)).toBe(output);
  });
});

describe('htmlToText', () => {
  it('separates blocks by new lines', () => {
    expect(htmlToText('<p>第一段</p><p>第二<br>行</p>')).toBe('第一段\n第二\n行');
  });
});

describe('sanitizedBody (kept for the next page)', () => {
  it('gives what sanitizeHtml gives, the first time and when kept', () => {
    const body = '<p onclick="x()">通知<script>alert(1)</script></p>';
    expect(sanitizedBody(body)).toBe('<p>通知</p>');
    expect(sanitizedBody(body)).toBe('<p>通知</p>');
    // An edited body is another key: sanitized anew.
    expect(sanitizedBody(`${body}<img src="https://tracker.example/p.gif">`)).toBe('<p>通知</p>');
  });

  it('keeps no more than its limit, and a body past a quarter of it not at all', () => {
    const most = 200;
    const bodies = Array.from({ length: 10 }, (_, i) => `<p>第${i}条${'字'.repeat(20)}</p>`);
    for (const body of bodies) expect(sanitizedBody(body, most)).toBe(sanitizeHtml(body));
    expect(keptBodyChars()).toBeGreaterThan(0);
    expect(keptBodyChars()).toBeLessThanOrEqual(most);
    const huge = `<p>${'长'.repeat(100)}<script>x</script></p>`;
    const before = keptBodyChars();
    expect(sanitizedBody(huge, most)).toBe(`<p>${'长'.repeat(100)}</p>`);
    expect(keptBodyChars()).toBe(before);
    for (const body of bodies) expect(sanitizedBody(body, most)).toBe(sanitizeHtml(body));
  });
});
