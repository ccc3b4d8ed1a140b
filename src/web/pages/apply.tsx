/** @jsxImportSource hono/jsx */
/**
 * 依申请公开 on the portal: the online application (条例第二十九条 fields), the receipt with its tracking
 * code and due date, and status lookup by that code. An applicant sees only the application whose code
 * they hold; nothing else of anyone. The form is multipart: the applicant may attach 身份证明, 授权委托书 and
 * other materials (checked in src/cases/attachments.ts); a refused form comes back with everything typed in.
 */
import { asc } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { receiveApplication } from '../../cases/actions/receive-application.ts';
import { type ApplicantFile, ATTACHMENT_KIND_NAMES, formatSize } from '../../cases/attachments.ts';
import { STATE_NAMES } from '../../cases/lifecycle.ts';
import { trackApplication } from '../../cases/queries.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { AppError } from '../../errors.ts';
import { OUTCOMES } from '../../law/outcomes.ts';
import {
  ApplicantFieldset,
  FilesFieldset,
  InformationFieldset,
  readApplicationForm,
  UnsavedFiles,
} from '../components/application-form.tsx';
import { renderPage } from '../components/page.tsx';
import type { AppEnv } from '../env.ts';

export function applyPages(deps: { db: Db; clock: Clock; site: string }) {
  const page = (c: Context<AppEnv>, title: string, body: unknown, status: 200 | 400 | 404 = 200) =>
    renderPage(c, deps.site, title, body, { status });

  const form = async (
    c: Context<AppEnv>,
    error?: string,
    values: Record<string, string> = {},
    /** Files the refused form carried: a browser cannot be given them back, so the applicant is told. */
    unsaved: readonly ApplicantFile[] = [],
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
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <UnsavedFiles files={unsaved} />
        <form method="post" action="/apply" enctype="multipart/form-data">
          <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
          <ApplicantFieldset values={values} idRequired />
          <InformationFieldset values={values} agencies={list} agencyLabel="向哪个行政机关申请" />
          <FilesFieldset note="附件仅供承办机关审核申请使用，不对外公开。" />
          <p>
            <button type="submit">提交申请</button>
          </p>
        </form>
      </>,
      error ? 400 : 200,
    );
  };

  return (app: Hono<AppEnv>) => {
    app.get('/apply', (c) => form(c));
    app.post('/apply', async (c) => {
      // The CSRF check parsed the body already; Hono keeps the parsed form, so this reads it again from memory.
      const { values, files } = await readApplicationForm(await c.req.parseBody({ all: true }));
      if (!values.idNumber?.trim()) {
        return form(c, '请填写身份证件号码或统一社会信用代码（条例第二十九条）', values, files);
      }
      try {
        const created = await receiveApplication(deps, {
          user: null,
          application: {
            agencyId: Number(values.agencyId),
            applicantType: values.applicantType as never,
            applicantName: values.applicantName ?? '',
            idNumber: values.idNumber,
            phone: values.phone || undefined,
            email: values.email || undefined,
            address: values.address || undefined,
            channel: 'online',
            subject: values.subject ?? '',
            formWanted: values.formWanted ?? '电子',
          },
          attachments: files,
        });
        return renderPage(
          c,
          deps.site,
          '申请已提交',
          <>
            <h1>政府信息公开申请受理回执</h1>
            <p class="ok" role="status">
              您的申请已于 {created.receivedOn} 收到（网上提交，以系统收到之日为收到申请之日）。
            </p>
            <table class="meta">
              <tbody>
                <tr>
                  <th scope="row">查询码</th>
                  <td>
                    <strong id="tracking-code">{created.trackingCode}</strong>（请妥善保存，凭此查询办理进度）
                  </td>
                </tr>
                <tr>
                  <th scope="row">答复期限</th>
                  <td>{created.dueOn}（自收到申请之日起20个工作日，《条例》第三十三条）</td>
                </tr>
                {files.length ? (
                  <tr>
                    <th scope="row">收到附件</th>
                    <td>
                      <ul id="files-received">
                        {files.map((f) => (
                          <li>
                            {ATTACHMENT_KIND_NAMES[f.kind]}：{f.filename}（{formatSize(f.content.byteLength)}）
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
            <details>
              <summary>期限如何计算</summary>
              <ul>
                {created.dueExplanation.map((l) => (
                  <li>{l}</li>
                ))}
              </ul>
            </details>
            <p>
              <a href={`/track?code=${created.trackingCode}`}>查询办理进度</a>
            </p>
          </>,
          // The receipt's QR code opens this application's tracking page, not the form it came from.
          { qr: { path: `/track?code=${created.trackingCode}`, caption: '扫一扫在手机查询办理进度' } },
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'bad_input') return form(c, error.message, values, files);
        throw error;
      }
    });

    app.get('/track', async (c) => {
      const code = c.req.query('code') ?? '';
      const found = code ? await trackApplication(deps.db, code) : null;
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
                    <td>{found.dueOn}</td>
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
                      {label}（{found.closedOn}）
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          ) : null}
        </>,
        code && !found ? 404 : 200,
      );
    });
  };
}
