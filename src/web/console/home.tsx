/** @jsxImportSource hono/jsx */
/** The console's first page, the audit log (操作日志) and the working-day calendar administration. */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../auth/roles.ts';
import { calendarWarnings, listCalendarYears, saveCalendarYear } from '../../calendar-store/index.ts';
import { type Clock, shanghaiTime } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { isAppError } from '../../errors.ts';
import { workbenchCounts } from '../../workbench/counts.ts';
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
  replace: z.literal('1').optional(),
});

export function consoleHome(deps: { db: Db; clock: Clock; site: string }) {
  return (app: Hono<AppEnv>) => {
    app.get('/console', async (c) => {
      const user = requireUser(c);
      const [warnings, counts] = await Promise.all([
        calendarWarnings(deps.db, deps.clock),
        workbenchCounts(deps.db, user, deps.clock.today()),
      ]);
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
          <ul class="cards" id="workbench-counts" aria-label="我的待办">
            {counts.open !== null ? (
              <li class="card">
                <a href="/console/cases">
                  待办申请 <strong id="count-open">{counts.open}</strong> 件
                </a>
              </li>
            ) : null}
            {counts.overdue !== null ? (
              <li class="card">
                <a href="/console/register?overdue=open">
                  逾期 <strong id="count-overdue">{counts.overdue}</strong> 件
                </a>
                ，临期（5日内） <strong id="count-due-soon">{counts.dueSoon}</strong> 件
              </li>
            ) : null}
            {counts.inReview !== null ? (
              <li class="card">
                <a href="/console/review">
                  待审核信息 <strong id="count-review">{counts.inReview}</strong> 条
                </a>
              </li>
            ) : null}
            {counts.notices ? (
              <li class="card">
                <a href="/console/supervision">
                  待回复督办 <strong id="count-notices">{counts.notices.open}</strong> 件
                </a>
                {counts.notices.late ? `，其中 ${counts.notices.late} 件已过回复期限` : ''}
              </li>
            ) : null}
          </ul>
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

    /** The calendar page; after a refused save, what was typed and why, beside the form. */
    const calendarPage = async (
      c: Context<AppEnv>,
      typed?: Record<string, string>,
      error?: string,
      status: 200 | 400 | 409 = 200,
    ) => {
      const v = typed ?? {};
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
            {error ? (
              <p class="error" role="alert" id="calendar-error">
                {error}
              </p>
            ) : null}
            <label for="cal-year">年份</label>
            <input id="cal-year" name="year" type="number" required value={v.year ?? ''} />
            <label for="cal-notice">通知文号</label>
            <input
              id="cal-notice"
              name="notice"
              type="text"
              required
              placeholder="国办发明电〔2026〕X号"
              value={v.notice ?? ''}
            />
            <label for="cal-holidays">放假日期（YYYY-MM-DD，以空格或逗号分隔，含假期中的周末）</label>
            <textarea id="cal-holidays" name="holidays" required>
              {v.holidays ?? ''}
            </textarea>
            <label for="cal-makeup">调休上班日期（周末上班的日期）</label>
            <textarea id="cal-makeup" name="makeupWorkdays">
              {v.makeupWorkdays ?? ''}
            </textarea>
            <p>
              <input id="cal-replace" name="replace" type="checkbox" value="1" />{' '}
              <label for="cal-replace" class="inline">
                覆盖已录入的安排（该年份已有安排时须勾选）
              </label>
            </p>
            <p>
              <button type="submit">保存</button>
            </p>
          </form>
        </>,
        status,
      );
    };

    app.get('/console/calendar', async (c) => {
      requireUser(c);
      return calendarPage(c);
    });

    app.post('/console/calendar', async (c) => {
      const user = requireUser(c);
      requirePermission(user, 'calendar.edit', user.agencyId);
      const body = await c.req.parseBody();
      const typed = Object.fromEntries(
        ['year', 'notice', 'holidays', 'makeupWorkdays'].map((k) => [k, typeof body[k] === 'string' ? body[k] : '']),
      );
      const parsed = calendarForm.safeParse(body);
      if (!parsed.success) return calendarPage(c, typed, parsed.error.issues[0].message, 400);
      const f = parsed.data;
      try {
        await saveCalendarYear(deps.db, {
          actorId: user.id,
          clock: deps.clock,
          year: {
            year: f.year,
            notice: f.notice,
            holidays: dates(f.holidays),
            makeupWorkdays: dates(f.makeupWorkdays),
          },
          replaceExisting: f.replace === '1',
        });
      } catch (error) {
        if (isAppError(error) && (error.code === 'conflict' || error.code === 'bad_input'))
          return calendarPage(c, typed, error.message, error.code === 'conflict' ? 409 : 400);
        throw error;
      }
      return c.redirect('/console/calendar', 303);
    });
  };
}
