/**
 * The same applicant asking the same agency for the same information again within a short while: most often a
 * form sent twice (a reload, the back button, a second click) or a letter also sent by e-mail. Filing is not
 * refused — an applicant may ask again — but the form says so first and files only when the applicant confirms.
 * The hint gives the day of the earlier application, never its tracking code or anything else of it.
 */
import { and, eq, gte, or } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { cases } from '../db/schema/cases.ts';
import { normalizePhone } from '../identifiers/contact.ts';
import { normalizeIdentifier } from '../identifiers/id-card.ts';
import { addDays } from '../law/dates.ts';
import { applicationSchema } from './actions/receive-application.ts';
import { checkApplication } from './application-check.ts';
import { type ApplicantFile, checkApplicantFiles } from './attachments.ts';

/** Calendar days back an earlier application counts as a repeat (our choice, not the 条例's: a month). */
export const DUPLICATE_WINDOW_DAYS = 30;

/** The subject as compared: without spaces and punctuation, full-width letters and digits half-width. */
export const subjectKey = (subject: string) => normalizeIdentifier(subject).replace(/[\p{P}\p{S}]/gu, '');

export interface ApplicantAndSubject {
  agencyId: number;
  applicantName: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  subject: string;
}

/** The day of the most recent earlier application by the same applicant for the same subject, or null. */
export async function recentDuplicate(db: Executor, a: ApplicantAndSubject, today: string): Promise<string | null> {
  if (!Number.isInteger(a.agencyId) || !a.subject.trim()) return null;
  const id = a.idNumber ? normalizeIdentifier(a.idNumber) : '';
  const name = a.applicantName.trim();
  const rows = await db
    .select({
      receivedOn: cases.receivedOn,
      subject: cases.subject,
      applicantName: cases.applicantName,
      idNumber: cases.idNumber,
      phone: cases.phone,
      email: cases.email,
    })
    .from(cases)
    .where(
      and(
        eq(cases.agencyId, a.agencyId),
        gte(cases.receivedOn, addDays(today, -DUPLICATE_WINDOW_DAYS)),
        id ? or(eq(cases.idNumber, id), eq(cases.applicantName, name)) : eq(cases.applicantName, name),
      ),
    )
    .limit(200);
  const key = subjectKey(a.subject);
  const phone = a.phone ? normalizePhone(a.phone) : '';
  const email = a.email?.trim().toLowerCase() ?? '';
  const same = rows.filter(
    (r) =>
      subjectKey(r.subject) === key &&
      ((id !== '' && r.idNumber === id) ||
        (r.applicantName === name &&
          ((phone !== '' && r.phone === phone) || (email !== '' && r.email?.toLowerCase() === email)))),
  );
  return (
    same
      .map((r) => r.receivedOn)
      .sort()
      .at(-1) ?? null
  );
}

/**
 * Before filing: the application's own checks first (the same as receiveApplication's, so a wrong field is
 * named before anything else; throws AppError('bad_input')), then the day of an earlier application by the same
 * applicant for the same subject, or null.
 */
export async function earlierApplication(
  db: Executor,
  input: { application: unknown; attachments: readonly ApplicantFile[]; idRequired: boolean },
  today: string,
): Promise<string | null> {
  const a = checkApplication(applicationSchema, input.application, { today, idRequired: input.idRequired });
  checkApplicantFiles(input.attachments);
  return recentDuplicate(db, a, today);
}
