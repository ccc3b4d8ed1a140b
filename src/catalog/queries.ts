/** Reads of the catalog for pages and the API: one item with its attachments and reviews; recent items. */
import { and, asc, desc, eq, getTableColumns, gte, inArray, like, lte, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { builtOnce } from '../db/built-once.ts';
import type { Executor } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { catalogAttachments, catalogItems, catalogReviews } from '../db/schema/catalog.ts';
import { AppError } from '../errors.ts';
import { interpretationOutOfStep } from './timeliness.ts';

/**
 * An item's columns but its search text and vector: the segmented words of the whole body, several times the
 * body's size, stored apart (TOAST) and never shown. Read and parsed for every item page they were most of
 * its cost (issue #18).
 */
const { searchText: _text, searchVector: _vector, ...shownColumns } = getTableColumns(catalogItems);

type Attachment = { id: number; filename: string; mediaType: string; size: number; sha256: string };
type Linked = { id: number; title: string; publishedOn: string | null };

/** The item's own statement, built once per database (../db/built-once.ts); its id a placeholder. */
const detailQuery = (db: Executor) =>
  builtOnce(db, 'catalog-item-detail', () => {
    const interpreting = alias(catalogItems, 'interpreting');
    const interpreted = alias(catalogItems, 'interpreted');
    return db
      .select({
        item: shownColumns,
        agencyName: agencies.name,
        attachments: sql<Attachment[]>`(select coalesce(json_agg(json_build_object('id', ${catalogAttachments.id},
          'filename', ${catalogAttachments.filename}, 'mediaType', ${catalogAttachments.mediaType},
          'size', ${catalogAttachments.size}, 'sha256', ${catalogAttachments.sha256}) order by ${catalogAttachments.id}), '[]'::json)
          from ${catalogAttachments} where ${catalogAttachments.itemId} = ${catalogItems.id})`,
        interpretations: sql<Linked[]>`(select coalesce(json_agg(json_build_object('id', ${interpreting.id},
          'title', ${interpreting.title}, 'publishedOn', ${interpreting.publishedOn}) order by ${interpreting.id}), '[]'::json)
          from ${catalogItems} ${sql.identifier('interpreting')} where ${interpreting.interpretsId} = ${catalogItems.id} and ${interpreting.state} = 'published')`,
        policy: sql<Linked | null>`(select json_build_object('id', ${interpreted.id}, 'title', ${interpreted.title},
          'publishedOn', ${interpreted.publishedOn}) from ${catalogItems} ${sql.identifier('interpreted')} where ${interpreted.id} = ${catalogItems.interpretsId})`,
      })
      .from(catalogItems)
      .innerJoin(agencies, eq(agencies.id, catalogItems.agencyId))
      .where(eq(catalogItems.id, sql.placeholder('id')))
      .prepare('');
  });

/**
 * The statement of a page of the published catalog, newest first, built once per database for each of its
 * four shapes (of one agency or all; of a category or all; ../db/built-once.ts): built from drizzle's builder
 * on every list page it cost about as much as the page's rendering (issue #18).
 */
const pageQuery = (db: Executor, byAgency: boolean, byCategory: boolean) =>
  builtOnce(db, `catalog-published-page:${byAgency}:${byCategory}`, () =>
    db
      .select({
        id: catalogItems.id,
        indexNo: catalogItems.indexNo,
        title: catalogItems.title,
        publishedOn: catalogItems.publishedOn,
        docNo: catalogItems.docNo,
        agency: agencies.name,
      })
      .from(catalogItems)
      .innerJoin(agencies, eq(agencies.id, catalogItems.agencyId))
      .where(
        and(
          eq(catalogItems.state, 'published'),
          lte(catalogItems.publishedOn, sql.placeholder('today')),
          byAgency ? eq(catalogItems.agencyId, sql.placeholder('agency')) : undefined,
          byCategory ? like(catalogItems.category, sql.placeholder('category')) : undefined,
        ),
      )
      .orderBy(desc(catalogItems.publishedOn), desc(catalogItems.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(''),
  );

/**
 * Published items as of `today` (an item dated later is not public yet), newest first: `limit` from `offset`,
 * of one agency and of a category and its sub-categories (a code prefix: '20' takes '20.7') when given.
 */
export function publishedPage(
  db: Executor,
  q: { today: string; agency?: number; category?: string; limit: number; offset: number },
) {
  const category = q.category?.replace(/[%_\\]/g, '') || undefined;
  return pageQuery(db, q.agency !== undefined, category !== undefined).execute({
    today: q.today,
    agency: q.agency,
    category: `${category ?? ''}%`,
    limit: q.limit,
    offset: q.offset,
  });
}

/**
 * One item with what its page shows. The reads after the item's own go out together (on a server, over the
 * pool's connections); `reviews: false` skips the review history (the public page does not show it).
 */
export async function itemDetail(db: Executor, id: number, opts: { reviews?: boolean } = {}) {
  // One statement for the item and what its page lists beside it: on PGlite each statement costs about as
  // much as rendering the page (issue #18), and on a server each is a round trip.
  const [[row], reviews] = await Promise.all([
    detailQuery(db).execute({ id }),
    opts.reviews === false
      ? []
      : db.select().from(catalogReviews).where(eq(catalogReviews.itemId, id)).orderBy(asc(catalogReviews.id)),
  ]);
  if (!row) throw new AppError('not_found', `目录信息不存在：${id}`);
  const { item } = row;
  // json columns, parsed by both drivers.
  const { attachments, interpretations } = row;
  const policy = row.policy ?? undefined;
  const flags: string[] = [];
  if (item.publishedLate === 1)
    flags.push(`未在成文后20个工作日内公开（应于${item.publishDueOn}前公开，《条例》第二十六条）`);
  if (policy && interpretationOutOfStep(policy.publishedOn, item.publishedOn)) {
    flags.push(`政策解读未与政策文件同步发布（文件${policy.publishedOn}，解读${item.publishedOn}）`);
  }
  for (const i of interpretations) {
    if (interpretationOutOfStep(item.publishedOn, i.publishedOn))
      flags.push(`解读“${i.title}”未与本文件同步发布（${i.publishedOn}）`);
  }
  return { item, agencyName: row.agencyName, attachments, reviews, interpretations, policy, flags };
}

export async function attachmentContent(db: Executor, itemId: number, attachmentId: number) {
  const [att] = await db
    .select()
    .from(catalogAttachments)
    .where(and(eq(catalogAttachments.id, attachmentId), eq(catalogAttachments.itemId, itemId)));
  if (!att) throw new AppError('not_found', `附件不存在：${attachmentId}`);
  return att;
}

/** The latest published items (feeds), newest first; with `today`, none dated later (not yet public). */
export async function recentPublished(db: Executor, limit = 50, today?: string) {
  return db
    .select({
      id: catalogItems.id,
      indexNo: catalogItems.indexNo,
      title: catalogItems.title,
      body: catalogItems.body,
      publishedOn: catalogItems.publishedOn,
      updatedAt: catalogItems.updatedAt,
      agency: agencies.name,
    })
    .from(catalogItems)
    .innerJoin(agencies, eq(agencies.id, catalogItems.agencyId))
    .where(and(eq(catalogItems.state, 'published'), today ? lte(catalogItems.publishedOn, today) : undefined))
    .orderBy(desc(catalogItems.publishedOn), desc(catalogItems.id))
    .limit(limit);
}

/**
 * What the 政府信息公开工作机构 should look at for a year: items published later than 20 working days after
 * 成文 (《条例》第二十六条) and 政策解读 not published on the same day as their policy.
 */
export async function disclosureFlags(db: Executor, scope: { agencyIds: number[]; year: number }) {
  const ids = scope.agencyIds.length ? scope.agencyIds : [-1];
  const inYear = and(
    inArray(catalogItems.agencyId, ids),
    eq(catalogItems.state, 'published'),
    gte(catalogItems.publishedOn, `${scope.year}-01-01`),
    lte(catalogItems.publishedOn, `${scope.year}-12-31`),
  );
  const late = await db
    .select({
      id: catalogItems.id,
      indexNo: catalogItems.indexNo,
      title: catalogItems.title,
      writtenOn: catalogItems.writtenOn,
      publishDueOn: catalogItems.publishDueOn,
      publishedOn: catalogItems.publishedOn,
    })
    .from(catalogItems)
    .where(and(inYear, eq(catalogItems.publishedLate, 1)))
    .orderBy(asc(catalogItems.publishedOn));
  const policy = alias(catalogItems, 'policy');
  const outOfStep = await db
    .select({
      id: catalogItems.id,
      title: catalogItems.title,
      publishedOn: catalogItems.publishedOn,
      policyId: policy.id,
      policyTitle: policy.title,
      policyPublishedOn: policy.publishedOn,
    })
    .from(catalogItems)
    .innerJoin(policy, eq(policy.id, catalogItems.interpretsId))
    .where(and(inYear, eq(catalogItems.docType, 'interpretation'), ne(policy.publishedOn, catalogItems.publishedOn)))
    .orderBy(asc(catalogItems.publishedOn));
  return { late, outOfStep };
}
