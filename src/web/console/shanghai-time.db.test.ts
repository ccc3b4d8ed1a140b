/** Issue 13: times were shown in UTC — an event at 07:30 Beijing on 2 January showed as 1 January. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { receiveApplication } from '../../cases/actions/receive-application.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2026-01-01T23:30:00Z'); // 2026-01-02 07:30 in Beijing
let t: TestDb;
let caseId = 0;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  const tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.county, role: 'admin', username: 'root' });
  const { user } = await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'edu' });
  const c = await receiveApplication(
    { db: t.db, clock },
    {
      user,
      application: {
        agencyId: tree.education.id,
        applicantType: 'natural_person',
        applicantName: '张三',
        phone: '13812345678',
        channel: 'in_person',
        subject: '某学校校舍改造工程招标文件',
      },
    },
  );
  caseId = c.id;
});
afterAll(() => t.close());

const signedIn = async (username: string) => {
  const b = testBrowser(createSite({ db: t.db, clock, secret: 'sec', log: () => {} }));
  await b.get('/login');
  await b.post('/login', { username, password: TEST_PASSWORD });
  return b;
};

describe('times on the console in Asia/Shanghai', () => {
  it('the case timeline shows 2026-01-02 07:30 and the event in words, not its code', async () => {
    const { html } = await (await signedIn('edu')).get(`/console/cases/${caseId}`);
    expect(html).toContain('2026-01-02 07:30 收到申请');
    expect(html).not.toContain('2026-01-01 23:30');
    expect(html).not.toContain('case.received');
  });

  it('the audit log shows the Beijing time', async () => {
    const { html } = await (await signedIn('root')).get('/console/audit');
    expect(html).toContain('2026-01-02 07:30:00');
    expect(html).not.toContain('2026-01-01 23:30:00');
  });
});
