import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Clock, fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { sampleReport } from '../../report/sample.ts';
import { saveComputedReport } from '../../reports/actions/save-computed-report.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let reportId: number;

beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.county, role: 'supervisor', username: 'sup' });
  await makeUser(t.db, { agency: tree.town, role: 'office_head', username: 'townhead' });
  const report = { ...sampleReport({ format: 'new2021', year: 2026, seed: 3 }), issuer: '某县教育局' };
  reportId = (
    await saveComputedReport(
      { db: t.db, now: new Date('2027-01-05T02:00:00Z') },
      { actorId: null, agencyId: tree.education.id, report },
    )
  ).id;
});
afterAll(() => t.close());

async function signedIn(clock: Clock, username: string) {
  const b = testBrowser(createSite({ db: t.db, clock, secret: 'test', log: () => {} }));
  await b.get('/login');
  expect((await b.post('/login', { username, password: TEST_PASSWORD })).status).toBe(303);
  return b;
}

describe('报送情况 by the deadline of 《条例》第四十九条, with 催报 and links', () => {
  it.each([
    [
      'before 1月31日 a unit without a report is 未报送, not overdue',
      '2027-01-10T10:00:00+08:00',
      '未报送（2027-01-31前）',
      '逾期未发布',
    ],
    ['on 1月31日 itself it is still not overdue', '2027-01-31T20:00:00+08:00', '未报送（2027-01-31前）', '逾期未发布'],
    ['after 1月31日 it is 逾期未发布', '2027-02-01T09:00:00+08:00', '逾期未发布', '未报送（2027-01-31前）'],
  ])('%s', async (_name, at, shown, absent) => {
    const b = await signedIn(fixedClock(at), 'sup');
    const { res, html } = await b.get('/console/supervision/season?year=2026');
    expect(res.status).toBe(200);
    expect(html).toContain(shown);
    expect(html).not.toContain(absent);
    expect(html).not.toContain('按时：否');
  });

  it('links each unit’s report, and the supervisor opens it', async () => {
    const b = await signedIn(fixedClock('2027-01-10T10:00:00+08:00'), 'sup');
    const { html } = await b.get('/console/supervision/season?year=2026');
    expect(html).toContain(`<a href="/console/reports/${reportId}">某县教育局</a>`);
    expect((await b.get(`/console/reports/${reportId}`)).res.status).toBe(200);
  });

  it('催报 a unit that has not submitted: the unit receives the 督办 notice', async () => {
    const clock = fixedClock('2027-01-10T10:00:00+08:00');
    const b = await signedIn(clock, 'sup');
    const { html } = await b.get('/console/supervision/season?year=2026');
    expect(html).toContain('aria-label="向某镇人民政府催报"');
    const res = await b.post('/console/supervision/season/urge', { agencyId: String(tree.town.id), year: '2026' });
    expect(res.status).toBe(303);
    const unit = await signedIn(clock, 'townhead');
    const notices = await unit.get('/console/notices');
    expect(notices.html).toContain('催报：2026年度政府信息公开工作年度报告');
    expect(notices.html).toContain('2027-01-31');
  });
});
