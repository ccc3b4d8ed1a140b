/** @jsxImportSource hono/jsx */
/**
 * 政府信息公开年报 on the portal: every agency's published reports by year, each in the official layout with
 * its charts and downloads (HTML, DOCX, XLSX, JSON).
 */
import type { Hono } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import { shanghaiDay } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg, reportCharts } from '../../report/render/charts.ts';
import { REPORT_HTML_CSP } from '../../report/render/html.ts';
import { renderDocx, renderHtml, renderReportBody, renderXlsx } from '../../report/render/index.ts';
import { publishedReportHead, publishedReports } from '../../reports/queries.ts';
import { getReportRow, toReport } from '../../reports/store.ts';
import { RenderCache } from '../cache.ts';
import { LinkList } from '../components/links.tsx';
import { renderPage } from '../components/page.tsx';
import type { AppEnv } from '../env.ts';
import { emptyAsAbsent } from '../query.ts';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const reportsQuery = z.object({
  year: emptyAsAbsent(z.coerce.number().int().min(2000).max(2100).optional()),
  agency: emptyAsAbsent(z.coerce.number().int().positive().optional()),
});

async function publishedRow(db: Db, idText: string) {
  const id = Number(idText);
  if (!Number.isInteger(id)) throw new AppError('not_found', '没有这份年度报告');
  const row = await getReportRow(db, id);
  // Imported reports of other bodies are 年报数据 (/data), never shown under this site's name.
  if (row.status !== 'published' || row.origin !== 'computed') throw new AppError('not_found', '这份年度报告尚未发布');
  return row;
}

/** A report's version in its charts' addresses: a chart at an address never changes (cached for a year). */
const versionOf = (row: { updatedAt: Date }) => String(row.updatedAt.getTime());

export function reportPages(deps: { db: Db; site: string }) {
  // Pages are served to visitors from the page cache (src/web/page-cache.ts); a report's tables, and its
  // charts (each its own SVG resource: ECharts draws one in about 10 ms, twenty times the rest of the page,
  // issue #18), are kept by the report's id and last change.
  const views = new RenderCache<{ title: string; charts: string[]; body: string }>(300);
  const charts = new RenderCache<string>(600);
  /** A published report's version and corrections (404 for anything else): what each visit reads. */
  const reportHead = async (idText: string) => {
    const id = Number(idText);
    const head = id <= 2_147_483_647 ? await publishedReportHead(deps.db, id) : undefined;
    if (!head) throw new AppError('not_found', '这份年度报告尚未发布');
    return head;
  };
  return (app: Hono<AppEnv>) => {
    app.get('/reports', async (c) => {
      const parsed = reportsQuery.safeParse(c.req.query());
      if (!parsed.success) throw new AppError('bad_input', '筛选条件有误');
      const q = parsed.data;
      const all = await publishedReports(deps.db);
      // The choices come from every published report; the list from those the filters keep.
      const years = [...new Set(all.map((r) => r.year))];
      const bodies = [...new Map(all.filter((r) => r.agencyId).map((r) => [r.agencyId, r.issuer])).entries()];
      const rows = all.filter((r) => (!q.year || r.year === q.year) && (!q.agency || r.agencyId === q.agency));
      const shownYears = years.filter((y) => rows.some((r) => r.year === y));
      return renderPage(
        c,
        deps.site,
        '政府信息公开年报',
        <>
          <h1>政府信息公开工作年度报告</h1>
          <p class="hint">
            依据《中华人民共和国政府信息公开条例》第四十九条、第五十条，各行政机关于每年1月31日前公布上一年度报告。
          </p>
          <form method="get" action="/reports">
            <label for="r-year">年度</label>
            <select id="r-year" name="year">
              <option value="">全部年度</option>
              {years.map((y) => (
                <option value={String(y)} selected={q.year === y}>
                  {y}年度
                </option>
              ))}
            </select>
            <label for="r-agency">机关</label>
            <select id="r-agency" name="agency">
              <option value="">全部机关</option>
              {bodies.map(([id, name]) => (
                <option value={String(id)} selected={q.agency === id}>
                  {name}
                </option>
              ))}
            </select>
            <button type="submit">筛选</button>
          </form>
          <p>共 {rows.length} 份</p>
          {rows.length === 0 ? <p>暂无符合条件的已发布年度报告。</p> : null}
          {shownYears.map((y) => (
            <section>
              <h2>{y}年度</h2>
              <ul>
                {rows
                  .filter((r) => r.year === y)
                  .map((r) => (
                    <li>
                      <a href={`/reports/${r.id}`}>{`${r.issuer}${r.year}年政府信息公开工作年度报告`}</a>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
          <p class="hint">
            其他机关已发布的年度报告（导入的数据）见<a href="/data">年报数据</a>。
          </p>
        </>,
      );
    });

    app.get('/reports/:id{[0-9]+}', async (c) => {
      const head = await reportHead(c.req.param('id'));
      // The title, the charts' descriptions and the body: rendered once per version of the report.
      const view = await views.get(`${head.id}:${versionOf(head)}`, async () => {
        const report = toReport(await publishedRow(deps.db, String(head.id)));
        return {
          title: `${report.issuer}${report.year}年政府信息公开工作年度报告`,
          charts: reportCharts(report).map((chart) => chart.description),
          body: await renderReportBody(report),
        };
      });
      return renderPage(
        c,
        deps.site,
        view.title,
        <>
          <h1>{view.title}</h1>
          <p class="noprint">
            下载：
            <LinkList
              links={[
                [`/reports/${head.id}.docx`, 'Word（DOCX）'],
                [`/reports/${head.id}.xlsx`, 'Excel（XLSX）'],
                [`/reports/${head.id}.html`, '网页（HTML）'],
                [`/reports/${head.id}.json`, '数据（JSON）'],
              ]}
            />
          </p>
          {head.corrections.length ? (
            <div class="warn" role="note">
              本报告发布后有 {head.corrections.length} 次更正：
              {head.corrections.map((f) => (
                <span>
                  {shanghaiDay(f.at)} {f.reason}；
                </span>
              ))}
            </div>
          ) : null}
          <div class="charts noprint">
            {view.charts.map((description, n) => (
              <img
                src={`/reports/${head.id}/charts/${n}.svg?v=${versionOf(head)}`}
                alt={description}
                width={CHART_WIDTH}
                height={CHART_HEIGHT}
                loading="lazy"
              />
            ))}
          </div>
          {raw(view.body)}
        </>,
      );
    });

    // One chart of a published report, drawn by ECharts as SVG (shown by an <img>, which runs no script).
    app.get('/reports/:id{[0-9]+}/charts/:file{[0-9]+\\.svg}', async (c) => {
      const head = await reportHead(c.req.param('id'));
      const n = Number.parseInt(c.req.param('file'), 10);
      // Drawn once per version of the report, from the whole row read then (a missing chart is not kept).
      const svg = await charts.get(`${head.id}:${versionOf(head)}:${n}`, async () => {
        const chart = reportCharts(toReport(await publishedRow(deps.db, String(head.id))))[n];
        if (!chart) throw new AppError('not_found', '没有这幅图表');
        return chartSvg(chart, CHART_WIDTH, CHART_HEIGHT);
      });
      // The address names the version it was drawn at: kept a year; another version's address is revalidated.
      const current = c.req.query('v') === versionOf(head);
      return c.body(svg, 200, {
        'content-type': 'image/svg+xml; charset=utf-8',
        'cache-control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    });

    app.get('/reports/:file{[0-9]+\\.(html|docx|xlsx|json)}', async (c) => {
      const [idText, ext] = c.req.param('file').split('.');
      const report = toReport(await publishedRow(deps.db, idText));
      const name = encodeURIComponent(`${report.issuer}${report.year}年政府信息公开工作年度报告.${ext}`);
      const disposition = { 'content-disposition': `attachment; filename*=UTF-8''${name}` };
      // Opened in place, not downloaded: its own policy, which allows its one <style> by hash (src/web/app.tsx
      // keeps a policy a route sets).
      if (ext === 'html') return c.html(renderHtml(report), 200, { 'content-security-policy': REPORT_HTML_CSP });
      if (ext === 'json')
        return c.json({
          format: report.format,
          year: report.year,
          issuer: report.issuer,
          hasTable: true,
          values: report.values,
        });
      const bytes = ext === 'docx' ? await renderDocx(report) : await renderXlsx(report);
      return c.body(new Uint8Array(bytes), 200, { 'content-type': MIME[ext as 'docx' | 'xlsx'], ...disposition });
    });
  };
}
