/**
 * 批量打印受理回执: the receipts of the cases a handler ticks in the register, in one printable page. Only cases of
 * agencies the user handles (a receipt names the applicant); at most MAX_BULK_RECEIPTS at once.
 */
import { requirePermission, type SessionUser } from '../../auth/roles.ts';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { buildCaseDocument, type CaseDocument } from './render.ts';

export const MAX_BULK_RECEIPTS = 100;

export async function receiptsToPrint(
  db: Executor,
  input: { user: SessionUser; caseIds: number[]; today: string },
): Promise<CaseDocument[]> {
  const ids = [...new Set(input.caseIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
  if (!ids.length) throw new AppError('bad_input', '请先勾选要打印回执的申请');
  if (ids.length > MAX_BULK_RECEIPTS) throw new AppError('bad_input', `一次最多打印${MAX_BULK_RECEIPTS}份回执`);
  const docs: CaseDocument[] = [];
  for (const caseId of ids.sort((a, b) => a - b)) {
    const doc = await buildCaseDocument(db, { caseId, kind: 'receipt', today: input.today, user: input.user });
    requirePermission(input.user, 'case.handle', doc.agencyId);
    docs.push(doc);
  }
  return docs;
}
