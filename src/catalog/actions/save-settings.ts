/**
 * 目录与审核流程设置: an agency's own directory tree and review chain (null: back to the defaults), and whether one
 * person may take several steps of the chain (a unit with one reviewer; off unless set, issue #12).
 */

import { eq } from 'drizzle-orm';
import { can, requirePermission, type SessionUser } from '../../auth/roles.ts';
import { recordAudit } from '../../db/audit.ts';
import { assertEditVersion } from '../../db/edit-version.ts';
import { catalogSettings } from '../../db/schema/catalog.ts';
import { AppError } from '../../errors.ts';
import type { CatalogDeps } from '../change.ts';
import { type DirectoryNode, directoryProblems } from '../directory.ts';
import { settingsVersion } from '../settings.ts';

/** Settings are kept by the agency's reviewers (catalog.review) or by a 系统管理员 (agency.manage). */
export function requireSettingsRight(user: SessionUser, agencyId: number): void {
  if (!can(user, 'agency.manage', agencyId)) requirePermission(user, 'catalog.review', agencyId);
}

export async function saveCatalogSettings(
  deps: CatalogDeps,
  input: {
    user: SessionUser;
    agencyId: number;
    directory: DirectoryNode[] | null;
    reviewChain: string[] | null;
    allowOneReviewer?: boolean;
    /** The version the editor was shown (`settingsVersion`, "new" before the first save): a stale save is refused. */
    version: string;
  },
) {
  requireSettingsRight(input.user, input.agencyId);
  if (input.directory) {
    const problems = directoryProblems(input.directory);
    if (problems.length) throw new AppError('bad_input', problems.join('；'));
  }
  const chain = input.reviewChain?.map((s) => s.trim()).filter(Boolean) ?? null;
  if (chain && (chain.length === 0 || chain.length > 6)) throw new AppError('bad_input', '审核流程应有1—6个环节');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(catalogSettings)
      .where(eq(catalogSettings.agencyId, input.agencyId))
      .for('update');
    assertEditVersion(settingsVersion(before), input.version, '目录与审核流程设置');
    const row = {
      agencyId: input.agencyId,
      directory: input.directory,
      reviewChain: chain,
      allowOneReviewer: input.allowOneReviewer ?? false,
      updatedAt: now,
      updatedBy: input.user.id,
    };
    await tx.insert(catalogSettings).values(row).onConflictDoUpdate({ target: catalogSettings.agencyId, set: row });
    await recordAudit(tx, {
      at: now,
      actorId: input.user.id,
      action: 'catalog.settings_saved',
      entityType: 'catalog_settings',
      entityId: input.agencyId,
      agencyId: input.agencyId,
      data: {
        reviewChain: chain,
        allowOneReviewer: row.allowOneReviewer,
        directoryNodes: input.directory ? input.directory.length : null,
      },
    });
    return { ...row, version: settingsVersion(row) };
  });
}
