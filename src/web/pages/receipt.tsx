/** @jsxImportSource hono/jsx */
/**
 * 政府信息公开申请受理回执: what the applicant keeps after filing online — the 查询码, the day of receipt
 * (条例第三十一条), the agency, the information asked for, the due date (第三十三条) and the files handed in —
 * with a QR code of the tracking page. Printable: the print style keeps the receipt and drops the site's
 * navigation. A page of its own (GET), reached by a redirect after filing, so a reload never files again.
 */
import { raw } from 'hono/html';
import { ATTACHMENT_KIND_NAMES, formatSize } from '../../cases/attachments.ts';
import type { trackApplication } from '../../cases/queries.ts';
import type { similarPublished } from '../../catalog/similar.ts';
import { DueDate } from '../components/due-date.tsx';
import { SimilarPublished } from '../components/similar-published.tsx';

type Tracked = NonNullable<Awaited<ReturnType<typeof trackApplication>>>;

const CHANNEL_RECEIPT: Record<string, string> = {
  online: '网上提交，以系统收到之日为收到申请之日',
  in_person: '当面提交',
  post: '信函（邮寄）',
  fax: '传真',
  email: '电子邮件',
};

export const Receipt = (props: {
  found: Tracked;
  trackUrl: string;
  qr: string | undefined;
  similar?: Awaited<ReturnType<typeof similarPublished>>;
}) => {
  const f = props.found;
  return (
    <article class="receipt" aria-labelledby="receipt-title">
      <h1 id="receipt-title">政府信息公开申请受理回执</h1>
      <p class="ok noprint" role="status">
        您的申请已提交成功。请记下查询码，或打印本回执留存。
      </p>
      <table class="meta">
        <tbody>
          <tr>
            <th scope="row">查询码</th>
            <td>
              <strong id="tracking-code">{f.trackingCode}</strong>（请妥善保存，凭此查询办理进度）
            </td>
          </tr>
          <tr>
            <th scope="row">受理机关</th>
            <td id="receipt-agency">{f.agencyName}</td>
          </tr>
          <tr>
            <th scope="row">收到申请日期</th>
            <td>
              {f.receivedOn}（{CHANNEL_RECEIPT[f.channel] ?? f.channel}）
            </td>
          </tr>
          <tr>
            <th scope="row">所需政府信息</th>
            <td>{f.subject}</td>
          </tr>
          <tr>
            <th scope="row">答复期限</th>
            <td>
              <DueDate on={f.dueOn} provisional={f.dueProvisional} />
              （自收到申请之日起20个工作日，《条例》第三十三条）
            </td>
          </tr>
          {f.attachments.length ? (
            <tr>
              <th scope="row">收到附件</th>
              <td>
                <ul id="files-received">
                  {f.attachments.map((a) => (
                    <li>
                      {ATTACHMENT_KIND_NAMES[a.kind]}：{a.filename}（{formatSize(a.size)}）
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
          {f.dueExplanation.map((l) => (
            <li>{l}</li>
          ))}
        </ul>
      </details>
      <figure>
        {props.qr ? raw(props.qr.replace('aria-label="本页二维码"', 'aria-label="办理进度查询页二维码"')) : null}
        <figcaption>
          扫码或访问以下地址查询办理进度：
          <br />
          {props.trackUrl}
        </figcaption>
      </figure>
      <div class="noprint">
        <SimilarPublished
          id="similar"
          items={props.similar ?? []}
          intro="以下信息已主动公开，可能就是您需要的（《条例》第三十六条第（一）项）；您的申请仍将依法办理。"
        />
      </div>
      <p class="noprint">
        <a href={`/track?code=${f.trackingCode}`}>查询办理进度</a>　打印回执：使用浏览器的“打印”功能（Ctrl+P）。
      </p>
    </article>
  );
};
