import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/roles.ts';
import { fixedClock } from '../clock.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { handleApiError } from '../web/errors.tsx';
import { type CatalogEnv, catalogApi } from './api.ts';
import { sha256Hex } from './attachments.ts';
import { makeCatalogWorld, seedTestCalendar } from './testing.ts';
import { pdfWithText, TEST_ID, TEST_ID_MASKED } from './testing-files.ts';

let t: TestDb;
let w: Awaited<ReturnType<typeof makeCatalogWorld>>;
let as: SessionUser | null = null;
let app: Hono<CatalogEnv>;
const OK = { stateSecret: true, commercialSecret: true, privacy: true };

beforeAll(async () => {
  t = await createTestDb();
  w = await makeCatalogWorld(t.db);
  await seedTestCalendar(t.db);
  app = new Hono<CatalogEnv>();
  app.use(async (c, next) => {
    c.set('user', as);
    await next();
  });
  app.route('/api/catalog', catalogApi({ db: t.db, clock: fixedClock('2025-10-20') }));
  // The production error handler and format: { error: { status, code, message } }.
  app.onError(handleApiError);
});
afterAll(() => t.close());

const call = (user: SessionUser | null, method: string, path: string, body?: unknown) => {
  as = user;
  return app.request(`http://gov.example${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
};

describe('catalog API', () => {
  let itemId: number;

  it('creates, reviews and publishes through the routes', async () => {
    const created = await call(w.staff, 'POST', '/api/catalog/items', {
      agencyId: w.bureau.id,
      fields: {
        title: '关于公布2025年学校收费标准的公告',
        writtenOn: '2025-10-10',
        category: '20.8',
        body: '<p>收费标准如下<script>x</script></p>',
      },
    });
    expect(created.status).toBe(201);
    const item = (await created.json()) as { id: number; body: string };
    expect(item.body).toBe('<p>收费标准如下</p>');
    itemId = item.id;
    const att = await call(w.staff, 'POST', `/api/catalog/items/${itemId}/attachments`, {
      filename: '收费表.txt',
      contentBase64: Buffer.from('联系电话13812345678').toString('base64'),
    });
    expect(att.status).toBe(201);
    expect((await call(w.staff, 'POST', `/api/catalog/items/${itemId}/submit`, {})).status).toBe(200);
    // 保密审查 at the first step already.
    const blocked = await call(w.head, 'POST', `/api/catalog/items/${itemId}/approve`, { checklist: OK });
    expect(await blocked.json()).toMatchObject({ error: { code: 'blocked' } });
    const detail = (await (await call(w.reviewer, 'GET', `/api/catalog/items/${itemId}`)).json()) as {
      personalData: unknown[];
    };
    expect(detail.personalData).toHaveLength(1);
    expect((await call(w.reviewer, 'POST', `/api/catalog/items/${itemId}/mask`, {})).status).toBe(200);
    expect((await call(w.head, 'POST', `/api/catalog/items/${itemId}/approve`, { checklist: OK })).status).toBe(200);
    // The same person cannot take the next step too (separation of duties, issue #12).
    const again = await call(w.head, 'POST', `/api/catalog/items/${itemId}/approve`, { checklist: OK });
    expect(again.status).toBe(403);
    expect((await call(w.second, 'POST', `/api/catalog/items/${itemId}/approve`, { checklist: OK })).status).toBe(200);
    const published = await call(w.reviewer, 'POST', `/api/catalog/items/${itemId}/approve`, { checklist: OK });
    expect(await published.json()).toMatchObject({ state: 'published' });
  });

  it('replaces an attachment (替换附件) and tells per attachment what masking can do', async () => {
    const created = await call(w.staff, 'POST', '/api/catalog/items', {
      agencyId: w.bureau.id,
      fields: { title: '名单（PDF）', category: '20.11', body: '<p>见附件</p>' },
    });
    const draft = (await created.json()) as { id: number };
    const pdf = pdfWithText([`ID ${TEST_ID}`]);
    await call(w.staff, 'POST', `/api/catalog/items/${draft.id}/attachments`, {
      filename: '名单.pdf',
      contentBase64: Buffer.from(pdf).toString('base64'),
    });
    const before = (await (await call(w.staff, 'GET', `/api/catalog/items/${draft.id}`)).json()) as {
      attachments: { id: number; sha256: string }[];
      attachmentHandling: { id: number; handling: string }[];
    };
    expect(before.attachmentHandling).toEqual([
      { id: before.attachments[0].id, filename: '名单.pdf', handling: 'replace' },
    ]);
    const clean = pdfWithText([`ID ${TEST_ID_MASKED}`]);
    const path = `/api/catalog/items/${draft.id}/attachments/${before.attachments[0].id}`;
    const body = {
      filename: '名单.pdf',
      contentBase64: Buffer.from(clean).toString('base64'),
      reason: '已删除身份证号',
    };
    expect(await (await call(w.outsider, 'PUT', path, body)).json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await call(w.staff, 'PUT', path, body)).status).toBe(200);
    const after = (await (await call(w.staff, 'GET', `/api/catalog/items/${draft.id}`)).json()) as {
      attachments: { sha256: string }[];
      personalData: unknown[];
    };
    expect(after.attachments[0].sha256).toBe(sha256Hex(clean));
    expect(after.personalData).toEqual([]);
  });

  it('validates input with zod and refuses the anonymous', async () => {
    const bad = await call(w.staff, 'POST', '/api/catalog/items', { agencyId: w.bureau.id, fields: { title: '' } });
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_input' } });
    const anon = await call(null, 'POST', `/api/catalog/items/${itemId}/withdraw`, { reason: '测试' });
    expect(await anon.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('serves search, the item, and its attachment to the public', async () => {
    const res = await call(null, 'GET', `/api/catalog/search?q=${encodeURIComponent('收费标准')}`);
    const body = (await res.json()) as { hits: { id: number; titleHtml: string }[] };
    expect(body.hits[0].id).toBe(itemId);
    expect(body.hits[0].titleHtml).toContain('<mark>收费标准</mark>');
    const item = (await (await call(null, 'GET', `/api/catalog/items/${itemId}`)).json()) as {
      item: Record<string, unknown>;
      attachments: { id: number }[];
    };
    expect(item.item.piiOverride).toBeUndefined();
    const file = await call(null, 'GET', `/api/catalog/items/${itemId}/attachments/${item.attachments[0].id}`);
    expect(await file.text()).toBe('联系电话138****5678');
  });

  it('hides drafts from the public', async () => {
    const created = await call(w.staff, 'POST', '/api/catalog/items', {
      agencyId: w.bureau.id,
      fields: { title: '草稿', category: '20.2' },
    });
    const { id } = (await created.json()) as { id: number };
    expect(await (await call(null, 'GET', `/api/catalog/items/${id}`)).json()).toMatchObject({
      error: { code: 'not_found' },
    });
    expect((await call(w.staff, 'GET', `/api/catalog/items/${id}`)).status).toBe(200);
  });

  it.each([
    ['RSS 2.0', '/api/catalog/feed.rss', 'application/rss+xml', '<rss version="2.0"'],
    ['Atom', '/api/catalog/feed.atom', 'application/atom+xml', '<feed xmlns="http://www.w3.org/2005/Atom"'],
    ['JSON Feed', '/api/catalog/feed.json', 'application/feed+json', '"version":"https://jsonfeed.org/version/1.1"'],
    ['sitemap', '/api/catalog/sitemap.xml', 'application/xml', '<urlset'],
  ])('serves %s', async (_n, path, type, marker) => {
    const res = await call(null, 'GET', path);
    expect(res.headers.get('content-type')).toContain(type);
    const text = await res.text();
    expect(text).toContain(marker);
    expect(text).toContain(`http://gov.example/catalog/${itemId}`);
  });

  it('section 二 and its drill-down need catalog.read', async () => {
    await call(w.staff, 'POST', '/api/catalog/figures', {
      agencyId: w.bureau.id,
      year: 2025,
      month: 9,
      figures: { 'licensing.decisions': 4 },
    });
    const res = await call(w.staff, 'GET', `/api/catalog/section-two?agency=${w.bureau.id}&year=2025`);
    expect(await res.json()).toMatchObject({ format: 'new2021', values: { 's20_5.licensing.decisions': 4 } });
    const drill = await call(
      w.staff,
      'GET',
      `/api/catalog/section-two/drill?agency=${w.bureau.id}&year=2025&key=s20_5.licensing.decisions`,
    );
    expect(((await drill.json()) as { figures: unknown[] }).figures).toHaveLength(1);
    expect(
      await (await call(w.outsider, 'GET', `/api/catalog/section-two?agency=${w.bureau.id}&year=2025`)).json(),
    ).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('lists the 第二十六条 and 政策解读 flags', async () => {
    const res = await call(w.staff, 'GET', `/api/catalog/flags?agency=${w.bureau.id}&year=2025`);
    expect(await res.json()).toMatchObject({ late: [], outOfStep: [] });
  });

  it('imports a CSV upload', async () => {
    const form = new FormData();
    form.set('agencyId', String(w.bureau.id));
    form.set(
      'file',
      new File(['标题,成文日期,发布日期,目录分类\n导入的信息,2025-01-02,2025-01-03,20.2\n'], 'a.csv', {
        type: 'text/csv',
      }),
    );
    as = w.staff;
    const res = await app.request('http://gov.example/api/catalog/import', { method: 'POST', body: form });
    expect(await res.json()).toMatchObject({ imported: 1, published: 1 });
  });
});

describe('catalog settings through the API (#19: optimistic versions)', () => {
  it('a PUT sends back the version it read; a stale or missing one is refused and the saved settings kept', async () => {
    const path = `/api/catalog/settings/${w.bureau.id}`;
    const read = async () =>
      (await (await call(w.head, 'GET', path)).json()) as { version: string; reviewChain: string[] | null };
    const first = await read();
    const put = (reviewChain: string[], version?: string) =>
      call(w.head, 'PUT', '/api/catalog/settings', { agencyId: w.bureau.id, directory: null, reviewChain, version });
    expect((await put(['初审', '审核', '审发'], first.version)).status).toBe(200);
    const stale = await put(['审发'], first.version);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toContain('已被他人修改');
    expect((await put(['审发'])).status).toBe(400);
    const now = await read();
    expect(now.reviewChain).toEqual(['初审', '审核', '审发']);
    expect((await put(['初审', '审发'], now.version)).status).toBe(200);
    // Reading another agency's settings needs the right to review there.
    expect((await call(w.staff, 'GET', path)).status).toBe(403);
  });
});
