import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/roles.ts';
import { listCalendarYears, saveCalendarYear, seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { cases } from '../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { replyToApplication } from './actions/reply.ts';
import { registerDueDateRecompute } from './recompute.ts';
import { sweepReminders } from './sweep.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let staff: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  staff = (await makeUser(t.db, { agency: tree.town, role: 'staff' })).user;
  admin = (await makeUser(t.db, { agency: tree.county, role: 'admin' })).user;
  registerDueDateRecompute();
});
afterAll(() => t.close());

const receive = (receivedOn: string) =>
  receiveApplication(
    { db: t.db, clock: fixedClock(receivedOn) },
    {
      user: staff,
      application: {
        agencyId: tree.town.id,
        applicantType: 'commercial',
        applicantName: '某某建设有限公司',
        email: 'office@example.com',
        channel: 'email',
        receivedOn,
        subject: '某镇道路工程中标结果',
      },
    },
  );

describe('reminders and recomputed due dates', () => {
  it('the sweep is bounded, reminds each due case once a day, and skips closed ones', async () => {
    const open = await Promise.all(['2025-03-03', '2025-03-04', '2025-03-05'].map(receive));
    const closed = await receive('2025-03-03');
    await replyToApplication(
      { db: t.db, clock: fixedClock('2025-03-06') },
      { user: staff, caseId: closed.id, outcome: 'granted' },
    );
    const day = { db: t.db, clock: fixedClock('2025-03-31T10:00:00+08:00') };
    expect(await sweepReminders(day, { limit: 2 })).toBe(2);
    expect(await sweepReminders(day, { limit: 2 })).toBe(1);
    expect(await sweepReminders(day, { limit: 2 })).toBe(0);
    const next = { db: t.db, clock: fixedClock('2025-04-01T10:00:00+08:00') };
    expect(await sweepReminders(next, { limit: 10 })).toBe(3);
    const events = await listAudit(t.db, { entityType: 'case', entityId: open[0].id });
    expect(events.map((e) => e.action).filter((a) => a.endsWith('reminder'))).toEqual([
      'case.overdue_reminder',
      'case.due_reminder',
    ]);
    expect(await listAudit(t.db, { entityType: 'case', entityId: closed.id, action: 'case.due_reminder' })).toEqual([]);
  });

  it('a corrected calendar recomputes the due dates of open cases', async () => {
    const c = await receive('2025-06-02');
    const year = (await listCalendarYears(t.db)).find((y) => y.year === 2025)!;
    await saveCalendarYear(t.db, {
      actorId: admin.id,
      year: {
        ...year,
        holidays: [...year.holidays, '2025-06-10', '2025-06-11'].sort(),
        notice: `${year.notice}（更正）`,
      },
    });
    const [after] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(after.dueOn > c.dueOn).toBe(true);
    expect(after.dueExplanation.join('')).not.toEqual(c.dueExplanation.join(''));
  });
});
