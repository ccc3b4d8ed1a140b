/**
 * 补正 sent online by the applicant (条例第三十条), from the tracking page with the 查询码: what they add or
 * correct, in words and files (checked as the application's files are, ../attachments.ts). In one
 * transaction the files are stored with the case, the submission is audited (the words and the files'
 * names and checksums), and the correction is received that day through receiveCorrection — the period
 * restarts as the clock rules say. Only a case waiting for 补正 takes one.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import { caseAttachments, cases } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { type ApplicantFile, checkApplicantFiles } from '../attachments.ts';
import type { CaseDeps } from '../transition.ts';
import { receiveCorrection } from './receive-correction.ts';

export async function submitCorrection(
  deps: CaseDeps,
  input: { trackingCode: string; text: string; attachments?: readonly ApplicantFile[] },
) {
  const code = input.trackingCode.trim().toUpperCase();
  const text = input.text.trim();
  const files = checkApplicantFiles(input.attachments ?? []);
  if (!text && !files.length)
    throw new AppError('bad_input', '请填写补正内容或上传补正材料', {
      fields: { text: '请填写补正内容或上传补正材料' },
    });
  if (text.length > 5000)
    throw new AppError('bad_input', '补正内容不超过5000字', { fields: { text: '补正内容不超过5000字' } });
  return deps.db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(eq(cases.trackingCode, code)).for('update');
    if (!c) throw new AppError('not_found', '没有找到与该查询码对应的申请');
    if (c.state !== 'awaiting_correction') throw new AppError('invalid_state', '该申请当前不需要补正');
    const stored = files.length
      ? await tx
          .insert(caseAttachments)
          .values(files.map((f) => ({ ...f, caseId: c.id, uploadedAt: deps.clock.now() })))
          .returning({ id: caseAttachments.id, filename: caseAttachments.filename, sha256: caseAttachments.sha256 })
      : [];
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: null,
      action: 'case.correction_submitted',
      entityType: 'case',
      entityId: c.id,
      agencyId: c.agencyId,
      data: { text, attachments: stored },
    });
    // Nested: a savepoint inside this transaction, so the files, the audit and the state change stand or fall together.
    return receiveCorrection({ db: tx as unknown as CaseDeps['db'], clock: deps.clock }, { user: null, caseId: c.id });
  });
}
