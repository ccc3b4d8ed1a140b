import { describe, expect, it } from 'vitest';
import { sampleReport } from '../sample.ts';
import { chartSvg, reportCharts, withoutInlineStyles } from './charts.ts';

describe('report charts', () => {
  it('counts the answers of a new2021 report from its cells', () => {
    const report = sampleReport({ format: 'new2021', seed: 3, otherAsThreeRows: true });
    const [results] = reportCharts(report);
    const total = report.values['apply.total.total'] as number;
    expect(results.data.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('renders an accessible SVG on the server', () => {
    const [chart] = reportCharts(sampleReport({ format: 'old2008', seed: 2 }));
    const svg = chartSvg(chart);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('收到申请的方式');
  });

  it('carries no inline CSS, which the site’s CSP refuses: presentation attributes instead', () => {
    for (const format of ['old2008', 'new2021'] as const) {
      for (const chart of reportCharts(sampleReport({ format, seed: 2 }))) {
        const svg = chartSvg(chart);
        expect(svg).not.toMatch(/\sstyle\s*=/);
        expect(svg).not.toMatch(/<style[\s>]/);
        expect(svg).toMatch(/<text [^>]*font-size="12px" font-family="sans-serif"/);
      }
    }
    expect(withoutInlineStyles('<text x="1" style="font-size:14px;font-weight:bold;">a</text>')).toBe(
      '<text x="1" font-size="14px" font-weight="bold">a</text>',
    );
  });
});
