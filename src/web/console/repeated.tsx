/** @jsxImportSource hono/jsx */
/**
 * 高频申请事项: subjects asked for more than once in a period within the user's agencies — candidates to publish
 * proactively (《条例》第四十四条). Each links to the 登记台账 searched for it. Routes call src/cases/repeated-subjects.ts.
 */
import type { Hono } from 'hono';
import { ROLE_PERMISSIONS } from '../../auth/roles.ts';
import { repeatedSubjects } from '../../cases/repeated-subjects.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { addDays } from '../../law/dates.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { consolePage } from './shell.tsx';

const day = (v: string | undefined, fallback: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : fallback);

export function consoleRepeated(deps: { db: Db; clock: Clock; site: string }) {
  return (app: Hono<AppEnv>) => {
    app.get('/console/repeated', async (c) => {
      const user = requireUser(c);
      if (!ROLE_PERMISSIONS[user.role].has('case.read'))
        throw new AppError('forbidden', '您没有查看依申请公开事项的权限');
      const today = deps.clock.today();
      const from = day(c.req.query('from'), addDays(today, -365));
      const to = day(c.req.query('to'), today);
      const rows = await repeatedSubjects(deps.db, { agencyIds: user.scope, from, to });
      return consolePage(
        c,
        deps.site,
        '高频申请事项',
        <>
          <h1>高频申请事项</h1>
          <p>
            多个申请人申请公开相同政府信息，且该信息可以公开的，可以纳入主动公开的范围（《条例》第四十四条）。以下为
            {from}至{to}收到两次以上的申请事项。
          </p>
          <form method="get" action="/console/repeated" class="card filters">
            <span class="filter">
              <label for="r-from">收到日期自</label>
              <input id="r-from" name="from" type="date" value={from} />
            </span>
            <span class="filter">
              <label for="r-to">至</label>
              <input id="r-to" name="to" type="date" value={to} />
            </span>
            <span class="filter">
              <button type="submit">查询</button>
            </span>
          </form>
          <div class="table-scroll">
            <table id="repeated">
              <thead>
                <tr>
                  <th scope="col">申请事项</th>
                  <th scope="col">申请次数</th>
                  <th scope="col">申请人数</th>
                  <th scope="col">最近收到</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`/console/register?q=${encodeURIComponent(r.subject)}`}>{r.subject}</a>
                    </td>
                    <td>{r.count}</td>
                    <td>{r.applicants}</td>
                    <td>{r.latest}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length ? null : <p>所选期间没有重复申请的事项。</p>}
        </>,
      );
    });
  };
}
