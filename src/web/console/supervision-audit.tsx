/** @jsxImportSource hono/jsx */
/**
 * 年报审核 for a supervising office: the problems of every unit's annual report of a year in its subtree
 * (src/supervision/audit/), filtered by unit and kind, with the thresholds shown and adjustable; the list as
 * XLSX; per unit its 审核意见 as DOCX and, where the report is submitted (locked), 退回修改 with the 审核意见
 * as the reason.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { getAgency, subtree } from '../../agencies/tree.ts';
import { inScope, requirePermission } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { downloadHeaders, mediaTypeOf } from '../../files.ts';
import { returnReport } from '../../reports/actions/return-report.ts';
import { opinionDocx, opinionText } from '../../supervision/audit/opinion.ts';
import {
  AUDIT_DEFAULTS,
  type AuditParams,
  PROBLEM_KIND_NAMES,
  PROBLEM_KINDS,
  percent,
} from '../../supervision/audit/problems.ts';
import { auditOne, auditSubtree, REPORT_STATUS_NAMES } from '../../supervision/audit/query.ts';
import { auditXlsx } from '../../supervision/audit/xlsx.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage, str } from './shell.tsx';

const BASE = '/console/supervision/audit';

export function consoleSupervisionAudit(deps: { db: Db; clock: Clock; site: string }) {
  const lastYear = () => Number(deps.clock.today().slice(0, 4)) - 1;
  const filterSchema = z.object({
    year: z.coerce.number().int().min(2008).max(2100).catch(lastYear),
    agency: z.coerce.number().int().positive().optional().catch(undefined),
    kind: z.enum(PROBLEM_KINDS).optional().catch(undefined),
    ratio: z.coerce.number().min(1.1).max(1000).catch(AUDIT_DEFAULTS.jumpRatio),
    min: z.coerce.number().min(0).max(1_000_000).catch(AUDIT_DEFAULTS.jumpMinChange),
    repeat: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .catch(AUDIT_DEFAULTS.repeatThreshold * 100),
  });
  type Filter = z.infer<typeof filterSchema>;
  const readFilter = (c: Context<AppEnv>) => filterSchema.parse(c.req.query());
  const paramsOf = (f: Filter): Partial<AuditParams> => ({
    jumpRatio: f.ratio,
    jumpMinChange: f.min,
    repeatThreshold: f.repeat / 100,
  });
  /** The query string of a filter, for the export links and the way back after 退回修改. */
  const queryOf = (f: Filter, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams({ year: String(f.year) });
    if (f.agency) q.set('agency', String(f.agency));
    if (f.kind) q.set('kind', f.kind);
    if (f.ratio !== AUDIT_DEFAULTS.jumpRatio) q.set('ratio', String(f.ratio));
    if (f.min !== AUDIT_DEFAULTS.jumpMinChange) q.set('min', String(f.min));
    if (f.repeat !== AUDIT_DEFAULTS.repeatThreshold * 100) q.set('repeat', String(f.repeat));
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.toString();
  };
  const supervisor = (c: Context<AppEnv>) => {
    const user = requireUser(c);
    requirePermission(user, 'supervision.read', user.agencyId);
    return user;
  };

  return (app: Hono<AppEnv>) => {
    app.get(BASE, async (c) => {
      const user = supervisor(c);
      const f = readFilter(c);
      const [{ units, audited }, tree] = await Promise.all([
        auditSubtree(deps.db, user, { year: f.year, agencyId: f.agency, kind: f.kind, params: paramsOf(f) }),
        subtree(deps.db, user.agencyId),
      ]);
      const withProblems = units.filter((u) => u.problems.length);
      const count = withProblems.reduce((n, u) => n + u.problems.length, 0);
      const returned = Number(c.req.query('returned'));
      const returnedName = tree.find((a) => a.id === returned)?.name;
      return consolePage(
        c,
        deps.site,
        '年报审核',
        <>
          <h1>{f.year}年度政府信息公开工作年度报告审核</h1>
          <p class="hint">
            对本级及所属单位的年度报告（本平台编制和导入的）逐份审核：勾稽关系；“五、存在的主要问题及改进情况”“六、其他需要报告的事项”未填写，或与上年度报告重复（按相邻两字计算重复率，达到
            {f.repeat}%即提示，{AUDIT_DEFAULTS.repeatMinChars}
            字以下的不计）；应填数字而为空白或“/”的单元格；同一指标与上年度相比增减达到
            {f.ratio}倍且变动{f.min}以上。
          </p>
          {returnedName ? (
            <p class="ok" role="status" id="audit-returned">
              已将{returnedName}的年度报告退回修改，审核意见已随督办通知发出。
            </p>
          ) : null}
          <form method="get" action={BASE} class="card filters">
            <span class="filter">
              <label for="year">报告年度</label>
              <input id="year" name="year" type="number" min="2008" max="2100" value={String(f.year)} />
            </span>
            <span class="filter">
              <label for="agency">单位</label>
              <select id="agency" name="agency">
                <option value="">全部单位</option>
                {tree
                  .filter((a) => inScope(user, a.id))
                  .map((a) => (
                    <option value={String(a.id)} selected={a.id === f.agency}>
                      {a.name}
                    </option>
                  ))}
              </select>
            </span>
            <span class="filter">
              <label for="kind">问题类型</label>
              <select id="kind" name="kind">
                <option value="">全部类型</option>
                {PROBLEM_KINDS.map((k) => (
                  <option value={k} selected={k === f.kind}>
                    {PROBLEM_KIND_NAMES[k]}
                  </option>
                ))}
              </select>
            </span>
            <span class="filter">
              <label for="repeat">重复率提示线（%）</label>
              <input id="repeat" name="repeat" type="number" min="1" max="100" value={String(f.repeat)} />
            </span>
            <span class="filter">
              <label for="ratio">同比变动倍数</label>
              <input id="ratio" name="ratio" type="number" min="1.1" step="0.1" value={String(f.ratio)} />
            </span>
            <span class="filter">
              <label for="min">最小变动数</label>
              <input id="min" name="min" type="number" min="0" value={String(f.min)} />
            </span>
            <span class="filter">
              <button type="submit">查询</button>
            </span>
          </form>
          <p id="audit-summary">
            共审核 {audited} 份年度报告，{withProblems.length} 个单位存在 {count} 个问题。
          </p>
          {count ? (
            <p>
              <a href={`${BASE}.xlsx?${queryOf(f)}`} download="">
                导出问题清单（XLSX）
              </a>
            </p>
          ) : null}
          <div class="table-scroll">
            <table id="audit-problems">
              <caption>问题清单</caption>
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  <th scope="col">问题类型</th>
                  <th scope="col">问题说明</th>
                  <th scope="col">涉及单元格</th>
                  <th scope="col">重复率</th>
                </tr>
              </thead>
              <tbody>
                {withProblems.flatMap((u) =>
                  u.problems.map((p) => (
                    <tr data-agency={String(u.agencyId)} data-kind={p.kind}>
                      <td>{u.agencyName}</td>
                      <td>{PROBLEM_KIND_NAMES[p.kind]}</td>
                      <td>{p.message}</td>
                      <td>{p.cells.map((cell) => cell.label).join('；') || '—'}</td>
                      <td class="num">{p.repeatRate === undefined ? '' : percent(p.repeatRate)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          <h2>审核意见</h2>
          <div class="table-scroll">
            <table id="audit-units">
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  <th scope="col">报告状态</th>
                  <th scope="col">问题数</th>
                  <th scope="col">审核意见</th>
                  <th scope="col">退回修改</th>
                </tr>
              </thead>
              <tbody>
                {withProblems.map((u) => (
                  <tr id={`unit-${u.agencyId}`}>
                    <td>{u.agencyName}</td>
                    <td>{REPORT_STATUS_NAMES[u.status]}</td>
                    <td class="num">{u.problems.length}</td>
                    <td>
                      <a href={`${BASE}/${u.reportId}/opinion.docx?${queryOf(f)}`} download="">
                        {u.agencyName}审核意见（DOCX）
                      </a>
                    </td>
                    <td>
                      {u.status === 'locked' && u.agencyId !== user.agencyId ? (
                        <details>
                          <summary>退回修改</summary>
                          <form method="post" action={`${BASE}/${u.reportId}/return?${queryOf(f)}`}>
                            <Csrf c={c} />
                            <label for={`reason-${u.reportId}`}>退回理由（审核意见）</label>
                            <textarea id={`reason-${u.reportId}`} name="reason" rows={8} required>
                              {opinionText(u)}
                            </textarea>
                            <button type="submit">退回{u.agencyName}修改</button>
                          </form>
                        </details>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>,
      );
    });

    app.get(`${BASE}.xlsx`, async (c) => {
      const user = supervisor(c);
      const f = readFilter(c);
      const { units } = await auditSubtree(deps.db, user, {
        year: f.year,
        agencyId: f.agency,
        kind: f.kind,
        params: paramsOf(f),
      });
      const unitName = f.agency ? (units[0]?.agencyName ?? (await getAgency(deps.db, f.agency)).name) : '全部单位';
      const body = await auditXlsx(units, {
        title: `${f.year}年度政府信息公开工作年度报告审核问题清单`,
        exportedAt: deps.clock.now().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
        filters: `单位：${unitName}　问题类型：${f.kind ? PROBLEM_KIND_NAMES[f.kind] : '全部类型'}`,
      });
      return c.body(new Uint8Array(body), 200, {
        ...downloadHeaders({ filename: `年报审核问题清单-${f.year}.xlsx`, mediaType: mediaTypeOf('x.xlsx') }),
      });
    });

    app.get(`${BASE}/:id{[0-9]+}/opinion.docx`, async (c) => {
      const user = supervisor(c);
      const f = readFilter(c);
      const unit = await auditOne(deps.db, user, Number(c.req.param('id')), paramsOf(f));
      const from = (await getAgency(deps.db, user.agencyId)).name;
      const body = await opinionDocx(unit, { from, date: deps.clock.today() });
      return c.body(new Uint8Array(body), 200, {
        ...downloadHeaders({
          filename: `审核意见-${unit.agencyName}-${unit.year}.docx`,
          mediaType: mediaTypeOf('x.docx'),
        }),
      });
    });

    app.post(`${BASE}/:id{[0-9]+}/return`, async (c) => {
      const user = supervisor(c);
      const f = readFilter(c);
      const form = await c.req.parseBody();
      const notice = await returnReport(
        { db: deps.db, clock: deps.clock },
        { user, reportId: Number(c.req.param('id')), reason: str(form.reason) },
      );
      return c.redirect(`${BASE}?${queryOf(f, { returned: String(notice.toAgencyId) })}`, 303);
    });
  };
}
