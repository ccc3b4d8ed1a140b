/**
 * The scheduled jobs: each does the work of an existing action and records its run; on PGlite the timer of
 * this process runs them and stops; on PostgreSQL two server instances (two pools, two pg-boss instances)
 * run a scheduled job once per occurrence, not once each.
 */
import { EventEmitter } from 'node:events';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../auth/session.ts';
import { seedCalendar } from '../calendar-store/index.ts';
import { receiveApplication } from '../cases/actions/receive-application.ts';
import { fixedClock } from '../clock.ts';
import { config } from '../config.ts';
import { listAudit } from '../db/audit.ts';
import { openDb } from '../db/client.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../db/factories.ts';
import { sessions } from '../db/schema/auth.ts';
import { rateLimitHits } from '../db/schema/rate-limits.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import type { Job, JobLog } from './job.ts';
import { JOBS } from './registry.ts';
import { reminderSweep } from './reminder-sweep.ts';
import { runJob } from './run.ts';
import { nextRun, SCHEDULE } from './schedule.ts';
import { sessionPurge } from './session-purge.ts';
import { startJobs, startJobsWhenListening } from './start.ts';
import type { Timers } from './timer.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let staff: Awaited<ReturnType<typeof makeUser>>;

/** Log lines kept for assertions. */
function memoryLog() {
  const lines: { level: string; fields: object; message: string }[] = [];
  const log: JobLog = {
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    error: (fields, message) => lines.push({ level: 'error', fields, message }),
  };
  return { log, lines };
}

const receive = (receivedOn: string) =>
  receiveApplication(
    { db: t.db, clock: fixedClock(receivedOn) },
    {
      user: staff.user,
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

const reminders = async (caseId: number) =>
  (await listAudit(t.db, { entityType: 'case', entityId: caseId })).filter((e) => e.action.endsWith('_reminder'));

const runsOf = (job: string) => listAudit(t.db, { entityType: 'job', entityId: job, action: 'job.ran' });

/** Waits until `check` holds (asked every 100 ms). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 100));
}

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  tree = await makeAgencyTree(t.db);
  staff = await makeUser(t.db, { agency: tree.town, role: 'staff' });
});
afterAll(() => t.close());

describe('the jobs do existing work', () => {
  // Received in early March 2025: due (20 working days) around the end of the month, so due or overdue then.
  it.each([
    ['a weekday', '2025-03-31', true],
    ['a weekend', '2025-03-29', false],
    ['a statutory holiday (国庆)', '2025-10-01', false],
    ['a 调休 Sunday worked for the Spring Festival', '2025-01-26', true],
  ])('the reminder sweep on %s (%s) reminds: %s', async (_name, day, reminds) => {
    // A case due within three days of `day`: received about four weeks before it.
    const received = new Date(`${day}T00:00:00Z`);
    received.setUTCDate(received.getUTCDate() - 27);
    const c = await receive(received.toISOString().slice(0, 10));
    const result = await reminderSweep.run({ db: t.db, clock: fixedClock(`${day}T09:00:00+08:00`) });
    if (reminds) {
      expect(result.reminded).toBeGreaterThanOrEqual(1);
      expect(await reminders(c.id)).toHaveLength(1);
    } else {
      expect(result).toEqual({ reminded: 0, skipped: 'non_working_day' });
      expect(await reminders(c.id)).toEqual([]);
    }
  });

  it('the session purge removes expired sessions and keeps live ones', async () => {
    const signIn = (at: string, ttlMs: number) =>
      login({ db: t.db, clock: fixedClock(at) }, { username: staff.row.username, password: TEST_PASSWORD, ttlMs });
    await signIn('2026-11-23T08:00:00+08:00', 60_000);
    await signIn('2026-11-23T08:00:00+08:00', 60_000);
    const live = await signIn('2026-11-23T08:30:00+08:00', 8 * 3600_000);
    // Rate-limit counters: one of a window two hours old goes, one of this minute stays.
    const at = (iso: string) => Date.parse(iso);
    await t.db.insert(rateLimitHits).values([
      { bucket: 'forms:198.51.100.1', windowStart: at('2026-11-23T07:00:00+08:00'), count: 3 },
      { bucket: 'forms:198.51.100.2', windowStart: at('2026-11-23T08:59:30+08:00'), count: 1 },
    ]);
    const result = await sessionPurge.run({ db: t.db, clock: fixedClock('2026-11-23T09:00:00+08:00') });
    expect(result).toEqual({ purged: 2, rateCounters: 1 });
    expect((await t.db.select().from(rateLimitHits)).map((r) => r.bucket)).toEqual(['forms:198.51.100.2']);
    const left = await t.db.select().from(sessions).where(eq(sessions.userId, staff.row.id));
    expect(left.map((s) => s.expiresAt)).toEqual([live.expiresAt]);
  });
});

describe('a run is recorded', () => {
  it('in the audit log and the log, with what it did', async () => {
    const { log, lines } = memoryLog();
    const job: Job = { name: 'test-counting', title: '测试', run: async () => ({ counted: 3 }) };
    expect(await runJob({ db: t.db, clock: fixedClock('2026-11-23') }, job, log)).toEqual({ counted: 3 });
    const [event] = await runsOf('test-counting');
    expect(event.data).toMatchObject({ counted: 3 });
    expect(event.data.ms).toEqual(expect.any(Number));
    expect(lines).toEqual([
      { level: 'info', fields: expect.objectContaining({ job: 'test-counting', counted: 3 }), message: '测试：完成' },
    ]);
  });

  it('a failure too, and it is thrown on for a retry', async () => {
    const { log, lines } = memoryLog();
    const job: Job = {
      name: 'test-failing',
      title: '测试',
      run: async () => {
        throw new Error('磁盘已满');
      },
    };
    await expect(runJob({ db: t.db, clock: fixedClock('2026-11-23') }, job, log)).rejects.toThrow('磁盘已满');
    const [event] = await listAudit(t.db, { entityType: 'job', entityId: 'test-failing' });
    expect(event.action).toBe('job.failed');
    expect(event.data).toEqual({ error: '磁盘已满' });
    expect(lines.map((l) => l.level)).toEqual(['error']);
  });
});

describe('the schedule', () => {
  it.each([
    ['the sweep, before office hours', 'reminder-sweep', '2026-11-23T07:10:00+08:00', '2026-11-23T08:00:00+08:00'],
    ['the sweep, within them', 'reminder-sweep', '2026-11-23T10:00:00+08:00', '2026-11-23T11:00:00+08:00'],
    ['the sweep, after them', 'reminder-sweep', '2026-11-23T18:00:00+08:00', '2026-11-24T08:00:00+08:00'],
    ['the purge, at night', 'session-purge', '2026-11-23T10:00:00+08:00', '2026-11-24T03:30:00+08:00'],
  ] as const)('%s: after %s… (%s) comes %s', (_name, job, after, next) => {
    expect(nextRun(SCHEDULE[job], new Date(after)).toISOString()).toBe(new Date(next).toISOString());
  });
});

/** Timers the test fires by hand. */
function handTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let seq = 0;
  const timers: Timers = {
    set(fn, ms) {
      pending.set(++seq, { fn, ms });
      return seq;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    pending,
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const { fn } of due) fn();
    },
  };
}

describe.runIf(!config.databaseUrl)('on PGlite, a timer in this process', () => {
  it('waits for the next occurrence, runs the job, waits again; stop() stops it', async () => {
    const hand = handTimers();
    let now = new Date('2026-11-23T10:20:00+08:00');
    const clock = { now: () => new Date(now), today: () => '2026-11-23' };
    let runs = 0;
    const job: Job = { name: 'test-timer', title: '测试', run: async () => ({ n: ++runs }) };
    const stop = await startJobs({
      db: t.db,
      clock,
      driver: 'pglite',
      log: memoryLog().log,
      jobs: [job],
      schedule: { 'test-timer': { cron: '0 * * * *', tz: 'Asia/Shanghai' } },
      timers: hand.timers,
    });
    expect([...hand.pending.values()].map((p) => p.ms)).toEqual([40 * 60_000]);
    now = new Date('2026-11-23T11:00:00+08:00');
    hand.fireAll();
    await until(async () => (await runsOf('test-timer')).length === 1 && hand.pending.size === 1);
    expect(runs).toBe(1);
    // Armed for the next hour, measured from the occurrence just run.
    expect([...hand.pending.values()].map((p) => p.ms)).toEqual([60 * 60_000]);
    await stop();
    expect(hand.pending.size).toBe(0);
    hand.fireAll();
    expect(runs).toBe(1);
  });

  it('gongkai serve starts them once the server listens, and stops them', async () => {
    const hand = handTimers();
    const server = new EventEmitter();
    const job: Job = { name: 'test-serve', title: '测试', run: async () => ({}) };
    const deps = {
      db: t.db,
      clock: fixedClock('2026-11-23'),
      driver: 'pglite' as const,
      log: memoryLog().log,
      jobs: [job],
      schedule: { 'test-serve': { cron: '0 * * * *', tz: 'Asia/Shanghai' } },
      timers: hand.timers,
    };
    const stop = startJobsWhenListening(server, deps);
    expect(hand.pending.size).toBe(0);
    server.emit('listening');
    await until(async () => hand.pending.size === 1);
    await stop();
    expect(hand.pending.size).toBe(0);
    // A server stopped before it listened starts nothing.
    const never = new EventEmitter();
    await startJobsWhenListening(never, deps)();
    never.emit('listening');
    expect(hand.pending.size).toBe(0);
  });

  it('runs on the real timers too, and nothing after stop()', async () => {
    let runs = 0;
    const job: Job = { name: 'test-every-second', title: '测试', run: async () => ({ n: ++runs }) };
    const stop = await startJobs({
      db: t.db,
      clock: { now: () => new Date(), today: () => '2026-11-23' },
      driver: 'pglite',
      log: memoryLog().log,
      jobs: [job],
      schedule: { 'test-every-second': { cron: '* * * * * *', tz: 'UTC' } },
    });
    await until(async () => runs >= 1);
    await stop();
    const after = runs;
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toBe(after);
    expect((await runsOf('test-every-second')).length).toBe(after);
  });
});

describe.runIf(config.databaseUrl)('on PostgreSQL, two server instances', () => {
  it('run the scheduled sweep once per occurrence: one run, one reminder per due case', async () => {
    const due = await Promise.all(['2025-03-03', '2025-03-04'].map(receive));
    // Two instances as two servers would be: a pool each, a pg-boss each, one database.
    const a = await openDb({ url: t.url });
    const b = await openDb({ url: t.url });
    // An occurrence a few seconds from now at most, in the past minute at least: due on the first passes.
    const at = new Date(Date.now() + 5000);
    const schedule = { 'reminder-sweep': { cron: `${at.getUTCMinutes()} ${at.getUTCHours()} * * *`, tz: 'UTC' } };
    const tuning = { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, pollingIntervalSeconds: 0.5 };
    const clock = fixedClock('2025-03-31T10:00:00+08:00');
    const { log, lines } = memoryLog();
    const start = (db: typeof a.db) =>
      startJobs({ db, clock, driver: 'postgres', databaseUrl: t.url, log, schedule, tuning, jobs: [reminderSweep] });
    const [stopA, stopB] = await Promise.all([start(a.db), start(b.db)]);
    try {
      await until(async () => (await runsOf('reminder-sweep')).length > 0);
      // Both instances go on making cron passes (one a second) while the occurrence is still due.
      await new Promise((r) => setTimeout(r, 4000));
    } finally {
      await Promise.all([stopA(), stopB()]);
      await Promise.all([a.close(), b.close()]);
    }
    const runs = await runsOf('reminder-sweep');
    expect(runs).toHaveLength(1);
    expect(runs[0].data.reminded).toBeGreaterThanOrEqual(2);
    for (const c of due) expect(await reminders(c.id)).toHaveLength(1);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    // One job in pg-boss's own table, though both instances sent the occurrence.
    const { rows } = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = 'reminder-sweep'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('start with the default intervals and keep the schedule in pg-boss', async () => {
    const { log, lines } = memoryLog();
    const stop = await startJobs({
      db: t.db,
      clock: fixedClock('2026-11-23'),
      driver: 'postgres',
      databaseUrl: t.url,
      log,
    });
    await stop();
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    const { rows } = await t.db.execute<{ name: string; cron: string; timezone: string }>(
      sql`select name, cron, timezone from pgboss.schedule order by name`,
    );
    // Every job but those of PGlite alone (its upkeep: a server's autovacuum does it).
    const expected = Object.entries(SCHEDULE)
      .filter(([name]) => (JOBS as readonly Job[]).find((job) => job.name === name)?.onlyOn !== 'pglite')
      .map(([name, e]) => ({ name, cron: e.cron, timezone: e.tz }));
    expect(expected.map((e) => e.name)).not.toContain('database-upkeep');
    expect(rows).toEqual(expected.sort((a, b) => (a.name < b.name ? -1 : 1)));
  });
});
