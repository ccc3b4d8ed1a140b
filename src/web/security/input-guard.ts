/**
 * What no input of ours may hold, refused at the edge for every route before any schema sees it: a NUL byte
 * (PostgreSQL refuses it in text, so it was a 500, and the failed query with the applicant's ID number, phone
 * and name went to the error log) and unpaired UTF-16 surrogates (not text in any encoding), in the path, the
 * query, the fields of a form and the strings of a JSON body; record numbers in the path past PostgreSQL's
 * integer (a 500 once) are not found. The route's own zod schema checks the rest.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';
import { requestBody } from './body-limit.ts';

/** NUL and the other C0 controls except tab, CR and LF; unpaired surrogates. */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const MAX_QUERY_KEYS = 50;
/** The largest id a table of ours holds (PostgreSQL integer). */
export const MAX_RECORD_ID = 2_147_483_647;

export function refusedText(value: string): boolean {
  return FORBIDDEN.test(value);
}

function refuse(where: string): never {
  throw new AppError('bad_input', `${where}含有不允许的字符（如空字符或无效的文字编码），请删除后重新提交。`);
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new AppError('bad_input', '网址中含有无效的编码，请检查后重试。');
  }
}

function checkAddress(c: Context): void {
  const url = c.req.url;
  const q = url.indexOf('?');
  const path = url.slice(url.indexOf('/', url.indexOf('//') + 2), q < 0 ? undefined : q);
  if (refusedText(decoded(path))) refuse('网址');
  // A record's number in the path (/catalog/7, /reports/7.json) past PostgreSQL's integer is no record of ours.
  for (const m of path.matchAll(/\/(\d{10,})(?=[./]|$)/g)) {
    if (Number(m[1]) > MAX_RECORD_ID) throw new AppError('not_found', '没有找到该记录，请检查网址。');
  }
  if (q < 0) return;
  const pairs = url.slice(q + 1).split('&');
  if (pairs.length > MAX_QUERY_KEYS) throw new AppError('bad_input', '网址中的查询参数过多。');
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = decoded(eq < 0 ? pair : pair.slice(0, eq));
    if (refusedText(key) || (eq >= 0 && refusedText(decoded(pair.slice(eq + 1)))))
      refuse(`查询参数 ${key.slice(0, 40)} `);
  }
}

/** Every string in a parsed JSON value, with its path. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}.${i}`);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      yield [`${path}.${k}`, k];
      yield* strings(v, path ? `${path}.${k}` : k);
    }
}

async function checkBody(c: Context): Promise<void> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    const form = await c.req.parseBody({ all: true });
    for (const [name, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (refusedText(name)) refuse('表单');
        if (typeof v === 'string' && refusedText(v)) refuse(`表单项 ${name.slice(0, 40)} `);
        if (v instanceof File && refusedText(v.name)) refuse(`文件名 ${name.slice(0, 40)} `);
      }
    }
  } else if (type.includes('json')) {
    const text = await c.req.text();
    if (!text.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppError('bad_input', '请求：不是有效的 JSON');
    }
    for (const [path, s] of strings(parsed, '')) if (refusedText(s)) refuse(`字段 ${path.slice(0, 60) || '请求'} `);
  }
}

export function inputGuard(): MiddlewareHandler {
  return async (c, next) => {
    checkAddress(c);
    if (requestBody(c)) await checkBody(c);
    await next();
  };
}
