/**
 * The 工作台's counts for one user (issue #15): what waits for them, by what they may do where — 待办 (open
 * applications of the agencies they handle), 逾期 and 临期 (the clock's own definition, cases/queries.ts),
 * 待审核 (catalog items in review in the agencies they review for) and 督办 (notices to their agency not yet
 * answered, and how many of them are past their reply date). A count the user's role does not cover is null:
 * the page leaves its card out.
 */
import { and, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { ROLE_PERMISSIONS, type SessionUser } from '../auth/roles.ts';
import { overdueCounts } from '../cases/queries.ts';
import type { Executor } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { supervisionNotices } from '../db/schema/supervision.ts';

export interface WorkbenchCounts {
  open: number | null;
  overdue: number | null;
  dueSoon: number | null;
  inReview: number | null;
  notices: { open: number; late: number } | null;
}

const scoped = (column: Parameters<typeof inArray>[0], scope: SessionUser['scope']): SQL | undefined =>
  scope === 'all' ? undefined : inArray(column, scope.length ? [...scope] : [-1]);

export async function workbenchCounts(db: Executor, user: SessionUser, today: string): Promise<WorkbenchCounts> {
  const has = ROLE_PERMISSIONS[user.role];
  let open: number | null = null;
  let overdue: number | null = null;
  let dueSoon: number | null = null;
  if (has.has('case.handle')) {
    const ids =
      user.scope === 'all' ? (await db.select({ id: agencies.id }).from(agencies)).map((a) => a.id) : [...user.scope];
    const rows = await overdueCounts(db, ids, today);
    open = rows.reduce((n, r) => n + r.open, 0);
    overdue = rows.reduce((n, r) => n + r.overdue, 0);
    dueSoon = rows.reduce((n, r) => n + r.dueSoon, 0);
  }
  let inReview: number | null = null;
  if (has.has('catalog.review')) {
    const [row] = await db
      .select({ n: count() })
      .from(catalogItems)
      .where(and(eq(catalogItems.state, 'in_review'), scoped(catalogItems.agencyId, user.scope)));
    inReview = row?.n ?? 0;
  }
  const unanswered = and(eq(supervisionNotices.toAgencyId, user.agencyId), isNull(supervisionNotices.repliedAt));
  const [notice] = await db
    .select({
      open: count(),
      late: sql<number>`count(*) filter (where ${supervisionNotices.replyBy} < ${today})::int`,
    })
    .from(supervisionNotices)
    .where(unanswered);
  return { open, overdue, dueSoon, inReview, notices: { open: notice?.open ?? 0, late: notice?.late ?? 0 } };
}
