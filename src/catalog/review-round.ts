/**
 * The review round in progress: the decisions since the item was last submitted. Separation of duties (issue #12)
 * asks who already approved a step of this round; a returned and re-submitted item starts a new round.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { catalogReviews } from '../db/schema/catalog.ts';

async function roundOf(db: Executor, itemId: number) {
  const rows = await db
    .select({
      id: catalogReviews.id,
      decision: catalogReviews.decision,
      step: catalogReviews.step,
      actorId: catalogReviews.actorId,
    })
    .from(catalogReviews)
    .where(eq(catalogReviews.itemId, itemId))
    .orderBy(asc(catalogReviews.id));
  let start = 0;
  rows.forEach((r, i) => {
    if (r.decision === 'submitted') start = i + 1;
  });
  return rows.slice(start);
}

/** The steps of this round the user approved. */
export async function stepsTakenBy(db: Executor, itemId: number, userId: number): Promise<string[]> {
  return (await roundOf(db, itemId))
    .filter((r) => r.decision === 'approved' && r.actorId === userId)
    .map((r) => r.step);
}
