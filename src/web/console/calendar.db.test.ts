/**
 * The calendar form (录入节假日安排): a year already entered is never overwritten unseen — the second
 * administrator is told who entered it and must say they replace it — and nothing typed is lost (#19, #15).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { calendarYears } from '../../db/schema/calendar.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.county, role: 'admin', username: 'root' });
  await makeUser(t.db, { agency: tree.county, role: 'admin', username: 'root2' });
});
afterAll(() => t.close());

async function signedIn(username: string) {
  const b = testBrowser(
    createSite({ db: t.db, clock: fixedClock('2098-12-20T10:00:00+08:00'), secret: 's', log: () => {} }),
  );
  await b.get('/login');
  await b.post('/login', { username, password: TEST_PASSWORD });
  await b.get('/console/calendar');
  return b;
}

const year2099 = { year: '2099', notice: '国办发明电〔2098〕1号', holidays: '2099-01-01', makeupWorkdays: '' };

describe('录入节假日安排', () => {
  it('a second entry of the same year is refused with the first one named and what was typed kept; replacing is said', async () => {
    const first = await signedIn('root');
    expect((await first.post('/console/calendar', year2099)).status).toBe(303);
    const second = await signedIn('root2');
    const refused = await second.post('/console/calendar', { ...year2099, notice: '国办发明电〔2098〕9号' });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain('2099年的安排已经录入（依据：国办发明电〔2098〕1号）');
    expect(html).toContain('value="国办发明电〔2098〕9号"');
    const [kept] = await t.db.select().from(calendarYears).where(eq(calendarYears.year, 2099));
    expect(kept.notice).toBe('国办发明电〔2098〕1号');
    await second.get('/console/calendar');
    const replaced = await second.post('/console/calendar', {
      ...year2099,
      notice: '国办发明电〔2098〕9号',
      replace: '1',
    });
    expect(replaced.status).toBe(303);
    const [now] = await t.db.select().from(calendarYears).where(eq(calendarYears.year, 2099));
    expect(now.notice).toBe('国办发明电〔2098〕9号');
  });

  it('a bad entry is named beside the form with what was typed', async () => {
    const b = await signedIn('root');
    const res = await b.post('/console/calendar', { ...year2099, year: '2100', notice: '短', holidays: '2100-01-01' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请填写国务院办公厅通知的文号或标题');
    expect(html).toContain('>2100-01-01<');
  });
});
