/** @jsxImportSource hono/jsx */
/**
 * 年报数据 (for supervisors and researchers): reports imported from published documents of any body,
 * browsable by body, year and template, with their rule findings, cross-year checks, charts comparing
 * units and years, and exports (CSV, XLSX, JSON).
 */
import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { AppError } from '../../errors.ts';
import { chartSvg } from '../../report/render/charts.ts';
import { renderReportBody } from '../../report/render/index.ts';
import { formatName, sourceName, toCsv, toJson, toXlsx } from '../../reports/export.ts';
import { crossYearFindings } from '../../reports/queries.ts';
import { getReportRow, toReport } from '../../reports/store.ts';
import { LinkList } from '../components/links.tsx';
import { renderPage } from '../components/page.tsx';
import type { AppEnv } from '../env.ts';
import { emptyAsAbsent } from '../query.ts';

// The filter form sends every field; one left empty (year=, format=) means "any", not a wrong value.
const filterSchema = z.object({
  year: emptyAsAbsent(z.coerce.number().int().min(2000).max(2100).optional()),
  format: emptyAsAbsent(z.enum(['old2008', 'new2019', 'new2021']).optional()),
  body: emptyAsAbsent(z.string().trim().max(50).optional()),
  errors: emptyAsAbsent(z.enum(['1']).optional()),
  page: emptyAsAbsent(z.coerce.number().int().min(1).max(100_000).optional()),
});

type Filter = z.infer<typeof filterSchema>;

function parseFilter(c: Context<AppEnv>): Filter {
  const parsed = filterSchema.safeParse(c.req.query());
  if (!parsed.success) throw new AppError('bad_input', `筛选条件有误：${parsed.error.issues[0].path.join('.')}`);
  return parsed.data;
}

/** Reports imported from published documents, and this county's own reports once published here. */
const PUBLIC_REPORTS = or(
  eq(annualReports.origin, 'imported'),
  and(eq(annualReports.origin, 'computed'), eq(annualReports.status, 'published')),
)!;
const reportHref = (r: { id: number; origin: string }) =>
  r.origin === 'computed' ? `/reports/${r.id}` : `/data/${r.id}`;

function where(f: Filter): SQL {
  const w: SQL[] = [PUBLIC_REPORTS];
  if (f.year) w.push(eq(annualReports.year, f.year));
  if (f.format) w.push(eq(annualReports.format, f.format));
  if (f.body) w.push(sql`${annualReports.issuer} like ${`%${f.body.replace(/[%_]/g, '')}%`}`);
  if (f.errors) w.push(sql`${annualReports.errorCount} > 0`);
  return and(...w)!;
}

const PAGE = 100;
const received = (v: Record<string, unknown>) =>
  (typeof v['apply.received.total'] === 'number'
    ? v['apply.received.total']
    : typeof v['apply.received'] === 'number'
      ? v['apply.received']
      : null) as number | null;

export function dataPages(deps: { db: Db; site: string }) {
  const layout = (c: Context<AppEnv>, title: string, body: unknown) => renderPage(c, deps.site, title, body);

  return (app: Hono<AppEnv>) => {
    app.get('/data', async (c) => {
      const f = parseFilter(c);
      const page = f.page ?? 1;
      const [{ count }] = await deps.db
        .select({ count: sql<number>`count(*)::int` })
        .from(annualReports)
        .where(where(f));
      const rows = await deps.db
        .select()
        .from(annualReports)
        .where(where(f))
        .orderBy(asc(annualReports.bodyKey), asc(annualReports.year))
        .limit(PAGE)
        .offset((page - 1) * PAGE);
      const qs = new URLSearchParams(
        Object.entries(f)
          .filter(([k, v]) => v !== undefined && k !== 'page')
          .map(([k, v]) => [k, String(v)]),
      ).toString();
      const chartRows = f.year ? rows.filter((r) => received(r.values) !== null).slice(0, 30) : [];
      return layout(
        c,
        '年报数据',
        <>
          <h1>已发布年度报告数据</h1>
          <form method="get" action="/data" class="noprint">
            <label for="f-year">年度</label>
            <input id="f-year" name="year" type="number" value={f.year ? String(f.year) : ''} />
            <label for="f-format">模板</label>
            <select id="f-format" name="format">
              <option value="">全部</option>
              {(['old2008', 'new2019', 'new2021'] as const).map((x) => (
                <option value={x} selected={f.format === x}>
                  {formatName(x)}
                </option>
              ))}
            </select>
            <label for="f-body">机关名称含</label>
            <input id="f-body" name="body" type="text" value={f.body ?? ''} />
            <label>
              <input type="checkbox" name="errors" value="1" checked={Boolean(f.errors)} /> 只看有勾稽关系错误的
            </label>
            <button type="submit">筛选</button>
          </form>
          <p>
            共 {count} 份。导出：
            <LinkList
              links={[
                [`/data/export.csv?${qs}`, 'CSV'],
                [`/data/export.xlsx?${qs}`, 'XLSX'],
                [`/data/export.json?${qs}`, 'JSON'],
              ]}
            />
          </p>
          {chartRows.length > 1
            ? raw(
                chartSvg(
                  {
                    title: `${f.year}年各机关新收申请数`,
                    description: chartRows.map((r) => `${r.issuer}${received(r.values)}`).join('，'),
                    categories: chartRows.map((r) => r.issuer.slice(0, 8)),
                    data: chartRows.map((r) => received(r.values) ?? 0),
                  },
                  900,
                  320,
                ),
              )
            : null}
          <table>
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">年度</th>
                <th scope="col">模板</th>
                <th scope="col">新收申请</th>
                <th scope="col">勾稽关系错误</th>
                <th scope="col">来源</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/data/body/${encodeURIComponent(r.bodyKey)}`}>{r.issuer}</a>
                  </td>
                  <td>
                    <a href={reportHref(r)}>{r.year}</a>
                  </td>
                  <td>{formatName(r.format)}</td>
                  <td class="num">{received(r.values) ?? ''}</td>
                  <td class="num">{r.errorCount ? <span class="tag overdue">{r.errorCount}</span> : '0'}</td>
                  <td>{r.origin === 'computed' ? '本平台发布' : '导入'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {count > page * PAGE ? <a href={`/data?${qs}&page=${page + 1}`}>下一页</a> : null}
        </>,
      );
    });

    app.get('/data/body/:key', async (c) => {
      const key = c.req.param('key');
      const rows = await deps.db
        .select()
        .from(annualReports)
        .where(and(eq(annualReports.bodyKey, key), PUBLIC_REPORTS))
        .orderBy(asc(annualReports.year));
      if (!rows.length) throw new AppError('not_found', '没有这个机关的报告');
      const cross = await crossYearFindings(deps.db, key);
      return layout(
        c,
        key,
        <>
          <h1>{rows.at(-1)!.issuer}：历年报告</h1>
          {raw(
            chartSvg(
              {
                title: '历年新收政府信息公开申请数',
                description: rows.map((r) => `${r.year}年${received(r.values) ?? '未填'}`).join('，'),
                categories: rows.map((r) => String(r.year)),
                data: rows.map((r) => received(r.values) ?? 0),
              },
              700,
              280,
            ),
          )}
          <table>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">报告中的名称</th>
                <th scope="col">模板</th>
                <th scope="col">新收申请</th>
                <th scope="col">本年勾稽关系错误</th>
                <th scope="col">跨年度核对</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const x = cross.find((y) => y.year === r.year);
                return (
                  <tr>
                    <td>
                      <a href={reportHref(r)}>{r.year}</a>
                    </td>
                    <td>{r.issuer}</td>
                    <td>{formatName(r.format)}</td>
                    <td class="num">{received(r.values) ?? ''}</td>
                    <td class="num">{r.errorCount}</td>
                    <td>
                      {x ? (x.findings.length ? x.findings.map((f) => f.message).join('；') : '与上年衔接') : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>,
      );
    });

    app.get('/data/:id{[0-9]+}', async (c) => {
      const row = await getReportRow(deps.db, Number(c.req.param('id')));
      if (row.origin !== 'imported') throw new AppError('not_found', '没有这份导入的报告');
      const findings = row.findings as { severity: string; rule: string; message: string }[];
      return layout(
        c,
        `${row.issuer}${row.year}`,
        <>
          <h1>{`${row.issuer}${row.year}年政府信息公开工作年度报告（导入）`}</h1>
          <p class="hint">
            来源文件：{sourceName(row)}；报告格式：{formatName(row.format)}
            {row.hasTable ? '' : '（无统计表，数字取自正文）'}
          </p>
          <h2>校验结果</h2>
          {findings.length ? (
            <ul>
              {findings.map((f) => (
                <li>
                  <span class={`tag ${f.severity === 'error' ? 'overdue' : 'soon'}`}>
                    {f.severity === 'error' ? '错误' : '提示'}
                  </span>{' '}
                  {f.rule}：{f.message}
                </li>
              ))}
            </ul>
          ) : (
            <p class="ok">未发现勾稽关系问题。</p>
          )}
          {row.warnings.length ? <p class="warn">{row.warnings.join('；')}</p> : null}
          {raw(renderReportBody(toReport(row)))}
        </>,
      );
    });

    for (const ext of ['csv', 'xlsx', 'json'] as const) {
      app.get(`/data/export.${ext}`, async (c) => {
        const f = parseFilter(c);
        const rows = await deps.db
          .select()
          .from(annualReports)
          .where(where(f))
          .orderBy(asc(annualReports.bodyKey), asc(annualReports.year))
          .limit(100_000);
        const disposition = { 'content-disposition': `attachment; filename="gongkai-reports.${ext}"` };
        if (ext === 'json') return c.json(toJson(rows), 200, disposition);
        if (ext === 'csv')
          return c.body(toCsv(rows), 200, { 'content-type': 'text/csv; charset=utf-8', ...disposition });
        return c.body(new Uint8Array(await toXlsx(rows)), 200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ...disposition,
        });
      });
    }
  };
}
