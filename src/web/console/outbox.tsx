/** @jsxImportSource hono/jsx */
/**
 * 发送记录 in the console: whether e-mail and SMS to applicants are configured, every message sent, failed or
 * held for the SMS quiet hours (with the reason of a failure), and the agency's wording of each message (通知
 * 模板), which the 政府信息公开工作机构负责人 may change. Routes read the query and call src/notify.
 */
import type { Hono } from 'hono';
import { can, ROLE_PERMISSIONS } from '../../auth/roles.ts';
import { registerScope } from '../../cases/register.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { notificationChannels, notificationStatuses } from '../../db/schema/notifications.ts';
import { AppError } from '../../errors.ts';
import { saveNoticeTemplate } from '../../notify/actions/save-notice-template.ts';
import type { Notifier } from '../../notify/notifier.ts';
import { listOutbox, noticeTemplates } from '../../notify/outbox.ts';
import { CHANNEL_NAMES, EVENT_NAMES, NOTICE_PLACEHOLDERS } from '../../notify/templates.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage, str } from './shell.tsx';

const STATUS_NAMES: Record<string, string> = { sent: '已发送', failed: '发送失败', held: '待发送（免打扰时段）' };

export function consoleOutbox(deps: { db: Db; clock: Clock; site: string; notifier?: Notifier }) {
  const act = { db: deps.db, clock: deps.clock };
  const time = (d: Date | null) => (d ? d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');

  return (app: Hono<AppEnv>) => {
    app.get('/console/outbox', async (c) => {
      const user = requireUser(c);
      if (!ROLE_PERMISSIONS[user.role].has('case.read')) throw new AppError('forbidden', '您没有查看发送记录的权限');
      const q = c.req.query();
      const status = (notificationStatuses as readonly string[]).includes(q.status ?? '') ? q.status : undefined;
      const channel = (notificationChannels as readonly string[]).includes(q.channel ?? '') ? q.channel : undefined;
      const result = await listOutbox(deps.db, registerScope(user), {
        status: status as never,
        channel: channel as never,
        page: Number(q.page) || 1,
      });
      const on = deps.notifier?.channels ?? { email: false, sms: false };
      return consolePage(
        c,
        deps.site,
        '发送记录',
        <>
          <h1>发送记录（告知申请人）</h1>
          <p id="notify-status">
            电子邮件：{on.email ? '已开启' : '未开启'}；短信：{on.sms ? '已开启' : '未开启'}。
            {on.email || on.sms
              ? '收到申请、告知补正、延长答复期限、收费通知和答复时自动告知申请人。'
              : '未配置邮件服务器和短信服务，不会发送通知（由系统管理员在运行环境中设置 GONGKAI_SMTP_URL、GONGKAI_SMS_PROVIDER 等）。'}
          </p>
          <p>
            <a href="/console/outbox/templates">通知模板</a>
          </p>
          <form method="get" action="/console/outbox" class="card filters">
            <span class="filter">
              <label for="f-status">状态</label>
              <select id="f-status" name="status">
                <option value="">全部</option>
                {notificationStatuses.map((s) => (
                  <option value={s} selected={status === s}>
                    {STATUS_NAMES[s]}
                  </option>
                ))}
              </select>
            </span>
            <span class="filter">
              <label for="f-channel">方式</label>
              <select id="f-channel" name="channel">
                <option value="">全部</option>
                {notificationChannels.map((ch) => (
                  <option value={ch} selected={channel === ch}>
                    {CHANNEL_NAMES[ch]}
                  </option>
                ))}
              </select>
            </span>
            <span class="filter">
              <button type="submit">查询</button>
            </span>
          </form>
          <p id="outbox-total">共 {result.total} 条。</p>
          <section class="table-scroll" tabindex={0} aria-label="发送记录">
            <table id="outbox">
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">受理编号</th>
                  <th scope="col">事项</th>
                  <th scope="col">方式</th>
                  <th scope="col">收件人</th>
                  <th scope="col">状态</th>
                  <th scope="col">内容或原因</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr>
                    <td>{time(r.sentAt ?? r.createdAt)}</td>
                    <td>
                      <a href={`/console/cases/${r.caseId}`}>{r.caseNumber}</a>
                    </td>
                    <td>{EVENT_NAMES[r.event]}</td>
                    <td>{CHANNEL_NAMES[r.channel]}</td>
                    <td>{r.recipient}</td>
                    <td>
                      {r.status === 'failed' ? (
                        <span class="tag overdue">{STATUS_NAMES.failed}</span>
                      ) : (
                        STATUS_NAMES[r.status]
                      )}
                      {r.status === 'held' ? `，${time(r.sendAfter)} 后发送` : ''}
                    </td>
                    <td>
                      {r.error ? <strong>{r.error}</strong> : null}
                      {r.subject ? <div>{r.subject}</div> : null}
                      {r.body ? (
                        <details>
                          <summary>正文</summary>
                          <pre class="message">{r.body}</pre>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <nav aria-label="分页" class="pager">
            {result.page > 1 ? <a href={`/console/outbox?page=${result.page - 1}`}>上一页</a> : null} 第 {result.page} /{' '}
            {result.pages} 页{' '}
            {result.page < result.pages ? <a href={`/console/outbox?page=${result.page + 1}`}>下一页</a> : null}
          </nav>
        </>,
      );
    });

    app.get('/console/outbox/templates', async (c) => {
      const user = requireUser(c);
      if (!ROLE_PERMISSIONS[user.role].has('case.read')) throw new AppError('forbidden', '您没有查看通知模板的权限');
      const editable = can(user, 'case.approve_extension', user.agencyId);
      const list = await noticeTemplates(deps.db, user.agencyId);
      return consolePage(
        c,
        deps.site,
        '通知模板',
        <>
          <h1>通知模板（告知申请人的邮件和短信）</h1>
          <p class="hint">
            可用占位符：{NOTICE_PLACEHOLDERS.map((p) => `{{${p}}}`).join('、')}
            。短信服务（阿里云）只发送已审核的模板，短信的“模板代码”填写审核通过的模板代码（如
            SMS_123456789），模板中的变量为
            code（查询码）、agency（受理机关）、received、due、correctionDue、fee、feeDue、outcome。
            {editable ? '' : '修改模板需政府信息公开工作机构负责人权限。'}
          </p>
          {list.map((t) => {
            const id = `${t.channel}-${t.event}`;
            return (
              <form method="post" action="/console/outbox/templates" class="card" aria-labelledby={`h-${id}`}>
                <h2 id={`h-${id}`}>
                  {EVENT_NAMES[t.event]}（{CHANNEL_NAMES[t.channel]}）{t.own ? '：本机关模板' : '：系统默认'}
                </h2>
                <Csrf c={c} />
                <input type="hidden" name="channel" value={t.channel} />
                <input type="hidden" name="event" value={t.event} />
                <input type="hidden" name="version" value={t.version} />
                <label for={`title-${id}`}>{t.channel === 'email' ? '邮件标题' : '模板代码'}</label>
                <input
                  id={`title-${id}`}
                  name="title"
                  type="text"
                  value={t.title}
                  maxlength={200}
                  disabled={!editable}
                />
                <label for={`body-${id}`}>正文</label>
                <textarea id={`body-${id}`} name="body" rows={t.channel === 'email' ? 8 : 3} disabled={!editable}>
                  {t.body}
                </textarea>
                {editable ? <button type="submit">保存</button> : null}
              </form>
            );
          })}
        </>,
      );
    });

    app.post('/console/outbox/templates', async (c) => {
      const user = requireUser(c);
      const form = await c.req.parseBody();
      await saveNoticeTemplate(act, {
        user,
        agencyId: user.agencyId,
        channel: str(form.channel) as never,
        event: str(form.event) as never,
        title: str(form.title),
        body: str(form.body),
        version: str(form.version),
      });
      return c.redirect('/console/outbox/templates', 303);
    });
  };
}
