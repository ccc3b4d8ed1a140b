/**
 * Writes the seed templates (templates.ts) into standard_directory_items; a template already there (same key)
 * is left as an administrator may have edited it. One audit event for the seeding.
 */
import { recordAudit } from '../../db/audit.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { standardDirectoryItems } from '../../db/schema/standards.ts';
import { STANDARD_ITEM_TEMPLATES } from './templates.ts';

export async function seedStandardTemplates(tx: Tx, at: Date, actorId: number | null = null): Promise<number> {
  const rows = await tx
    .insert(standardDirectoryItems)
    .values(STANDARD_ITEM_TEMPLATES.map((t, i) => ({ ...t, seq: i + 1, updatedAt: at })))
    .onConflictDoNothing({ target: standardDirectoryItems.key })
    .returning({ id: standardDirectoryItems.id });
  if (rows.length)
    await recordAudit(tx, {
      at,
      actorId,
      action: 'standard_directory.seeded',
      entityType: 'standard_directory_item',
      data: { added: rows.length },
    });
  return rows.length;
}

/** The templates, by area and order. */
export function listTemplates(db: Executor) {
  return db.select().from(standardDirectoryItems).orderBy(standardDirectoryItems.area, standardDirectoryItems.seq);
}
