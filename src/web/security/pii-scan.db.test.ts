/**
 * The personal-data scan of issue #19: an applicant with a known ID number (and phone) files through the
 * portal, naming a file with the number and writing it in the request; its handler reads the file. Then every
 * page, API answer and export of the site is fetched as each role, and every audit row is read: the full ID
 * number and phone appear only to the staff handling the case, on the case itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { samplePng } from '../../testing/files.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const ID = '11010519491231002X';
const PHONE = '13812345678';
let t: TestDb;
let site: ReturnType<typeof createSite>;
let caseId = 0;
let code = '';
let agency = 0;
let county = 0;

type Role = Parameters<typeof makeUser>[1]['role'];
const USERS: [string, Role, 'education' | 'county' | 'town'][] = [
  ['handler', 'staff', 'education'],
  ['head', 'office_head', 'education'],
  ['reviewer', 'reviewer', 'education'],
  ['supervisor', 'supervisor', 'county'],
  ['admin', 'admin', 'county'],
  ['other', 'staff', 'town'],
];
/** Who may handle the case (case.handle): its agency's staff and head, and the administrator, who has every permission. */
const HANDLERS = new Set(['handler', 'head', 'admin']);

async function signedIn(username: string) {
  const b = testBrowser(site);
  await b.get('/login');
  await b.post('/login', { username, password: TEST_PASSWORD });
  await b.get('/console');
  return b;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  const tree = await makeAgencyTree(t.db);
  agency = tree.education.id;
  county = tree.county.id;
  for (const [username, role, where] of USERS) await makeUser(t.db, { agency: tree[where], role, username });
  site = createSite({
    db: t.db,
    clock: fixedClock('2026-03-02T10:00:00+08:00'),
    secret: 's',
    log: () => {},
    publicFormsPerMinute: 10_000,
  });
  const applicant = testBrowser(site);
  await applicant.get('/apply');
  const receipt = await applicant.multipart(
    '/apply',
    {
      applicantType: 'natural_person',
      applicantName: '王小明',
      idNumber: ID,
      phone: PHONE,
      agencyId: String(agency),
      subject: `申请公开本人（身份证号${ID}，电话${PHONE}）的拆迁补偿协议`,
      formWanted: '电子',
    },
    [['identityFiles', new File([samplePng()], `身份证${ID}.png`, { type: 'image/png' })]],
  );
  expect(receipt.status).toBe(303);
  const { html } = await applicant.get(receipt.headers.get('location') ?? '');
  code = /id="tracking-code">([A-Z0-9]+)</.exec(html)?.[1] ?? '';
  expect(code).not.toBe('');
  const handler = await signedIn('handler');
  const inbox = (await (await handler.send('/api/cases')).json()) as { id: number }[];
  caseId = inbox[0].id;
  const files = (await (await handler.send(`/api/cases/${caseId}/attachments`)).json()) as { id: number }[];
  expect((await handler.send(`/api/cases/${caseId}/attachments/${files[0].id}`)).status).toBe(200);
});
afterAll(() => t.close());

const PUBLIC = () => [
  '/',
  `/track?code=${code}`,
  `/api/cases/track/${code}`,
  '/catalog',
  '/search?q=%E7%94%B3%E8%AF%B7',
  '/reports',
  '/data',
  '/data/export.csv',
  '/data/export.json',
  '/apply',
];
const CONSOLE = () => [
  '/console',
  '/console/cases',
  `/console/cases/${caseId}`,
  '/console/audit',
  '/console/supervision',
  '/console/notices',
  '/console/reports',
  '/console/catalog',
  '/console/review',
  '/api/cases',
  `/api/cases/${caseId}`,
  `/api/cases/${caseId}/attachments`,
  `/api/cases/sections?agency=${agency}&year=2026`,
  `/api/cases/sections/drill?agency=${agency}&year=2026&key=apply.received.total`,
  `/api/cases/sections?agency=${county}&year=2026`,
];
/** Where the handlers of the case see the applicant's numbers in full: the case, and its files' names. */
const THE_CASE = () =>
  new Set([`/console/cases/${caseId}`, `/api/cases/${caseId}`, `/api/cases/${caseId}/attachments`]);

async function scan(b: ReturnType<typeof testBrowser>, paths: string[], allowed: Set<string>) {
  const leaks: string[] = [];
  for (const path of paths) {
    const res = await b.send(path);
    const text = `${[...res.headers].join('\n')}\n${await res.text()}`;
    if (allowed.has(path)) continue;
    if (text.includes(ID)) leaks.push(`${path}: ID number`);
    if (text.includes(PHONE)) leaks.push(`${path}: phone`);
  }
  return leaks;
}

describe('no full ID number or phone where the role does not handle the case', () => {
  it('anonymous: the portal, the tracking page and the exports', async () => {
    expect(await scan(testBrowser(site), [...PUBLIC(), ...CONSOLE()], new Set())).toEqual([]);
  });

  it.each(USERS.map(([username]) => [username]))('signed in as %s', async (username) => {
    const b = await signedIn(username);
    const allowed = HANDLERS.has(username) ? THE_CASE() : new Set<string>();
    expect(await scan(b, [...PUBLIC(), ...CONSOLE()], allowed)).toEqual([]);
  });

  it('the handlers do see them on the case (so the scan can find them)', async () => {
    const b = await signedIn('handler');
    expect(await (await b.send(`/api/cases/${caseId}`)).text()).toContain(ID);
    expect(await (await b.send(`/console/cases/${caseId}`)).text()).toContain(ID);
  });

  it('no audit row holds them (case.received, case.attachment_read and the rest)', async () => {
    const rows = await t.db.select().from(auditEvents);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['case.received', 'case.attachment_read']));
    const text = JSON.stringify(rows);
    expect(text).not.toContain(ID);
    expect(text).not.toContain(PHONE);
  });
});
