/** @jsxImportSource hono/jsx */
/**
 * 监督考核 for a supervising office: the units of its subtree with their overdue and due-soon applications
 * and 督办 notices, a ranking with its formula shown, the annual report season (who has submitted and
 * published by 1月31日, findings, return for correction, the consolidated report); and for a unit, the
 * notices it received and its replies.
 */
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import { requirePermission } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { TIMING_NAMES } from '../../law/annual-report.ts';
import { renderReportBody } from '../../report/render/index.ts';
import { keysOf, templateForYear } from '../../report/templates/index.ts';
import { returnReport } from '../../reports/actions/return-report.ts';
import { cellRecords, countedAgencyIds, hasCellRecords } from '../../reports/cell-records.ts';
import { indicatorName } from '../../reports/export.ts';
import { replyNotice, sendNotice } from '../../supervision/actions/notices.ts';
import { urgeReport } from '../../supervision/actions/urge-report.ts';
import { noticesFor, noticesSentBy, supervisionDashboard } from '../../supervision/dashboard.ts';
import { reportSeason } from '../../supervision/report-season.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { cellRecordsBody } from './cell-records-view.tsx';
import { Csrf, consolePage, str } from './shell.tsx';

const STATUS: Record<string, string> = { missing: '未生成', draft: '编制中', locked: '已报送', published: '已发布' };

export function consoleSupervision(deps: { db: Db; clock: Clock; site: string }) {
  const act = { db: deps.db, clock: deps.clock };
  const supervisor = (c: Context<AppEnv>) => {
    const user = requireUser(c);
    requirePermission(user, 'supervision.read', user.agencyId);
    return user;
  };

  return (app: Hono<AppEnv>) => {
    app.get('/console/supervision', async (c) => {
      const user = supervisor(c);
      const today = deps.clock.today();
      const minMonthly = z.coerce
        .number()
        .int()
        .min(0)
        .max(10_000)
        .catch(10)
        .parse(c.req.query('min') ?? 10);
      const board = await supervisionDashboard(deps.db, user.agencyId, today, minMonthly);
      const sent = await noticesSentBy(deps.db, user.agencyId);
      return consolePage(
        c,
        deps.site,
        '监督考核',
        <>
          <h1>监督考核</h1>
          <p>
            <a href={`/console/supervision/season?year=${Number(today.slice(0, 4)) - 1}`}>年度报告报送情况</a>
            {'　'}
            <a href={`/console/supervision/audit?year=${Number(today.slice(0, 4)) - 1}`}>年度报告审核</a>
          </p>
          <p class="hint">
            排名公式：{board.formula}
            {board.metrics
              .filter((m) => m.weight)
              .map((m) => `；${m.weight! > 0 ? '+' : '−'} ${Math.abs(m.weight!)} × ${m.label}`)
              .join('')}
          </p>
          <form method="get" action="/console/supervision">
            <label for="min">每月主动公开条数下限</label>
            <input id="min" name="min" type="number" min="0" value={String(board.minMonthly)} />
            <button type="submit">更新</button>
          </form>
          <table>
            <thead>
              <tr>
                <th scope="col">排名</th>
                <th scope="col">单位</th>
                <th scope="col">待办申请</th>
                <th scope="col">逾期</th>
                <th scope="col">临期</th>
                <th scope="col">待回复督办</th>
                <th scope="col">本月主动公开</th>
                <th scope="col">待审核</th>
                {board.metrics.map((m) => (
                  <th scope="col">{m.label}</th>
                ))}
                <th scope="col">得分</th>
              </tr>
            </thead>
            <tbody>
              {board.rows.map((r, i) => (
                <tr>
                  <td class="num">{i + 1}</td>
                  <td>{r.agency.name}</td>
                  <td class="num">{r.open}</td>
                  <td class="num" data-unit-overdue={String(r.agency.id)}>
                    {r.overdue ? <span class="tag overdue">{r.overdue}</span> : '0'}
                  </td>
                  <td class="num">{r.dueSoon}</td>
                  <td class="num">{r.noticesWaiting}</td>
                  <td class="num">
                    {r.belowLimit ? (
                      <span class="tag soon">{r.publishedThisMonth}（低于下限）</span>
                    ) : (
                      r.publishedThisMonth
                    )}
                  </td>
                  <td class="num">{r.reviewBacklog}</td>
                  {r.metrics.map((v) => (
                    <td class="num">{v}</td>
                  ))}
                  <td class="num">{r.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>发出督办</h2>
          <form method="post" action="/console/supervision/notices">
            <Csrf c={c} />
            <label for="to">督办单位</label>
            <select id="to" name="toAgencyId">
              {board.rows.map((r) => (
                <option value={String(r.agency.id)}>{r.agency.name}</option>
              ))}
            </select>
            <label for="subject">督办事项</label>
            <input id="subject" name="subject" type="text" required />
            <label for="body">内容</label>
            <textarea id="body" name="body" required />
            <label for="replyBy">回复期限</label>
            <input id="replyBy" name="replyBy" type="date" required />
            <p>
              <button type="submit">发出</button>
            </p>
          </form>
          <h2>已发督办</h2>
          <ul>
            {sent.map((n) => (
              <li>
                {n.subject}（回复期限 {n.replyBy}）：
                {n.repliedAt ? (
                  `已回复：${n.reply}`
                ) : n.replyBy < today ? (
                  <span class="tag overdue">逾期未回复</span>
                ) : (
                  '待回复'
                )}
              </li>
            ))}
          </ul>
        </>,
      );
    });

    app.post('/console/supervision/notices', async (c) => {
      const user = supervisor(c);
      const f = await c.req.parseBody();
      await sendNotice(act, {
        user,
        toAgencyId: Number(str(f.toAgencyId)),
        subject: str(f.subject),
        body: str(f.body),
        replyBy: str(f.replyBy),
      });
      return c.redirect('/console/supervision', 303);
    });

    app.get('/console/supervision/season', async (c) => {
      const user = supervisor(c);
      const year = z.coerce
        .number()
        .int()
        .min(2008)
        .max(2100)
        .catch(Number(deps.clock.today().slice(0, 4)) - 1)
        .parse(c.req.query('year'));
      const season = await reportSeason(deps.db, user.agencyId, year, deps.clock.today());
      return consolePage(
        c,
        deps.site,
        `${year}年度报告报送情况`,
        <>
          <h1>{year}年度政府信息公开工作年度报告报送情况</h1>
          <p class="hint">
            《条例》第四十九条：县级以上人民政府部门应当在每年1月31日前提交并公布上一年度报告（本年度截止{' '}
            {season.deadline}）。
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">状态</th>
                <th scope="col">发布日期</th>
                <th scope="col">报送时限</th>
                <th scope="col">勾稽关系错误</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {season.units.map((u) => (
                <tr>
                  <td>{u.reportId ? <a href={`/console/reports/${u.reportId}`}>{u.agency.name}</a> : u.agency.name}</td>
                  <td>{STATUS[u.status]}</td>
                  <td>{u.publishedOn && u.reportId ? <a href={`/reports/${u.reportId}`}>{u.publishedOn}</a> : ''}</td>
                  <td>
                    {u.timing === 'not_due' ? (
                      `${u.status === 'locked' ? '已报送，未发布' : '未报送'}（${season.deadline}前）`
                    ) : u.timing === 'on_time' ? (
                      TIMING_NAMES[u.timing]
                    ) : (
                      <span class="tag overdue">{TIMING_NAMES[u.timing]}</span>
                    )}
                  </td>
                  <td class="num">{u.errorCount ?? ''}</td>
                  <td>
                    {u.timing === 'not_due' || u.timing === 'overdue' ? (
                      <form method="post" action="/console/supervision/season/urge" class="inline">
                        <Csrf c={c} />
                        <input type="hidden" name="agencyId" value={String(u.agency.id)} />
                        <input type="hidden" name="year" value={String(year)} />
                        <button type="submit" class="secondary" aria-label={`向${u.agency.name}催报`}>
                          催报
                        </button>
                      </form>
                    ) : null}
                    {u.status === 'locked' && u.reportId ? (
                      <form method="post" action={`/console/supervision/reports/${u.reportId}/return`} class="inline">
                        <Csrf c={c} />
                        <input name="reason" type="text" required aria-label="退回理由" placeholder="退回理由" />
                        <button type="submit" class="secondary">
                          退回修改
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>汇总报告（本级及所属单位合计）</h2>
          {season.findings.length ? (
            <ul>
              {season.findings.map((f) => (
                <li>{f.message}</li>
              ))}
            </ul>
          ) : (
            <p class="ok">汇总报告全部规则通过。</p>
          )}
          <p class="hint">点击表中的数字，查看计入该数字的本级及所属单位记录。</p>
          {raw(
            renderReportBody(season.consolidated, {
              cellLink: (key) =>
                hasCellRecords(season.consolidated.format, key)
                  ? `/console/supervision/season/cells/${encodeURIComponent(key)}?year=${year}`
                  : undefined,
            }),
          )}
        </>,
      );
    });

    /** 查看统计数的来源 of the consolidated report: the records of the supervisor's whole subtree. */
    app.get('/console/supervision/season/cells/:key{[a-z0-9_.]+}', async (c) => {
      const user = supervisor(c);
      const year = z.coerce.number().int().min(2008).max(2100).parse(c.req.query('year'));
      const key = c.req.param('key');
      const format = templateForYear(year);
      if (!keysOf(format).includes(key) || !hasCellRecords(format, key))
        throw new AppError('not_found', '该栏目没有可查看的记录');
      const agencyIds = await countedAgencyIds(deps.db, { agencyId: user.agencyId, countScope: 'subtree' });
      const records = await cellRecords(deps.db, { agencyIds, year, format, key });
      const body = await cellRecordsBody(deps.db, { user, today: deps.clock.today() }, records);
      const name = indicatorName(format, key);
      return consolePage(
        c,
        deps.site,
        `${name} - ${year}年度汇总报告`,
        <>
          <p class="noprint">
            <a href={`/console/supervision/season?year=${year}`}>返回{year}年度报告报送情况</a>
          </p>
          <h1>{`${year}年度汇总报告（本级及所属单位合计）：${name}`}</h1>
          {body}
        </>,
      );
    });

    app.post('/console/supervision/season/urge', async (c) => {
      const user = supervisor(c);
      const f = await c.req.parseBody();
      const year = Number(str(f.year));
      await urgeReport(act, { user, agencyId: Number(str(f.agencyId)), year });
      return c.redirect(`/console/supervision/season?year=${year}`, 303);
    });

    app.post('/console/supervision/reports/:id{[0-9]+}/return', async (c) => {
      const user = supervisor(c);
      const f = await c.req.parseBody();
      const notice = await returnReport(act, { user, reportId: Number(c.req.param('id')), reason: str(f.reason) });
      return c.redirect(`/console/supervision/season?year=${notice.subject.slice(0, 4)}`, 303);
    });

    app.get('/console/notices', async (c) => {
      const user = requireUser(c);
      const list = await noticesFor(deps.db, user.scope === 'all' ? [user.agencyId] : [...user.scope]);
      return consolePage(
        c,
        deps.site,
        '督办事项',
        <>
          <h1>收到的督办事项</h1>
          {list.length === 0 ? <p>暂无督办事项。</p> : null}
          {list.map((n) => (
            <section class="card">
              <h2>{n.subject}</h2>
              <p>{n.body}</p>
              <p>回复期限：{n.replyBy}</p>
              {n.repliedAt ? (
                <p class="ok">已回复：{n.reply}</p>
              ) : (
                <form method="post" action={`/console/notices/${n.id}/reply`}>
                  <Csrf c={c} />
                  <label for={`reply-${n.id}`}>回复</label>
                  <textarea id={`reply-${n.id}`} name="reply" required />
                  <button type="submit">提交回复</button>
                </form>
              )}
            </section>
          ))}
        </>,
      );
    });

    app.post('/console/notices/:id{[0-9]+}/reply', async (c) => {
      const user = requireUser(c);
      const f = await c.req.parseBody();
      if (!str(f.reply)) throw new AppError('bad_input', '请填写回复内容');
      await replyNotice(act, { user, noticeId: Number(c.req.param('id')), reply: str(f.reply) });
      return c.redirect('/console/notices', 303);
    });
  };
}
