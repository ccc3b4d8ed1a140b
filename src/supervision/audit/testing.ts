/**
 * Audit cases on top of the demo county (tests and browser journeys): every unit's sections 五 of `year`
 * rewritten so none repeats last year's, then one unit (`copied`) whose section 五 is last year's again and
 * one unit (`blank`) with the cell 行政复议结果维持 printed blank; both reports submitted (locked), so the
 * supervisor can return them.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { annualReports } from '../../db/schema/reports.ts';

export const BLANK_KEY = 'review.upheld';

export async function seedAuditCases(db: Db, opts: { year: number; copied: number; blank: number }) {
  const rows = await db
    .select({
      id: annualReports.id,
      agencyId: annualReports.agencyId,
      narrative: annualReports.narrative,
      name: agencies.name,
    })
    .from(annualReports)
    .innerJoin(agencies, eq(agencies.id, annualReports.agencyId))
    .where(and(eq(annualReports.year, opts.year), eq(annualReports.origin, 'computed')));
  const [copiedBefore] = await db
    .select({ narrative: annualReports.narrative })
    .from(annualReports)
    .where(
      and(
        eq(annualReports.year, opts.year - 1),
        eq(annualReports.origin, 'computed'),
        eq(annualReports.agencyId, opts.copied),
      ),
    );
  for (const row of rows) {
    const problems =
      row.agencyId === opts.copied
        ? copiedBefore.narrative.problems
        : `${row.name}网站栏目更新频率不高，部分政策解读形式单一。${opts.year + 1}年将建立栏目更新台账，丰富图解、视频等解读形式。`;
    await db
      .update(annualReports)
      .set({ narrative: { ...row.narrative, problems } })
      .where(eq(annualReports.id, row.id));
  }
  const [blank] = await db
    .select()
    .from(annualReports)
    .where(
      and(
        eq(annualReports.year, opts.year),
        eq(annualReports.origin, 'computed'),
        eq(annualReports.agencyId, opts.blank),
      ),
    );
  await db
    .update(annualReports)
    .set({ values: { ...blank.values, [BLANK_KEY]: null } })
    .where(eq(annualReports.id, blank.id));
  await db
    .update(annualReports)
    .set({ status: 'locked', publishedAt: null })
    .where(
      and(
        eq(annualReports.year, opts.year),
        eq(annualReports.origin, 'computed'),
        inArray(annualReports.agencyId, [opts.copied, opts.blank]),
      ),
    );
}
