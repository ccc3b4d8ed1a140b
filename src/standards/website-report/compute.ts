/**
 * The figures of the 政府网站工作年度报表 the platform computes from its own records: the catalog items the
 * 网站主办单位 and the units under it published in the year (a county's 政府门户网站 carries its departments'
 * and towns' 信息公开目录), split into the table's three kinds of information, and the 政策解读 among them.
 *
 * The split (a choice of this platform, stated in each value's source): 政务动态信息 are items of the 体裁
 * of the 动态 column (COLUMN_CLASSES.dynamicGenres, 信息); 概况类信息 the other items of 第二十条第（二）项
 * (机关职能、机构设置、办公地址…); 信息公开目录信息 the rest. The three are disjoint, so they add up to the total.
 * 依申请公开 cases have no row in this table (they are the disclosure report's section 三), so none is used here.
 */
import { and, between, count, eq, inArray, sql } from 'drizzle-orm';
import { getAgency, subtreeIds } from '../../agencies/tree.ts';
import type { Executor } from '../../db/client.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { COLUMN_CLASSES } from '../inspection.ts';
import type { WebsiteSource, WebsiteValue } from './model.ts';

export const OVERVIEW_CATEGORY = '20.2';

export interface ComputedFigures {
  agencyName: string;
  values: Record<string, WebsiteValue>;
  sources: Record<string, WebsiteSource>;
}

export async function computeWebsiteFigures(
  db: Executor,
  input: { agencyId: number; year: number },
): Promise<ComputedFigures> {
  const agency = await getAgency(db, input.agencyId);
  const ids = await subtreeIds(db, input.agencyId);
  const scope = ids.length > 1 ? `${agency.name}及所属${ids.length - 1}个单位` : agency.name;
  const inYear = and(
    inArray(catalogItems.agencyId, ids),
    eq(catalogItems.state, 'published'),
    between(catalogItems.publishedOn, `${input.year}-01-01`, `${input.year}-12-31`),
  );
  // Constants of this file written into the SQL (not parameters), so the select and GROUP BY are one expression.
  const literal = (w: string) => `'${w.replaceAll("'", "''")}'`;
  const genres = sql.raw(COLUMN_CLASSES.dynamicGenres.map(literal).join(', '));
  const kind = sql<string>`case when ${catalogItems.genre} in (${genres}) then 'news' when ${catalogItems.category} = ${sql.raw(literal(OVERVIEW_CATEGORY))} then 'overview' else 'directory' end`;
  const rows = await db.select({ kind, n: count() }).from(catalogItems).where(inYear).groupBy(kind);
  const by = new Map(rows.map((r) => [r.kind, Number(r.n)]));
  const [interp] = await db
    .select({ n: count() })
    .from(catalogItems)
    .where(and(inYear, eq(catalogItems.docType, 'interpretation')));

  const published = `${scope}${input.year}年在本平台发布的政府信息（发布日期在${input.year}年内，已发布）`;
  const values: Record<string, WebsiteValue> = {
    'site.sponsor': agency.name,
    'publish.overview': by.get('overview') ?? 0,
    'publish.news': by.get('news') ?? 0,
    'publish.directory': by.get('directory') ?? 0,
    'interpret.materials': Number(interp?.n ?? 0),
  };
  values['publish.total'] =
    (values['publish.overview'] as number) +
    (values['publish.news'] as number) +
    (values['publish.directory'] as number);
  const sources: Record<string, WebsiteSource> = {
    'site.sponsor': { kind: 'computed', query: '机关名录中本单位的名称' },
    'publish.total': { kind: 'computed', query: `${published}条数，即下列三项之和` },
    'publish.overview': {
      kind: 'computed',
      query: `${published}中，目录类别为《条例》第二十条第（二）项（机关职能、机构设置等）且体裁不是“信息”的条数`,
    },
    'publish.news': { kind: 'computed', query: `${published}中，体裁为“信息”（工作动态）的条数` },
    'publish.directory': { kind: 'computed', query: `${published}中，除概况类和政务动态以外的条数` },
    'interpret.materials': { kind: 'computed', query: `${published}中，文件类型为“政策解读”的条数` },
    'interpret.total': {
      kind: 'computed',
      query: '解读材料数量（本平台统计）与填报的解读产品数量、媒体评论数量之和',
    },
  };
  return { agencyName: agency.name, values, sources };
}
