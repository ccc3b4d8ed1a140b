import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { sampleReport } from '../../report/sample.ts';
import { saveComputedReport } from '../../reports/actions/save-computed-report.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let reportId: number;
let otherReportId: number;
const clock = fixedClock('2027-01-10T10:00:00+08:00');

beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.education, role: 'office_head', username: 'head' });
  await makeUser(t.db, { agency: tree.town, role: 'office_head', username: 'townhead' });
  const report = { ...sampleReport({ format: 'new2021', year: 2026, seed: 5 }), issuer: '某县教育局' };
  reportId = (
    await saveComputedReport({ db: t.db, now: clock.now() }, { actorId: null, agencyId: tree.education.id, report })
  ).id;
  const other = { ...sampleReport({ format: 'new2021', year: 2026, seed: 6 }), issuer: '某镇人民政府' };
  otherReportId = (
    await saveComputedReport({ db: t.db, now: clock.now() }, { actorId: null, agencyId: tree.town.id, report: other })
  ).id;
});
afterAll(() => t.close());

const browser = () => testBrowser(createSite({ db: t.db, clock, secret: 'test', log: () => {} }));

async function signedIn(username: string) {
  const b = browser();
  await b.get('/login');
  const res = await b.post('/login', { username, password: TEST_PASSWORD });
  expect(res.status).toBe(303);
  return b;
}

describe('console: sign-in and the report builder', () => {
  it('refuses a wrong password and keeps the console closed', async () => {
    const b = browser();
    await b.get('/login');
    expect((await b.post('/login', { username: 'head', password: 'wrong' })).status).toBe(401);
    const { res } = await b.get('/console/reports');
    expect(res.status).toBe(302);
  });

  it('builds, locks, publishes and corrects a report, each step audited', async () => {
    const b = await signedIn('head');
    const { html } = await b.get(`/console/reports/${reportId}`);
    expect(html).toContain('全部规则通过');
    const version = /name="version" value="([0-9a-f]+)"/.exec(html)?.[1] as string;
    const saved = await b.post(`/console/reports/${reportId}/narrative`, {
      version,
      overview: '本年度总体情况……',
      problems: '问题',
      other: '无',
    });
    expect(saved.status).toBe(303);
    expect((await b.post(`/console/reports/${reportId}/lock`, {})).status).toBe(303);
    expect((await b.post(`/console/reports/${reportId}/publish`, {})).status).toBe(303);
    const [row] = await t.db.select().from(annualReports).where(eq(annualReports.id, reportId));
    expect(row.status).toBe('published');
    expect(row.narrative.overview).toBe('本年度总体情况……');
    // A correction that breaks the sums is refused; one with a reason that keeps them is kept.
    const bad = await b.post(`/console/reports/${reportId}/correct`, {
      key: 'apply.received.total',
      value: '999999',
      reason: '录入错误更正',
    });
    expect(bad.status).toBe(422);
    await b.get(`/console/reports/${reportId}`);
    const ok = await b.post(`/console/reports/${reportId}/correct`, {
      key: 's20_5.licensing.decisions',
      value: '12',
      reason: '行政许可数据口径更正',
    });
    expect(ok.status).toBe(303);
    // The form names the cells as the report prints them, never by their keys.
    const form = (await b.get(`/console/reports/${reportId}`)).html;
    expect(form).toMatch(/<option value="apply\.received\.total">[^<]*新收政府信息公开申请/);
    expect(form).not.toContain('规范键名');
    const actions = (await listAudit(t.db, { entityType: 'annual_report', entityId: reportId })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['report.narrative_updated', 'report.locked', 'report.published', 'report.corrected']),
    );
    expect((await browser().get(`/reports/${reportId}`)).html).toContain('行政许可数据口径更正');
  });

  it('two clerks save the narrative from the same page: the second is refused with what they typed kept (#19)', async () => {
    const first = await signedIn('townhead');
    const second = await signedIn('townhead');
    const page = (await first.get(`/console/reports/${otherReportId}`)).html;
    await second.get(`/console/reports/${otherReportId}`);
    const version = /name="version" value="([0-9a-f]+)"/.exec(page)?.[1] as string;
    const one = await first.post(`/console/reports/${otherReportId}/narrative`, {
      version,
      overview: '甲写的总体情况',
    });
    expect(one.status).toBe(303);
    const two = await second.post(`/console/reports/${otherReportId}/narrative`, {
      version,
      overview: '乙写的总体情况',
    });
    expect(two.status).toBe(409);
    const html = await two.text();
    expect(html).toContain('年度报告正文已被他人修改');
    expect(html).toContain('乙写的总体情况');
    const [row] = await t.db.select().from(annualReports).where(eq(annualReports.id, otherReportId));
    expect(row.narrative.overview).toBe('甲写的总体情况');
    // A form without its version (an old page, a script) is refused too.
    expect((await second.post(`/console/reports/${otherReportId}/narrative`, { overview: '丙' })).status).toBe(409);
  });

  it('never shows another agency’s report to an agency’s staff', async () => {
    const b = await signedIn('head');
    expect((await b.get(`/console/reports/${otherReportId}`)).res.status).toBe(403);
    const list = await b.get('/console/reports');
    expect(list.html).not.toContain('某镇人民政府');
  });

  it('refuses a form post without the CSRF token even when signed in', async () => {
    const b = await signedIn('townhead');
    const res = await b.post(`/console/reports/${otherReportId}/lock`, {}, false);
    expect(res.status).toBe(403);
    const [row] = await t.db.select().from(annualReports).where(eq(annualReports.id, otherReportId));
    expect(row.status).toBe('draft');
  });
});
