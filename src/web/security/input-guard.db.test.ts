/**
 * NUL bytes in any field of the application form, in a catalog item's category or body, in a search and in
 * the JSON API are refused with 400 (issue #19: they were 500s, and the error log then held the applicant's
 * full ID number, phone and name). Nothing is stored and nothing is logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { cases } from '../../db/schema/cases.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
let agency = 0;
const logged: unknown[] = [];
const site = () =>
  createSite({
    db: t.db,
    clock: fixedClock('2026-03-02T10:00:00+08:00'),
    secret: 's',
    log: (e) => logged.push(e),
    publicFormsPerMinute: 10_000,
  });

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  const tree = await makeAgencyTree(t.db);
  agency = tree.education.id;
  await makeUser(t.db, { agency: tree.education, role: 'office_head', username: 'edu' });
});
afterAll(() => t.close());

const FORM = {
  applicantType: 'natural_person',
  applicantName: '张三',
  idNumber: '110101199003070011',
  phone: '13800000000',
  email: 'a@example.cn',
  address: '某县人民路1号',
  subject: '申请公开某项目的批复文件',
  formWanted: '电子',
};

describe('a NUL byte is bad input (400), never a 500', () => {
  it.each(Object.keys(FORM))('in the application form field %s', async (field) => {
    const b = testBrowser(site());
    await b.get('/apply');
    const res = await b.multipart('/apply', {
      ...FORM,
      agencyId: String(agency),
      [field]: `${FORM[field as keyof typeof FORM]}\u0000x`,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('不允许的字符');
    expect(await t.db.select().from(cases)).toEqual([]);
    expect(logged).toEqual([]);
  });

  it.each([
    ['the category', { title: '标题', category: '规划\u0000', body: '正文' }],
    ['the body', { title: '标题', category: '规划', body: '正文\u0000' }],
  ])('in a catalog item’s %s', async (_name, fields) => {
    const b = testBrowser(site());
    await b.get('/login');
    await b.post('/login', { username: 'edu', password: TEST_PASSWORD });
    await b.get('/console/catalog');
    const res = await b.post('/console/catalog', fields);
    expect(res.status).toBe(400);
    expect(await t.db.select().from(catalogItems)).toEqual([]);
    expect(logged).toEqual([]);
  });

  it.each([
    ['a portal search', '/search?q=%E9%A2%84%00'],
    ['the catalog by category', '/catalog?category=%00'],
    ['the search API', '/api/catalog/search?q=a%00'],
  ])('in %s', async (_name, path) => {
    const res = await site().request(path);
    expect(res.status).toBe(400);
    expect(logged).toEqual([]);
  });

  it('in a string of a JSON body', async () => {
    const res = await site().request('/api/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...FORM, agencyId: agency, channel: 'online', subject: '申请\u0000公开' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('subject');
  });
});
