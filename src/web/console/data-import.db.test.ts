import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { renderHtml } from '../../report/render/index.ts';
import { sampleReport } from '../../report/sample.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
const clock = fixedClock('2027-01-10T10:00:00+08:00');

beforeAll(async () => {
  t = await createTestDb();
  const tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.education, role: 'office_head', username: 'head' });
  await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'clerk' });
});
afterAll(() => t.close());

async function signedIn(username: string) {
  const b = testBrowser(createSite({ db: t.db, clock, secret: 'test', log: () => {} }));
  await b.get('/login');
  expect((await b.post('/login', { username, password: TEST_PASSWORD })).status).toBe(303);
  return b;
}

const html = (issuer: string, year: number, seed: number) =>
  new File([renderHtml({ ...sampleReport({ format: 'new2021', year, seed }), issuer })], `${issuer}${year}.html`, {
    type: 'text/html',
  });

describe('导入年度报告 in the console: a batch uploaded, each file read in the sandbox, a result per file', () => {
  it('stores the readable reports and says why the others were not', async () => {
    const b = await signedIn('head');
    const { res, html: form } = await b.get('/console/data/import');
    expect(res.status).toBe(200);
    expect(form).toContain('enctype="multipart/form-data"');
    const sent = await b.multipart('/console/data/import', {}, [
      ['files', html('某市交通运输局', 2024, 11)],
      ['files', html('某市卫生健康委员会', 2025, 12)],
      ['files', new File(['这不是报告，只是一段文字。'], '说明.txt', { type: 'text/plain' })],
    ]);
    expect(sent.status).toBe(200);
    expect(sent.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(sent.headers.get('cache-control')).toBe('no-store');
    const page = await sent.text();
    expect(page).toContain('共 3 个文件，导入 2 份，未导入 1 个');
    // The progress, a line per file as it was read, comes before the results in the one streamed page.
    const progress = /<ol id="import-progress">([\s\S]*?)<\/ol>/.exec(page)?.[1] ?? '';
    expect(progress.match(/<li>/g)).toHaveLength(3);
    expect(progress).toMatch(/<li>1\/3 /);
    expect(progress).toMatch(/<li>3\/3 /);
    expect(page.indexOf('id="import-progress"')).toBeLessThan(page.indexOf('id="import-results"'));
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(page).toContain('某市交通运输局');
    expect(page).toContain('未导入：');
    expect(page).not.toContain('/tmp/');
    const stored = await t.db.select().from(annualReports).where(eq(annualReports.origin, 'imported'));
    expect(stored.map((r) => [r.issuer, r.year]).sort()).toEqual([
      ['某市交通运输局', 2024],
      ['某市卫生健康委员会', 2025],
    ]);
    expect(stored.find((r) => r.year === 2024)?.source).toBe('某市交通运输局2024.html');
    expect(page).toContain(`href="/data/${stored.find((r) => r.year === 2024)?.id}"`);
  }, 60_000);

  it('asks for files when none were chosen', async () => {
    const b = await signedIn('head');
    await b.get('/console/data/import');
    const res = await b.multipart('/console/data/import', {});
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('请选择要导入的报告文件');
  });

  it('is refused to a clerk who does not edit reports', async () => {
    const b = await signedIn('clerk');
    expect((await b.get('/console/data/import')).res.status).toBe(403);
  });
});
