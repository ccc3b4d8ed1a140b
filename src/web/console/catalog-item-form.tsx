/** @jsxImportSource hono/jsx */
/**
 * The fields of a catalog item as a form, for a new draft and for editing one (draft, returned or withdrawn):
 * every field a clerk sets, what was typed kept after an error, each error beside its field.
 */
import { htmlToText } from '../../catalog/sanitize.ts';
import { CHANNEL_NAMES, channels, DOC_TYPE_NAMES, VALIDITY_NAMES } from '../../catalog/vocabulary.ts';
import { FieldError, type FieldErrors, invalid } from '../components/application-form.tsx';

export type ItemFormValues = Record<string, string | string[] | undefined>;

/** A stored item's fields as the form shows them. The body is edited as text when it is plain paragraphs. */
export function itemFormValues(item: {
  title: string;
  category: string;
  docNo: string | null;
  writtenOn: string | null;
  docType: string;
  body: string;
  validity: string | null;
  effectiveOn: string | null;
  interpretsId: number | null;
  standardItemId?: number | null;
  channels: string[];
}): ItemFormValues {
  const plain = /^(\s*<p>[^<]*<\/p>\s*)*$/.test(item.body);
  return {
    title: item.title,
    category: item.category,
    docNo: item.docNo ?? '',
    writtenOn: item.writtenOn ?? '',
    docType: item.docType,
    validity: item.validity ?? '',
    effectiveOn: item.effectiveOn ?? '',
    interpretsId: item.interpretsId ? String(item.interpretsId) : '',
    standardItemId: item.standardItemId ? String(item.standardItemId) : '',
    channels: item.channels,
    bodyFormat: plain ? 'text' : 'html',
    body: plain ? htmlToText(item.body) : item.body,
  };
}

/** The body as stored: text paragraphs become <p> (escaped); HTML is sanitised by the action. */
export function bodyFromForm(format: string, body: string): string {
  if (format === 'html') return body;
  return body
    .replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!)
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p}</p>`)
    .join('');
}

export function ItemForm(props: {
  action: string;
  csrf: unknown;
  version?: number;
  categories: [string, string[]][];
  /** The unit's adopted 标准目录 事项 (id, label): the select is shown when there are any. */
  standardItems?: [number, string][];
  values: ItemFormValues;
  errors?: FieldErrors;
  submit: string;
}) {
  const v = (k: string) => (typeof props.values[k] === 'string' ? (props.values[k] as string) : '');
  const chosen = Array.isArray(props.values.channels) ? props.values.channels : ['website'];
  const e = props.errors;
  return (
    <form method="post" action={props.action} id="item-form">
      {props.csrf as never}
      {props.version ? <input type="hidden" name="version" value={String(props.version)} /> : null}
      {e?.form ? (
        <p class="error" role="alert">
          {e.form}
        </p>
      ) : null}
      <label for="title">标题</label>
      <input id="title" name="title" type="text" value={v('title')} required {...invalid(e, 'title')} />
      <FieldError errors={e} name="title" />
      <label for="category">目录分类</label>
      <select id="category" name="category" {...invalid(e, 'category')}>
        {props.categories.map(([code, path]) => (
          <option value={code} selected={v('category') === code}>
            {path.join(' › ')}
          </option>
        ))}
      </select>
      <FieldError errors={e} name="category" />
      <label for="docNo">文号</label>
      <input id="docNo" name="docNo" type="text" value={v('docNo')} {...invalid(e, 'docNo')} />
      <FieldError errors={e} name="docNo" />
      <label for="writtenOn">成文日期</label>
      <input id="writtenOn" name="writtenOn" type="date" value={v('writtenOn')} {...invalid(e, 'writtenOn')} />
      <FieldError errors={e} name="writtenOn" />
      <label for="docType">文件类型</label>
      <select id="docType" name="docType" {...invalid(e, 'docType')}>
        {Object.entries(DOC_TYPE_NAMES).map(([k, name]) => (
          <option value={k} selected={(v('docType') || 'other') === k}>
            {name}
          </option>
        ))}
      </select>
      <FieldError errors={e} name="docType" />
      <label for="validity">有效性（规章、行政规范性文件）</label>
      <select id="validity" name="validity" {...invalid(e, 'validity')}>
        <option value="">—</option>
        {Object.entries(VALIDITY_NAMES).map(([k, name]) => (
          <option value={k} selected={v('validity') === k}>
            {name}
          </option>
        ))}
      </select>
      <FieldError errors={e} name="validity" />
      <label for="effectiveOn">施行日期</label>
      <input id="effectiveOn" name="effectiveOn" type="date" value={v('effectiveOn')} {...invalid(e, 'effectiveOn')} />
      <FieldError errors={e} name="effectiveOn" />
      <label for="interpretsId">所解读的政策文件编号（文件类型为政策解读时填写）</label>
      <input
        id="interpretsId"
        name="interpretsId"
        type="text"
        inputmode="numeric"
        value={v('interpretsId')}
        {...invalid(e, 'interpretsId')}
      />
      <FieldError errors={e} name="interpretsId" />
      {props.standardItems?.length ? (
        <>
          <label for="standardItemId">基层政务公开标准目录事项</label>
          <select id="standardItemId" name="standardItemId" {...invalid(e, 'standardItemId')}>
            <option value="">（不属于标准目录事项）</option>
            {props.standardItems.map(([id, label]) => (
              <option value={String(id)} selected={v('standardItemId') === String(id)}>
                {label}
              </option>
            ))}
          </select>
          <FieldError errors={e} name="standardItemId" />
        </>
      ) : null}
      <fieldset>
        <legend>发布渠道</legend>
        {channels.map((ch) => (
          <label>
            <input type="checkbox" name="channels" value={ch} checked={chosen.includes(ch)} /> {CHANNEL_NAMES[ch]}
          </label>
        ))}
      </fieldset>
      <FieldError errors={e} name="channels" />
      <input type="hidden" name="bodyFormat" value={v('bodyFormat') || 'text'} />
      <label for="body">{v('bodyFormat') === 'html' ? '正文（HTML，保存时自动清理）' : '正文（每段一行）'}</label>
      <textarea id="body" name="body" rows={12} {...invalid(e, 'body')}>
        {v('body')}
      </textarea>
      <FieldError errors={e} name="body" />
      <p>
        <button type="submit">{props.submit}</button>
      </p>
    </form>
  );
}

/** The form's fields as the catalog actions take them. */
export function itemFieldsFromForm(f: Record<string, unknown>) {
  const text = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const list = Array.isArray(f.channels) ? f.channels.map(String) : f.channels ? [String(f.channels)] : [];
  return {
    title: text('title'),
    category: text('category'),
    docNo: text('docNo') || null,
    writtenOn: text('writtenOn') || null,
    docType: (text('docType') || 'other') as 'other',
    validity: (text('validity') || null) as null,
    effectiveOn: text('effectiveOn') || null,
    interpretsId: /^\d+$/.test(text('interpretsId')) ? Number(text('interpretsId')) : null,
    // Only a form that showed the select sends the field; without it the item's 事项 is left as it is.
    ...('standardItemId' in f
      ? { standardItemId: /^\d+$/.test(text('standardItemId')) ? Number(text('standardItemId')) : null }
      : {}),
    channels: (list.length ? list : ['website']) as ['website'],
    body: bodyFromForm(text('bodyFormat'), text('body')),
  };
}

/** What was typed, to show again after an error. */
export function typedValues(f: Record<string, unknown>): ItemFormValues {
  const out: ItemFormValues = {};
  for (const [k, val] of Object.entries(f)) {
    if (typeof val === 'string') out[k] = val;
    else if (Array.isArray(val)) out[k] = val.map(String);
  }
  if (typeof f.channels === 'string') out.channels = [f.channels];
  if (!f.channels) out.channels = [];
  return out;
}

/** An action's refusal beside its field: zod issues, a named field, or the form. */
export function itemFieldErrors(error: { message: string; details?: unknown }): FieldErrors {
  const d = error.details as { issues?: { path: PropertyKey[]; message: string }[]; field?: string } | undefined;
  const issue = d?.issues?.[0];
  if (issue?.path.length) return { [String(issue.path[0])]: issue.message };
  if (d?.field) return { [d.field]: error.message };
  return { form: error.message };
}
