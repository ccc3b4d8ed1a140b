/** @jsxImportSource hono/jsx */
/**
 * 协办事项: the 协办函 other agencies sent to the user's agencies, waiting for an answer (earliest due first), each
 * with the application's subject and the request — not the applicant's personal data — and a form to answer.
 * Routes call src/cases/assists.ts and src/cases/actions/answer-assist.ts.
 */
import type { Hono } from 'hono';
import { ROLE_PERMISSIONS } from '../../auth/roles.ts';
import { answerAssist } from '../../cases/actions/answer-assist.ts';
import { openAssistsFor } from '../../cases/assists.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage, str } from './shell.tsx';

export function consoleAssists(deps: { db: Db; clock: Clock; site: string }) {
  const act = { db: deps.db, clock: deps.clock };
  return (app: Hono<AppEnv>) => {
    app.get('/console/assists', async (c) => {
      const user = requireUser(c);
      if (!ROLE_PERMISSIONS[user.role].has('case.handle')) throw new AppError('forbidden', '您没有办理协办事项的权限');
      const rows = await openAssistsFor(deps.db, user.scope);
      const today = deps.clock.today();
      return consolePage(
        c,
        deps.site,
        '协办事项',
        <>
          <h1>协办事项</h1>
          <p id="assists-total">待答复的协办函 {rows.length} 件。协办意见由承办机关用于答复申请人。</p>
          {rows.map((a) => (
            <form method="post" action={`/console/assists/${a.id}/answer`} class="card" id={`assist-${a.id}`}>
              <Csrf c={c} />
              <h2>
                {a.fromAgency}协办函（{a.sentOn}）
              </h2>
              <p>申请内容：{a.subject}</p>
              <p>协办事项：{a.request}</p>
              <p>
                答复期限：{a.answerBy}
                {a.answerBy < today ? <span class="tag overdue">已超期</span> : null}
              </p>
              <label for={`answer-${a.id}`}>协办意见</label>
              <textarea id={`answer-${a.id}`} name="answer" required />
              <button type="submit">答复</button>
            </form>
          ))}
        </>,
      );
    });
    app.post('/console/assists/:id{[0-9]+}/answer', async (c) => {
      const form = await c.req.parseBody();
      await answerAssist(act, { user: requireUser(c), assistId: Number(c.req.param('id')), answer: str(form.answer) });
      return c.redirect('/console/assists', 303);
    });
  };
}
