/**
 * Published items that may already hold what an application asks for: 《条例》第三十六条第（一）项 — information
 * already published is answered by telling the applicant where to get it, quickly. Matched on the subject's
 * words (Intl.Segmenter), any of them, then kept only when at least MIN_SHARED_WORDS of the subject's words are
 * in the item's title: a suggestion, never a decision.
 */
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { wordTokens } from './search-tokens.ts';

/** Words of an application that say nothing of its object. */
const GENERIC = new Set([
  '申请',
  '公开',
  '政府',
  '信息',
  '关于',
  '有关',
  '相关',
  '情况',
  '文件',
  '提供',
  '本人',
  '我',
  '的',
  '和',
  '及',
  '与',
]);
/** A title sharing fewer of the subject's words is no suggestion. A convention, tuned on the demo. */
export const MIN_SHARED_WORDS = 2;

export async function similarPublished(db: Executor, input: { subject: string; today: string; limit?: number }) {
  const words = [...new Set(wordTokens(input.subject))].filter(
    (w) => w.length > 1 && !GENERIC.has(w) && !/^\d+$/.test(w),
  );
  if (words.length < MIN_SHARED_WORDS) return [];
  const query = words.map((w) => `'${w.replace(/'/g, "''")}'`).join(' | ');
  const rows = await db
    .select({
      id: catalogItems.id,
      title: catalogItems.title,
      indexNo: catalogItems.indexNo,
      publishedOn: catalogItems.publishedOn,
      agency: agencies.name,
    })
    .from(catalogItems)
    .innerJoin(agencies, eq(agencies.id, catalogItems.agencyId))
    .where(
      and(
        eq(catalogItems.state, 'published'),
        lte(catalogItems.publishedOn, input.today),
        sql`${catalogItems.searchVector} @@ to_tsquery('simple', ${query})`,
      ),
    )
    .orderBy(desc(sql`ts_rank(${catalogItems.searchVector}, to_tsquery('simple', ${query}))`), desc(catalogItems.id))
    .limit(50);
  return rows
    .map((r) => ({ ...r, shared: words.filter((w) => r.title.toLowerCase().includes(w)).length }))
    .filter((r) => r.shared >= MIN_SHARED_WORDS)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, input.limit ?? 5);
}
