/** @jsxImportSource hono/jsx */
/**
 * 主动公开目录 in the console: the agency's items and a form for a new one; an item page with its
 * metadata, attachments, the personal data found in body and attachments, and the actions of its state
 * (submit, upload, approve a review step with the 保密审查 checklist, return, mask, replace an attachment
 * with a processed file, override with a reason, withdraw); per attachment, whether 脱敏处理 can handle it
 * (text, HTML, DOCX, XLSX), it must be replaced (PDF) or it could not be checked at all (text not read);
 * and the review queue (发布审核).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { can, requirePermission } from '../../auth/roles.ts';
import { addAttachment } from '../../catalog/actions/add-attachment.ts';
import { approveStep } from '../../catalog/actions/approve-step.ts';
import { confirmAttachmentChecked } from '../../catalog/actions/confirm-attachment-checked.ts';
import { createItem } from '../../catalog/actions/create-item.ts';
import { maskItemPersonalData } from '../../catalog/actions/mask-personal-data.ts';
import { overridePersonalData } from '../../catalog/actions/override-personal-data.ts';
import { replaceAttachment } from '../../catalog/actions/replace-attachment.ts';
import { returnItem } from '../../catalog/actions/return-item.ts';
import { submitItem } from '../../catalog/actions/submit-item.ts';
import { withdrawItem } from '../../catalog/actions/withdraw-item.ts';
import type { AttachmentHandling } from '../../catalog/attachment-mask.ts';
import type { ChangeInput } from '../../catalog/change.ts';
import {
  attachmentHandlings,
  describeFinding,
  itemPersonalData,
  uncheckedAttachments,
} from '../../catalog/content-check.ts';
import { defaultDirectory, flattenDirectory } from '../../catalog/directory.ts';
import { itemDetail } from '../../catalog/queries.ts';
import { sanitizeHtml } from '../../catalog/sanitize.ts';
import { DOC_TYPE_NAMES, STATE_NAMES } from '../../catalog/vocabulary.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage, postRecordAction, str } from './shell.tsx';

const categories = [...flattenDirectory(defaultDirectory('government')).entries()];

/** What 保密审查 can do with an attachment, with findings in it and without. */
/** The review record's decisions in words (not the stored codes). */
const DECISION_NAMES: Record<string, string> = {
  submitted: '提交审核',
  approved: '审核通过',
  returned: '退回修改',
  pii_override: '说明理由后提出确认发布个人信息',
  pii_override_confirmed: '复核确认发布个人信息',
  attachment_replaced: '替换附件',
  attachment_checked: '人工核对附件',
  withdrawn: '撤回',
};

const HANDLING: Record<AttachmentHandling, { found: string; none: string }> = {
  automatic: { found: '可自动脱敏（“脱敏处理”）', none: '未发现个人信息' },
  replace: {
    found: '不能自动脱敏：请在 PDF 编辑软件中删除（不是遮盖）这些内容后替换附件，或由审核人员说明理由后确认发布',
    none: '未发现个人信息（此格式不能自动脱敏，如需修改请替换附件）',
  },
  unreadable: {
    found: '无法读取文字，未能检查个人信息：请人工核对，必要时替换为处理后的文件',
    none: '无法读取文字，未能检查个人信息：请人工核对，必要时替换为处理后的文件',
  },
};

export function consoleCatalog(deps: { db: Db; clock: Clock; site: string }) {
  const act = { db: deps.db, clock: deps.clock };
  const scopeOf = (c: Context<AppEnv>) => {
    const user = requireUser(c);
    return { user, ids: user.scope === 'all' ? undefined : [...user.scope] };
  };

  const listPage = async (c: Context<AppEnv>, title: string, states: string[] | undefined) => {
    const { user, ids } = scopeOf(c);
    requirePermission(user, 'catalog.read', user.agencyId);
    const rows = await deps.db
      .select({
        id: catalogItems.id,
        title: catalogItems.title,
        state: catalogItems.state,
        indexNo: catalogItems.indexNo,
        writtenOn: catalogItems.writtenOn,
        agency: agencies.name,
        reviewStep: catalogItems.reviewStep,
        reviewChain: catalogItems.reviewChain,
      })
      .from(catalogItems)
      .innerJoin(agencies, eq(agencies.id, catalogItems.agencyId))
      .where(
        and(
          ids ? inArray(catalogItems.agencyId, ids.length ? ids : [-1]) : undefined,
          states ? inArray(catalogItems.state, states) : undefined,
        ),
      )
      .orderBy(desc(catalogItems.updatedAt))
      .limit(200);
    return consolePage(
      c,
      deps.site,
      title,
      <>
        <h1>{title}</h1>
        {states ? null : (
          <details>
            <summary>新建目录信息</summary>
            <form method="post" action="/console/catalog">
              <Csrf c={c} />
              <label for="title">标题</label>
              <input id="title" name="title" type="text" required />
              <label for="category">目录分类</label>
              <select id="category" name="category">
                {categories.map(([code, path]) => (
                  <option value={code}>{path.join(' › ')}</option>
                ))}
              </select>
              <label for="docNo">文号</label>
              <input id="docNo" name="docNo" type="text" />
              <label for="writtenOn">成文日期</label>
              <input id="writtenOn" name="writtenOn" type="date" />
              <label for="docType">文件类型</label>
              <select id="docType" name="docType">
                {Object.entries(DOC_TYPE_NAMES).map(([k, v]) => (
                  <option value={k}>{v}</option>
                ))}
              </select>
              <label for="body">正文</label>
              <textarea id="body" name="body" />
              <p>
                <button type="submit">保存草稿</button>
              </p>
            </form>
          </details>
        )}
        <table>
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">机关</th>
              <th scope="col">索引号</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/console/catalog/${r.id}`}>{r.title}</a>
                </td>
                <td>{r.agency}</td>
                <td>{r.indexNo}</td>
                <td>
                  {STATE_NAMES[r.state as keyof typeof STATE_NAMES] ?? r.state}
                  {r.state === 'in_review' ? `（${r.reviewChain[r.reviewStep] ?? ''}）` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
    );
  };

  return (app: Hono<AppEnv>) => {
    app.get('/console/catalog', (c) => listPage(c, '主动公开目录', undefined));
    app.get('/console/review', (c) => listPage(c, '发布审核（待审核的信息）', ['in_review']));

    app.post('/console/catalog', async (c) => {
      const user = requireUser(c);
      const f = await c.req.parseBody();
      const item = await createItem(act, {
        user,
        agencyId: user.agencyId,
        fields: {
          title: str(f.title),
          category: str(f.category),
          docNo: str(f.docNo) || null,
          writtenOn: str(f.writtenOn) || null,
          docType: (str(f.docType) || 'other') as 'other',
          body: str(f.body)
            .replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!)
            .split(/\n+/)
            .map((p) => `<p>${p}</p>`)
            .join(''),
        },
      });
      return c.redirect(`/console/catalog/${item.id}`, 303);
    });

    app.get('/console/catalog/:id{[0-9]+}', async (c) => {
      const user = requireUser(c);
      const d = await itemDetail(deps.db, Number(c.req.param('id')));
      requirePermission(user, 'catalog.read', d.item.agencyId);
      const it = d.item;
      const pii = await itemPersonalData(deps.db, it);
      const handlings = new Map((await attachmentHandlings(deps.db, it.id)).map((a) => [a.id, a.handling]));
      const findingsIn = (attachmentId: number) => pii.filter((f) => f.attachmentId === attachmentId);
      const unread = d.attachments.filter((a) => handlings.get(a.id) === 'unreadable').map((a) => `“${a.filename}”`);
      const unchecked = new Set((await uncheckedAttachments(deps.db, it.id)).map((a) => a.id));
      const notMaskable = [...handlings].filter(([id, h]) => h === 'replace' && findingsIn(id).length > 0);
      const canEdit = can(user, 'catalog.edit', it.agencyId);
      const canReview = can(user, 'catalog.review', it.agencyId);
      // 脱敏处理 and 替换附件: the drafting staff, and in review the reviewer too.
      const canMask =
        (canEdit && ['draft', 'returned', 'in_review'].includes(it.state)) || (canReview && it.state === 'in_review');
      const Version = () => <input type="hidden" name="version" value={String(it.version)} />;
      const Action = (props: {
        path: string;
        label: string;
        children?: unknown;
        danger?: boolean;
        files?: boolean;
      }) => (
        <form
          method="post"
          action={`/console/catalog/${it.id}/${props.path}`}
          class="card"
          enctype={props.files ? 'multipart/form-data' : undefined}
        >
          <Csrf c={c} />
          <Version />
          <h3>{props.label}</h3>
          {props.children as never}
          <button type="submit" class={props.danger ? 'danger' : ''}>
            {props.label}
          </button>
        </form>
      );
      return consolePage(
        c,
        deps.site,
        it.title,
        <>
          <h1>{it.title}</h1>
          <p>
            状态：<strong id="item-state">{STATE_NAMES[it.state as keyof typeof STATE_NAMES] ?? it.state}</strong>
            {it.state === 'in_review' ? `，当前环节：${it.reviewChain[it.reviewStep] ?? ''}` : ''}　索引号：{it.indexNo}
            {it.state === 'published' ? (
              <>
                {' '}
                <a href={`/catalog/${it.id}`}>在门户查看</a>
              </>
            ) : null}
          </p>
          {d.flags.length ? <p class="warn">{d.flags.join('；')}</p> : null}
          {pii.length ? (
            <div class="error" role="alert" id="pii">
              发现个人信息（发布前须脱敏或说明理由）：
              <ul>
                {pii.map((f) => (
                  <li>{describeFinding(f)}</li>
                ))}
              </ul>
              {notMaskable.length ? (
                <p id="pii-not-maskable">
                  附件
                  {notMaskable.map(([id]) => `“${d.attachments.find((a) => a.id === id)?.filename ?? id}”`).join('、')}
                  为 PDF
                  等不能自动脱敏的格式，脱敏处理后其中的个人信息仍然保留：须替换为处理后的文件，或由审核人员说明理由后确认发布。
                </p>
              ) : null}
            </div>
          ) : (
            <p class={unread.length ? 'warn' : 'ok'} id="pii">
              未发现身份证号、手机号、银行卡号等个人信息。
              {unread.length ? `附件${unread.join('、')}无法读取文字，未能检查，请人工核对。` : ''}
            </p>
          )}
          <div class="cards">
            {canEdit && (it.state === 'draft' || it.state === 'returned') ? (
              <>
                <Action path="attachments" label="上传附件" files>
                  <label for="file">文件（TXT、HTML、DOCX、XLSX、PDF）</label>
                  <input id="file" name="file" type="file" required />
                </Action>
                <Action path="submit" label="送审" />
              </>
            ) : null}
            {pii.length && canMask ? (
              <Action path="mask" label="脱敏处理">
                <p>自动遮盖正文及 TXT、HTML、DOCX、XLSX 附件中的个人信息；PDF 附件须替换。</p>
              </Action>
            ) : null}
            {canReview && it.state === 'in_review' ? (
              <>
                <Action path="approve" label={`审核通过（${it.reviewChain[it.reviewStep] ?? '审发'}）`}>
                  <fieldset>
                    <legend>保密审查</legend>
                    <label>
                      <input type="checkbox" name="stateSecret" value="1" /> 不涉及国家秘密
                    </label>
                    <label>
                      <input type="checkbox" name="commercialSecret" value="1" /> 不涉及商业秘密
                    </label>
                    <label>
                      <input type="checkbox" name="privacy" value="1" /> 不涉及个人隐私
                    </label>
                  </fieldset>
                  <label for="approve-comment">意见</label>
                  <input id="approve-comment" name="comment" type="text" />
                </Action>
                <Action path="return" label="退回修改">
                  <label for="return-comment">退回意见</label>
                  <textarea id="return-comment" name="comment" required />
                </Action>
                {/* A 身份证号 is only ever masked: no reason is offered to publish it. */}
                {pii.length && !pii.some((f) => f.kind === 'id_card') ? (
                  <Action
                    path="override"
                    label={it.piiOverride && !it.piiOverride.confirmedBy ? '复核确认发布' : '说明理由后确认发布'}
                    danger
                  >
                    {it.piiOverride && !it.piiOverride.confirmedBy ? (
                      <p id="pii-override-pending">
                        已有审核人员提出确认发布（理由：{it.piiOverride.reason}），须由另一名审核人员复核确认。
                      </p>
                    ) : (
                      <p>确认发布个人信息须两名审核人员：一人说明理由提出，另一人复核确认。</p>
                    )}
                    <label for="override-reason">理由（如：为依法应公开的公示信息）</label>
                    <textarea id="override-reason" name="reason" required />
                  </Action>
                ) : null}
              </>
            ) : null}
            {canReview && it.state === 'published' ? (
              <Action path="withdraw" label="撤回" danger>
                <label for="withdraw-reason">撤回理由</label>
                <textarea id="withdraw-reason" name="reason" required />
              </Action>
            ) : null}
          </div>
          {d.attachments.length ? (
            <section>
              <h2>附件</h2>
              <table id="attachments">
                <thead>
                  <tr>
                    <th scope="col">文件</th>
                    <th scope="col">个人信息</th>
                    <th scope="col">保密审查处理</th>
                  </tr>
                </thead>
                <tbody>
                  {d.attachments.map((a) => {
                    const handling = handlings.get(a.id) ?? 'unreadable';
                    const found = findingsIn(a.id);
                    return (
                      <tr id={`attachment-${a.id}`} data-handling={handling}>
                        <td>
                          <a href={`/api/catalog/items/${it.id}/attachments/${a.id}`}>{a.filename}</a>（SHA-256{' '}
                          {a.sha256.slice(0, 16)}）
                        </td>
                        <td>{handling === 'unreadable' ? '未能检查' : found.length ? `${found.length}处` : '无'}</td>
                        <td>
                          {found.length ? HANDLING[handling].found : HANDLING[handling].none}
                          {handling === 'unreadable' && !unchecked.has(a.id) ? <p class="ok">已人工核对。</p> : null}
                          {handling === 'unreadable' && unchecked.has(a.id) && canReview && it.state === 'in_review' ? (
                            <form method="post" action={`/console/catalog/${it.id}/attachment-checked`}>
                              <Csrf c={c} />
                              <Version />
                              <input type="hidden" name="attachmentId" value={String(a.id)} />
                              <label for={`checked-note-${a.id}`}>人工核对结果</label>
                              <input
                                id={`checked-note-${a.id}`}
                                name="note"
                                type="text"
                                value="已逐页人工核对，未发现国家秘密、商业秘密和个人隐私"
                              />
                              <button type="submit">确认已人工核对</button>
                            </form>
                          ) : null}
                          {canMask ? (
                            <details open={found.length > 0 && handling !== 'automatic'}>
                              <summary>替换附件</summary>
                              <form
                                method="post"
                                action={`/console/catalog/${it.id}/replace`}
                                enctype="multipart/form-data"
                              >
                                <Csrf c={c} />
                                <Version />
                                <input type="hidden" name="attachmentId" value={String(a.id)} />
                                <label for={`replace-file-${a.id}`}>处理后的文件（原文件将被删除，不予保留）</label>
                                <input id={`replace-file-${a.id}`} name="file" type="file" required />
                                <label for={`replace-reason-${a.id}`}>替换理由</label>
                                <textarea id={`replace-reason-${a.id}`} name="reason" required />
                                <button type="submit">替换附件</button>
                              </form>
                            </details>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ) : null}
          <h2>正文</h2>
          <article>{raw(sanitizeHtml(it.body))}</article>
          <h2>审核记录</h2>
          <ol>
            {d.reviews.map((r) => (
              <li>
                {r.step}：{DECISION_NAMES[r.decision] ?? r.decision}
                {r.comment ? `（${r.comment}）` : ''}
              </li>
            ))}
          </ol>
        </>,
      );
    });

    const post = (path: string, run: (b: ChangeInput, f: Record<string, unknown>) => Promise<unknown>) =>
      postRecordAction(app, '/console/catalog', path, ({ user, id, version, form }) =>
        run({ user, itemId: id, version }, form),
      );
    post('submit', (b) => submitItem(act, b));
    post('attachments', async (b, f) => {
      const file = f.file;
      if (!(file instanceof File)) throw new AppError('bad_input', '请选择要上传的文件');
      return addAttachment(act, {
        ...b,
        filename: file.name,
        mediaType: file.type || undefined,
        content: new Uint8Array(await file.arrayBuffer()),
      });
    });
    post('replace', async (b, f) => {
      const file = f.file;
      if (!(file instanceof File)) throw new AppError('bad_input', '请选择处理后的文件');
      const attachmentId = Number(str(f.attachmentId));
      if (!Number.isInteger(attachmentId) || attachmentId <= 0) throw new AppError('bad_input', '附件编号无效');
      return replaceAttachment(act, {
        ...b,
        attachmentId,
        filename: file.name,
        mediaType: file.type || undefined,
        content: new Uint8Array(await file.arrayBuffer()),
        reason: str(f.reason),
      });
    });
    post('approve', (b, f) =>
      approveStep(act, {
        ...b,
        checklist: {
          stateSecret: f.stateSecret === '1',
          commercialSecret: f.commercialSecret === '1',
          privacy: f.privacy === '1',
        },
        comment: str(f.comment) || undefined,
      }),
    );
    post('return', (b, f) => returnItem(act, { ...b, comment: str(f.comment) }));
    post('mask', (b) => maskItemPersonalData(act, b));
    post('override', (b, f) => overridePersonalData(act, { ...b, reason: str(f.reason) }));
    post('attachment-checked', (b, f) =>
      confirmAttachmentChecked(act, { ...b, attachmentId: Number(str(f.attachmentId)), note: str(f.note) }),
    );
    post('withdraw', (b, f) => withdrawItem(act, { ...b, reason: str(f.reason) }));
  };
}
