/** @jsxImportSource hono/jsx */
/**
 * 依申请公开办理 in the console: the inbox sorted by due date (逾期 / 临期 marks, each due date's
 * explanation), and a case page with its timeline and every action the case allows in its state. Routes
 * validate and call one action each; the version field refuses a stale form. The applicant's files are
 * listed on the case page; only staff handling the case's agency see their names and download them.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { parseInput } from '../../api-input.ts';
import { can, requirePermission } from '../../auth/roles.ts';
import { decideAppeal } from '../../cases/actions/decide-appeal.ts';
import { endConsultation } from '../../cases/actions/end-consultation.ts';
import { extendDeadline } from '../../cases/actions/extend-deadline.ts';
import { lapseCorrection } from '../../cases/actions/lapse-correction.ts';
import { lapseFee } from '../../cases/actions/lapse-fee.ts';
import { readAttachment } from '../../cases/actions/read-attachment.ts';
import { receiveCorrection } from '../../cases/actions/receive-correction.ts';
import { recordAppeal } from '../../cases/actions/record-appeal.ts';
import { recordPayment } from '../../cases/actions/record-payment.ts';
import { replyToApplication } from '../../cases/actions/reply.ts';
import { requestCorrection } from '../../cases/actions/request-correction.ts';
import { sendFeeNotice } from '../../cases/actions/send-fee-notice.ts';
import { startConsultation } from '../../cases/actions/start-consultation.ts';
import { withdrawApplication } from '../../cases/actions/withdraw.ts';
import { ATTACHMENT_KIND_NAMES, formatSize, withoutFilenames } from '../../cases/attachments.ts';
import { buildCaseDocument, documentDocx, documentHtml } from '../../cases/documents/render.ts';
import { documentKinds } from '../../cases/documents/templates.ts';
import { ACTION_NAMES, allowedActions, isDueSoon, isOverdue, STATE_NAMES } from '../../cases/lifecycle.ts';
import { caseDetail, inbox, maskApplicant } from '../../cases/queries.ts';
import type { TransitionInput } from '../../cases/transition.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { downloadHeaders } from '../../files.ts';
import { outcomesOf } from '../../law/outcomes.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv, SessionUser } from '../env.ts';
import { Csrf, consolePage, postRecordAction, str } from './shell.tsx';

const TYPE_NAMES: Record<string, string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_service: '法律服务机构',
  other_org: '其他组织',
};
const CHANNEL_NAMES: Record<string, string> = {
  in_person: '当面',
  post: '邮寄',
  online: '网上',
  email: '电子邮件',
  fax: '传真',
};
const APPEAL_NAMES: Record<string, string> = {
  review: '行政复议',
  litigation_direct: '行政诉讼（未经复议）',
  litigation_after_review: '行政诉讼（复议后）',
};
const APPEAL_OUTCOMES: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

export function consoleCases(deps: { db: Db; clock: Clock; site: string }) {
  const act = { db: deps.db, clock: deps.clock };

  const DueTag = (props: { c: { state: never; dueOn: string } | { state: string; dueOn: string } }) => {
    const today = deps.clock.today();
    const c = props.c as { state: 'received'; dueOn: string };
    if (isOverdue(c, today)) return <span class="tag overdue">逾期</span>;
    if (isDueSoon(c, today)) return <span class="tag soon">临期</span>;
    return null;
  };

  return (app: Hono<AppEnv>) => {
    app.get('/console/cases', async (c) => {
      const user = requireUser(c);
      requirePermission(user, 'case.read', user.agencyId);
      const rows = await inbox(deps.db, user.scope === 'all' ? 'all' : [...user.scope], deps.clock.today());
      return consolePage(
        c,
        deps.site,
        '依申请公开办理',
        <>
          <h1>依申请公开办理（待办 {rows.length} 件，按答复期限排序）</h1>
          <p>
            <a href="/console/cases/new">登记新申请</a>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">答复期限</th>
                <th scope="col">申请人</th>
                <th scope="col">所需信息</th>
                <th scope="col">收到日期</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    {r.dueOn} <DueTag c={r} />
                    <details>
                      <summary>计算依据</summary>
                      <ul>
                        {r.dueExplanation.map((l) => (
                          <li>{l}</li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td>
                    {r.applicantName}（{TYPE_NAMES[r.applicantType]}）
                  </td>
                  <td>
                    <a href={`/console/cases/${r.id}`}>{r.subject}</a>
                  </td>
                  <td>{r.receivedOn}</td>
                  <td>{STATE_NAMES[r.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>,
      );
    });

    app.get('/console/cases/:id{[0-9]+}', async (c) => {
      const user = requireUser(c);
      const d = await caseDetail(deps.db, Number(c.req.param('id')));
      requirePermission(user, 'case.read', d.case.agencyId);
      const k = d.case;
      const handles = can(user, 'case.handle', k.agencyId);
      const shown = handles ? k : maskApplicant(k);
      const files = handles ? d.attachments : withoutFilenames(d.attachments);
      const actions = allowedActions(k.state);
      const Version = () => <input type="hidden" name="version" value={String(k.version)} />;
      const ActionForm = (props: { action: string; children?: unknown; danger?: boolean }) => (
        <form method="post" action={`/console/cases/${k.id}/${props.action}`} class="card">
          <Csrf c={c} />
          <Version />
          <h3>{ACTION_NAMES[props.action.replaceAll('-', '_') as keyof typeof ACTION_NAMES] ?? props.action}</h3>
          {props.children as never}
          <button type="submit" class={props.danger ? 'danger' : ''}>
            确定
          </button>
        </form>
      );
      return consolePage(
        c,
        deps.site,
        `申请 ${k.id}`,
        <>
          <h1>
            申请 {k.id}：{shown.subject}
          </h1>
          <table class="meta">
            <tbody>
              <tr>
                <th scope="row">状态</th>
                <td id="case-state">
                  {STATE_NAMES[k.state]} <DueTag c={k} />
                </td>
              </tr>
              <tr>
                <th scope="row">申请人</th>
                <td>
                  {shown.applicantName}（{TYPE_NAMES[k.applicantType]}） 证件：{shown.idNumber ?? '—'} 电话：
                  {shown.phone ?? '—'} 邮箱：{shown.email ?? '—'}
                </td>
              </tr>
              <tr>
                <th scope="row">收到</th>
                <td>
                  {k.receivedOn}（{CHANNEL_NAMES[k.channel]}）；适用{k.regime === '2019' ? '2019年修订的' : '2007年'}
                  《条例》
                </td>
              </tr>
              <tr>
                <th scope="row">形式要求</th>
                <td>{k.formWanted}</td>
              </tr>
              <tr>
                <th scope="row">答复期限</th>
                <td id="due-on">
                  {k.dueOn}
                  {k.extended ? '（已延期）' : ''}
                  <ul>
                    {k.dueExplanation.map((l) => (
                      <li>{l}</li>
                    ))}
                  </ul>
                </td>
              </tr>
              {k.outcome ? (
                <tr>
                  <th scope="row">办理结果</th>
                  <td>
                    {outcomesOf(k.regime).find((o) => o.code === k.outcome)?.label ?? k.outcome}（{k.outcomeBasis}）{' '}
                    {k.closedOn}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          {can(user, 'case.handle', k.agencyId) ? (
            <section aria-labelledby="actions">
              <h2 id="actions">办理</h2>
              <div class="cards">
                {actions.includes('request_correction') ? (
                  <ActionForm action="request-correction">
                    <label for="what">需要补正的内容</label>
                    <textarea id="what" name="what" required />
                    <label for="deadline">补正期限</label>
                    <input id="deadline" name="deadline" type="date" required />
                  </ActionForm>
                ) : null}
                {actions.includes('receive_correction') ? (
                  <ActionForm action="receive-correction">
                    <label for="corr-on">收到补正日期</label>
                    <input id="corr-on" name="receivedOn" type="date" value={deps.clock.today()} />
                  </ActionForm>
                ) : null}
                {actions.includes('lapse_correction') &&
                k.correctionDeadline &&
                k.correctionDeadline < deps.clock.today() ? (
                  <ActionForm action="lapse-correction" danger />
                ) : null}
                {actions.includes('start_consultation') ? (
                  <ActionForm action="start-consultation">
                    <label for="kind">征求对象</label>
                    <select id="kind" name="kind">
                      <option value="third_party">第三方（第三十二条）</option>
                      <option value="agency">其他机关（第三十四条）</option>
                    </select>
                    <label for="party">名称</label>
                    <input id="party" name="party" type="text" required />
                  </ActionForm>
                ) : null}
                {actions.includes('end_consultation') ? (
                  <ActionForm action="end-consultation">
                    <label for="answered">收到意见日期</label>
                    <input id="answered" name="answeredOn" type="date" value={deps.clock.today()} />
                  </ActionForm>
                ) : null}
                {actions.includes('extend') && !k.extended && can(user, 'case.approve_extension', k.agencyId) ? (
                  <ActionForm action="extend">
                    <label for="reason">延期理由（经政府信息公开工作机构负责人同意，并告知申请人）</label>
                    <textarea id="reason" name="reason" required />
                  </ActionForm>
                ) : null}
                {actions.includes('send_fee_notice') && k.regime === '2019' ? (
                  <ActionForm action="send-fee-notice">
                    <label for="prior">本月此前已申请件数</label>
                    <input id="prior" name="priorInMonth" type="number" value="0" />
                    <label for="count">本申请件数（按件计收）</label>
                    <input id="count" name="count" type="number" value="1" />
                  </ActionForm>
                ) : null}
                {actions.includes('record_payment') ? <ActionForm action="record-payment" /> : null}
                {actions.includes('lapse_fee') && k.feeDueOn && k.feeDueOn < deps.clock.today() ? (
                  <ActionForm action="lapse-fee" danger />
                ) : null}
                {actions.includes('reply') ? (
                  <ActionForm action="reply">
                    <label for="outcome">办理结果</label>
                    <select id="outcome" name="outcome" required>
                      {outcomesOf(k.regime)
                        .filter((o) => o.code !== 'other.no_correction' && o.code !== 'other.fee_unpaid')
                        .map((o) => (
                          <option value={o.code}>
                            {o.label}（{o.basis}）
                          </option>
                        ))}
                    </select>
                    <label for="text">答复要点</label>
                    <textarea id="text" name="text" />
                  </ActionForm>
                ) : null}
                {actions.includes('withdraw') ? <ActionForm action="withdraw" danger /> : null}
                {k.closedOn ? (
                  <form method="post" action={`/console/cases/${k.id}/appeal`} class="card">
                    <Csrf c={c} />
                    <h3>登记行政复议或行政诉讼</h3>
                    <label for="appeal-kind">类型</label>
                    <select id="appeal-kind" name="kind">
                      {Object.entries(APPEAL_NAMES).map(([v, l]) => (
                        <option value={v}>{l}</option>
                      ))}
                    </select>
                    <label for="filed">立案日期</label>
                    <input id="filed" name="filedOn" type="date" required />
                    <button type="submit">登记</button>
                  </form>
                ) : null}
              </div>
            </section>
          ) : null}
          {files.length ? (
            <section aria-labelledby="files">
              <h2 id="files">申请材料（附件 {files.length} 个）</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">类别</th>
                    <th scope="col">文件</th>
                    <th scope="col">大小</th>
                    <th scope="col">SHA-256</th>
                    <th scope="col">收到时间</th>
                  </tr>
                </thead>
                <tbody id="case-files">
                  {files.map((f) => (
                    <tr>
                      <td>{ATTACHMENT_KIND_NAMES[f.kind]}</td>
                      <td>
                        {handles ? (
                          <a href={`/console/cases/${k.id}/attachments/${f.id}`} download>
                            {f.filename}
                          </a>
                        ) : (
                          f.filename
                        )}
                      </td>
                      <td>{formatSize(f.size)}</td>
                      <td>
                        <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code>
                      </td>
                      <td>{f.uploadedAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {handles ? null : <p class="hint">附件含申请人个人信息，仅承办机关的经办人员可以下载。</p>}
            </section>
          ) : null}
          {d.pauses.length ? (
            <section>
              <h2>征求意见</h2>
              <ul>
                {d.pauses.map((p) => (
                  <li>
                    {p.party}：{p.fromOn} 至 {p.toOn ?? `（进行中，意见应于 ${p.replyDueOn} 前返回）`}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {d.appeals.length ? (
            <section>
              <h2>行政复议、行政诉讼</h2>
              <ul>
                {d.appeals.map((a) => (
                  <li>
                    {APPEAL_NAMES[a.kind]}，{a.filedOn} 立案，{APPEAL_OUTCOMES[a.outcome]}
                    {a.decidedOn ? `（${a.decidedOn}）` : ''}
                    {a.outcome === 'pending' && can(user, 'case.handle', k.agencyId) ? (
                      <form method="post" action={`/console/cases/${k.id}/appeal/${a.id}/decide`} class="inline">
                        <Csrf c={c} />
                        <select name="outcome" aria-label="审结结果">
                          <option value="upheld">结果维持</option>
                          <option value="corrected">结果纠正</option>
                          <option value="other">其他结果</option>
                        </select>
                        <input name="decidedOn" type="date" aria-label="审结日期" required />
                        <button type="submit">审结</button>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section>
            <h2>文书</h2>
            <ul>
              {[
                ['receipt', '受理回执'],
                ...(k.correctionRequestedOn ? [['correction', '补正告知书']] : []),
                ...(k.extended ? [['extension', '延期答复告知书']] : []),
                ...(d.pauses.length ? [['consultation', '征求意见书']] : []),
                ...(k.feeNoticeOn ? [['fee', '收费通知书']] : []),
                ...(k.outcome ? [['reply', '答复书']] : []),
              ].map(([kind, label]) => (
                <li>
                  {label}：<a href={`/console/cases/${k.id}/documents/${kind}.html`}>预览打印</a>　
                  <a href={`/console/cases/${k.id}/documents/${kind}.docx`}>下载 Word</a>
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h2>办理过程</h2>
            <ol>
              {d.timeline.map((e) => (
                <li>
                  {e.at.toISOString().slice(0, 16).replace('T', ' ')} {e.action}
                </li>
              ))}
            </ol>
          </section>
        </>,
      );
    });

    const post = (
      path: string,
      run: (i: TransitionInput & { user: SessionUser }, f: Record<string, unknown>) => Promise<unknown>,
    ) =>
      postRecordAction(app, '/console/cases', path, ({ user, id, version, form }) =>
        run({ user, caseId: id, expectedVersion: version }, form),
      );
    post('request-correction', (i, f) =>
      requestCorrection(act, { ...i, deadline: str(f.deadline), what: str(f.what) }),
    );
    post('receive-correction', (i, f) => receiveCorrection(act, { ...i, receivedOn: str(f.receivedOn) || undefined }));
    post('lapse-correction', (i) => lapseCorrection(act, i));
    post('start-consultation', (i, f) =>
      startConsultation(act, { ...i, kind: str(f.kind) === 'agency' ? 'agency' : 'third_party', party: str(f.party) }),
    );
    post('end-consultation', (i, f) => endConsultation(act, { ...i, answeredOn: str(f.answeredOn) || undefined }));
    post('extend', (i, f) => extendDeadline(act, { ...i, reason: str(f.reason) }));
    post('send-fee-notice', (i, f) =>
      sendFeeNotice(act, {
        ...i,
        basis: { mode: 'count', priorInMonth: Number(str(f.priorInMonth)) || 0, count: Number(str(f.count)) || 1 },
      }),
    );
    post('record-payment', (i) => recordPayment(act, i));
    post('lapse-fee', (i) => lapseFee(act, i));
    post('reply', (i, f) => replyToApplication(act, { ...i, outcome: str(f.outcome), text: str(f.text) }));
    post('withdraw', (i) => withdrawApplication(act, i));
    post('appeal', (i, f) => {
      const kind = z.enum(['review', 'litigation_direct', 'litigation_after_review']).safeParse(str(f.kind));
      if (!kind.success) throw new AppError('bad_input', '复议或诉讼类型无效');
      return recordAppeal(act, { user: i.user, caseId: i.caseId, kind: kind.data, filedOn: str(f.filedOn) });
    });
    app.get('/console/cases/:id{[0-9]+}/documents/:file', async (c) => {
      const user = requireUser(c);
      const [kind, ext] = c.req.param('file').split(/\.(?=html$|docx$)/);
      if (
        !(kind === 'reply' || (documentKinds as readonly string[]).includes(kind)) ||
        !['html', 'docx'].includes(ext ?? '')
      ) {
        throw new AppError('not_found', '没有这种文书');
      }
      const doc = await buildCaseDocument(deps.db, {
        caseId: Number(c.req.param('id')),
        kind: kind as 'reply',
        today: deps.clock.today(),
        user,
      });
      if (ext === 'html') return c.html(documentHtml(doc));
      return c.body(new Uint8Array(await documentDocx(doc)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${doc.title}.docx`)}`,
      });
    });

    // An applicant's file: readAttachment lets only staff handling the case's agency have it (and records it).
    app.get('/console/cases/:id{[0-9]+}/attachments/:attachment{[0-9]+}', async (c) => {
      const user = requireUser(c);
      const file = await readAttachment(act, {
        user,
        caseId: Number(c.req.param('id')),
        attachmentId: Number(c.req.param('attachment')),
      });
      return c.body(file.content, 200, downloadHeaders(file));
    });

    app.post('/console/cases/:id{[0-9]+}/appeal/:appeal{[0-9]+}/decide', async (c) => {
      const user = requireUser(c);
      const f = await c.req.parseBody();
      const outcome = parseInput(z.enum(['upheld', 'corrected', 'other']), str(f.outcome));
      await decideAppeal(act, { user, appealId: Number(c.req.param('appeal')), outcome, decidedOn: str(f.decidedOn) });
      return c.redirect(`/console/cases/${c.req.param('id')}`, 303);
    });
  };
}
