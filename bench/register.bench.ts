/**
 * 登记台账 over 100,000 cases (the demo county, 61 units, four years): searches and filtered pages as the
 * console asks for them (p95 over every query, target < 200 ms on the server), the XLSX export of a unit's
 * quarter (p95, same target) and of 10,000 rows (target < 5 s). On the PostgreSQL server when DATABASE_URL
 * names one (a scratch database, dropped after), else on PGlite (figures labelled as outside the target).
 */

import { type RegisterScope, registerFilterSchema, registerRows, searchRegister } from '../src/cases/register.ts';
import { registerXlsx } from '../src/cases/register-xlsx.ts';
import { fixedClock } from '../src/clock.ts';
import { config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { cases } from '../src/db/schema/cases.ts';
import { loadDemo } from '../src/demo/county.ts';
import { openBenchDb } from './bench-db.ts';
import { nearestRank } from './nearest-rank.ts';

const clock = fixedClock('2026-11-23');
const today = clock.today();

const p95 = (xs: number[]) => nearestRank(xs, 0.95);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

async function run(label: string, url: string | undefined): Promise<void> {
  const { db, close } = await openBenchDb('gk_register', url, 'memory://');
  try {
    const [loadMs, loaded] = await time(() =>
      loadDemo({ db, clock }, { perYear: 26_000, fromYear: 2023, reportsUpTo: 2022 }),
    );
    console.log(`register ${label}: ${loaded.cases} cases loaded in ${(loadMs / 1000).toFixed(1)} s`);
    await measureRegister(db, label);
  } finally {
    await close();
  }
}

/** The figures over a database holding the demo county's cases. */
export async function measureRegister(db: Db, label: string): Promise<void> {
  const sample = await db.select({ code: cases.trackingCode, id: cases.id }).from(cases).limit(1).offset(54_321);
  const admin: RegisterScope = { reads: 'all', handles: 'all' };
  const unit: RegisterScope = { reads: [5], handles: [5] };
  const supervisor: RegisterScope = { reads: 'all', handles: [] };
  const searches: [string, RegisterScope, Record<string, unknown>][] = [
    ['all cases, newest first', admin, {}],
    ['a unit, newest first', unit, {}],
    ['by 查询码', admin, { q: sample[0].code }],
    ['by 受理编号', admin, { q: `2025-${String(sample[0].id).padStart(6, '0')}` }],
    ['by subject words', admin, { q: '低保' }],
    ['by applicant name', admin, { q: '张伟' }],
    ['subject words, supervisor (masked)', supervisor, { q: '预算' }],
    ['open and overdue, by due date', admin, { state: 'open', overdue: 'open', sort: 'due', dir: 'asc' }],
    ['replied late in 2025', admin, { overdue: 'late', closedFrom: '2025-01-01', closedTo: '2025-12-31' }],
    [
      'a unit, 予以公开, received in 2025',
      unit,
      { outcome: 'granted', receivedFrom: '2025-01-01', receivedTo: '2025-12-31' },
    ],
    ['by post, enterprises', admin, { channel: 'post', applicantType: 'commercial' }],
    ['page 40 of all cases', admin, { page: 40 }],
    ['sorted by agency', admin, { sort: 'agency', dir: 'asc' }],
  ];
  const all: number[] = [];
  const each: string[] = [];
  for (const [name, scope, f] of searches) {
    const filters = registerFilterSchema.parse(f);
    await searchRegister(db, scope, filters, today); // warm
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const [ms, r] = await time(() => searchRegister(db, scope, filters, today));
      times.push(ms);
      total = r.total;
    }
    all.push(...times);
    each.push(`${name}: ${p95(times).toFixed(0)} ms (${total})`);
  }
  const target = label === 'PostgreSQL' ? 'target < 200 ms' : 'PGlite, outside the target (server)';
  console.log(`register ${label}: search p95 ${p95(all).toFixed(0)} ms over ${all.length} queries (${target})`);
  console.log(`  ${each.join('; ')}`);

  const quarter = registerFilterSchema.parse({ receivedFrom: '2025-07-01', receivedTo: '2025-09-30' });
  const exportTimes: number[] = [];
  let rowsInQuarter = 0;
  await registerXlsx(await registerRows(db, unit, quarter, today), { title: '', exportedAt: '', filters: '' }); // warm
  for (let i = 0; i < 10; i++) {
    const [ms, bytes] = await time(async () => {
      const rows = await registerRows(db, unit, quarter, today);
      rowsInQuarter = rows.length;
      return registerXlsx(rows, { title: '登记台账', exportedAt: today, filters: '' });
    });
    exportTimes.push(ms);
    if (!bytes.length) throw new Error('empty workbook');
  }
  console.log(
    `register ${label}: XLSX export of a unit's quarter (${rowsInQuarter} rows) p95 ${p95(exportTimes).toFixed(0)} ms (${target})`,
  );
  const [bigMs, big] = await time(async () => {
    const rows = await registerRows(db, admin, registerFilterSchema.parse({}), today, 10_000);
    return {
      rows: rows.length,
      bytes: (await registerXlsx(rows, { title: '登记台账', exportedAt: today, filters: '' })).length,
    };
  });
  console.log(
    `register ${label}: XLSX export of ${big.rows} rows in ${(bigMs / 1000).toFixed(2)} s, ${(big.bytes / 1024).toFixed(0)} KB (target < 5 s)`,
  );
}

export default async function benchRegister(): Promise<void> {
  // The target is the server's; without one the figures come from PGlite, labelled as outside it.
  await run(config.databaseUrl ? 'PostgreSQL' : 'PGlite', config.databaseUrl);
}
