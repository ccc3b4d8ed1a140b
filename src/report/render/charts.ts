/**
 * Charts of a report, rendered on the server as SVG with ECharts (no client script): how applications
 * were answered, who applied, and for the old template how they arrived.
 */
import * as echarts from 'echarts';
import type { Report } from '../model.ts';

const num = (r: Report, key: string) => (typeof r.values[key] === 'number' ? (r.values[key] as number) : 0);
const sum = (r: Report, keys: string[]) => keys.reduce((s, k) => s + num(r, k), 0);
const prefixed = (r: Report, prefix: string, suffix: string) =>
  Object.keys(r.values).filter((k) => k.startsWith(prefix) && k.endsWith(suffix));

export interface ChartSpec {
  title: string;
  /** Text alternative for screen readers. */
  description: string;
  categories: string[];
  data: number[];
}

export function reportCharts(report: Report): ChartSpec[] {
  if (report.format === 'old2008') {
    const channels: [string, string][] = [
      ['当面', 'apply.received.in_person'],
      ['传真', 'apply.received.fax'],
      ['网络', 'apply.received.online'],
      ['信函', 'apply.received.letter'],
    ];
    const answers: [string, string][] = [
      ['已主动公开', 'apply.answered.already_public'],
      ['同意公开', 'apply.answered.agreed'],
      ['部分公开', 'apply.answered.partial'],
      ['不同意公开', 'apply.answered.refused'],
      ['非本机关', 'apply.answered.not_this_agency'],
      ['信息不存在', 'apply.answered.not_exist'],
      ['告知更改补充', 'apply.answered.correction'],
      ['其他途径', 'apply.answered.other_channel'],
    ];
    return [
      spec(
        '收到申请的方式',
        channels.map(([l]) => l),
        channels.map(([, k]) => num(report, k)),
      ),
      spec(
        '申请答复情况',
        answers.map(([l]) => l),
        answers.map(([, k]) => num(report, k)),
      ),
    ];
  }
  const results: [string, number][] = [
    ['予以公开', num(report, 'apply.granted.total')],
    ['部分公开', num(report, 'apply.partly_granted.total')],
    ['不予公开', sum(report, prefixed(report, 'apply.withheld.', '.total'))],
    ['无法提供', sum(report, prefixed(report, 'apply.unavailable.', '.total'))],
    ['不予处理', sum(report, prefixed(report, 'apply.not_processed.', '.total'))],
    [
      '其他处理',
      prefixed(report, 'apply.other.', '.total').length > 1
        ? sum(
            report,
            prefixed(report, 'apply.other.', '.total').filter((k) => k !== 'apply.other.total'),
          )
        : num(report, 'apply.other.total'),
    ],
  ];
  const applicants: [string, string][] = [
    ['自然人', 'natural_person'],
    ['商业企业', 'commercial'],
    ['科研机构', 'research'],
    ['社会公益组织', 'nonprofit'],
    ['法律服务机构', 'legal_service'],
    ['其他', 'other_org'],
  ];
  return [
    spec(
      '本年度办理结果',
      results.map(([l]) => l),
      results.map(([, v]) => v),
    ),
    spec(
      '本年新收申请的申请人',
      applicants.map(([l]) => l),
      applicants.map(([, k]) => num(report, `apply.received.${k}`)),
    ),
  ];
}

function spec(title: string, categories: string[], data: number[]): ChartSpec {
  return { title, categories, data, description: `${title}：${categories.map((c, i) => `${c}${data[i]}`).join('，')}` };
}

/** A chart's size in CSS pixels unless the caller asks for another. */
export const CHART_WIDTH = 520;
export const CHART_HEIGHT = 300;

/** One chart as an SVG string. */
export function chartSvg(chart: ChartSpec, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  instance.setOption({
    animation: false,
    title: { text: chart.title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 48, right: 16, top: 40, bottom: 56 },
    xAxis: {
      type: 'category',
      data: chart.categories,
      axisLabel: { interval: 0, rotate: chart.categories.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', data: chart.data, itemStyle: { color: '#a4161a' }, label: { show: true, position: 'top' } },
    ],
  });
  const svg = withoutInlineStyles(instance.renderToSVGString());
  instance.dispose();
  return svg.replace('<svg ', `<svg role="img" aria-label="${chart.description.replace(/"/g, '&quot;')}" `);
}

/**
 * The SVG without the inline CSS ECharts writes, which the site's Content-Security-Policy (src/web/app.tsx, no
 * 'unsafe-inline') would refuse and report in the console: a text's `style="font-size:12px;font-family:…"`
 * becomes the same SVG presentation attributes (`font-size="12px"`, outside CSP's reach), and the <style> of
 * hover highlights (`.zr0-cls-1:hover{fill:…}`) goes, a highlight being of no use in a chart that has no script.
 * So style-src-attr needs no 'unsafe-inline' either.
 */
export function withoutInlineStyles(svg: string): string {
  return svg.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '').replace(/ style="([^"]*)"/g, (_, css: string) =>
    css
      .split(';')
      .map((declaration) => {
        const colon = declaration.indexOf(':');
        const name = declaration.slice(0, colon).trim().toLowerCase();
        const value = declaration.slice(colon + 1).trim();
        return colon > 0 && /^[a-z-]+$/.test(name) && value ? ` ${name}="${value}"` : '';
      })
      .join(''),
  );
}
