import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { DEMO_PASSWORD, loadDemo } from '../../demo/county.ts';
import { seedAuditCases } from '../../supervision/audit/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2026-02-10T10:00:00+08:00');
const COPIED = 3;
const BLANK = 4;
let t: TestDb;
let site: ReturnType<typeof createSite>;

async function signedIn(username: string) {
  const b = testBrowser(site);
  await b.get('/login');
  expect((await b.post('/login', { username, password: DEMO_PASSWORD })).status).toBe(303);
  return b;
}

const reportOf = async (agencyId: number) =>
  (
    await t.db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.agencyId, agencyId), eq(annualReports.year, 2025)))
  )[0];

beforeAll(async () => {
  t = await createTestDb();
  await loadDemo({ db: t.db, clock }, { perYear: 60, fromYear: 2024, reportsUpTo: 2025 });
  await seedAuditCases(t.db, { year: 2025, copied: COPIED, blank: BLANK });
  site = createSite({ db: t.db, clock, secret: 'test', log: () => {} });
}, 180_000);
afterAll(() => t.close());

describe('/console/supervision/audit', () => {
  it('a unit’s clerk may not see the audit, its export or a 审核意见', async () => {
    const b = await signedIn('unit1');
    const report = await reportOf(BLANK);
    for (const path of [
      '/console/supervision/audit',
      '/console/supervision/audit.xlsx?year=2025',
      `/console/supervision/audit/${report.id}/opinion.docx`,
    ]) {
      expect((await b.get(path)).res.status, path).toBe(403);
    }
  });

  it('offers 退回修改 only for submitted (locked) reports, and the page names cells by their labels', async () => {
    const b = await signedIn('supervisor');
    const { res, html } = await b.get('/console/supervision/audit?year=2025');
    expect(res.status).toBe(200);
    const copied = await reportOf(COPIED);
    const blank = await reportOf(BLANK);
    expect(html).toContain(`action="/console/supervision/audit/${copied.id}/return?year=2025"`);
    expect(html).toContain(`action="/console/supervision/audit/${blank.id}/return?year=2025"`);
    // Every other unit's report is published: its problems are listed, but it is corrected by the unit.
    expect([...html.matchAll(/\/return\?/g)]).toHaveLength(2);
    expect(html).toContain('行政复议结果维持');
    expect(html).not.toContain('review.upheld');
  });

  it('the thresholds set in the form are the ones applied', async () => {
    const b = await signedIn('supervisor');
    const rows = (html: string) => [...html.matchAll(/data-kind="narrative_repeated"/g)].length;
    const strict = await b.get('/console/supervision/audit?year=2025&kind=narrative_repeated&repeat=100');
    expect(rows(strict.html)).toBe(1);
    const lax = await b.get('/console/supervision/audit?year=2025&kind=narrative_repeated&repeat=5');
    expect(rows(lax.html)).toBeGreaterThan(1);
    expect(lax.html).toContain('达到5%即提示');
    const none = await b.get('/console/supervision/audit?year=2025&kind=jump&ratio=1000&min=1000000');
    expect(none.html).toContain('0 个单位存在 0 个问题');
  });

  it.each([
    ['a year that is not a number', '?year=abc'],
    ['an unknown kind', '?year=2025&kind=<script>'],
    ['an agency outside the tree', '?year=2025&agency=99999'],
    ['a negative ratio', '?year=2025&ratio=-5&min=-1&repeat=0'],
  ])('hostile parameters are answered, never with 500: %s', async (_name, query) => {
    const b = await signedIn('supervisor');
    expect((await b.get(`/console/supervision/audit${query}`)).res.status).toBe(200);
  });

  it('退回修改 without the CSRF token is refused, with it the report goes back to 编制中', async () => {
    const b = await signedIn('supervisor');
    await b.get('/console/supervision/audit?year=2025');
    const blank = await reportOf(BLANK);
    const path = `/console/supervision/audit/${blank.id}/return?year=2025`;
    expect((await b.post(path, { reason: '请补填空白单元格' }, false)).status).toBe(403);
    expect((await reportOf(BLANK)).status).toBe('locked');
    const res = await b.post(path, { reason: '请补填空白单元格' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/supervision/audit?year=2025&returned=${BLANK}`);
    expect((await reportOf(BLANK)).status).toBe('draft');
  });
});
