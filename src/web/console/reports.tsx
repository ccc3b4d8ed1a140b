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
import { can, requirePermission } from '../../auth/roles.ts';
import { enterMonthlyFigures } from '../../catalog/actions/enter-monthly-figures.ts';
import { FIGURE_KEYS } from '../../catalog/figures.ts';
import { figureKeysOf } from '../../catalog/report-section.ts';
import { yearFigures } from '../../catalog/year-figures.ts';
import { type Clock, shanghaiTime } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { annualReports, type CountScope, countScopes } from '../../db/schema/reports.ts';
import { AppError, isAppError } from '../../errors.ts';
import type { Narrative } from '../../report/model.ts';
import { renderReportBody } from '../../report/render/index.ts';
import { keysOf } from '../../report/templates/index.ts';
import { correctReport } from '../../reports/actions/correct-report.ts';
import { lockReport } from '../../reports/actions/lock-report.ts';
import { publishReport } from '../../reports/actions/publish-report.ts';
import { narrativeVersion, updateNarrative } from '../../reports/actions/update-narrative.ts';
import { cellRecords, countedAgencyIds, hasCellRecords } from '../../reports/cell-records.ts';
import { indicatorName } from '../../reports/export.ts';
import { corrections } from '../../reports/queries.ts';
import { findingsFor, getReportRow, toReport } from '../../reports/store.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { cellRecordsBody } from './cell-records-view.tsx';
import { Csrf, consolePage } from './shell.tsx';

const STATUS = { draft: '草稿', locked: '已锁定', published: '已发布' } as const;
const COUNT_SCOPE: Record<CountScope, string> = { own: '本机关', subtree: '本机关及所属单位合计' };

const narrativeForm = z.object({
  overview: z.string().max(50_000).default(''),
  problems: z.string().max(50_000).default(''),
  other: z.string().max(50_000).default(''),
  version: z.string().max(40, '表单已过期，请刷新').default(''),
});

/** A period of the 第二十条 form: 0 is 全年合计. */
const PERIODS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const periodName = (month: number) => (month === 0 ? '全年合计' : `${month}月`);

/** What was typed in the 第二十条 form, and the message beside each refused field (`form` for the whole form). */
interface FiguresTyped {
  values: Record<string, string>;
  errors: Record<string, string>;
}

const correctionForm = z.object({
  reason: z.string().trim().min(4, '请写明更正的理由').max(2000),
  key: z.string().max(100).optional(),
  value: z.string().max(100).optional(),
});

/** Computes and saves the draft of an agency's report for a year (cases + catalog); returns its id. */
export type BuildReport = (
  deps: { db: Db; clock: Clock },
  input: { actorId: number; agencyId: number; year: number; countScope?: CountScope },
) => Promise<number>;

export function consoleReports(deps: { db: Db; clock: Clock; site: string; build?: BuildReport }) {
  const act = {
    db: deps.db,
    get now() {
      return deps.clock.now();
    },
  };
  const catalogDeps = { db: deps.db, clock: deps.clock };
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
              <label for="countScope">统计范围</label>
              <select id="countScope" name="countScope">
                {countScopes.map((s) => (
                  <option value={s}>{COUNT_SCOPE[s]}</option>
                ))}
              </select>
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
        z.object({
          agencyId: z.coerce.number().int(),
          year: z.coerce.number().int().min(2008).max(2100),
          countScope: z.enum(countScopes).optional(),
        }),
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
      figuresTyped?: FiguresTyped,
    ) => {
      const user = requireUser(c);
      const report = toReport(row);
      const { findings } = await findingsFor(deps.db, report, row);
      const fixes = await corrections(deps.db, row.id);
      const n = typed?.narrative ?? row.narrative;
      const agencyId = row.agencyId as number;
      const figureKeys = figureKeysOf(report.format);
      const entered = figureKeys.length ? await yearFigures(deps.db, { agencyId, year: row.year }) : [];
      const mayEnter = row.status === 'draft' && figureKeys.length > 0 && can(user, 'catalog.edit', agencyId);
      const mayRebuild = !!deps.build && row.status === 'draft' && can(user, 'report.edit', agencyId);
      const fv = figuresTyped?.values ?? {};
      const fe = figuresTyped?.errors ?? {};
      const saved = c.req.query('saved') === 'figures';
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
          {figureKeys.length ? (
            <section aria-labelledby="figures">
              <h2 id="figures">第二十条数据（行政许可、行政处罚、行政强制、行政事业性收费）</h2>
              <p class="hint">
                这些数字不来自主动公开目录，由经办人员从业务系统（如政务服务平台、行政执法信息平台、非税收入管理系统）按月或按全年录入，并注明来源系统。录入了全年合计的项目，年报按全年合计计算，不再累加各月数字。录入后请重新计算统计表。
              </p>
              {saved ? (
                <p class="ok" role="status">
                  已录入。重新计算统计表后计入本报告。
                </p>
              ) : null}
              {entered.length ? (
                <section class="table-scroll" tabindex={0} aria-label="已录入的第二十条数据">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">期间</th>
                        {figureKeys.map((k) => (
                          <th scope="col">{FIGURE_KEYS[k]}</th>
                        ))}
                        <th scope="col">来源系统</th>
                        <th scope="col">录入时间</th>
                      </tr>
                    </thead>
                    <tbody>
                      {entered.map((p) => (
                        <tr>
                          <th scope="row">{periodName(p.month)}</th>
                          {figureKeys.map((k) => (
                            <td class="num">{p.values[k] ?? ''}</td>
                          ))}
                          <td>{p.source ?? '（未注明）'}</td>
                          <td>{p.enteredAt ? shanghaiTime(p.enteredAt) : ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              ) : (
                <p>本年度尚未录入。</p>
              )}
              {mayEnter ? (
                <form method="post" action={`/console/reports/${row.id}/figures`} novalidate>
                  <Csrf c={c} />
                  {fe.form ? (
                    <p class="error" role="alert">
                      {fe.form}
                    </p>
                  ) : null}
                  <label for="f-period">期间</label>
                  <select
                    id="f-period"
                    name="period"
                    aria-invalid={fe.period ? 'true' : undefined}
                    aria-describedby={fe.period ? 'f-period-error' : undefined}
                  >
                    {PERIODS.map((m) => (
                      <option value={String(m)} selected={(fv.period ?? '0') === String(m)}>
                        {periodName(m)}
                      </option>
                    ))}
                  </select>
                  {fe.period ? (
                    <p class="error" id="f-period-error">
                      {fe.period}
                    </p>
                  ) : null}
                  <label for="f-source">来源系统（必填）</label>
                  <input
                    id="f-source"
                    name="source"
                    type="text"
                    maxlength={100}
                    value={fv.source ?? ''}
                    aria-invalid={fe.source ? 'true' : undefined}
                    aria-describedby={fe.source ? 'f-source-error' : undefined}
                  />
                  {fe.source ? (
                    <p class="error" id="f-source-error">
                      {fe.source}
                    </p>
                  ) : null}
                  {figureKeys.map((k, i) => (
                    <>
                      <label for={`f-fig-${i}`}>{FIGURE_KEYS[k]}</label>
                      <input
                        id={`f-fig-${i}`}
                        name={k}
                        type="text"
                        inputmode="decimal"
                        value={fv[k] ?? ''}
                        aria-invalid={fe[k] ? 'true' : undefined}
                        aria-describedby={fe[k] ? `f-fig-${i}-error` : undefined}
                      />
                      {fe[k] ? (
                        <p class="error" id={`f-fig-${i}-error`}>
                          {fe[k]}
                        </p>
                      ) : null}
                    </>
                  ))}
                  <p>
                    <button type="submit">录入</button>
                  </p>
                </form>
              ) : null}
              {mayRebuild ? (
                <form method="post" action="/console/reports/build">
                  <Csrf c={c} />
                  <input type="hidden" name="agencyId" value={String(agencyId)} />
                  <input type="hidden" name="year" value={String(row.year)} />
                  <input type="hidden" name="countScope" value={row.countScope} />
                  <button type="submit" class="secondary">
                    重新计算统计表
                  </button>
                </form>
              ) : null}
            </section>
          ) : null}
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
          <p class="hint">统计范围：{COUNT_SCOPE[row.countScope]}。点击表中的数字，查看计入该数字的记录。</p>
          {raw(
            renderReportBody(report, {
              cellLink: (key) =>
                hasCellRecords(report.format, key)
                  ? `/console/reports/${row.id}/cells/${encodeURIComponent(key)}`
                  : undefined,
            }),
          )}
        </>,
        typed ? 409 : figuresTyped ? 400 : 200,
      );
    };

    app.get('/console/reports/:id{[0-9]+}', async (c) => {
      const { row } = await loadForUser(c, 'report.read');
      return reportPage(c, row);
    });

    /** 查看统计数的来源: the records counted in one number of the report (sections 二, 三, 四). */
    app.get('/console/reports/:id{[0-9]+}/cells/:key{[a-z0-9_.]+}', async (c) => {
      const { user, row } = await loadForUser(c, 'report.read');
      const key = c.req.param('key');
      const report = toReport(row);
      if (!keysOf(report.format).includes(key) || !hasCellRecords(report.format, key))
        throw new AppError('not_found', '该栏目没有可查看的记录');
      const agencyIds = await countedAgencyIds(deps.db, {
        agencyId: row.agencyId as number,
        countScope: row.countScope,
      });
      const scope = { agencyIds, year: row.year, format: report.format, key };
      const records = await cellRecords(deps.db, scope);
      const name = indicatorName(report.format, key);
      const value = report.values[key];
      const back = <a href={`/console/reports/${row.id}`}>返回{row.year}年度报告</a>;
      const body = await cellRecordsBody(deps.db, { user, today: deps.clock.today() }, records);
      return consolePage(
        c,
        deps.site,
        `${name} - ${row.year}年度报告`,
        <>
          <p class="noprint">{back}</p>
          <h1>{`${row.issuer}${row.year}年度报告：${name}`}</h1>
          <p>
            报告中的数字：<strong>{value === null || value === undefined ? '（空）' : String(value)}</strong>
          </p>
          {body}
          {row.status === 'published' && can(user, 'report.edit', row.agencyId as number) ? (
            <section aria-labelledby="correct-cell">
              <h2 id="correct-cell">更正本栏数字</h2>
              <form method="post" action={`/console/reports/${row.id}/correct`}>
                <Csrf c={c} />
                <input type="hidden" name="key" value={key} />
                <label for="value">更正后的数值</label>
                <input id="value" name="value" type="text" inputmode="decimal" />
                <label for="reason">更正理由（必填）</label>
                <textarea id="reason" name="reason" required />
                <p>
                  <button type="submit" class="danger">
                    提交更正
                  </button>
                </p>
              </form>
            </section>
          ) : null}
        </>,
      );
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

    /** 录入第二十条数据: each field checked here so its message stands beside it; the action checks again. */
    app.post('/console/reports/:id{[0-9]+}/figures', async (c) => {
      const { user, row } = await loadForUser(c, 'report.read');
      const body = await c.req.parseBody();
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
      const keys = figureKeysOf(toReport(row).format);
      const values: Record<string, string> = { period: text('period'), source: text('source') };
      const errors: Record<string, string> = {};
      const month = Number(values.period);
      if (!/^\d{1,2}$/.test(values.period) || month > 12) errors.period = '请选择月份或全年合计';
      if (values.source.length < 2) errors.source = '请写明数据取自哪个业务系统';
      else if (values.source.length > 100) errors.source = '来源系统名称不超过100字';
      const figures: Record<string, number> = {};
      for (const k of keys) {
        const typed = text(k);
        values[k] = typed;
        if (typed === '') continue;
        const n = Number(typed.replace(/[,，]/g, ''));
        if (!Number.isFinite(n)) errors[k] = `${FIGURE_KEYS[k]}应为数字`;
        else figures[k] = n;
      }
      if (Object.keys(figures).length === 0 && !keys.some((k) => errors[k])) errors.form = '请至少填写一项数据';
      if (Object.keys(errors).length) return reportPage(c, row, undefined, { values, errors });
      try {
        await enterMonthlyFigures(catalogDeps, {
          user,
          agencyId: row.agencyId as number,
          year: row.year,
          month,
          figures,
          source: values.source,
        });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'bad_input') throw error;
        const field = (error.details as { field?: string } | undefined)?.field;
        const at =
          field === 'month'
            ? 'period'
            : field && (keys as string[]).includes(field)
              ? field
              : field === 'source'
                ? 'source'
                : 'form';
        return reportPage(c, row, undefined, { values, errors: { [at]: error.message } });
      }
      return c.redirect(`/console/reports/${row.id}?saved=figures#figures`, 303);
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
