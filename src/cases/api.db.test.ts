import { Hono } from 'hono';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/roles.ts';
import { seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { handleApiError } from '../web/errors.tsx';
import { type CasesEnv, casesApi } from './api.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let staff: SessionUser;
let head: SessionUser;
let outsider: SessionUser;

/** The sub-app as the web mounts it: a user on the context, the production error handler and format. */
function appAt(today: string, user: SessionUser | null) {
  const app = new Hono<CasesEnv>();
  app.use(async (c, next) => {
    c.set('user', user);
    await next();
  });
  app.route('/api/cases', casesApi({ db: t.db, clock: fixedClock(today) }));
  app.onError(handleApiError);
  return app;
}
const post = (app: Hono<CasesEnv>, path: string, json: unknown) =>
  app.request(path, { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json' } });

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  staff = (await makeUser(t.db, { agency: tree.education, role: 'staff' })).user;
  head = (await makeUser(t.db, { agency: tree.education, role: 'office_head' })).user;
  outsider = (await makeUser(t.db, { agency: tree.town, role: 'staff' })).user;
});
afterAll(() => t.close());

const application = {
  applicantType: 'natural_person',
  applicantName: '李四',
  idNumber: '110101199003071233',
  phone: '13912345678',
  channel: 'online',
  subject: '2024年县城老旧小区改造项目资金分配表',
  formWanted: '电子',
};

describe('the cases API', () => {
  it('files an application publicly, tracks it, and walks it through 补正, extension and reply', async () => {
    const portal = appAt('2025-03-03', null);
    const filed = await post(portal, '/api/cases', { ...application, agencyId: tree.education.id });
    expect(filed.status).toBe(201);
    const { id, trackingCode } = (await filed.json()) as { id: number; trackingCode: string };
    const tracked = await portal.request(`/api/cases/track/${trackingCode}`);
    expect(await tracked.json()).toMatchObject({ state: 'received', dueOn: '2025-03-31' });
    expect((await portal.request(`/api/cases/${id}`)).status).toBe(401);

    const asStaff = appAt('2025-03-05', staff);
    const corr = await post(asStaff, `/api/cases/${id}/request-correction`, {
      deadline: '2025-03-20',
      what: '请写明项目名称',
    });
    expect(await corr.json()).toMatchObject({ state: 'awaiting_correction' });
    const doc = await asStaff.request(`/api/cases/${id}/documents/correction.html`);
    const html = await doc.text();
    expect(html).toContain('补正告知书');
    expect(html).toContain('请写明项目名称');
    expect(html).toContain('第三十条');
    const back = await post(appAt('2025-03-10', staff), `/api/cases/${id}/receive-correction`, {});
    expect(await back.json()).toMatchObject({ state: 'received', dueOn: '2025-04-08' });

    const refused = await post(appAt('2025-03-20', staff), `/api/cases/${id}/extend`, { reason: '需调取档案' });
    expect(refused.status).toBe(403);
    const extended = await post(appAt('2025-03-20', head), `/api/cases/${id}/extend`, { reason: '需调取档案' });
    expect(await extended.json()).toMatchObject({ extended: true, dueOn: '2025-05-08' });

    const replied = await post(appAt('2025-04-01', staff), `/api/cases/${id}/reply`, {
      outcome: 'partly_granted',
      text: '资金分配表中个人账户信息已作区分处理。',
    });
    expect(await replied.json()).toMatchObject({ state: 'replied', outcome: 'partly_granted' });
    const docx = await asStaff.request(`/api/cases/${id}/documents/reply.docx`);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string');
    expect(xml).toContain('第三十七条');
    expect(xml).toContain('李四');
  });

  it('refuses bad input, another agency’s staff, and a stale version', async () => {
    const asStaff = appAt('2025-03-03', staff);
    const bad = await post(asStaff, '/api/cases', { ...application, agencyId: tree.education.id, channel: 'pigeon' });
    expect(bad.status).toBe(400);
    // The format production sends (src/web/errors.tsx), not a test's own.
    expect(await bad.json()).toMatchObject({ error: { status: 400, code: 'bad_input', message: expect.any(String) } });
    const filed = await post(asStaff, '/api/cases', { ...application, agencyId: tree.education.id });
    const c = (await filed.json()) as { id: number; version: number };
    expect((await appAt('2025-03-04', outsider).request(`/api/cases/${c.id}`)).status).toBe(403);
    const ok = await post(asStaff, `/api/cases/${c.id}/start-consultation`, {
      kind: 'third_party',
      party: '某公司',
      expectedVersion: c.version,
    });
    expect(ok.status).toBe(200);
    const stale = await post(asStaff, `/api/cases/${c.id}/withdraw`, { expectedVersion: c.version });
    expect(stale.status).toBe(409);
  });

  it('lists the inbox masked, and a cell of section 三 drills down to its cases', async () => {
    const asStaff = appAt('2025-06-01', staff);
    const list = (await (await asStaff.request('/api/cases')).json()) as { applicantName: string; phone: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.applicantName === '李*' && r.phone === '139****5678')).toBe(true);
    const overdue = (await (await asStaff.request('/api/cases?only=overdue')).json()) as { overdue: boolean }[];
    expect(overdue.length).toBe(list.length);
    expect((await (await asStaff.request('/api/cases?only=due_soon')).json()) as unknown[]).toEqual([]);
    const q = `agency=${tree.education.id}&year=2025&subtree=1`;
    const sections = (await (await asStaff.request(`/api/cases/sections?${q}`)).json()) as Record<string, number>;
    const drill = (await (await asStaff.request(`/api/cases/sections/drill?${q}&key=apply.received.total`)).json()) as {
      count: number;
    };
    expect(drill.count).toBe(sections['apply.received.total']);
    expect(drill.count).toBeGreaterThanOrEqual(2);
  });

  it('an agency’s own wording of a template is used, unknown placeholders refused', async () => {
    const path = `/api/cases/templates/${tree.education.id}/receipt`;
    const put = (user: SessionUser, body: unknown) =>
      appAt('2025-03-03', user).request(path, {
        method: 'PUT',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    expect(
      (await put(head, { title: '受理回执', body: '{{申请人}}：来信收悉{{不存在}}。', version: 'new' })).status,
    ).toBe(400);
    expect(
      (await put(staff, { title: '受理回执', body: '{{申请人}}：您的申请已收到，查询码{{查询码}}。', version: 'new' }))
        .status,
    ).toBe(403);
    const shown = (await (await appAt('2025-03-03', head).request(path)).json()) as { version: string; own: boolean };
    expect(shown).toMatchObject({ own: false, version: 'new' });
    const wording = { title: '受理回执', body: '{{申请人}}：您的申请已收到，查询码{{查询码}}。' };
    expect((await put(head, { ...wording, version: shown.version })).status).toBe(200);
    // Saved from a stale read (or with no version): 409, the saved wording kept (#19).
    expect((await put(head, { ...wording, body: '{{申请人}}：另一种写法。', version: shown.version })).status).toBe(
      409,
    );
    expect((await put(head, { ...wording, body: '{{申请人}}：另一种写法。' })).status).toBe(400);
    const filed = (await (
      await post(appAt('2025-03-03', staff), '/api/cases', { ...application, agencyId: tree.education.id })
    ).json()) as { id: number; trackingCode: string };
    const html = await (await appAt('2025-03-03', staff).request(`/api/cases/${filed.id}/documents/receipt`)).text();
    expect(html).toContain(`李四：您的申请已收到，查询码${filed.trackingCode}。`);
  });
});
