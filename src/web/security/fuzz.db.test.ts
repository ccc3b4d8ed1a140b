/**
 * Parameter fuzzing (issue #19): 1,500 hostile values (NUL bytes, overflowing numbers, odd unicode, long
 * strings, arrays for scalars, SQL and HTML fragments) over the portal's and the APIs' parameters, anonymous
 * and signed in. None may give a 500: bad input is a 400 (or the page, with the value shown escaped).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { hostileValues } from '../../testing/hostile.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

type Browser = ReturnType<typeof testBrowser>;
type Target = { name: string; send: (v: string) => Promise<Response> };

let t: TestDb;
let anon: Browser;
let staff: Browser;
let agency = 0;
const errors: unknown[] = [];

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  const tree = await makeAgencyTree(t.db);
  agency = tree.education.id;
  await makeUser(t.db, { agency: tree.education, role: 'office_head', username: 'head' });
  const site = createSite({
    db: t.db,
    clock: fixedClock('2026-03-02T10:00:00+08:00'),
    secret: 's',
    log: (e) => errors.push(e),
    publicFormsPerMinute: 1_000_000,
    lookupsPerMinute: 1_000_000,
    searchesPerMinute: 1_000_000,
  });
  anon = testBrowser(site);
  await anon.get('/apply');
  staff = testBrowser(site);
  await staff.get('/login');
  await staff.post('/login', { username: 'head', password: TEST_PASSWORD });
  await staff.get('/console');
});
afterAll(() => t.close());

/** Percent-encoded as a browser would (a lone surrogate becomes U+FFFD; JSON bodies carry them as they are). */
const q = (v: string) => encodeURIComponent(Buffer.from(v, 'utf8').toString());
const json = (b: Browser, method: string, path: string, body: unknown) =>
  b.send(path, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': b.token() },
    body: JSON.stringify(body),
  });
const application = (field: string, v: string) => ({
  applicantType: 'natural_person',
  applicantName: '张三',
  idNumber: '110101199003070011',
  phone: '13800000000',
  agencyId: String(agency),
  subject: '申请公开某项目的批复文件',
  formWanted: '电子',
  [field]: v,
});

function targets(): Target[] {
  const get = (b: () => Browser, name: string, path: (v: string) => string): Target => ({
    name,
    send: (v) => b().send(path(v)),
  });
  const A = () => anon;
  const S = () => staff;
  return [
    get(A, '/catalog?category', (v) => `/catalog?category=${q(v)}`),
    get(A, '/catalog?page', (v) => `/catalog?page=${q(v)}`),
    get(A, '/catalog?agency', (v) => `/catalog?agency=${q(v)}`),
    get(A, '/catalog?<key>', (v) => `/catalog?${q(v)}=1`),
    get(A, '/catalog/:id', (v) => `/catalog/${q(v)}`),
    get(A, '/search?q', (v) => `/search?q=${q(v)}`),
    get(A, '/search?q twice', (v) => `/search?q=${q(v)}&q=${q(v)}`),
    get(A, '/search?year', (v) => `/search?q=%E9%A2%84%E7%AE%97&year=${q(v)}`),
    get(A, '/search?page', (v) => `/search?q=%E9%A2%84%E7%AE%97&page=${q(v)}`),
    get(A, '/search?type', (v) => `/search?type=${q(v)}`),
    get(A, '/reports?year', (v) => `/reports?year=${q(v)}`),
    get(A, '/reports/:id', (v) => `/reports/${q(v)}`),
    get(A, '/data?year', (v) => `/data?year=${q(v)}`),
    get(A, '/data?body', (v) => `/data?body=${q(v)}`),
    get(A, '/data?page', (v) => `/data?page=${q(v)}`),
    get(A, '/data/body/:key', (v) => `/data/body/${q(v)}`),
    get(A, '/track?code', (v) => `/track?code=${q(v)}`),
    get(A, '/guide?x (a long address)', (v) => `/guide?x=${q(v)}`),
    get(A, '/prefs/script?back', (v) => `/prefs/script?to=hant&back=${q(v)}`),
    get(A, '/login?next', (v) => `/login?next=${q(v)}`),
    get(A, '/api/catalog/search?q', (v) => `/api/catalog/search?q=${q(v)}`),
    get(A, '/api/catalog/search?year', (v) => `/api/catalog/search?year=${q(v)}`),
    get(A, '/api/catalog/search?category', (v) => `/api/catalog/search?category=${q(v)}`),
    get(A, '/api/catalog/directory?agency', (v) => `/api/catalog/directory?agency=${q(v)}`),
    get(A, '/api/catalog/items/:id', (v) => `/api/catalog/items/${q(v)}`),
    get(A, '/api/cases/track/:code', (v) => `/api/cases/track/${q(v)}`),
    get(S, '/api/cases?only', (v) => `/api/cases?only=${q(v)}`),
    get(S, '/api/cases?agency', (v) => `/api/cases?agency=${q(v)}`),
    get(S, '/api/cases/sections?year', (v) => `/api/cases/sections?agency=${agency}&year=${q(v)}`),
    get(S, '/api/cases/sections/drill?key', (v) => `/api/cases/sections/drill?agency=${agency}&year=2025&key=${q(v)}`),
    get(
      S,
      '/api/cases/sections/drill?<key>',
      (v) => `/api/cases/sections/drill?agency=${agency}&year=2025&key=apply.total&${q(v)}=1`,
    ),
    get(S, '/console/cases?only', (v) => `/console/cases?only=${q(v)}`),
    get(S, '/console/catalog?q', (v) => `/console/catalog?q=${q(v)}`),
    ...['applicantName', 'idNumber', 'phone', 'email', 'address', 'subject', 'agencyId', 'applicantType'].map(
      (field): Target => ({ name: `POST /apply ${field}`, send: (v) => anon.post('/apply', application(field, v)) }),
    ),
    {
      name: 'POST /api/cases subject',
      send: (v) => json(anon, 'POST', '/api/cases', { ...application('subject', v), channel: 'online' }),
    },
    {
      name: 'POST /api/cases array for a scalar',
      send: (v) => json(anon, 'POST', '/api/cases', { ...application('x', ''), applicantName: [v], channel: 'online' }),
    },
    {
      name: 'POST /api/cases number field',
      send: (v) => json(anon, 'POST', '/api/cases', { ...application('x', ''), agencyId: v, channel: 'online' }),
    },
    {
      name: 'POST /api/catalog/items title',
      send: (v) => json(staff, 'POST', '/api/catalog/items', { agencyId: agency, fields: { title: v, category: v } }),
    },
    {
      name: 'POST /console/catalog category and body',
      send: (v) => staff.post('/console/catalog', { title: '测试', category: v, body: v }),
    },
  ];
}

const ALL = targets();
const VALUES = hostileValues(1500);
/** The named values (NUL, 1e309, …) go to every parameter; the rest of the 1,500 are dealt out in turn. */
const NAMED = 60;
const valuesFor = (k: number) => [
  ...VALUES.slice(0, NAMED),
  ...VALUES.slice(NAMED).filter((_, i) => i % ALL.length === k),
];

describe('1,500 hostile parameter values give no 500', () => {
  it.each(ALL.map((target, k) => [target.name, target, k] as const))('%s', async (_name, target, k) => {
    const failures: string[] = [];
    for (const v of valuesFor(k)) {
      const res = await target.send(v);
      await res.arrayBuffer();
      if (res.status >= 500) failures.push(`${JSON.stringify(v).slice(0, 60)} → ${res.status}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(errors.splice(0).map((e) => String(e).slice(0, 300))).toEqual([]);
  });

  it('tries at least 1,500 values in all', () => {
    expect(ALL.reduce((n, _, k) => n + valuesFor(k).length, 0)).toBeGreaterThanOrEqual(1500);
    expect(new Set(ALL.flatMap((_, k) => valuesFor(k))).size).toBe(1500);
  });
});

describe('the 500s of issue #19 are 400s (or 404s, or the page)', () => {
  it.each([
    ['year=1e309 on the reports list', () => anon.send('/reports?year=1e309'), 400],
    ['year=1e309 in a search', () => anon.send('/search?q=a&year=1e309'), 400],
    ['year=1e309 in the report data', () => anon.send('/data?year=1e309'), 400],
    ['a report number past the integer range', () => anon.send('/reports/99999999999'), 404],
    ['a catalog item number past the integer range', () => anon.send('/catalog/99999999999'), 404],
    ['an address of 3 KB (its QR code overflowed)', () => anon.send(`/guide?x=${'a'.repeat(3000)}`), 200],
    ['an address of 3 KB in Chinese', () => anon.send(`/guide?x=${q('中'.repeat(1000))}`), 200],
    [
      'an unknown column in the drill-down API',
      () => staff.send(`/api/cases/sections/drill?agency=${agency}&year=2025&key=apply.received.zzz`),
      400,
    ],
    [
      'an unknown row of section 四 in the drill-down API',
      () => staff.send(`/api/cases/sections/drill?agency=${agency}&year=2025&key=review.zzz.total`),
      400,
    ],
    [
      'an unknown row of the old table in the drill-down API',
      () => staff.send(`/api/cases/sections/drill?agency=${agency}&year=2012&key=apply.zzz`),
      400,
    ],
    [
      'filing through the API to an agency that does not exist',
      () => json(anon, 'POST', '/api/cases', { ...application('x', ''), agencyId: 2_000_000_000, channel: 'online' }),
      400,
    ],
  ])('%s', async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(errors.splice(0)).toEqual([]);
  });
});
