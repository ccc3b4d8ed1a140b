import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.ts';

describe('escapeHtml', () => {
  it('escapes the five characters and nothing else', () => {
    expect(escapeHtml(`<a href="x">O'Brien & 张三</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; 张三&lt;/a&gt;',
    );
    expect(escapeHtml('关于做好2025年春耕工作的通知（第1号）')).toBe('关于做好2025年春耕工作的通知（第1号）');
  });

  it('escapes an entity already written, so the text shows as typed', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
