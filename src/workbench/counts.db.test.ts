/** The 工作台's counts (issue #15): each role sees what waits for it, by the clock's own definition of 逾期. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { receiveApplication } from '../cases/actions/receive-application.ts';
import { fixedClock } from '../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../db/factories.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { supervisionNotices } from '../db/schema/supervision.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { createSite } from '../web/site.ts';
import { testBrowser } from '../web/testing.ts';
import { workbenchCounts } from './counts.ts';

const today = '2026-12-04';
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let head: Awaited<ReturnType<typeof makeUser>>['user'];
let reviewer: Awaited<ReturnType<typeof makeUser>>['user'];
let supervisor: Awaited<ReturnType<typeof makeUser>>['user'];

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  head = (await makeUser(t.db, { agency: tree.education, role: 'office_head', username: 'head' })).user;
  reviewer = (await makeUser(t.db, { agency: tree.education, role: 'reviewer', username: 'rev' })).user;
  supervisor = (await makeUser(t.db, { agency: tree.county, role: 'supervisor', username: 'sup' })).user;
  const file = (receivedOn: string, agencyId = tree.education.id) =>
    receiveApplication(
      { db: t.db, clock: fixedClock(`${receivedOn}T10:00:00+08:00`) },
      {
        user: null,
        application: {
          agencyId,
          applicantType: 'natural_person',
          applicantName: '赵六',
          idNumber: '11010519491231002X',
          phone: '13912345678',
          channel: 'online',
          subject: `申请公开${receivedOn}的会议纪要`,
        },
      },
    );
  await file('2026-10-09'); // overdue on 2026-12-04
  await file('2026-11-06'); // due within days
  await file('2026-12-03'); // just received
  await file('2026-10-09', tree.town.id); // another agency's: not the head's
  await t.db.insert(catalogItems).values({
    agencyId: tree.education.id,
    indexNo: 'TEST-2026-000001',
    title: '待审核的通知',
    category: '20.2',
    state: 'in_review',
  } as never);
  await t.db.insert(supervisionNotices).values([
    {
      fromAgencyId: tree.county.id,
      toAgencyId: tree.education.id,
      subject: '督办一',
      body: '请整改',
      replyBy: '2026-12-01',
      sentBy: supervisor.id,
      sentAt: new Date('2026-11-20T02:00:00Z'),
    },
    {
      fromAgencyId: tree.county.id,
      toAgencyId: tree.education.id,
      subject: '督办二',
      body: '请整改',
      replyBy: '2026-12-10',
      sentBy: supervisor.id,
      sentAt: new Date('2026-12-01T02:00:00Z'),
    },
  ]);
});
afterAll(() => t.close());

describe('工作台 counts', () => {
  it('the office head: own agency’s open, overdue and due-soon applications, items to review, 督办 to answer', async () => {
    const counts = await workbenchCounts(t.db, head, today);
    expect(counts).toMatchObject({ open: 3, overdue: 1, inReview: 1, notices: { open: 2, late: 1 } });
    expect(counts.dueSoon).toBeGreaterThanOrEqual(1);
  });

  it('a reviewer handles no case: only what waits for review', async () => {
    expect(await workbenchCounts(t.db, reviewer, today)).toMatchObject({ open: null, overdue: null, inReview: 1 });
  });

  it('a supervisor handles no case and reviews nothing', async () => {
    expect(await workbenchCounts(t.db, supervisor, today)).toMatchObject({ open: null, inReview: null });
  });

  it('the page shows them, each linking to its list', async () => {
    const b = testBrowser(
      createSite({ db: t.db, clock: fixedClock(`${today}T10:00:00+08:00`), secret: 's', log: () => {} }),
    );
    await b.get('/login');
    await b.post('/login', { username: 'head', password: TEST_PASSWORD });
    const { html } = await b.get('/console');
    expect(html).toMatch(/id="count-open">3</);
    expect(html).toMatch(/id="count-overdue">1</);
    expect(html).toContain('href="/console/register?overdue=open"');
    expect(html).toMatch(/id="count-review">1</);
    expect(html).toMatch(/id="count-notices">2</);
    expect(html).toContain('其中 1 件已过回复期限');
  });
});
