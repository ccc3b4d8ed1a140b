/** @jsxImportSource hono/jsx */
/**
 * 依申请公开 on the portal: the online application (条例第二十九条 fields), the receipt with its tracking
 * code and due date, and status lookup by that code. An applicant sees only the application whose code
 * they hold; nothing else of anyone. The form is multipart: the applicant may attach 身份证明, 授权委托书 and
 * other materials (checked in src/cases/attachments.ts); a refused form comes back with everything typed in.
 */
import { asc } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { parseInput } from '../../api-input.ts';
import { receiveApplication } from '../../cases/actions/receive-application.ts';
import { submitCorrection } from '../../cases/actions/submit-correction.ts';
import { applicantHistory } from '../../cases/applicant-history.ts';
import { APPLICATION_FIELD_LABELS } from '../../cases/application-check.ts';
import { ACCEPT_ATTRIBUTE, type ApplicantFile, ATTACHMENT_KIND_NAMES, formatSize } from '../../cases/attachments.ts';
import { DELIVERY_METHOD_NAMES, listDeliveries } from '../../cases/deliveries.ts';
import { buildCaseDocument, DOCUMENT_HTML_CSP, documentHtml } from '../../cases/documents/render.ts';
import { earlierApplication } from '../../cases/duplicates.ts';
import { STATE_NAMES } from '../../cases/lifecycle.ts';
import type { CaseEventListener } from '../../cases/notify-events.ts';
import { trackApplication } from '../../cases/queries.ts';
import { similarPublished } from '../../catalog/similar.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { AppError } from '../../errors.ts';
import { OUTCOMES } from '../../law/outcomes.ts';
import { publicAddress } from '../../public-url.ts';
import {
  ApplicantFieldset,
  DuplicateHint,
  ErrorSummary,
  type FieldErrors,
  FilesFieldset,
  fieldErrorsOf,
  InformationFieldset,
  readApplicationForm,
  UnsavedFiles,
} from '../components/application-form.tsx';
import { DueDate } from '../components/due-date.tsx';
import { renderPage } from '../components/page.tsx';
import { SimilarPublished } from '../components/similar-published.tsx';
import type { AppEnv } from '../env.ts';
import { pageQr } from '../qr.ts';
import { Receipt } from './receipt.tsx';

const aboutQuery = z.object({ about: z.string().trim().max(200, '请把要查找的内容控制在200字以内').optional() });

export function applyPages(deps: {
  db: Db;
  clock: Clock;
  site: string;
  /** Tells the applicant (src/notify) once the application is stored; works in the background. */
  onCaseEvent?: CaseEventListener;
}) {
  const page = (c: Context<AppEnv>, title: string, body: unknown, status: 200 | 400 | 404 | 409 = 200) =>
    renderPage(c, deps.site, title, body, { status });

  const form = async (
    c: Context<AppEnv>,
    errors?: FieldErrors,
    values: Record<string, string> = {},
    /** Files the refused form carried: a browser cannot be given them back, so the applicant is told. */
    unsaved: readonly ApplicantFile[] = [],
    /** The day the same applicant asked for the same information before (src/cases/duplicates.ts). */
    duplicateOf?: string,
    /** What the visitor looked up before filling the form: published items that may already answer it. */
    lookedUp?: { about: string; items: Awaited<ReturnType<typeof similarPublished>> },
  ) => {
    const list = await deps.db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .orderBy(asc(agencies.path))
      .limit(500);
    return page(
      c,
      '依申请公开',
      <>
        <h1>政府信息公开申请</h1>
        <p class="hint">
          依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条。行政机关自收到申请之日起20个工作日内答复；申请内容不明确的，7个工作日内告知补正。带
          * 的为必填项。
        </p>
        <ErrorSummary errors={errors} labels={APPLICATION_FIELD_LABELS} />
        <UnsavedFiles files={unsaved} />
        {errors || duplicateOf ? null : (
          <form method="get" action="/apply/lookup" class="card" aria-labelledby="lookup-title">
            <h2 id="lookup-title">申请前，先查一查是否已经主动公开</h2>
            <label for="about">您需要的政府信息</label>
            <input id="about" name="about" type="search" maxlength={200} value={lookedUp?.about ?? ''} />{' '}
            <button type="submit" class="secondary">
              查找已公开的信息
            </button>
          </form>
        )}
        {lookedUp ? (
          lookedUp.items.length ? (
            <SimilarPublished
              id="similar"
              items={lookedUp.items}
              intro="以下信息已经主动公开，可直接查阅，无需申请（《条例》第三十六条第（一）项）。如果仍需申请，请继续填写下面的申请表。"
            />
          ) : (
            <p class="hint" id="similar-none">
              没有找到与“{lookedUp.about}”相近的已公开信息，请填写下面的申请表。
            </p>
          )
        ) : null}
        <form method="post" action="/apply" enctype="multipart/form-data">
          <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
          <DuplicateHint receivedOn={duplicateOf} who="您" />
          <ApplicantFieldset values={values} idRequired errors={errors} />
          <InformationFieldset values={values} agencies={list} agencyLabel="向哪个行政机关申请" errors={errors} />
          <FilesFieldset note="附件仅供承办机关审核申请使用，不对外公开。" />
          <p>
            <button type="submit">提交申请</button>
          </p>
        </form>
      </>,
      errors ? 400 : duplicateOf ? 409 : 200,
    );
  };

  return (app: Hono<AppEnv>) => {
    app.get('/apply', (c) => form(c));
    // Before filing: what is already published about the subject (a search, rate-limited as searches are).
    app.get('/apply/lookup', async (c) => {
      const about = parseInput(aboutQuery, c.req.query()).about;
      if (!about) return c.redirect('/apply', 303);
      const items = await similarPublished(deps.db, { subject: about, today: deps.clock.today(), limit: 8 });
      return form(c, undefined, { subject: about }, [], undefined, { about, items });
    });
    app.post('/apply', async (c) => {
      // The CSRF check parsed the body already; Hono keeps the parsed form, so this reads it again from memory.
      const { values, files } = await readApplicationForm(await c.req.parseBody({ all: true }));
      const application = {
        agencyId: Number(values.agencyId),
        applicantType: values.applicantType as never,
        applicantName: values.applicantName ?? '',
        idNumber: values.idNumber,
        phone: values.phone || undefined,
        email: values.email || undefined,
        address: values.address || undefined,
        channel: 'online' as const,
        subject: values.subject ?? '',
        formWanted: values.formWanted ?? '电子',
      };
      try {
        const earlier =
          values.confirmDuplicate === '1'
            ? null
            : await earlierApplication(
                deps.db,
                { application, attachments: files, idRequired: true },
                deps.clock.today(),
              );
        if (earlier) return form(c, undefined, values, files, earlier);
        const created = await receiveApplication(deps, { user: null, application, attachments: files });
        deps.onCaseEvent?.(created.id, 'received');
        // Post/Redirect/Get: the receipt is a page of its own, so reloading it files nothing.
        return c.redirect(`/apply/receipt/${created.trackingCode}`, 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'bad_input') {
          return form(c, fieldErrorsOf(error), values, files);
        }
        throw error;
      }
    });

    app.get('/apply/receipt/:code{[A-Za-z0-9]{6,20}}', async (c) => {
      const found = await trackApplication(deps.db, c.req.param('code'));
      if (!found) throw new AppError('not_found', '没有找到与该查询码对应的申请，请核对后重试。');
      const trackUrl = new URL(
        `/track?code=${found.trackingCode}`,
        publicAddress(c.req.url, c.get('publicOrigin')),
      ).toString();
      const similar = await similarPublished(deps.db, { subject: found.subject, today: deps.clock.today() });
      return page(
        c,
        '申请受理回执',
        <Receipt found={found} trackUrl={trackUrl} qr={await pageQr(trackUrl)} similar={similar} />,
      );
    });

    // 补正 online: the words and files go with the case, the correction is received today; then back to the
    // tracking page (Post/Redirect/Get).
    app.post('/track/correction', async (c) => {
      const { values, files } = await readApplicationForm(await c.req.parseBody({ all: true }));
      const code = (values.code ?? '').trim().toUpperCase();
      try {
        await submitCorrection(deps, { trackingCode: code, text: values.text ?? '', attachments: files });
      } catch (error) {
        if (error instanceof AppError && (error.code === 'bad_input' || error.code === 'invalid_state')) {
          return page(
            c,
            '在线补正',
            <>
              <h1>在线补正</h1>
              <p class="error" role="alert">
                {error.message}
              </p>
              {values.text ? (
                <>
                  <p>您填写的补正内容（未提交，请复制后重新提交）：</p>
                  <pre class="message">{values.text}</pre>
                </>
              ) : null}
              <UnsavedFiles files={files} />
              <p>
                <a href={`/track?code=${encodeURIComponent(code)}`}>返回办理进度</a>
              </p>
            </>,
            400,
          );
        }
        throw error;
      }
      return c.redirect(`/track?code=${code}&sent=1`, 303);
    });

    // The 答复书 for whoever holds the code: the applicant's own letter, printable.
    app.get('/track/reply', async (c) => {
      const found = await trackApplication(deps.db, c.req.query('code') ?? '');
      if (found?.state !== 'replied') throw new AppError('not_found', '没有找到该申请的答复书。');
      const doc = await buildCaseDocument(deps.db, { caseId: found.id, kind: 'reply', today: deps.clock.today() });
      c.header('cache-control', 'private, no-store');
      return c.html(documentHtml(doc), 200, { 'content-security-policy': DOCUMENT_HTML_CSP });
    });

    app.get('/track', async (c) => {
      const code = c.req.query('code') ?? '';
      const found = code ? await trackApplication(deps.db, code) : null;
      const deliveries = found?.closedOn ? await listDeliveries(deps.db, found.id) : [];
      const history = found ? await applicantHistory(deps.db, found.id, found.regime) : [];
      const label = found?.outcome
        ? OUTCOMES.find((o) => o.code === found.outcome && o.regime === found.regime)?.label
        : undefined;
      return page(
        c,
        '办理进度查询',
        <>
          <h1>依申请公开办理进度查询</h1>
          <form method="get" action="/track">
            <label for="code">查询码</label>
            <input id="code" name="code" type="text" value={code} maxlength={20} required />
            <button type="submit">查询</button>
          </form>
          {code && !found ? (
            <p class="error" role="alert">
              没有找到与该查询码对应的申请，请核对后重试。
            </p>
          ) : null}
          {found ? (
            <table class="meta">
              <tbody>
                <tr>
                  <th scope="row">受理机关</th>
                  <td>{found.agencyName}</td>
                </tr>
                <tr>
                  <th scope="row">收到申请</th>
                  <td>{found.receivedOn}</td>
                </tr>
                <tr>
                  <th scope="row">所需信息</th>
                  <td>{found.subject}</td>
                </tr>
                <tr>
                  <th scope="row">状态</th>
                  <td id="case-state">{STATE_NAMES[found.state]}</td>
                </tr>
                {found.closedOn ? null : (
                  <tr>
                    <th scope="row">答复期限</th>
                    <td>
                      {found.state === 'awaiting_correction' ? (
                        '自收到您的补正之日起重新计算（《条例》第三十条）'
                      ) : (
                        <DueDate on={found.dueOn} provisional={found.dueProvisional} />
                      )}
                    </td>
                  </tr>
                )}
                {found.state === 'awaiting_correction' ? (
                  <tr>
                    <th scope="row">补正期限</th>
                    <td>{found.correctionDeadline}（请在此日期前补正申请内容，逾期视为放弃申请）</td>
                  </tr>
                ) : null}
                {found.state === 'awaiting_fee' ? (
                  <tr>
                    <th scope="row">信息处理费</th>
                    <td>
                      {found.feeYuan}元，请于 {found.feeDueOn} 前缴纳
                    </td>
                  </tr>
                ) : null}
                {found.attachments.length ? (
                  <tr>
                    <th scope="row">提交的材料</th>
                    <td>
                      <ul id="case-files">
                        {found.attachments.map((f) => (
                          <li>
                            {ATTACHMENT_KIND_NAMES[f.kind]}：{f.filename}（{formatSize(f.size)}）
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ) : null}
                {label ? (
                  <tr>
                    <th scope="row">答复结果</th>
                    <td>
                      {label}（{found.closedOn}）{' '}
                      {found.state === 'replied' ? (
                        <a href={`/track/reply?code=${found.trackingCode}`} id="reply-letter">
                          查看答复书
                        </a>
                      ) : null}
                    </td>
                  </tr>
                ) : null}
                {deliveries.length ? (
                  <tr>
                    <th scope="row">送达</th>
                    <td id="deliveries">
                      <ul>
                        {deliveries.map((v) => (
                          <li>
                            {DELIVERY_METHOD_NAMES[v.method]}
                            {v.trackingNumber ? ` 邮件号码 ${v.trackingNumber}` : ''}，{v.sentOn}寄出（送达）
                            {v.signedOn ? `，${v.signedOn}签收` : ''}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          ) : null}
          {found?.state === 'awaiting_correction' ? (
            <section aria-labelledby="correction-title" class="card">
              <h2 id="correction-title">在线补正</h2>
              {c.req.query('sent') ? null : (
                <form method="post" action="/track/correction" enctype="multipart/form-data">
                  <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
                  <input type="hidden" name="code" value={found.trackingCode} />
                  <label for="correction-text">补正内容（按行政机关告知的事项补充或更正）</label>
                  <textarea id="correction-text" name="text" maxlength={5000} />
                  <label for="correction-files">补正材料（可选）</label>
                  <input id="correction-files" name="supportingFiles" type="file" accept={ACCEPT_ATTRIBUTE} multiple />
                  <p>
                    <button type="submit">提交补正</button>
                  </p>
                </form>
              )}
            </section>
          ) : null}
          {c.req.query('sent') && found ? (
            <p class="ok" role="status" id="correction-sent">
              您的补正已提交，答复期限自收到补正之日起重新计算。
            </p>
          ) : null}
          {history.length ? (
            <section aria-labelledby="history-title">
              <h2 id="history-title">办理过程</h2>
              <ol id="case-history">
                {history.map((h) => (
                  <li>
                    {h.on}　{h.what}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </>,
        code && !found ? 404 : 200,
      );
    });
  };
}
