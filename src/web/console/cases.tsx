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
import { agencyChoices } from '../../auth/actions/list-agencies.ts';
import { can, ROLE_PERMISSIONS, requirePermission } from '../../auth/roles.ts';
import { assignHandler, handlerCandidates } from '../../cases/actions/assign-handler.ts';
import { correctReply } from '../../cases/actions/correct-reply.ts';
import { decideAppeal } from '../../cases/actions/decide-appeal.ts';
import { endConsultation } from '../../cases/actions/end-consultation.ts';
import { extendDeadline } from '../../cases/actions/extend-deadline.ts';
import { lapseCorrection } from '../../cases/actions/lapse-correction.ts';
import { lapseFee } from '../../cases/actions/lapse-fee.ts';
import { readAttachment } from '../../cases/actions/read-attachment.ts';
import { receiveCorrection } from '../../cases/actions/receive-correction.ts';
import { recordAppeal } from '../../cases/actions/record-appeal.ts';
import { recordConsultationReceipt } from '../../cases/actions/record-consultation-receipt.ts';
import { recordDelivery } from '../../cases/actions/record-delivery.ts';
import { recordDeliverySigned } from '../../cases/actions/record-delivery-signed.ts';
import { recordFeeNoticeReceipt } from '../../cases/actions/record-fee-notice-receipt.ts';
import { recordPayment } from '../../cases/actions/record-payment.ts';
import { replyToApplication } from '../../cases/actions/reply.ts';
import { requestAssist } from '../../cases/actions/request-assist.ts';
import { requestCorrection } from '../../cases/actions/request-correction.ts';
import { returnTransfer } from '../../cases/actions/return-transfer.ts';
import { sendFeeNotice } from '../../cases/actions/send-fee-notice.ts';
import { setReasonablePeriod } from '../../cases/actions/set-reasonable-period.ts';
import { signForCase } from '../../cases/actions/sign-for-case.ts';
import { startConsultation } from '../../cases/actions/start-consultation.ts';
import { transferCase } from '../../cases/actions/transfer-case.ts';
import { withdrawApplication } from '../../cases/actions/withdraw.ts';
import { assistsOfCase } from '../../cases/assists.ts';
import { ATTACHMENT_KIND_NAMES, formatSize, withoutFilenames } from '../../cases/attachments.ts';
import { DELIVERY_METHOD_NAMES, listDeliveries } from '../../cases/deliveries.ts';
import { buildCaseDocument, DOCUMENT_HTML_CSP, documentDocx, documentHtml } from '../../cases/documents/render.ts';
import { documentKinds } from '../../cases/documents/templates.ts';
import { ACTION_NAMES, allowedActions, isDueSoon, isOverdue, STATE_NAMES } from '../../cases/lifecycle.ts';
import { ACTION_EVENTS, type CaseEventListener } from '../../cases/notify-events.ts';
import { caseDetail, inbox, maskApplicant } from '../../cases/queries.ts';
import type { TransitionInput } from '../../cases/transition.ts';
import { similarPublished } from '../../catalog/similar.ts';
import { type Clock, shanghaiTime } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { downloadHeaders } from '../../files.ts';
import { outcome, outcomesOf } from '../../law/outcomes.ts';
import { requireUser } from '../auth.tsx';
import { DueDate } from '../components/due-date.tsx';
import { SimilarPublished } from '../components/similar-published.tsx';
import type { AppEnv, SessionUser } from '../env.ts';
import { Csrf, consolePage, postRecordAction, str } from './shell.tsx';

export const TYPE_NAMES: Record<string, string> = {
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
/** Timeline events that are not lifecycle actions, by their audit name. */
const EVENT_NAMES: Record<string, string> = {
  'case.received': '收到申请',
  'case.due_recomputed': '工作日历变更，期限重新计算',
  'case.due_reminder': '临期提醒',
  'case.overdue_reminder': '逾期提醒',
  'case.attachment_read': '查阅申请人附件',
};
const APPEAL_OUTCOMES: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

export function consoleCases(deps: { db: Db; clock: Clock; site: string; onCaseEvent?: CaseEventListener }) {
  const act = { db: deps.db, clock: deps.clock };

  const DueTag = (props: { c: { state: string; dueOn: string } }) => {
    const today = deps.clock.today();
    const c = props.c;
    if (c.state === 'awaiting_correction')
      return (
        <span class="tag provisional" title="《条例》第三十条：答复期限自收到补正之日起计算">
          期限中止
        </span>
      );
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
          {ROLE_PERMISSIONS[user.role].has('case.handle') ? (
            <p>
              <a href="/console/cases/new">登记新申请</a>
            </p>
          ) : null}
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
                    <DueDate on={r.dueOn} provisional={r.dueProvisional} /> <DueTag c={r} />
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
      // A case transferred here and not yet signed for offers 签收, 退回 and 撤回 only (src/cases/transition.ts).
      const awaitingSignFor = k.transferredFrom !== null && k.signedForOn === null;
      const actions = allowedActions(k.state).filter((a) =>
        awaitingSignFor
          ? ['sign_for', 'return_transfer', 'withdraw'].includes(a)
          : a !== 'sign_for' && a !== 'return_transfer',
      );
      const agencyList = await agencyChoices(deps.db);
      const assists = await assistsOfCase(deps.db, k.id);
      const openConsultations = d.pauses.filter((p) => p.toOn === null);
      const deliveries = await listDeliveries(deps.db, k.id);
      const candidates = await handlerCandidates(deps.db, [k.agencyId]);
      const handlerName =
        k.handlerId === null
          ? null
          : (candidates.find((u) => u.id === k.handlerId)?.displayName ?? `用户 ${k.handlerId}`);
      const Version = () => <input type="hidden" name="version" value={String(k.version)} />;
      const ActionForm = (props: { action: string; children?: unknown; danger?: boolean; confirm?: string }) => (
        <form method="post" action={`/console/cases/${k.id}/${props.action}`} class="card">
          <Csrf c={c} />
          <Version />
          <h3>{ACTION_NAMES[props.action.replaceAll('-', '_') as keyof typeof ACTION_NAMES] ?? props.action}</h3>
          {props.children as never}
          {/* An action that cannot be undone asks to be confirmed (the browser will not send the form without it). */}
          {props.confirm ? (
            <label>
              <input type="checkbox" name="confirmed" value="1" required /> {props.confirm}
            </label>
          ) : null}
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
                <th scope="row">承办人</th>
                <td id="case-handler">
                  {handlerName ?? '未指定'}
                  {handles ? (
                    <form method="post" action={`/console/cases/${k.id}/handler`} class="inline">
                      <Csrf c={c} /> <label for="handlerId">改为</label>
                      <select id="handlerId" name="handlerId">
                        <option value="">（未指定）</option>
                        {candidates.map((u) => (
                          <option value={String(u.id)} selected={u.id === k.handlerId}>
                            {u.displayName}
                          </option>
                        ))}
                      </select>
                      <button type="submit">指定承办人</button>
                    </form>
                  ) : null}
                </td>
              </tr>
              <tr>
                <th scope="row">答复期限</th>
                <td id="due-on">
                  <DueDate on={k.dueOn} provisional={k.dueProvisional} />
                  {k.extended
                    ? `（已延期${k.extensionDays ?? (k.regime === '2019' ? 20 : 15)}个工作日，${
                        k.extensionNotifiedOn ? `${k.extensionNotifiedOn}告知申请人` : '告知申请人日期未登记'
                      }）`
                    : ''}
                  {k.reasonableDueOn ? `（第三十五条确定的合理期限，${k.reasonableSetOn}告知申请人）` : ''}
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
              {k.state === 'replied' && k.closedOn ? (
                <tr>
                  <th scope="row">送达</th>
                  <td id="deliveries">
                    {deliveries.length ? (
                      <ul>
                        {deliveries.map((v) => (
                          <li>
                            {DELIVERY_METHOD_NAMES[v.method]}
                            {v.trackingNumber ? ` ${v.trackingNumber}` : ''}，
                            {v.method === 'ems' || v.method === 'registered_mail' ? '交邮' : '送达'}
                            {v.sentOn}
                            {v.signedOn ? `，${v.signedOn}签收` : '，签收日期未登记'}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      '尚未登记送达'
                    )}
                    <p>
                      答复日期{k.closedOn}，答复期限{k.dueOn}：
                      {k.closedOn <= k.dueOn ? '按期答复' : <span class="tag overdue">逾期答复</span>}
                    </p>
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          {handles && !k.closedOn ? (
            <SimilarPublished
              id="similar"
              items={await similarPublished(deps.db, { subject: k.subject, today: deps.clock.today() })}
              intro="申请的信息已主动公开的，可告知申请人获取该信息的方式、途径（《条例》第三十六条第（一）项），答复“予以公开”。"
            />
          ) : null}
          {can(user, 'case.handle', k.agencyId) ? (
            <section aria-labelledby="actions">
              <h2 id="actions">办理</h2>
              {awaitingSignFor ? (
                <p class="warn" id="awaiting-sign-for">
                  本申请由{agencyList.find((a) => a.id === k.transferredFrom)?.label.trim() ?? '其他机关'}
                  转办，待签收。签收后方可办理；不属于本机关的，请写明理由退回。答复期限自转办之日起计算。
                </p>
              ) : null}
              <div class="cards">
                {actions.includes('sign_for') ? (
                  <ActionForm action="sign-for">
                    <label for="signed-for-on">签收日期</label>
                    <input id="signed-for-on" name="signedOn" type="date" value={deps.clock.today()} required />
                  </ActionForm>
                ) : null}
                {actions.includes('return_transfer') ? (
                  <ActionForm action="return-transfer" danger>
                    <label for="return-reason">退回理由</label>
                    <textarea id="return-reason" name="reason" required />
                  </ActionForm>
                ) : null}
                {actions.includes('request_assist') ? (
                  <ActionForm action="request-assist">
                    <p class="hint">请本级政府的其他机关协助提供情况；协办期间答复期限照常计算。</p>
                    <label for="assist-to">协办机关</label>
                    <select id="assist-to" name="toAgencyId" required>
                      <option value="">请选择</option>
                      {agencyList
                        .filter((a) => a.id !== k.agencyId)
                        .map((a) => (
                          <option value={String(a.id)}>{a.label}</option>
                        ))}
                    </select>
                    <label for="assist-request">协办事项</label>
                    <textarea id="assist-request" name="request" required />
                    <label for="assist-by">协办答复期限</label>
                    <input id="assist-by" name="answerBy" type="date" required />
                  </ActionForm>
                ) : null}
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
                  <ActionForm action="lapse-correction" danger confirm="视为放弃申请，办结后不能恢复；确认" />
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
                    <label for="sent-on">发出征求意见书日期</label>
                    <input id="sent-on" name="sentOn" type="date" value={deps.clock.today()} />
                    <label for="party-received">对方收到日期（15个工作日自此起算；不知道的，收到后登记）</label>
                    <input id="party-received" name="partyReceivedOn" type="date" />
                  </ActionForm>
                ) : null}
                {actions.includes('record_consultation_receipt') &&
                openConsultations.some((p) => !p.partyReceivedOn) ? (
                  <ActionForm action="consultation-receipt">
                    <label for="receipt-of">征求意见</label>
                    <select id="receipt-of" name="consultationId">
                      {openConsultations
                        .filter((p) => !p.partyReceivedOn)
                        .map((p) => (
                          <option value={String(p.id)}>
                            {p.party}（{p.fromOn}发出）
                          </option>
                        ))}
                    </select>
                    <label for="party-received-on">对方收到征求意见书日期（如邮件签收日）</label>
                    <input id="party-received-on" name="receivedOn" type="date" required />
                  </ActionForm>
                ) : null}
                {actions.includes('end_consultation') ? (
                  <ActionForm action="end-consultation">
                    <label for="answered-of">收到哪一项的意见</label>
                    <select id="answered-of" name="consultationId">
                      {openConsultations.map((p) => (
                        <option value={String(p.id)}>
                          {p.party}（{p.fromOn}发出，意见期限{p.replyDueOn}）
                        </option>
                      ))}
                    </select>
                    <label for="answered">收到意见日期</label>
                    <input id="answered" name="answeredOn" type="date" value={deps.clock.today()} />
                  </ActionForm>
                ) : null}
                {actions.includes('extend') && !k.extended && can(user, 'case.approve_extension', k.agencyId) ? (
                  <ActionForm action="extend">
                    <label for="reason">延期理由（经政府信息公开工作机构负责人同意，并告知申请人）</label>
                    <textarea id="reason" name="reason" required />
                    <label for="ext-days">延长工作日数（最长{k.regime === '2019' ? 20 : 15}个工作日）</label>
                    <input
                      id="ext-days"
                      name="days"
                      type="number"
                      min="1"
                      max={k.regime === '2019' ? '20' : '15'}
                      value={k.regime === '2019' ? '20' : '15'}
                    />
                    <label for="ext-notified">告知申请人日期</label>
                    <input id="ext-notified" name="notifiedOn" type="date" value={deps.clock.today()} />
                  </ActionForm>
                ) : null}
                {actions.includes('set_reasonable_period') &&
                k.regime === '2019' &&
                !k.reasonableDueOn &&
                can(user, 'case.approve_extension', k.agencyId) ? (
                  <ActionForm action="reasonable-period">
                    <label for="reasonable-due">合理答复期限（晚于法定期限{k.dueOn}）</label>
                    <input id="reasonable-due" name="dueOn" type="date" required />
                    <label for="reasonable-reason">申请人说明的理由及认定合理的依据</label>
                    <textarea id="reasonable-reason" name="reason" required />
                    <label for="reasonable-notified">告知申请人日期</label>
                    <input id="reasonable-notified" name="notifiedOn" type="date" value={deps.clock.today()} />
                  </ActionForm>
                ) : null}
                {actions.includes('send_fee_notice') && k.regime === '2019' ? (
                  <ActionForm action="send-fee-notice">
                    <label for="prior">本月此前已申请件数</label>
                    <input id="prior" name="priorInMonth" type="number" value="0" />
                    <label for="count">本申请件数（按件计收）</label>
                    <input id="count" name="count" type="number" value="1" />
                    <label>
                      <input type="checkbox" name="receivedToday" value="1" /> 申请人今日已收到（当面或电子方式送达）
                    </label>
                  </ActionForm>
                ) : null}
                {actions.includes('record_fee_notice_receipt') && !k.feeNoticeReceivedOn ? (
                  <ActionForm action="fee-notice-receipt">
                    <label for="fee-received">申请人收到收费通知日期（缴费期限自次日起算20个工作日）</label>
                    <input id="fee-received" name="receivedOn" type="date" required />
                  </ActionForm>
                ) : null}
                {actions.includes('record_payment') ? <ActionForm action="record-payment" /> : null}
                {actions.includes('lapse_fee') && k.feeDueOn && k.feeDueOn < deps.clock.today() ? (
                  <ActionForm action="lapse-fee" danger confirm="视为放弃申请，办结后不能恢复；确认" />
                ) : null}
                {actions.includes('reply') ? (
                  <ActionForm action="reply" confirm="答复发出后不能修改，只能更正答复；确认答复">
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
                    <label for="text">答复要点（不予公开、部分公开须写明理由）</label>
                    <textarea id="text" name="text" />
                    <label for="replied-on">答复日期</label>
                    <input id="replied-on" name="repliedOn" type="date" value={deps.clock.today()} />
                  </ActionForm>
                ) : null}
                {actions.includes('correct_reply') && k.state === 'replied' ? (
                  <ActionForm
                    action="correct-reply"
                    danger
                    confirm="更正答复将另行出具答复书（新文号），原答复书保留；确认更正"
                  >
                    <label for="correct-outcome">更正后的办理结果</label>
                    <select id="correct-outcome" name="outcome" required>
                      {outcomesOf(k.regime)
                        .filter((o) => o.code !== 'other.no_correction' && o.code !== 'other.fee_unpaid')
                        .map((o) => (
                          <option value={o.code} selected={o.code === k.outcome}>
                            {o.label}（{o.basis}）
                          </option>
                        ))}
                    </select>
                    <label for="correct-text">更正后的答复要点</label>
                    <textarea id="correct-text" name="text">
                      {k.replyText ?? ''}
                    </textarea>
                    <label for="correct-reason">更正原因</label>
                    <textarea id="correct-reason" name="reason" required />
                  </ActionForm>
                ) : null}
                {actions.includes('transfer') && !k.extended && !k.correctionRequestedOn && d.pauses.length === 0 ? (
                  <ActionForm action="transfer">
                    <p class="hint">
                      申请的信息由本级政府的其他机关制作或保存的，可转办该机关；答复期限自该机关收到之日起计算。
                    </p>
                    <label for="transfer-to">转办至</label>
                    <select id="transfer-to" name="toAgencyId" required>
                      <option value="">请选择</option>
                      {agencyList
                        .filter((a) => a.id !== k.agencyId)
                        .map((a) => (
                          <option value={String(a.id)}>{a.label}</option>
                        ))}
                    </select>
                    <label for="transfer-reason">转办理由</label>
                    <textarea id="transfer-reason" name="reason" required />
                  </ActionForm>
                ) : null}
                {actions.includes('withdraw') ? (
                  <ActionForm action="withdraw" danger confirm="撤回后申请办结，不能恢复；确认申请人已书面撤回" />
                ) : null}
                {actions.includes('record_delivery') ? (
                  <ActionForm action="delivery">
                    <p class="hint">
                      邮寄送达由本机关支付邮费，不得到付；以交邮日期为答复日期（国办公开办函〔2016〕235号）。
                    </p>
                    <label for="delivery-method">送达方式</label>
                    <select id="delivery-method" name="method">
                      {Object.entries(DELIVERY_METHOD_NAMES).map(([v, l]) => (
                        <option value={v}>{l}</option>
                      ))}
                    </select>
                    <label for="delivery-number">邮件号码（邮寄必填，如EMS单号）</label>
                    <input id="delivery-number" name="trackingNumber" type="text" />
                    <label for="delivery-sent">交邮（送达）日期</label>
                    <input id="delivery-sent" name="sentOn" type="date" value={deps.clock.today()} required />
                    <label for="delivery-signed">签收日期（已知的）</label>
                    <input id="delivery-signed" name="signedOn" type="date" />
                  </ActionForm>
                ) : null}
                {actions.includes('record_delivery') && deliveries.some((v) => !v.signedOn) ? (
                  <ActionForm action="delivery-signed">
                    <label for="signed-of">送达记录</label>
                    <select id="signed-of" name="deliveryId">
                      {deliveries
                        .filter((v) => !v.signedOn)
                        .map((v) => (
                          <option value={String(v.id)}>
                            {DELIVERY_METHOD_NAMES[v.method]} {v.trackingNumber ?? ''} {v.sentOn}
                          </option>
                        ))}
                    </select>
                    <label for="signed-on">签收日期</label>
                    <input id="signed-on" name="signedOn" type="date" required />
                  </ActionForm>
                ) : null}
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
                      <td>{shanghaiTime(f.uploadedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {handles ? null : <p class="hint">附件含申请人个人信息，仅承办机关的经办人员可以下载。</p>}
            </section>
          ) : null}
          {assists.length ? (
            <section aria-labelledby="assists">
              <h2 id="assists">协办</h2>
              <ul>
                {assists.map((a) => (
                  <li>
                    {a.sentOn} 致{a.toAgency}：{a.request}（{a.answerBy}前答复）——
                    {a.answeredOn ? `${a.answeredOn}答复：${a.answer}` : '尚未答复'}
                  </li>
                ))}
              </ul>
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
                ...(k.outcome && outcome(k.outcome, k.regime)?.reasonRequired ? [['reasons', '说明理由告知书']] : []),
                ...(d.pauses.length && (k.outcome === 'granted' || k.outcome === 'partly_granted')
                  ? [['disclosure_notice', '第三方告知书']]
                  : []),
                ...(assists.length ? [['assist', '协办函']] : []),
                ...(deliveries.length ? [['delivery_receipt', '送达回证']] : []),
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
                  {shanghaiTime(e.at)}{' '}
                  {ACTION_NAMES[e.action.replace(/^case\./, '') as keyof typeof ACTION_NAMES] ??
                    EVENT_NAMES[e.action] ??
                    e.action}
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
      postRecordAction(app, '/console/cases', path, async ({ user, id, version, form }) => {
        await run({ user, caseId: id, expectedVersion: version }, form);
        // Committed: the applicant is told (in the background; src/notify).
        const told = ACTION_EVENTS[path];
        if (told) deps.onCaseEvent?.(id, told.event, told.extra?.(form));
      });
    // 转办: the case leaves this agency, so the clerk goes back to the list rather than to a page now closed.
    app.post('/console/cases/:id{[0-9]+}/transfer', async (c) => {
      const user = requireUser(c);
      const form = await c.req.parseBody();
      const version = Number(str(form.version));
      await transferCase(act, {
        user,
        caseId: Number(c.req.param('id')),
        expectedVersion: Number.isInteger(version) && version > 0 ? version : undefined,
        toAgencyId: str(form.toAgencyId),
        reason: str(form.reason),
      });
      return c.redirect('/console/cases', 303);
    });
    // 退回: the case goes back to the agency that sent it, so the clerk returns to the list.
    app.post('/console/cases/:id{[0-9]+}/return-transfer', async (c) => {
      const user = requireUser(c);
      const form = await c.req.parseBody();
      const version = Number(str(form.version));
      await returnTransfer(act, {
        user,
        caseId: Number(c.req.param('id')),
        expectedVersion: Number.isInteger(version) && version > 0 ? version : undefined,
        reason: str(form.reason),
      });
      return c.redirect('/console/cases', 303);
    });
    app.post('/console/cases/:id{[0-9]+}/handler', async (c) => {
      const user = requireUser(c);
      const form = await c.req.parseBody();
      const id = Number(c.req.param('id'));
      await assignHandler(act, {
        user,
        caseIds: [id],
        handlerId: str(form.handlerId) ? Number(str(form.handlerId)) : null,
      });
      return c.redirect(`/console/cases/${id}`, 303);
    });
    post('request-correction', (i, f) =>
      requestCorrection(act, { ...i, deadline: str(f.deadline), what: str(f.what) }),
    );
    post('receive-correction', (i, f) => receiveCorrection(act, { ...i, receivedOn: str(f.receivedOn) || undefined }));
    post('lapse-correction', (i) => lapseCorrection(act, i));
    post('start-consultation', (i, f) =>
      startConsultation(act, {
        ...i,
        kind: str(f.kind) === 'agency' ? 'agency' : 'third_party',
        party: str(f.party),
        sentOn: str(f.sentOn) || undefined,
        partyReceivedOn: str(f.partyReceivedOn) || undefined,
      }),
    );
    post('consultation-receipt', (i, f) =>
      recordConsultationReceipt(act, {
        ...i,
        consultationId: Number(str(f.consultationId)),
        receivedOn: str(f.receivedOn),
      }),
    );
    post('end-consultation', (i, f) =>
      endConsultation(act, {
        ...i,
        answeredOn: str(f.answeredOn) || undefined,
        consultationId: str(f.consultationId) ? Number(str(f.consultationId)) : undefined,
      }),
    );
    post('extend', (i, f) =>
      extendDeadline(act, {
        ...i,
        reason: str(f.reason),
        days: str(f.days) ? Number(str(f.days)) : undefined,
        notifiedOn: str(f.notifiedOn) || undefined,
      }),
    );
    post('reasonable-period', (i, f) =>
      setReasonablePeriod(act, {
        ...i,
        dueOn: str(f.dueOn),
        reason: str(f.reason),
        notifiedOn: str(f.notifiedOn) || undefined,
      }),
    );
    post('fee-notice-receipt', (i, f) => recordFeeNoticeReceipt(act, { ...i, receivedOn: str(f.receivedOn) }));
    post('send-fee-notice', (i, f) =>
      sendFeeNotice(act, {
        ...i,
        basis: { mode: 'count', priorInMonth: Number(str(f.priorInMonth)) || 0, count: Number(str(f.count)) || 1 },
        noticeReceivedOn: str(f.receivedToday) ? deps.clock.today() : undefined,
      }),
    );
    post('record-payment', (i) => recordPayment(act, i));
    post('lapse-fee', (i) => lapseFee(act, i));
    post('reply', (i, f) =>
      replyToApplication(act, {
        ...i,
        outcome: str(f.outcome),
        text: str(f.text),
        repliedOn: str(f.repliedOn) || undefined,
      }),
    );
    post('correct-reply', (i, f) =>
      correctReply(act, { ...i, outcome: str(f.outcome), text: str(f.text), reason: str(f.reason) }),
    );
    post('withdraw', (i) => withdrawApplication(act, i));
    post('sign-for', (i, f) => signForCase(act, { ...i, signedOn: str(f.signedOn) || undefined }));
    post('request-assist', (i, f) =>
      requestAssist(act, {
        ...i,
        toAgencyId: str(f.toAgencyId),
        request: str(f.request),
        answerBy: str(f.answerBy),
      }),
    );
    post('delivery', (i, f) =>
      recordDelivery(act, {
        ...i,
        method: str(f.method),
        sentOn: str(f.sentOn),
        trackingNumber: str(f.trackingNumber) || undefined,
        signedOn: str(f.signedOn) || undefined,
      }),
    );
    post('delivery-signed', (i, f) =>
      recordDeliverySigned(act, { ...i, deliveryId: Number(str(f.deliveryId)), signedOn: str(f.signedOn) }),
    );
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
      if (ext === 'html') return c.html(documentHtml(doc), 200, { 'content-security-policy': DOCUMENT_HTML_CSP });
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
