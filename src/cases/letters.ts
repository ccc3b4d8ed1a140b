/**
 * 文书文号: each letter a case issues (补正告知书, 延期答复告知书, 征求意见书, 收费通知书, 答复书) takes the next number of
 * its agency's sequence for the year, in the transaction of the action that issues it (src/cases/transition.ts),
 * and is kept in case_letters, append-only. The number reads 〔year〕N号 after the agency's name and 依申, the
 * common shape of these letters' numbers (e.g. 某县教育局依申〔2026〕12号); LETTER_NO_WORD is the word between.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { type CaseLetter, caseLetterCounters, caseLetters, type LetterKind } from '../db/schema/cases.ts';
import type { CaseAction } from './lifecycle.ts';

/** The word after the agency's name in a letter's number (依申请公开). A convention, not a rule of law. */
export const LETTER_NO_WORD = '依申';

/** Which action issues which letter. */
export const LETTER_OF_ACTION: Partial<Record<CaseAction, LetterKind>> = {
  request_correction: 'correction',
  extend: 'extension',
  start_consultation: 'consultation',
  send_fee_notice: 'fee',
  reply: 'reply',
  correct_reply: 'reply',
  request_assist: 'assist',
};

export const formatLetterNo = (agencyName: string, year: number, seq: number) =>
  `${agencyName}${LETTER_NO_WORD}〔${year}〕${seq}号`;

export async function issueLetter(
  tx: Tx,
  input: { caseId: number; agencyId: number; kind: LetterKind; issuedOn: string; issuedBy: number | null },
): Promise<CaseLetter> {
  const year = Number(input.issuedOn.slice(0, 4));
  const [counter] = await tx
    .insert(caseLetterCounters)
    .values({ agencyId: input.agencyId, year, last: 1 })
    .onConflictDoUpdate({
      target: [caseLetterCounters.agencyId, caseLetterCounters.year],
      set: { last: sql`${caseLetterCounters.last} + 1` },
    })
    .returning({ last: caseLetterCounters.last });
  const [agency] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, input.agencyId));
  const previous = input.kind === 'reply' ? await latestLetter(tx, input.caseId, 'reply') : undefined;
  const [letter] = await tx
    .insert(caseLetters)
    .values({
      caseId: input.caseId,
      agencyId: input.agencyId,
      kind: input.kind,
      year,
      seq: counter.last,
      letterNo: formatLetterNo(agency?.name ?? '', year, counter.last),
      issuedOn: input.issuedOn,
      replacesId: previous?.id ?? null,
      issuedBy: input.issuedBy,
    })
    .returning();
  return letter;
}

/** The case's latest letter of a kind (a corrected reply: the correction). */
export async function latestLetter(db: Executor, caseId: number, kind: LetterKind): Promise<CaseLetter | undefined> {
  const [row] = await db
    .select()
    .from(caseLetters)
    .where(and(eq(caseLetters.caseId, caseId), eq(caseLetters.kind, kind)))
    .orderBy(desc(caseLetters.id))
    .limit(1);
  return row;
}
