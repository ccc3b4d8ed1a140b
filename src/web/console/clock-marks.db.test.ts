/** Issue 13: a case waiting for its 补正 was shown and ranked as 逾期 (第三十条: its period has not restarted). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { extendDeadline } from '../../cases/actions/extend-deadline.ts';
import { receiveApplication } from '../../cases/actions/receive-application.ts';
import { requestCorrection } from '../../cases/actions/request-correction.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const today = fixedClock('2025-04-10T10:00:00+08:00');
let t: TestDb;
let trackingCode = '';

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  const tree = await makeAgencyTree(t.db);
  const { user } = await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'edu' });
  const c = await receiveApplication(
    { db: t.db, clock: fixedClock('2025-03-03') },
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
  await requestCorrection(
    { db: t.db, clock: fixedClock('2025-03-05') },
    { user, caseId: c.id, deadline: '2025-05-30', what: '请写明年度' },
  );
  trackingCode = c.trackingCode;
});
afterAll(() => t.close());

describe('a case waiting for its 补正 past its first due date (2025-03-31), seen on 2025-04-10', () => {
  it('the console inbox marks it 期限中止, not 逾期', async () => {
    const b = testBrowser(createSite({ db: t.db, clock: today, secret: 'sec', log: () => {} }));
    await b.get('/login');
    await b.post('/login', { username: 'edu', password: TEST_PASSWORD });
    const { html } = await b.get('/console/cases');
    expect(html).toContain('期限中止');
    expect(html).not.toContain('class="tag overdue"');
  });

  it('the applicant is told the period restarts from the 补正', async () => {
    const b = testBrowser(createSite({ db: t.db, clock: today, secret: 'sec', log: () => {} }));
    const { html } = await b.get(`/track?code=${trackingCode}`);
    expect(html).toContain('自收到您的补正之日起重新计算（《条例》第三十条）');
    expect(html).not.toContain('2025-03-31');
  });
});

describe('the extension on the case page (第三十三条第二款)', () => {
  it('shows the length chosen and the day the applicant was told', async () => {
    const tree = await makeAgencyTree(t.db);
    const { user: head } = await makeUser(t.db, { agency: tree.education, role: 'office_head', username: 'head2' });
    const c = await receiveApplication(
      { db: t.db, clock: fixedClock('2025-03-03') },
      {
        user: head,
        application: {
          agencyId: tree.education.id,
          applicantType: 'natural_person',
          applicantName: '李四',
          phone: '13812345678',
          channel: 'post',
          receivedOn: '2025-03-03',
          subject: '某镇道路建设资金',
        },
      },
    );
    await extendDeadline(
      { db: t.db, clock: fixedClock('2025-03-20') },
      { user: head, caseId: c.id, reason: '需调取档案', days: 10, notifiedOn: '2025-03-20' },
    );
    const b = testBrowser(createSite({ db: t.db, clock: today, secret: 'sec', log: () => {} }));
    await b.get('/login');
    await b.post('/login', { username: 'head2', password: TEST_PASSWORD });
    const { html } = await b.get(`/console/cases/${c.id}`);
    expect(html).toContain('（已延期10个工作日，2025-03-20告知申请人）');
  });
});
