/**
 * Issue 13, item 3: a missing calendar year never blocks anything. The platform's calendar on 2026-12-03
 * holds every notice up to 2026 and none for 2027 (chinese-days has no 2027 data): filings, 补正 and
 * extensions go on, with dates reaching into 2027 counted on the statutory holidays and marked 暂定; entering
 * the 2027 notice recomputes them, audited.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar, saveCalendarYear, seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { cases } from '../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { extendDeadline } from './actions/extend-deadline.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { receiveCorrection } from './actions/receive-correction.ts';
import { replyToApplication } from './actions/reply.ts';
import { requestCorrection } from './actions/request-correction.ts';
import { registerDueDateRecompute } from './recompute.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let staff: Awaited<ReturnType<typeof makeUser>>['user'];
let head: Awaited<ReturnType<typeof makeUser>>['user'];
let admin: Awaited<ReturnType<typeof makeUser>>['user'];

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  staff = (await makeUser(t.db, { agency: tree.education, role: 'staff' })).user;
  head = (await makeUser(t.db, { agency: tree.education, role: 'office_head' })).user;
  admin = (await makeUser(t.db, { agency: tree.county, role: 'admin' })).user;
  registerDueDateRecompute();
});
afterAll(() => t.close());

const at = (today: string) => ({ db: t.db, clock: fixedClock(today) });
const fileOnline = (today: string) =>
  receiveApplication(at(today), {
    user: null,
    application: {
      agencyId: tree.education.id,
      applicantType: 'natural_person',
      applicantName: '李四',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      channel: 'online',
      subject: '某镇2026年农村道路建设项目资金使用情况',
    },
  });

describe('the seeded calendar lacks 2027 (as chinese-days does on 2026-12-03)', () => {
  it('holds 2026 and not 2027, so the cases below really meet the missing year', async () => {
    const calendar = await loadCalendar(t.db);
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2027)).toBe(false);
    expect(calendar.isProvisional(2027)).toBe(true);
  });
});

describe('online filing, 补正 and extension with the clock in December 2026 or on a holiday', () => {
  it.each([
    // Hand counts in src/law/statutory-holidays.test.ts.
    ['2026-12-03: due 2026-12-31, inside the notice’s year', '2026-12-03', '2026-12-31', false],
    ['2026-12-31: due 2027-01-29, 暂定', '2026-12-31', '2027-01-29', true],
    // A Friday, 元旦 of the provisional 2027: 1/4–8 (5); 1/11–15 (10); 1/18–22 (15); 1/25–29 (20).
    ['2027-01-01, a provisional holiday (元旦): due 2027-01-29, 暂定', '2027-01-01', '2027-01-29', true],
    // 国庆 2026 (notice 国办发明电〔2025〕7号): 10/1–7 off, 10/10 (Sat) worked; 10/8–10 (3); 10/12–16 (8);
    // 10/19–23 (13); 10/26–30 (18); 11/2–3 (20).
    ['2026-10-01, a holiday of the notice: due 2026-11-03', '2026-10-01', '2026-11-03', false],
  ])('online filing is received: %s', async (_name, today, due, provisional) => {
    const c = await fileOnline(today);
    expect(c).toMatchObject({ receivedOn: today, dueOn: due, dueProvisional: provisional, state: 'received' });
    if (provisional) expect(c.dueExplanation.join('\n')).toContain('2027年的节假日安排（国务院办公厅通知）尚未录入');
  });

  it.each([
    ['2026-12-03', '2026-12-03'],
    ['2026-12-31', '2026-12-31'],
    ['2027-01-01 (元旦, provisional)', '2027-01-01'],
  ])('补正 received and an extension recorded on %s; the dates are 暂定', async (_name, today) => {
    const c = await fileOnline(today);
    await requestCorrection(at(today), { user: staff, caseId: c.id, deadline: '2027-01-20', what: '请写明道路名称' });
    const corrected = await receiveCorrection(at(today), { user: staff, caseId: c.id, receivedOn: today });
    expect(corrected.state).toBe('received');
    const extended = await extendDeadline(at(today), { user: head, caseId: c.id, reason: '需调取多个部门的档案' });
    expect(extended).toMatchObject({ extended: true, dueProvisional: true });
    expect(extended.dueOn > '2027-01-01').toBe(true);
    expect(extended.dueExplanation.at(-1)).toContain('暂定');
  });
});

describe('entering the 2027 notice recomputes every provisional date, audited', () => {
  it('moves the open and the closed provisional dates, records from/to and why, and a summary', async () => {
    const open = await fileOnline('2026-12-31');
    const closed = await fileOnline('2026-12-31');
    await replyToApplication(at('2027-01-05'), {
      user: staff,
      caseId: closed.id,
      outcome: 'granted',
      text: '予以公开',
    });
    const unaffected = await fileOnline('2026-03-02');
    const before = await t.db.select().from(cases).where(eq(cases.id, unaffected.id));

    // A notice in the shape of a real one: 元旦 1/1–3 (Fri–Sun), 1/4 worked as usual; a 调休上班 Saturday 1/9.
    await saveCalendarYear(t.db, {
      actorId: admin.id,
      year: {
        year: 2027,
        holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
        makeupWorkdays: ['2027-01-09'],
        notice: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
        names: { '2027-01-01': '元旦', '2027-01-09': '元旦' },
      },
      clock: fixedClock('2027-01-06'),
    });

    const [o] = await t.db.select().from(cases).where(eq(cases.id, open.id));
    // 1/4–8 (5); 1/9 worked (6); 1/11–15 (11); 1/18–22 (16); 1/25–28 (20).
    expect(o).toMatchObject({ dueOn: '2027-01-28', dueProvisional: false });
    expect(o.dueExplanation.join('\n')).toContain('国务院办公厅关于2027年部分节假日安排的通知（测试）');
    expect(o.dueExplanation.join('\n')).not.toContain('暂定');
    const [event] = await listAudit(t.db, { entityType: 'case', entityId: open.id, action: 'case.due_recomputed' });
    expect(event).toMatchObject({
      actorId: admin.id,
      data: { from: '2027-01-29', to: '2027-01-28', wasProvisional: true, provisional: false, calendarYears: [2027] },
    });
    expect(String(event.data?.reason)).toContain('暂定期限按通知重新计算');

    const [cl] = await t.db.select().from(cases).where(eq(cases.id, closed.id));
    expect(cl).toMatchObject({ state: 'replied', dueOn: '2027-01-28', dueProvisional: false });

    expect(await t.db.select().from(cases).where(eq(cases.id, unaffected.id))).toEqual(before);
    expect(
      await listAudit(t.db, { entityType: 'case', entityId: unaffected.id, action: 'case.due_recomputed' }),
    ).toEqual([]);

    const [summary] = await listAudit(t.db, { action: 'calendar.due_dates_recomputed' });
    expect(summary.data).toMatchObject({ years: [2027] });
    expect(Number(summary.data?.changed)).toBeGreaterThanOrEqual(2);
    expect(await t.db.select().from(cases).where(eq(cases.dueProvisional, true))).toEqual([]);
  });
});
