/** @jsxImportSource hono/jsx */
/**
 * 年度报告 builder: the computed tables beside the narrative sections, live rule findings, lock, publish,
 * and corrections after publication with a reason. Every button is one action.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import { parseInput } from '../../api-input.ts';
import { requirePermission } from '../../auth/roles.ts';
import { type Clock, shanghaiTime } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { AppError, isAppError } from '../../errors.ts';
import type { Narrative } from '../../report/model.ts';
import { renderReportBody } from '../../report/render/index.ts';
import { keysOf } from '../../report/templates/index.ts';
import { correctReport } from '../../reports/actions/correct-report.ts';
import { lockReport } from '../../reports/actions/lock-report.ts';
import { publishReport } from '../../reports/actions/publish-report.ts';
import { narrativeVersion, updateNarrative } from '../../reports/actions/update-narrative.ts';
import { indicatorName } from '../../reports/export.ts';
import { corrections } from '../../reports/queries.ts';
import { findingsFor, getReportRow, toReport } from '../../reports/store.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage } from './shell.tsx';

const STATUS = { draft: '草稿', locked: '已锁定', published: '已发布' } as const;

const narrativeForm = z.object({
  overview: z.string().max(50_000).default(''),
  problems: z.string().max(50_000).default(''),
  other: z.string().max(50_000).default(''),
  version: z.string().max(40, '表单已过期，请刷新').default(''),
});

const correctionForm = z.object({
  reason: z.string().trim().min(4, '请写明更正的理由').max(2000),
  key: z.string().max(100).optional(),
  value: z.string().max(100).optional(),
});

/** Computes and saves the draft of an agency's report for a year (cases + catalog); returns its id. */
export type BuildReport = (
  deps: { db: Db; clock: Clock },
  input: { actorId: number; agencyId: number; year: number },
) => Promise<number>;

export function consoleReports(deps: { db: Db; clock: Clock; site: string; build?: BuildReport }) {
  const act = {
    db: deps.db,
    get now() {
      return deps.clock.now();
    },
  };
  return (app: Hono<AppEnv>) => {
    app.get('/console/reports', async (c) => {
      const user = requireUser(c);
      const scope = user.scope === 'all' ? undefined : [...user.scope];
      const rows = await deps.db
        .select({
          id: annualReports.id,
          issuer: annualReports.issuer,
          year: annualReports.year,
          status: annualReports.status,
          errorCount: annualReports.errorCount,
        })
        .from(annualReports)
        .where(
          and(
            eq(annualReports.origin, 'computed'),
            scope ? inArray(annualReports.agencyId, scope.length ? scope : [-1]) : undefined,
          ),
        )
        .orderBy(asc(annualReports.year), asc(annualReports.issuer));
      const mine = await deps.db
        .select()
        .from(agencies)
        .where(scope ? inArray(agencies.id, scope.length ? scope : [-1]) : undefined)
        .orderBy(asc(agencies.path))
        .limit(200);
      const lastYear = Number(deps.clock.today().slice(0, 4)) - 1;
      return consolePage(
        c,
        deps.site,
        '年度报告',
        <>
          <h1>政府信息公开工作年度报告</h1>
          <p class="hint">
            报告的统计表由本系统的依申请公开办理记录和主动公开目录计算生成，经核对后锁定、发布；发布后的修改须注明更正理由。
          </p>
          {deps.build ? (
            <form method="post" action="/console/reports/build">
              <Csrf c={c} />
              <label for="agency">机关</label>
              <select id="agency" name="agencyId">
                {mine.map((a) => (
                  <option value={String(a.id)} selected={a.id === user.agencyId}>
                    {a.name}
                  </option>
                ))}
              </select>
              <label for="year">年度</label>
              <input id="year" name="year" type="number" value={String(lastYear)} />
              <button type="submit">生成（重新计算）统计表</button>
            </form>
          ) : null}
          <table>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">机关</th>
                <th scope="col">状态</th>
                <th scope="col">勾稽关系错误</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{r.year}</td>
                  <td>
                    <a href={`/console/reports/${r.id}`}>{r.issuer}</a>
                  </td>
                  <td>{STATUS[r.status]}</td>
                  <td class="num">{r.errorCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>,
      );
    });

    app.post('/console/reports/build', async (c) => {
      const user = requireUser(c);
      if (!deps.build) throw new AppError('not_found', '未配置报告计算');
      const form = parseInput(
        z.object({ agencyId: z.coerce.number().int(), year: z.coerce.number().int().min(2008).max(2100) }),
        await c.req.parseBody(),
      );
      requirePermission(user, 'report.edit', form.agencyId);
      const id = await deps.build(deps, { actorId: user.id, ...form });
      return c.redirect(`/console/reports/${id}`, 303);
    });

    const loadForUser = async (c: Context<AppEnv>, permission: 'report.read' | 'report.edit') => {
      const user = requireUser(c);
      const row = await getReportRow(deps.db, Number(c.req.param('id')));
      if (row.origin !== 'computed' || row.agencyId === null) throw new AppError('not_found', '没有这份报告');
      requirePermission(user, permission, row.agencyId);
      return { user, row };
    };

    /** The builder's page; after a refused narrative save it shows what was typed and why it was refused. */
    const reportPage = async (
      c: Context<AppEnv>,
      row: Awaited<ReturnType<typeof getReportRow>>,
      typed?: { narrative: Narrative; error: string },
    ) => {
      const report = toReport(row);
      const { findings } = await findingsFor(deps.db, report, row);
      const fixes = await corrections(deps.db, row.id);
      const n = typed?.narrative ?? row.narrative;
      return consolePage(
        c,
        deps.site,
        `${row.year}年度报告`,
        <>
          <h1>{`${row.issuer}${row.year}年政府信息公开工作年度报告`}</h1>
          <p>
            状态：<strong>{STATUS[row.status]}</strong>　模板：{row.format}
          </p>
          <section aria-labelledby="findings">
            <h2 id="findings">勾稽关系校验</h2>
            {findings.length === 0 ? (
              <p class="ok">全部规则通过。</p>
            ) : (
              <ul>
                {findings.map((f) => (
                  <li>
                    <span class={`tag ${f.severity === 'error' ? 'overdue' : 'soon'}`}>
                      {f.severity === 'error' ? '错误' : '提示'}
                    </span>{' '}
                    {f.message}（{f.rule}）
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div class="noprint">
            {row.status === 'draft' ? (
              <form method="post" action={`/console/reports/${row.id}/lock`} class="inline">
                <Csrf c={c} />
                <button type="submit">锁定本年度数据</button>
              </form>
            ) : null}
            {row.status === 'locked' ? (
              <>
                <form method="post" action={`/console/reports/${row.id}/publish`} class="inline">
                  <Csrf c={c} />
                  <button type="submit">发布到门户网站</button>
                </form>
                <form method="post" action={`/console/reports/${row.id}/unlock`} class="inline">
                  <Csrf c={c} />
                  <button type="submit" class="secondary">
                    解锁
                  </button>
                </form>
              </>
            ) : null}
            {row.status === 'published' ? <a href={`/reports/${row.id}`}>在门户查看</a> : null}
          </div>
          <h2>正文</h2>
          <form method="post" action={`/console/reports/${row.id}/narrative`}>
            <Csrf c={c} />
            <input type="hidden" name="version" value={narrativeVersion(row)} />
            {typed ? (
              <p class="error" role="alert" id="narrative-error">
                {typed.error}
              </p>
            ) : null}
            <label for="overview">一、总体情况</label>
            <textarea id="overview" name="overview" readonly={row.status !== 'draft'}>
              {n.overview ?? ''}
            </textarea>
            <label for="problems">存在的主要问题及改进情况</label>
            <textarea id="problems" name="problems" readonly={row.status !== 'draft'}>
              {n.problems ?? ''}
            </textarea>
            <label for="other">其他需要报告的事项</label>
            <textarea id="other" name="other" readonly={row.status !== 'draft'}>
              {n.other ?? ''}
            </textarea>
            {row.status === 'draft' ? (
              <p>
                <button type="submit">保存正文</button>
              </p>
            ) : null}
          </form>
          {row.status === 'published' ? (
            <section>
              <h2>更正已发布的报告</h2>
              <form method="post" action={`/console/reports/${row.id}/correct`}>
                <Csrf c={c} />
                <label for="key">更正的栏目（表中的行与列）</label>
                <select id="key" name="key">
                  <option value="">（只更正正文，不改数字）</option>
                  {keysOf(report.format).map((k) => (
                    <option value={k}>
                      {indicatorName(report.format, k)}（现为{String(report.values[k] ?? '空')}）
                    </option>
                  ))}
                </select>
                <label for="value">更正后的数值</label>
                <input id="value" name="value" type="text" />
                <label for="reason">更正理由（必填）</label>
                <textarea id="reason" name="reason" required />
                <p>
                  <button type="submit" class="danger">
                    提交更正
                  </button>
                </p>
              </form>
              {fixes.length ? (
                <ul>
                  {fixes.map((f) => (
                    <li>
                      {shanghaiTime(f.at)} {f.reason}
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ) : null}
          <h2>统计表</h2>
          {raw(renderReportBody(report))}
        </>,
        typed ? 409 : 200,
      );
    };

    app.get('/console/reports/:id{[0-9]+}', async (c) => {
      const { row } = await loadForUser(c, 'report.read');
      return reportPage(c, row);
    });

    app.post('/console/reports/:id{[0-9]+}/narrative', async (c) => {
      const { user, row } = await loadForUser(c, 'report.edit');
      const { version, ...narrative } = parseInput(narrativeForm, await c.req.parseBody());
      try {
        await updateNarrative(act, { actorId: user.id, reportId: row.id, narrative, version });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'conflict') throw error;
        const fresh = await getReportRow(deps.db, row.id);
        return reportPage(c, fresh, { narrative, error: error.message });
      }
      return c.redirect(`/console/reports/${row.id}`, 303);
    });

    for (const [verb, run] of [
      ['lock', (userId: number, id: number) => lockReport(act, { actorId: userId, reportId: id })],
      ['unlock', (userId: number, id: number) => lockReport(act, { actorId: userId, reportId: id, unlock: true })],
      ['publish', (userId: number, id: number) => publishReport(act, { actorId: userId, reportId: id })],
    ] as const) {
      app.post(`/console/reports/:id{[0-9]+}/${verb}`, async (c) => {
        const { user, row } = await loadForUser(c, 'report.edit');
        await run(user.id, row.id);
        return c.redirect(`/console/reports/${row.id}`, 303);
      });
    }

    app.post('/console/reports/:id{[0-9]+}/correct', async (c) => {
      const { user, row } = await loadForUser(c, 'report.edit');
      const parsed = correctionForm.safeParse(await c.req.parseBody());
      if (!parsed.success) throw new AppError('bad_input', parsed.error.issues[0].message);
      const { key, value, reason } = parsed.data;
      const values = key
        ? { [key]: value === '' || value === undefined ? null : Number.isFinite(Number(value)) ? Number(value) : value }
        : undefined;
      await correctReport(act, { actorId: user.id, reportId: row.id, reason, values });
      return c.redirect(`/console/reports/${row.id}`, 303);
    });
  };
}
