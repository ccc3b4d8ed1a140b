import { describe, expect, it } from 'vitest';
import { sampleReport } from '../sample.ts';
import { chartSvg, reportCharts } from './charts.ts';

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
});
