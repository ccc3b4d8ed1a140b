/** Issue 13: 送达 recorded from the case page, and shown to the applicant on the tracking page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { receiveApplication } from '../../cases/actions/receive-application.ts';
import { replyToApplication } from '../../cases/actions/reply.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2025-04-02T10:00:00+08:00');
let t: TestDb;
let caseId = 0;
let trackingCode = '';

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
  await replyToApplication({ db: t.db, clock }, { user, caseId: c.id, outcome: 'granted', repliedOn: '2025-03-28' });
  caseId = c.id;
  trackingCode = c.trackingCode;
});
afterAll(() => t.close());

describe('送达 on the case page', () => {
  it('staff record an EMS posting; the answer date becomes the posting date and is judged against the due date', async () => {
    const b = testBrowser(createSite({ db: t.db, clock, secret: 'sec', log: () => {} }));
    await b.get('/login');
    await b.post('/login', { username: 'edu', password: TEST_PASSWORD });
    const before = await b.get(`/console/cases/${caseId}`);
    expect(before.html).toContain('尚未登记送达');
    expect(before.html).toContain('不得到付');
    const res = await b.post(`/console/cases/${caseId}/delivery`, {
      method: 'ems',
      trackingNumber: 'EA123456789CN',
      sentOn: '2025-03-31',
      signedOn: '',
    });
    expect(res.status).toBe(303);
    const { html } = await b.get(`/console/cases/${caseId}`);
    expect(html).toContain('邮政特快专递（EMS） EA123456789CN，交邮2025-03-31，签收日期未登记');
    expect(html).toContain('答复日期2025-03-31，答复期限2025-03-31：按期答复');
    const track = await testBrowser(createSite({ db: t.db, clock, secret: 'sec', log: () => {} })).get(
      `/track?code=${trackingCode}`,
    );
    expect(track.html).toContain('邮件号码 EA123456789CN，2025-03-31寄出（送达）');
  });
});
