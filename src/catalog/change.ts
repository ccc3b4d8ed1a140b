/**
 * One way to change an item: in a transaction, lock the row, check the user's permission on its agency and
 * the optimistic version, let the action decide, write the change, a review row when there is one, and the
 * audit event — all or nothing.
 */
import { asc, eq } from 'drizzle-orm';
import { type Permission, requirePermission, type SessionUser } from '../auth/roles.ts';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import type { Db, Executor, Tx } from '../db/client.ts';
import {
  type CatalogItem,
  type ConfidentialityChecklist,
  catalogAttachments,
  catalogItems,
  catalogReviews,
} from '../db/schema/catalog.ts';
import { AppError } from '../errors.ts';
import { itemSearchText } from './item-fields.ts';
import { STATE_NAMES } from './vocabulary.ts';

export interface CatalogDeps {
  db: Db;
  clock: Clock;
}

export interface ChangeInput {
  user: SessionUser;
  itemId: number;
  /** The version the user saw; a stale form is refused. */
  version?: number;
}

export interface ChangeResult {
  set?: Partial<typeof catalogItems.$inferInsert>;
  review?: { step: string; decision: string; comment?: string | null; checklist?: ConfidentialityChecklist };
  auditData?: Record<string, unknown>;
  /** Recompute search_text after the change (body or attachments changed). */
  reindex?: boolean;
}

export async function getItem(db: Executor, id: number): Promise<CatalogItem> {
  const [item] = await db.select().from(catalogItems).where(eq(catalogItems.id, id));
  if (!item) throw new AppError('not_found', `目录信息不存在：${id}`);
  return item;
}

export async function reindexItem(tx: Tx, itemId: number): Promise<void> {
  const item = await getItem(tx, itemId);
  const files = await tx
    .select({ text: catalogAttachments.text })
    .from(catalogAttachments)
    .where(eq(catalogAttachments.itemId, itemId))
    .orderBy(asc(catalogAttachments.id));
  const searchText = itemSearchText(
    item,
    files.map((f) => f.text ?? ''),
  );
  await tx.update(catalogItems).set({ searchText }).where(eq(catalogItems.id, itemId));
}

export async function changeItem(
  deps: CatalogDeps,
  input: ChangeInput,
  permission: Permission,
  action: string,
  decide: (tx: Tx, item: CatalogItem) => Promise<ChangeResult>,
): Promise<CatalogItem> {
  return deps.db.transaction(async (tx) => {
    const [item] = await tx.select().from(catalogItems).where(eq(catalogItems.id, input.itemId)).for('update');
    if (!item) throw new AppError('not_found', `目录信息不存在：${input.itemId}`);
    requirePermission(input.user, permission, item.agencyId);
    if (input.version !== undefined && input.version !== item.version) {
      throw new AppError('conflict', '该信息已被他人修改，请刷新后重试', { version: item.version });
    }
    const result = await decide(tx, item);
    const now = deps.clock.now();
    const [updated] = await tx
      .update(catalogItems)
      .set({ ...result.set, version: item.version + 1, updatedAt: now })
      .where(eq(catalogItems.id, item.id))
      .returning();
    if (result.review) {
      await tx.insert(catalogReviews).values({ itemId: item.id, actorId: input.user.id, at: now, ...result.review });
    }
    if (result.reindex) await reindexItem(tx, item.id);
    await recordAudit(tx, {
      at: now,
      actorId: input.user.id,
      action,
      entityType: 'catalog_item',
      entityId: item.id,
      agencyId: item.agencyId,
      data: { indexNo: item.indexNo, from: item.state, to: updated.state, ...result.auditData },
    });
    return result.reindex ? getItem(tx, item.id) : updated;
  });
}

/** Refuses unless the item is in one of `states`. */
export function requireState(item: CatalogItem, states: string[], what: string): void {
  if (!states.includes(item.state)) {
    const now = STATE_NAMES[item.state as keyof typeof STATE_NAMES] ?? item.state;
    throw new AppError('invalid_state', `该信息当前为“${now}”，不能${what}`);
  }
}
