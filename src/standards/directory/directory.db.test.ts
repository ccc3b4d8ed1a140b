/** The 基层政务公开标准目录 of a unit: adopting items, tagging catalog items, the completeness view (issue #17). */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../catalog/actions/create-item.ts';
import { makeCatalogWorld, seedTestCalendar } from '../../catalog/testing.ts';
import { fixedClock } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import { makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { standardDirectoryItems } from '../../db/schema/standards.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { registerUnitMetrics, supervisionDashboard } from '../../supervision/dashboard.ts';
import { adoptStandardItems } from './actions/adopt-items.ts';
import { retireAdoptedItem } from './actions/retire-adopted-item.ts';
import { updateAdoptedItem } from './actions/update-adopted-item.ts';
import { templateVersion, updateTemplate } from './actions/update-template.ts';
import { seedStandardTemplates } from './seed.ts';
import { directoryView, ownDirectory, standardDirectoryMetrics } from './view.ts';

let t: TestDb;
let w: Awaited<ReturnType<typeof makeCatalogWorld>>;
const clock = fixedClock('2026-01-05T10:00:00+08:00');
const deps = () => ({ db: t.db, clock });
const TODAY = '2026-12-03';

async function templateId(key: string) {
  const [row] = await t.db.select().from(standardDirectoryItems).where(eq(standardDirectoryItems.key, key));
  return row.id;
}

async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toMatchObject({ code });
}

let policyItemId: number;
let reportItemId: number;

beforeAll(async () => {
  t = await createTestDb();
  w = await makeCatalogWorld(t.db);
  await seedTestCalendar(t.db);
  await t.db.transaction((tx) => seedStandardTemplates(tx, clock.now()));
  // The 教育局 adopts the whole 义务教育 area and the 生态环境状况公报 item.
  const area = await adoptStandardItems(deps(), {
    user: w.staff,
    agencyId: w.bureau.id,
    area: 'compulsory_education',
  });
  policyItemId = area.find((i) => i.level2 === '招生政策')!.id;
  const [report] = await adoptStandardItems(deps(), {
    user: w.staff,
    agencyId: w.bureau.id,
    templateId: await templateId('environment.state_report'),
  });
  reportItemId = report.id;
  // 招生政策 formed 2026-03-02 (Mon), due 20 working days later (03-30), published 04-20: late.
  const policy = await createItem(deps(), {
    user: w.staff,
    agencyId: w.bureau.id,
    fields: {
      title: '某县2026年义务教育招生工作实施方案',
      writtenOn: '2026-03-02',
      category: '20.11',
      standardItemId: policyItemId,
    },
  });
  await t.db
    .update(catalogItems)
    .set({ state: 'published', publishedOn: '2026-04-20' })
    .where(eq(catalogItems.id, policy.id));
});
afterAll(() => t.close());

describe('adopting template items', () => {
  it('copies a whole area and writes one audit event per item', async () => {
    const own = await ownDirectory(t.db, w.bureau.id);
    expect(own.map((i) => i.level2)).toEqual(
      expect.arrayContaining(['招生政策', '招生范围', '义务教育学校名录', '学生资助政策', '生态环境状况公报']),
    );
    const events = await listAudit(t.db, { action: 'standard_item.adopted', agencyIds: [w.bureau.id] });
    expect(events).toHaveLength(own.length);
    expect(events.every((e) => e.actorId === w.staff.id && e.entityType === 'agency_standard_item')).toBe(true);
  });

  it('adopting an item in force again changes nothing', async () => {
    const again = await adoptStandardItems(deps(), {
      user: w.staff,
      agencyId: w.bureau.id,
      templateId: await templateId('environment.state_report'),
    });
    expect(again).toEqual([]);
  });

  it('is refused to another unit’s staff and for an area without items', async () => {
    await expectCode(
      adoptStandardItems(deps(), { user: w.outsider, agencyId: w.bureau.id, area: 'fiscal' }),
      'forbidden',
    );
    // Every area is seeded now (templates.ts): an area whose templates an administrator has not kept has none.
    await t.db.delete(standardDirectoryItems).where(eq(standardDirectoryItems.area, 'tax'));
    await expectCode(adoptStandardItems(deps(), { user: w.staff, agencyId: w.bureau.id, area: 'tax' }), 'not_found');
    await expectCode(
      adoptStandardItems(deps(), { user: w.staff, agencyId: w.bureau.id, area: 'nowhere' }),
      'bad_input',
    );
  });
});

describe('tagging a catalog item with its 事项', () => {
  it('only with an item the unit adopted', async () => {
    const [countyItem] = await adoptStandardItems(deps(), {
      user: w.outsider,
      agencyId: w.county.id,
      templateId: await templateId('fiscal.government_budget'),
    });
    await expectCode(
      createItem(deps(), {
        user: w.staff,
        agencyId: w.bureau.id,
        fields: { title: '某县2026年财政预算', category: '20.7', standardItemId: countyItem.id },
      }),
      'bad_input',
    );
  });
});

describe('editing and retiring the unit’s own copy', () => {
  it('edits with the version shown, refuses a stale one and an unreadable 时限', async () => {
    const [before] = (await ownDirectory(t.db, w.bureau.id)).filter((i) => i.id === reportItemId);
    const fields = {
      level1: before.level1,
      level2: before.level2,
      content: before.content,
      basis: before.basis,
      timeLimit: before.timeLimit,
      subject: '某县教育局',
      channels: ['政府网站', '两微一端'],
      forPublic: true,
      forGroup: false,
      proactive: true,
      onRequest: false,
    };
    await expectCode(
      updateAdoptedItem(deps(), {
        user: w.staff,
        itemId: reportItemId,
        version: before.version,
        fields: { ...fields, timeLimit: '尽快' },
      }),
      'bad_input',
    );
    const after = await updateAdoptedItem(deps(), {
      user: w.staff,
      itemId: reportItemId,
      version: before.version,
      fields,
    });
    expect(after.subject).toBe('某县教育局');
    await expectCode(
      updateAdoptedItem(deps(), { user: w.staff, itemId: reportItemId, version: before.version, fields }),
      'conflict',
    );
    const events = await listAudit(t.db, { action: 'standard_item.updated', entityId: reportItemId });
    expect(events[0].data).toMatchObject({ fields: ['subject', 'channels'] });
  });

  it('retires an item with its reason; it leaves the view', async () => {
    const school = (await ownDirectory(t.db, w.bureau.id)).find((i) => i.level2 === '义务教育学校名录')!;
    await expectCode(retireAdoptedItem(deps(), { user: w.staff, itemId: school.id, reason: ' ' }), 'bad_input');
    await retireAdoptedItem(deps(), { user: w.staff, itemId: school.id, reason: '学校名录由县教育体育局统一公开' });
    expect((await ownDirectory(t.db, w.bureau.id)).some((i) => i.id === school.id)).toBe(false);
    const events = await listAudit(t.db, { action: 'standard_item.retired', entityId: school.id });
    expect(events).toHaveLength(1);
  });
});

describe('acceptance: a unit missing a due 标准目录 item', () => {
  it('appears in the view with the item and its due date; a late one with its due date too', async () => {
    const view = await directoryView(t.db, [w.county.id, w.bureau.id], { year: 2026, today: TODAY });
    const bureau = view.units.find((u) => u.agencyId === w.bureau.id)!;
    const report = bureau.judgements.find((j) => j.item.id === reportItemId)!;
    expect(report).toMatchObject({ state: 'missing', dueOn: '2026-06-05' });
    const policy = bureau.judgements.find((j) => j.item.id === policyItemId)!;
    expect(policy).toMatchObject({ state: 'late', dueOn: '2026-03-30' });
    expect(bureau.tally).toMatchObject({ missing: 1, late: 1 });
    expect(view.areas.get('environment')).toMatchObject({ adopted: 1, missing: 1 });
  });

  it('counts in the supervision ranking', async () => {
    registerUnitMetrics(standardDirectoryMetrics);
    const board = await supervisionDashboard(t.db, w.county.id, TODAY);
    const k = board.metrics.findIndex((m) => m.key === 'standard_directory_missing');
    const row = board.rows.find((r) => r.agency.id === w.bureau.id)!;
    expect(row.metrics[k]).toBe(1);
  });

  it('the page shows a supervisor the unit, the item and its due date', async () => {
    const { createSite } = await import('../../web/site.ts');
    const { testBrowser } = await import('../../web/testing.ts');
    await makeUser(t.db, { agency: w.county, role: 'supervisor', username: 'county.supervisor' });
    const b = testBrowser(
      createSite({ db: t.db, clock: fixedClock(`${TODAY}T10:00:00+08:00`), secret: 's', log: () => {} }),
    );
    await b.get('/login');
    await b.post('/login', { username: 'county.supervisor', password: TEST_PASSWORD });
    const { res, html } = await b.get('/console/standards/directory');
    expect(res.status).toBe(200);
    const row = /<table id="directory-problems">[\s\S]*?<\/table>/.exec(html)![0];
    expect(row).toContain('某县教育局');
    expect(row).toContain('生态环境：环境质量／生态环境状况公报');
    expect(row).toContain('2026-06-05');
    expect(row).toContain('逾期未公开');
    expect(row).toContain('某县2026年义务教育招生工作实施方案（应于2026-03-30前公开，2026-04-20发布）');
    // A supervisor reads; the adopt form is for whoever keeps the unit's catalog.
    expect(html).not.toContain('id="adopt-form"');
  });

  it('staff adopt an area from the page', async () => {
    const { createSite } = await import('../../web/site.ts');
    const { testBrowser } = await import('../../web/testing.ts');
    await makeUser(t.db, { agency: w.bureau, role: 'staff', username: 'bureau.clerk' });
    const b = testBrowser(
      createSite({ db: t.db, clock: fixedClock(`${TODAY}T10:00:00+08:00`), secret: 's', log: () => {} }),
    );
    await b.get('/login');
    await b.post('/login', { username: 'bureau.clerk', password: TEST_PASSWORD });
    const { html } = await b.get('/console/standards/directory');
    expect(html).toContain('id="adopt-form"');
    const res = await b.post('/console/standards/directory/adopt', {
      choice: 'area:social_assistance',
      adoptedOn: TODAY,
    });
    expect(res.status).toBe(303);
    const own = await ownDirectory(t.db, w.bureau.id);
    expect(own.filter((i) => i.area === 'social_assistance')).toHaveLength(4);
    // The catalog form now offers the unit's 事项.
    const form = await b.get('/console/catalog');
    expect(form.html).toContain('基层政务公开标准目录事项');
    expect(form.html).toContain('社会救助：最低生活保障／政策法规文件');
    const policyCopy = own.find((i) => i.level2 === '政策法规文件')!;
    const created = await b.post('/console/catalog', {
      title: '某县最低生活保障政策问答',
      category: '21.county.assistance',
      docType: 'other',
      channels: 'website',
      bodyFormat: 'text',
      body: '最低生活保障标准和办理流程。',
      standardItemId: String(policyCopy.id),
    });
    expect(created.status).toBe(303);
    const createdId = Number(created.headers.get('location')!.split('/').pop());
    const [tagged] = await t.db.select().from(catalogItems).where(eq(catalogItems.id, createdId));
    expect(tagged.standardItemId).toBe(policyCopy.id);
    // The edit form shows the item's 事项 chosen.
    const page = await b.get(`/console/catalog/${createdId}`);
    expect(page.html).toMatch(
      new RegExp(`<option value="${policyCopy.id}" selected="">社会救助：最低生活保障／政策法规文件`),
    );
    // Edit the unit's copy through its form: the fields as posted, checkboxes left out when unticked.
    const copy = own.find((i) => i.level2 === '审核确认结果')!;
    await b.get('/console/standards/directory');
    const edit = await b.post(`/console/standards/directory/items/${copy.id}/edit`, {
      version: String(copy.version),
      level1: copy.level1,
      level2: copy.level2,
      content: copy.content,
      basis: copy.basis,
      timeLimit: '信息形成之日起10个工作日内',
      subject: '某县民政局',
      channels: '政府网站、村务公开栏',
      forGroup: '1',
      proactive: '1',
    });
    expect(edit.status).toBe(303);
    const [edited] = (await ownDirectory(t.db, w.bureau.id)).filter((i) => i.id === copy.id);
    expect(edited).toMatchObject({
      timeLimit: '信息形成之日起10个工作日内',
      channels: ['政府网站', '村务公开栏'],
      forPublic: false,
      forGroup: true,
      onRequest: false,
    });
  });
});

describe('editing a template', () => {
  it('is for an administrator, with the version shown; units keep their copies', async () => {
    const id = await templateId('environment.state_report');
    const [row] = await t.db.select().from(standardDirectoryItems).where(eq(standardDirectoryItems.id, id));
    const admin = (await makeUser(t.db, { agency: w.county, role: 'admin' })).user;
    const fields = {
      level1: row.level1,
      level2: row.level2,
      content: row.content,
      basis: row.basis,
      timeLimit: '每年6月底前',
      subject: row.subject,
      channels: row.channels,
      forPublic: true,
      forGroup: false,
      proactive: true,
      onRequest: false,
    };
    await expectCode(
      updateTemplate(deps(), { user: w.staff, templateId: id, version: templateVersion(row), fields }),
      'forbidden',
    );
    const after = await updateTemplate(deps(), { user: admin, templateId: id, version: templateVersion(row), fields });
    expect(after.timeLimit).toBe('每年6月底前');
    await expectCode(
      updateTemplate(deps(), { user: admin, templateId: id, version: templateVersion(row), fields }),
      'conflict',
    );
    const events = await listAudit(t.db, { action: 'standard_template.updated', entityId: id });
    expect(events[0].data).toMatchObject({ key: 'environment.state_report', fields: ['timeLimit'] });
    const copy = (await ownDirectory(t.db, w.bureau.id)).find((i) => i.id === reportItemId)!;
    expect(copy.timeLimit).toBe('每年6月5日前');
  });
});
