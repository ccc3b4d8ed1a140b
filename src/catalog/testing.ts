/** Test helpers of the catalog: an agency with a valid 统一社会信用代码 and the users of a review chain. */
import { creditCodeCheckChar } from '../agencies/credit-code.ts';
import type { Db } from '../db/client.ts';
import { makeAgency, makeUser } from '../db/factories.ts';
import type { Agency } from '../db/schema/agencies.ts';
import { calendarYears } from '../db/schema/calendar.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { seedCalendarYears } from '../law/calendar-seed.ts';
import { formatIndexNo } from './index-number.ts';

let n = 0;
/** A valid 统一社会信用代码 (机关: 11, region 510000), distinct per call. */
export function testCreditCode(i = ++n): string {
  const first17 = `11510000MB${String(1000000 + i).slice(-7)}`;
  return first17 + creditCodeCheckChar(first17);
}

export async function makeCatalogWorld(db: Db) {
  const county = await makeAgency(db, { name: '某县人民政府', kind: 'government', creditCode: testCreditCode() });
  const bureau = await makeAgency(db, {
    parent: county,
    name: '某县教育局',
    kind: 'department',
    creditCode: testCreditCode(),
  });
  const office = await makeAgency(db, { parent: bureau, name: '某县教育局办公室', kind: 'office' });
  const staff = (await makeUser(db, { agency: bureau, role: 'staff' })).user;
  const head = (await makeUser(db, { agency: bureau, role: 'office_head' })).user;
  const reviewer = (await makeUser(db, { agency: bureau, role: 'reviewer' })).user;
  // Each step of a chain needs a different person (issue #12): two more reviewers.
  const second = (await makeUser(db, { agency: bureau, role: 'reviewer' })).user;
  const third = (await makeUser(db, { agency: bureau, role: 'reviewer' })).user;
  const outsider = (await makeUser(db, { agency: county, role: 'staff' })).user;
  return { county, bureau, office, staff, head, reviewer, second, third, outsider };
}

/** A published catalog item of `agency` (it needs a 统一社会信用代码), inserted as it is, with no review. */
export async function insertPublishedItem(db: Db, agency: Agency) {
  const [item] = await db
    .insert(catalogItems)
    .values({
      indexNo: formatIndexNo(agency.creditCode!, 2026, 1),
      agencyId: agency.id,
      title: '关于冬季供暖安排的通知',
      publishedOn: '2026-11-20',
      category: '20.1',
      state: 'published',
    })
    .returning();
  return item;
}

/** Stores the seeded calendar years (for the 第二十六条 check). */
export async function seedTestCalendar(db: Db): Promise<void> {
  await db
    .insert(calendarYears)
    .values(seedCalendarYears().map((y) => ({ ...y, names: y.names ?? {}, source: 'seed', updatedAt: new Date() })))
    .onConflictDoNothing();
}

export type { Agency };
