/** The version of an agency's own wording of a letter or notice that an editor is shown ("new": none saved). */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { editVersionOf } from '../../db/edit-version.ts';
import { caseDocumentTemplates } from '../../db/schema/cases.ts';
import { DEFAULT_TEMPLATES, type DocumentKind } from './templates.ts';

export const templateVersion = (row: { updatedAt: Date; title: string; body: string } | undefined) =>
  editVersionOf(row, row && [row.title, row.body]);

/** An agency's wording of a letter (its own, or the built-in one) with the version a save must send back. */
export async function documentTemplateOf(db: Executor, agencyId: number, kind: DocumentKind) {
  const [own] = await db
    .select()
    .from(caseDocumentTemplates)
    .where(and(eq(caseDocumentTemplates.agencyId, agencyId), eq(caseDocumentTemplates.kind, kind)));
  const wording = own ?? DEFAULT_TEMPLATES[kind];
  return { agencyId, kind, own: Boolean(own), title: wording.title, body: wording.body, version: templateVersion(own) };
}
