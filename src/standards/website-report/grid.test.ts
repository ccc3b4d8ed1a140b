/** The official layout of the 政府网站工作年度报表 as data, and the grid drawn from it. */
import { describe, expect, it } from 'vitest';
import { websiteGrid } from './grid.ts';
import { ENTERED_ROWS, WEBSITE_ROWS } from './layout.ts';
import type { WebsiteReport } from './model.ts';
import { renderWebsiteHtml } from './render-html.ts';

const report = (values: WebsiteReport['values']): WebsiteReport => ({
  agencyId: 1,
  agencyName: '示范县人民政府',
  year: 2025,
  status: 'draft',
  version: 0,
  values,
  sources: { 'publish.total': { kind: 'computed', query: '发布的信息条数' } },
});

describe('the layout', () => {
  it('has each key once, and every computed figure is a count or the 主办单位', () => {
    const keys = WEBSITE_ROWS.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(WEBSITE_ROWS.filter((r) => r.computed).map((r) => r.key)).toEqual([
      'site.sponsor',
      'publish.total',
      'publish.overview',
      'publish.news',
      'publish.directory',
      'interpret.total',
      'interpret.materials',
    ]);
    expect(ENTERED_ROWS.every((r) => r.defaultSource)).toBe(true);
  });

  it('keeps the eight areas of 国办函〔2018〕12号 in their order', () => {
    const sections = [...new Set(WEBSITE_ROWS.map((r) => r.section))];
    const areas = ['信息发布', '专栏专题', '解读回应', '办事服务', '互动交流', '安全防护', '移动新媒体', '创新发展'];
    expect(sections.filter((s) => areas.includes(s))).toEqual(areas);
  });
});

describe('the grid', () => {
  it('merges each 栏目 over exactly its rows and prints the unit with the figure', () => {
    const grid = websiteGrid(report({ 'publish.total': 12, 'security.owner': false }));
    let covered = 0;
    for (const row of grid.rows) {
      if (row.section) {
        expect(covered).toBe(0);
        covered = row.section.rowspan;
      }
      covered--;
    }
    expect(covered).toBe(0);
    expect(grid.rows.find((r) => r.key === 'publish.total')?.value).toBe('12 条');
    expect(grid.rows.find((r) => r.key === 'security.owner')?.value).toBe('否');
    expect(grid.rows.find((r) => r.key === 'visits.total')?.value).toBe('');
    expect(grid.footer.map((f) => f.label)).toEqual(['单位负责人', '审核人', '填报人', '联系电话', '填报日期']);
  });

  it('draws HTML with every text escaped, no style attribute, computed values marked on request', () => {
    const html = renderWebsiteHtml(report({ 'site.name': '<b>网</b>', 'publish.total': 3 }), { markComputed: true });
    expect(html).toContain('&lt;b&gt;网&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/style=/);
    expect(html).toContain('系统统计');
    expect(renderWebsiteHtml(report({}))).not.toContain('系统统计');
  });
});
