/** 协办函 as the two agencies see them: the handling agency on the case page, the assisting agency in its list. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { caseAssists, cases } from '../db/schema/cases.ts';

/** A case's 协办函, oldest first, with the assisting agency's name. */
export async function assistsOfCase(db: Executor, caseId: number) {
  return db
    .select({
      id: caseAssists.id,
      toAgency: agencies.name,
      request: caseAssists.request,
      answerBy: caseAssists.answerBy,
      sentOn: caseAssists.sentOn,
      answer: caseAssists.answer,
      answeredOn: caseAssists.answeredOn,
    })
    .from(caseAssists)
    .innerJoin(agencies, eq(agencies.id, caseAssists.toAgencyId))
    .where(eq(caseAssists.caseId, caseId))
    .orderBy(asc(caseAssists.id));
}

/**
 * The 协办函 waiting for an answer from the given agencies, earliest due first: the request, who asks, and the
 * application's subject — no applicant's name, number or address (they are not this agency's case).
 */
export async function openAssistsFor(db: Executor, agencyIds: 'all' | readonly number[]) {
  if (agencyIds !== 'all' && !agencyIds.length) return [];
  const to = agencyIds === 'all' ? undefined : inArray(caseAssists.toAgencyId, [...agencyIds]);
  return db
    .select({
      id: caseAssists.id,
      caseId: caseAssists.caseId,
      fromAgency: agencies.name,
      subject: cases.subject,
      request: caseAssists.request,
      answerBy: caseAssists.answerBy,
      sentOn: caseAssists.sentOn,
    })
    .from(caseAssists)
    .innerJoin(agencies, eq(agencies.id, caseAssists.fromAgencyId))
    .innerJoin(cases, eq(cases.id, caseAssists.caseId))
    .where(and(to, isNull(caseAssists.answeredOn)))
    .orderBy(asc(caseAssists.answerBy), asc(caseAssists.id));
}
