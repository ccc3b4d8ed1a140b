/**
 * The annual report's application counts kept as they change (issue #18): how many cases of an agency share
 * the facts sections 三 and the old table count by — the years received and closed, applicant type, regime,
 * outcome, channel, extension. A statement-level trigger on `cases` (migration `case_tallies`) adds and
 * subtracts in the same transaction as every insert, update and delete, so a report reads a few rows per
 * agency and year instead of the whole history; `src/cases/tallies.ts` recounts them from the cases.
 */
import { boolean, index, integer, pgTable, smallint, text, unique } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';

export const caseTallies = pgTable(
  'case_tallies',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    receivedYear: smallint('received_year').notNull(),
    /** null while the case is open. */
    closedYear: smallint('closed_year'),
    applicantType: text('applicant_type').notNull(),
    regime: text('regime').notNull(),
    outcome: text('outcome'),
    channel: text('channel').notNull(),
    extended: boolean('extended').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    unique('case_tallies_facts_key')
      .on(t.agencyId, t.receivedYear, t.closedYear, t.applicantType, t.regime, t.outcome, t.channel, t.extended)
      .nullsNotDistinct(),
    index('case_tallies_closed_idx').on(t.agencyId, t.closedYear),
  ],
);
