/** @jsxImportSource hono/jsx */
/** The console's first page, the audit log (操作日志) and the working-day calendar administration. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../auth/roles.ts';
import { calendarWarnings, listCalendarYears, saveCalendarYear } from '../../calendar-store/index.ts';
import { type Clock, shanghaiTime } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { requireUser, roleName } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage } from './shell.tsx';

const dates = (text: string) =>
  text
    .split(/[\s,，、;；]+/)
    .map((d) => d.trim())
    .filter(Boolean);

const calendarForm = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  notice: z.string().trim().min(4, '请填写国务院办公厅通知的文号或标题').max(200),
  holidays: z.string().max(5000),
  makeupWorkdays: z.string().max(2000).default(''),
});

export function consoleHome(deps: { db: Db; clock: Clock; site: string }) {
  return (app: Hono<AppEnv>) => {
    app.get('/console', async (c) => {
      const user = requireUser(c);
      const warnings = await calendarWarnings(deps.db, deps.clock);
      return consolePage(
        c,
        deps.site,
        '工作台',
        <>
          <h1>工作台</h1>
          <p>
            {user.displayName}（{roleName(user)}）
          </p>
          {warnings.map((w) => (
            <p class={w.level === 'info' ? 'ok' : 'warn'} role="status">
              {w.message}
            </p>
          ))}
          <div class="cards">
            <a class="card" href="/console/cases">
              <h2>依申请公开办理</h2>
              <p>按答复期限排序的待办申请，临期和逾期标记。</p>
            </a>
            <a class="card" href="/console/catalog">
              <h2>主动公开目录</h2>
              <p>编辑、送审、发布政府信息。</p>
            </a>
            <a class="card" href="/console/reports">
              <h2>年度报告</h2>
              <p>统计表自动计算，校验、锁定、发布。</p>
            </a>
            <a class="card" href="/console/audit">
              <h2>操作日志</h2>
              <p>每一次状态变更的记录。</p>
            </a>
          </div>
        </>,
      );
    });

    app.get('/console/audit', async (c) => {
      const user = requireUser(c);
      requirePermission(user, 'audit.read', user.agencyId);
      const events = await listAudit(deps.db, {
        agencyIds: user.scope === 'all' ? undefined : [...user.scope],
        limit: 200,
      });
      return consolePage(
        c,
        deps.site,
        '操作日志',
        <>
          <h1>操作日志</h1>
          <table>
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">操作人</th>
                <th scope="col">操作</th>
                <th scope="col">对象</th>
                <th scope="col">详情</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr>
                  <td>{shanghaiTime(e.at, 'second')}</td>
                  <td>{e.actorId ?? '系统'}</td>
                  <td>{e.action}</td>
                  <td>
                    {e.entityType} {e.entityId}
                  </td>
                  <td>
                    <code>{JSON.stringify(e.data).slice(0, 200)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>,
      );
    });

    app.get('/console/calendar', async (c) => {
      requireUser(c);
      const years = await listCalendarYears(deps.db);
      const warnings = await calendarWarnings(deps.db, deps.clock);
      return consolePage(
        c,
        deps.site,
        '工作日历',
        <>
          <h1>工作日历（法定节假日与调休）</h1>
          {warnings.map((w) => (
            <p class={w.level === 'info' ? 'ok' : 'warn'}>{w.message}</p>
          ))}
          <table>
            <thead>
              <tr>
                <th scope="col">年份</th>
                <th scope="col">依据</th>
                <th scope="col">放假天数</th>
                <th scope="col">调休上班日</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr>
                  <td>{y.year}</td>
                  <td>{y.notice}</td>
                  <td class="num">{y.holidays.length}</td>
                  <td>{y.makeupWorkdays.join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>录入或修改一年的安排</h2>
          <p class="hint">
            国务院办公厅发布次年《部分节假日安排的通知》后录入。保存后，所有未办结申请的答复期限按新日历重新计算。
          </p>
          <form method="post" action="/console/calendar">
            <Csrf c={c} />
            <label for="cal-year">年份</label>
            <input id="cal-year" name="year" type="number" required />
            <label for="cal-notice">通知文号</label>
            <input id="cal-notice" name="notice" type="text" required placeholder="国办发明电〔2026〕X号" />
            <label for="cal-holidays">放假日期（YYYY-MM-DD，以空格或逗号分隔，含假期中的周末）</label>
            <textarea id="cal-holidays" name="holidays" required />
            <label for="cal-makeup">调休上班日期（周末上班的日期）</label>
            <textarea id="cal-makeup" name="makeupWorkdays" />
            <p>
              <button type="submit">保存</button>
            </p>
          </form>
        </>,
      );
    });

    app.post('/console/calendar', async (c) => {
      const user = requireUser(c);
      requirePermission(user, 'calendar.edit', user.agencyId);
      const parsed = calendarForm.safeParse(await c.req.parseBody());
      if (!parsed.success) throw new AppError('bad_input', parsed.error.issues[0].message);
      const f = parsed.data;
      await saveCalendarYear(deps.db, {
        actorId: user.id,
        clock: deps.clock,
        year: { year: f.year, notice: f.notice, holidays: dates(f.holidays), makeupWorkdays: dates(f.makeupWorkdays) },
      });
      return c.redirect('/console/calendar', 303);
    });
  };
}
