/**
 * 《条例》第四十四条: information asked for repeatedly by applicants may be published proactively. The subjects
 * asked for more than once in a period, within the user's agencies: the same words whatever the spacing and
 * punctuation (SUBJECT_NOISE), counted with how many applicants and the latest day. Grouped in the database.
 */
import { and, desc, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { cases } from '../db/schema/cases.ts';

/** What does not make two subjects different: white space and punctuation, Western and Chinese. */
export const SUBJECT_NOISE = '[[:space:][:punct:]，。、；：？！“”‘’《》〈〉（）【】—…·]';

export async function repeatedSubjects(
  db: Executor,
  input: { agencyIds: 'all' | readonly number[]; from: string; to: string; minCount?: number; limit?: number },
) {
  const key = sql<string>`regexp_replace(lower(${cases.subject}), ${SUBJECT_NOISE}, '', 'g')`;
  const count = sql<number>`count(*)::int`;
  return db
    .select({
      subject: sql<string>`min(${cases.subject})`,
      count,
      applicants: sql<number>`count(distinct ${cases.applicantName})::int`,
      latest: sql<string>`max(${cases.receivedOn})::text`,
    })
    .from(cases)
    .where(
      and(
        input.agencyIds === 'all'
          ? undefined
          : inArray(cases.agencyId, input.agencyIds.length ? [...input.agencyIds] : [-1]),
        gte(cases.receivedOn, input.from),
        lte(cases.receivedOn, input.to),
      ),
    )
    .groupBy(key)
    .having(sql`count(*) >= ${input.minCount ?? 2}`)
    .orderBy(desc(count), desc(sql`max(${cases.receivedOn})`))
    .limit(input.limit ?? 100);
}
