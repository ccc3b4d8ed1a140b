/** Per-agency catalog settings: the directory tree and the review chain, with the defaults when unset. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { editVersionOf } from '../db/edit-version.ts';
import { catalogSettings } from '../db/schema/catalog.ts';
import { type DirectoryNode, defaultDirectory } from './directory.ts';
import { DEFAULT_REVIEW_CHAIN } from './vocabulary.ts';

export async function settingsOf(db: Executor, agencyId: number) {
  const [row] = await db.select().from(catalogSettings).where(eq(catalogSettings.agencyId, agencyId));
  return row;
}

/** The agency's directory tree: its own, or the default for its kind. */
export async function directoryOf(db: Executor, agencyId: number, kind: string): Promise<DirectoryNode[]> {
  const row = await settingsOf(db, agencyId);
  return (row?.directory as DirectoryNode[] | null) ?? defaultDirectory(kind);
}

/** The agency's review chain: its own, or 初审 → 审核 → 审发. */
export async function reviewChainOf(db: Executor, agencyId: number): Promise<string[]> {
  const row = await settingsOf(db, agencyId);
  return row?.reviewChain?.length ? row.reviewChain : [...DEFAULT_REVIEW_CHAIN];
}

/** The version of an agency's settings an editor is shown ("new" before the first save). */
export const settingsVersion = (
  row: { updatedAt: Date; directory: unknown; reviewChain: unknown; allowOneReviewer: boolean } | undefined,
) => editVersionOf(row, row && [row.directory, row.reviewChain, row.allowOneReviewer]);
