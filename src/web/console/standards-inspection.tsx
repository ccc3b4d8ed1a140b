/** @jsxImportSource hono/jsx */
/**
 * 检查指标自查: each unit the user oversees (a supervisor's subtree, an administrator's all, else the own unit),
 * judged on the day against the 单项否决 items of 国办秘函〔2019〕19号 the platform can see
 * (src/standards/self-check.ts): stale and empty columns of its published catalog.
 */
import type { Hono } from 'hono';
import { can } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { sendInspectionNotice } from '../../standards/actions/send-inspection-notice.ts';
import { CARD_NAMES } from '../../standards/inspection.ts';
import { selfCheck } from '../../standards/self-check.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage } from './shell.tsx';

export function consoleInspection(deps: { db: Db; clock: Clock; site: string }) {
  return (app: Hono<AppEnv>) => {
    app.get('/console/standards/inspection', async (c) => {
      const user = requireUser(c);
      const ids =
        user.scope === 'all' ? (await deps.db.select({ id: agencies.id }).from(agencies)).map((a) => a.id) : user.scope;
      const today = deps.clock.today();
      const units = await selfCheck(deps.db, ids, today);
      const failing = units.filter((u) => u.veto).length;
      const count = (card: string) => units.filter((u) => u.card === card).length;
      const mayUrge = (agencyId: number) => agencyId !== user.agencyId && can(user, 'supervision.read', agencyId);
      return consolePage(
        c,
        deps.site,
        '检查指标自查',
        <>
          <h1>政府网站检查指标自查</h1>
          <p>
            依据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）的单项否决项，按本平台发布的政府信息公开目录于
            {today}
            自查：动态类栏目2周、通知公告和政策文件类栏目6个月未更新，空白栏目5个及以上（单项否决，红牌）；依申请公开逾期未答复、政策解读未同步发布、站内链接指向未公开的信息（待整改，黄牌）。留言办理、网站可用性等须另行检查。每周一自动自查一次。
          </p>
          <p id="inspection-summary">
            共 {units.length} 个单位，{failing} 个单位触及单项否决；红牌 {count('red')}，黄牌 {count('yellow')}，绿牌{' '}
            {count('green')}。
          </p>
          <div class="table-scroll">
            <table id="inspection">
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  <th scope="col">结论</th>
                  <th scope="col">发现的问题</th>
                  <th scope="col">督办</th>
                </tr>
              </thead>
              <tbody>
                {units.map((u) => (
                  <tr>
                    <td>{u.agencyName}</td>
                    <td id={`card-${u.agencyId}`}>
                      <span class={`tag ${u.card === 'red' ? 'overdue' : u.card === 'yellow' ? 'soon' : 'ok'}`}>
                        {CARD_NAMES[u.card]}
                      </span>{' '}
                      {u.why}
                    </td>
                    <td>
                      {u.findings.length ? (
                        <details>
                          <summary>{u.findings.length} 项</summary>
                          <ul>
                            {u.findings.map((f) => (
                              <li>{f.message}</li>
                            ))}
                          </ul>
                        </details>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {u.card !== 'green' && mayUrge(u.agencyId) ? (
                        <form
                          method="post"
                          action={`/console/standards/inspection/${u.agencyId}/notice`}
                          class="inline"
                        >
                          <Csrf c={c} />
                          <button type="submit" class="secondary" aria-label={`向${u.agencyName}发送督办`}>
                            发送督办
                          </button>
                        </form>
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

    app.post('/console/standards/inspection/:agency{[0-9]+}/notice', async (c) => {
      const user = requireUser(c);
      await sendInspectionNotice(deps, { user, agencyId: Number(c.req.param('agency')) });
      return c.redirect('/console/supervision', 303);
    });
  };
}
