/** The agencies in tree order (by path), for choosing a user's agency. */
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';

export async function agencyChoices(db: Db) {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, path: agencies.path })
    .from(agencies)
    .orderBy(asc(agencies.path));
  // Indented by depth so the tree reads in a select.
  return rows.map((a) => ({
    id: a.id,
    label: `${'　'.repeat(Math.max(0, a.path.split('/').filter(Boolean).length - 1))}${a.name}`,
  }));
}
