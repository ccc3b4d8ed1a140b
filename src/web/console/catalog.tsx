/** @jsxImportSource hono/jsx */
/**
 * 主动公开目录 in the console: the agency's items and a form for a new one; an item page with its
 * metadata, attachments, the personal data found in body and attachments, and the actions of its state
 * (submit, upload, approve a review step with the 保密审查 checklist, return, mask, replace an attachment
 * with a processed file, override with a reason, withdraw); per attachment, whether 脱敏处理 can handle it
 * (text, HTML, DOCX, XLSX), it must be replaced (PDF) or it could not be checked at all (text not read);
 * and the review queue (发布审核).
 */
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
import { updateItem } from '../../catalog/actions/update-item.ts';
import { withdrawItem } from '../../catalog/actions/withdraw-item.ts';
import type { AttachmentHandling } from '../../catalog/attachment-mask.ts';
import type { ChangeInput } from '../../catalog/change.ts';
import { consoleCatalogList } from '../../catalog/console-list.ts';
import {
  attachmentHandlings,
  describeFinding,
  itemPersonalData,
  uncheckedAttachments,
} from '../../catalog/content-check.ts';
import { defaultDirectory, flattenDirectory } from '../../catalog/directory.ts';
import { itemDetail } from '../../catalog/queries.ts';
import { sanitizeHtml } from '../../catalog/sanitize.ts';
import { DOC_TYPE_NAMES, itemStates, STATE_NAMES, VALIDITY_NAMES } from '../../catalog/vocabulary.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError, isAppError } from '../../errors.ts';
import { standardItemChoices } from '../../standards/directory/view.ts';
import { requireUser } from '../auth.tsx';
import type { FieldErrors } from '../components/application-form.tsx';
import type { AppEnv } from '../env.ts';
import {
  ItemForm,
  type ItemFormValues,
  itemFieldErrors,
  itemFieldsFromForm,
  itemFormValues,
  typedValues,
} from './catalog-item-form.tsx';
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

  const listPage = async (
    c: Context<AppEnv>,
    title: string,
    reviewOnly: boolean,
    form?: { values: ItemFormValues; errors: FieldErrors },
  ) => {
    const { user, ids } = scopeOf(c);
    requirePermission(user, 'catalog.read', user.agencyId);
    const q = c.req.query();
    const state = reviewOnly ? 'in_review' : (itemStates as readonly string[]).includes(q.state ?? '') ? q.state : '';
    const list = await consoleCatalogList(deps.db, {
      agencyIds: ids,
      states: state ? [state] : undefined,
      q: q.q,
      page: Number(q.page) || 1,
    });
    const base = reviewOnly ? '/console/review' : '/console/catalog';
    const pageLink = (n: number) =>
      `${base}?${new URLSearchParams({ ...(q.q ? { q: q.q } : {}), ...(state && !reviewOnly ? { state } : {}), page: String(n) })}`;
    // The new-item form only for those who may draft (others were shown it and then refused).
    const canDraft = can(user, 'catalog.edit', user.agencyId);
    return consolePage(
      c,
      deps.site,
      title,
      <>
        <h1>{title}</h1>
        {!reviewOnly && canDraft ? (
          <details open={form ? true : undefined}>
            <summary>新建目录信息</summary>
            <ItemForm
              action="/console/catalog"
              csrf={<Csrf c={c} />}
              categories={categories}
              standardItems={await standardItemChoices(deps.db, user.agencyId)}
              values={form?.values ?? { docType: 'other', channels: ['website'], bodyFormat: 'text' }}
              errors={form?.errors}
              submit="保存草稿"
            />
          </details>
        ) : null}
        <form method="get" action={base} class="card filters">
          <span class="filter">
            <label for="f-q">检索</label>
            <input id="f-q" name="q" type="search" value={q.q ?? ''} placeholder="标题、索引号或发文字号" />
          </span>
          {reviewOnly ? null : (
            <span class="filter">
              <label for="f-state">状态</label>
              <select id="f-state" name="state">
                <option value="">全部</option>
                {itemStates.map((st) => (
                  <option value={st} selected={state === st}>
                    {STATE_NAMES[st]}
                  </option>
                ))}
              </select>
            </span>
          )}
          <span class="filter">
            <button type="submit">查询</button>
          </span>
        </form>
        <p id="catalog-total">
          共 {list.total} 条，第 {list.page}/{list.pages} 页（按最近修改排列）。
        </p>
        <div class="table-scroll">
          <table id="catalog-list">
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">机关</th>
                <th scope="col">索引号</th>
                <th scope="col">成文日期</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/console/catalog/${r.id}`}>{r.title}</a>
                  </td>
                  <td>{r.agency}</td>
                  <td>{r.indexNo}</td>
                  <td>{r.writtenOn ?? '—'}</td>
                  <td>
                    {STATE_NAMES[r.state as keyof typeof STATE_NAMES] ?? r.state}
                    {r.state === 'in_review' ? `（${r.reviewChain[r.reviewStep] ?? ''}）` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.pages > 1 ? (
          <nav aria-label="分页" class="pager">
            {list.page > 1 ? <a href={pageLink(list.page - 1)}>上一页</a> : null}
            {list.page < list.pages ? <a href={pageLink(list.page + 1)}>下一页</a> : null}
          </nav>
        ) : null}
      </>,
      form ? 422 : 200,
    );
  };

  return (app: Hono<AppEnv>) => {
    app.get('/console/catalog', (c) => listPage(c, '主动公开目录', false));
    app.get('/console/review', (c) => listPage(c, '发布审核（待审核的信息）', true));

    app.post('/console/catalog', async (c) => {
      const user = requireUser(c);
      const f = await c.req.parseBody({ all: true });
      try {
        const item = await createItem(act, { user, agencyId: user.agencyId, fields: itemFieldsFromForm(f) });
        return c.redirect(`/console/catalog/${item.id}`, 303);
      } catch (error) {
        // Refused: the form again, open, with what was typed and the message beside its field.
        if (isAppError(error) && error.code === 'bad_input')
          return listPage(c, '主动公开目录', false, { values: typedValues(f), errors: itemFieldErrors(error) });
        throw error;
      }
    });

    // 修改: a draft, a returned item, or a withdrawn one (corrected, then submitted again).
    app.post('/console/catalog/:id{[0-9]+}/edit', async (c) => {
      const user = requireUser(c);
      const id = Number(c.req.param('id'));
      const f = await c.req.parseBody({ all: true });
      const version = Number(typeof f.version === 'string' ? f.version : '');
      try {
        await updateItem(act, {
          user,
          itemId: id,
          version: Number.isInteger(version) && version > 0 ? version : undefined,
          fields: itemFieldsFromForm(f),
        });
        return c.redirect(`/console/catalog/${id}`, 303);
      } catch (error) {
        if (isAppError(error) && (error.code === 'bad_input' || error.code === 'conflict'))
          return itemPage(c, id, { values: typedValues(f), errors: itemFieldErrors(error) });
        throw error;
      }
    });

    app.get('/console/catalog/:id{[0-9]+}', (c) => itemPage(c, Number(c.req.param('id'))));
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

  async function itemPage(c: Context<AppEnv>, itemId: number, form?: { values: ItemFormValues; errors: FieldErrors }) {
    const user = requireUser(c);
    const d = await itemDetail(deps.db, itemId);
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
      (canEdit && ['draft', 'returned', 'withdrawn', 'in_review'].includes(it.state)) ||
      (canReview && it.state === 'in_review');
    const editable = canEdit && ['draft', 'returned', 'withdrawn'].includes(it.state);
    const categoryName = new Map(categories).get(it.category)?.join(' › ') ?? it.category;
    const Version = () => <input type="hidden" name="version" value={String(it.version)} />;
    const Action = (props: { path: string; label: string; children?: unknown; danger?: boolean; files?: boolean }) => (
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
        <table class="meta" id="item-meta">
          <tbody>
            <tr>
              <th scope="row">索引号</th>
              <td>{it.indexNo}</td>
              <th scope="row">发布机构</th>
              <td>{d.agencyName}</td>
            </tr>
            <tr>
              <th scope="row">主题分类</th>
              <td>{categoryName}</td>
              <th scope="row">文号</th>
              <td>{it.docNo ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">成文日期</th>
              <td>{it.writtenOn ?? '—'}</td>
              <th scope="row">发布日期</th>
              <td>{it.publishedOn ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">文件类型</th>
              <td>{DOC_TYPE_NAMES[it.docType as keyof typeof DOC_TYPE_NAMES] ?? it.docType}</td>
              <th scope="row">有效性</th>
              <td>{it.validity ? VALIDITY_NAMES[it.validity as keyof typeof VALIDITY_NAMES] : '—'}</td>
            </tr>
          </tbody>
        </table>
        {it.state === 'withdrawn' && editable ? (
          <p class="hint" id="withdrawn-hint">
            已撤回的信息可以修改、脱敏后重新送审；审发后重新发布，索引号不变。
          </p>
        ) : null}
        {editable ? (
          <details open={form ? true : undefined} id="edit">
            <summary>修改</summary>
            <ItemForm
              action={`/console/catalog/${it.id}/edit`}
              csrf={<Csrf c={c} />}
              version={it.version}
              categories={categories}
              standardItems={await standardItemChoices(deps.db, it.agencyId)}
              values={form?.values ?? itemFormValues(it)}
              errors={form?.errors}
              submit="保存修改"
            />
          </details>
        ) : null}
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
                {notMaskable.map(([id]) => `“${d.attachments.find((a) => a.id === id)?.filename ?? id}”`).join('、')}为
                PDF
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
          {editable ? (
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
      form ? 422 : 200,
    );
  }
}
