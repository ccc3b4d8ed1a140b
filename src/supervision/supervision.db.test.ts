import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUser } from '../auth/users.ts';
import { inbox } from '../cases/queries.ts';
import { fixedClock } from '../clock.ts';
import { auditEvents } from '../db/schema/audit.ts';
import { users } from '../db/schema/auth.ts';
import { annualReports } from '../db/schema/reports.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { loadDemo } from '../demo/county.ts';
import { buildReport } from '../reports/actions/build-report.ts';
import { lockReport } from '../reports/actions/lock-report.ts';
import { publishReport } from '../reports/actions/publish-report.ts';
import { returnReport } from '../reports/actions/return-report.ts';
import { replyNotice, sendNotice } from './actions/notices.ts';
import { urgeReport } from './actions/urge-report.ts';
import { supervisionDashboard } from './dashboard.ts';
import { reportSeason } from './report-season.ts';

const clock = fixedClock('2026-11-23T10:00:00+08:00');
let t: TestDb;
const userNamed = async (username: string) => {
  const [row] = await t.db.select().from(users).where(eq(users.username, username));
  return loadUser(t.db, row.id);
};

beforeAll(async () => {
  t = await createTestDb();
  await loadDemo({ db: t.db, clock }, { perYear: 600, fromYear: 2024, reportsUpTo: 2024 });
}, 120_000);
afterAll(() => t.close());

describe('supervision of the demo county', () => {
  it('shows for each unit the overdue count the unit sees in its own inbox', async () => {
    const board = await supervisionDashboard(t.db, 1, clock.today());
    expect(board.rows.length).toBe(60);
    expect(board.rows.some((r) => r.overdue > 0)).toBe(true);
    for (const row of board.rows) {
      const own = await inbox(t.db, [row.agency.id], clock.today(), 10_000);
      expect(row.overdue, row.agency.name).toBe(own.filter((c) => c.overdue).length);
      expect(row.dueSoon + row.overdue).toBeLessThanOrEqual(row.open);
    }
    expect(board.formula).toContain('逾期');
    expect(board.formula).toContain('下限');
    // The county's units published in the demo month; a limit above every unit's volume flags them all.
    const strict = await supervisionDashboard(t.db, 1, clock.today(), 100_000);
    expect(strict.rows.every((r) => r.belowLimit)).toBe(true);
    const lenient = await supervisionDashboard(t.db, 1, clock.today(), 0);
    expect(lenient.rows.some((r) => r.belowLimit)).toBe(false);
    expect(lenient.rows.reduce((s, r) => s + r.publishedThisMonth, 0)).toBeGreaterThan(0);
  });

  it('the consolidated report of the county passes all rules', async () => {
    const season = await reportSeason(t.db, 1, 2025, clock.today());
    expect(season.findings).toEqual([]);
    expect(season.units.length).toBe(61);
    expect(season.deadline).toBe('2026-01-31');
  });

  it('a 督办 notice goes to a unit and the unit replies; a supervisor cannot reply for it', async () => {
    const supervisor = await userNamed('supervisor');
    const unit = await userNamed('unit1');
    const deps = { db: t.db, clock };
    const notice = await sendNotice(deps, {
      user: supervisor,
      toAgencyId: unit.agencyId,
      subject: '逾期申请整改',
      body: '请于5日内说明逾期原因',
      replyBy: '2026-11-30',
    });
    await expect(replyNotice(deps, { user: supervisor, noticeId: notice.id, reply: '代为回复' })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    const replied = await replyNotice(deps, { user: unit, noticeId: notice.id, reply: '已于本周全部答复' });
    expect(replied.repliedAt).not.toBeNull();
    const board = await supervisionDashboard(t.db, 1, clock.today());
    expect(board.rows.find((r) => r.agency.id === unit.agencyId)!.noticesWaiting).toBe(0);
  });

  it('a submitted report returned for correction goes back to draft with a notice', async () => {
    const supervisor = await userNamed('supervisor');
    const unit = await userNamed('unit2');
    const deps = { db: t.db, clock };
    const id = await buildReport(deps, { actorId: unit.id, agencyId: unit.agencyId, year: 2025 });
    await lockReport({ db: t.db, now: clock.now() }, { actorId: unit.id, reportId: id });
    const notice = await returnReport(deps, { user: supervisor, reportId: id, reason: '总体情况未写明主动公开数量' });
    expect(notice.toAgencyId).toBe(unit.agencyId);
    const [row] = await t.db.select().from(annualReports).where(eq(annualReports.id, id));
    expect(row.status).toBe('draft');
  });

  it('报送情况 by the real deadline: the current year not yet due, the past year overdue; 催报 sends an audited notice', async () => {
    const current = await reportSeason(t.db, 1, 2026, '2026-12-03');
    expect(new Set(current.units.map((u) => u.timing))).toEqual(new Set(['not_due']));
    const past = await reportSeason(t.db, 1, 2025, clock.today());
    expect(past.units.every((u) => u.timing === 'overdue' || u.timing === 'on_time' || u.timing === 'late')).toBe(true);
    const supervisor = await userNamed('supervisor');
    const unit = await userNamed('unit3');
    const notice = await urgeReport({ db: t.db, clock }, { user: supervisor, agencyId: unit.agencyId, year: 2026 });
    expect(notice.subject).toBe('催报：2026年度政府信息公开工作年度报告');
    expect(notice.replyBy).toBe('2027-01-31');
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'supervision.notice_sent'), eq(auditEvents.entityId, String(notice.id))));
    expect(event.actorId).toBe(supervisor.id);
    // A unit outside the supervisor's subtree cannot be urged; a unit cannot urge.
    await expect(
      urgeReport({ db: t.db, clock }, { user: unit, agencyId: supervisor.agencyId, year: 2026 }),
    ).rejects.toBeInstanceOf(Error);
  });

  it('a report cannot be locked or published before its year ends (2026 on 2026-12-03); the draft stays', async () => {
    const unit = await userNamed('unit4');
    const early = fixedClock('2026-12-03T10:00:00+08:00');
    const id = await buildReport({ db: t.db, clock: early }, { actorId: unit.id, agencyId: unit.agencyId, year: 2026 });
    await expect(lockReport({ db: t.db, now: early.now() }, { actorId: unit.id, reportId: id })).rejects.toThrow(
      /2026年度尚未结束/,
    );
    // Locked by a path that skipped the check (an old row): publishing is refused all the same.
    await t.db.update(annualReports).set({ status: 'locked' }).where(eq(annualReports.id, id));
    await expect(publishReport({ db: t.db, now: early.now() }, { actorId: unit.id, reportId: id })).rejects.toThrow(
      /2026年度尚未结束/,
    );
    await t.db.update(annualReports).set({ status: 'draft' }).where(eq(annualReports.id, id));
    const newYear = fixedClock('2027-01-01T09:00:00+08:00');
    const locked = await lockReport({ db: t.db, now: newYear.now() }, { actorId: unit.id, reportId: id });
    expect(locked.status).toBe('locked');
  });
});
