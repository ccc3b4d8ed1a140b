/**
 * Issue 13: a reply dated 2025-02-30 gave a 500; a date before receipt or in the future was taken. Through the
 * console as staff use it: 400 with a Chinese message, nothing changed.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { receiveApplication } from '../../cases/actions/receive-application.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { cases } from '../../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2025-03-20T10:00:00+08:00');
let t: TestDb;
let caseId = 0;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  const tree = await makeAgencyTree(t.db);
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
        channel: 'post',
        receivedOn: '2025-03-03',
        subject: '某学校校舍改造工程招标文件',
      },
    },
  );
  caseId = c.id;
});
afterAll(() => t.close());

describe('the reply date on the console’s 答复 form', () => {
  it.each([
    ['an impossible date (was a 500)', '2025-02-30', '答复日期应为 YYYY-MM-DD 格式的有效日期'],
    ['a date before receipt', '2025-03-01', '不能早于收到申请的日期'],
    ['a date in the future', '2025-03-21', '不能晚于今天'],
  ])('refuses %s with 400 and a Chinese message', async (_name, repliedOn, message) => {
    const b = testBrowser(createSite({ db: t.db, clock, secret: 'sec', log: () => {} }));
    await b.get('/login');
    await b.post('/login', { username: 'edu', password: TEST_PASSWORD });
    const { html } = await b.get(`/console/cases/${caseId}`);
    expect(html).toContain('name="repliedOn"');
    const res = await b.post(`/console/cases/${caseId}/reply`, { outcome: 'granted', text: '予以公开', repliedOn });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(message);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ state: 'received', closedOn: null });
  });
});
