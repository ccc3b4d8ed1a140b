/** @jsxImportSource hono/jsx */
/**
 * 法定主动公开内容 on the portal: browse by agency and by the 第二十条 / 第二十一条 categories, item pages
 * with the full metadata table (索引号, 发布机构, 成文日期, 发布日期, 文号, 主题分类, 体裁, 有效性) and
 * attachments, and search with highlighted results. Feeds and the JSON API live under /api/catalog.
 */
import { and, asc, count, eq, lte } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import { subtreeIds } from '../../agencies/tree.ts';
import { can } from '../../auth/roles.ts';
import { compareCategories, defaultDirectory, flattenDirectory } from '../../catalog/directory.ts';
import { itemDetail, publishedPage } from '../../catalog/queries.ts';
import { sanitizedBody } from '../../catalog/sanitize.ts';
import { publishedItems, searchCatalog } from '../../catalog/search.ts';
import { CHANNEL_NAMES, DOC_TYPE_NAMES, VALIDITY_NAMES } from '../../catalog/vocabulary.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { AppError } from '../../errors.ts';
import { escapeHtml } from '../../escape-html.ts';
import { LinkList, Pager } from '../components/links.tsx';
import { renderPage } from '../components/page.tsx';
import type { AppEnv } from '../env.ts';
import { emptyAsAbsent } from '../query.ts';
import { versionedValues } from '../versioned.ts';

const PAGE = 20;

/** The agencies' options, `selected` the one chosen. */
const agencyOptions = (list: { id: number; option: string }[], selected: number | undefined) =>
  raw(list.map((a) => (a.id === selected ? a.option.replace('">', '" selected="">') : a.option)).join(''));

const categoryNames = flattenDirectory([...defaultDirectory('government'), ...defaultDirectory('town')]);
const categoryName = (code: string) => categoryNames.get(code)?.join(' › ') ?? code;

const browseQuery = z.object({
  agency: emptyAsAbsent(z.coerce.number().int().positive().optional()),
  category: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
const searchQuery = z.object({
  q: z.string().max(100).optional(),
  agency: emptyAsAbsent(z.coerce.number().int().positive().optional()),
  year: emptyAsAbsent(z.coerce.number().int().min(2000).max(2100).optional()),
  type: emptyAsAbsent(z.enum(['rule', 'normative', 'interpretation', 'other']).optional()),
  page: z.coerce.number().int().min(1).max(500).catch(1),
});

export function catalogPages(deps: { db: Db; clock: Clock; site: string }) {
  const page = (c: Context<AppEnv>, title: string, body: unknown) => renderPage(c, deps.site, title, body);
  // Visitors who are not signed in are served from the page cache (src/web/page-cache.ts); a page rendered
  // fresh reads the agency tree, a subtree and the directory's counts from values kept until the records
  // change (../versioned.ts), and the page's own rows by index.
  const kept = versionedValues(deps.db);
  /**
   * A search's ranked candidates, kept for its later pages until the records change: 下一页 of a common word
   * skips its ranking (src/catalog/search.ts, SearchInput.keep). A store of its own, so that many searches
   * never push the agency tree out of `kept`.
   */
  const rankings = versionedValues(deps.db, { maxKeys: 500 });
  /**
   * The agencies, with each one's <option> as HTML: every list and search page offers all of them (61 in the
   * demo county), rendered once per version of the records rather than as elements on every page (issue #18).
   */
  const agencyList = (at: string) =>
    kept.get(
      'agencies',
      async () =>
        (
          await deps.db
            .select({ id: agencies.id, name: agencies.name })
            .from(agencies)
            .orderBy(asc(agencies.path))
            .limit(500)
        ).map((a) => ({ id: a.id, option: `<option value="${a.id}">${escapeHtml(a.name)}</option>` })),
      at,
    );
  /** Published items by 主题分类 (of one agency, or all), as of `today`. */
  const categoryCounts = (agency: number | undefined, today: string, at: string) =>
    kept.get(
      `categories:${agency ?? ''}:${today}`,
      () =>
        deps.db
          .select({ category: catalogItems.category, n: count() })
          .from(catalogItems)
          .where(
            and(
              eq(catalogItems.state, 'published'),
              lte(catalogItems.publishedOn, today),
              agency ? eq(catalogItems.agencyId, agency) : undefined,
            ),
          )
          .groupBy(catalogItems.category)
          .then((rows) => rows.sort((a, b) => compareCategories(a.category, b.category))),
      at,
    );

  return (app: Hono<AppEnv>) => {
    app.get('/catalog', async (c) => {
      const parsed = browseQuery.safeParse(c.req.query());
      if (!parsed.success) throw new AppError('bad_input', '浏览条件有误');
      const q = parsed.data;
      const today = deps.clock.today();
      const at = await kept.version();
      const [rows, list, cats] = await Promise.all([
        publishedPage(deps.db, {
          today,
          agency: q.agency,
          category: q.category,
          limit: PAGE,
          offset: (q.page - 1) * PAGE,
        }),
        agencyList(at),
        categoryCounts(q.agency, today, at),
      ]);
      // The total from the counts by category: the list's own condition (the category as a prefix).
      const prefix = q.category?.replace(/[%_]/g, '') ?? '';
      const n = cats.reduce((sum, cat) => (cat.category.startsWith(prefix) ? sum + cat.n : sum), 0);
      const link = (over: Record<string, string | number | undefined>) => {
        const p = new URLSearchParams();
        for (const [k, v] of Object.entries({ agency: q.agency, category: q.category, ...over }))
          if (v !== undefined && v !== '') p.set(k, String(v));
        return `/catalog?${p}`;
      };
      return page(
        c,
        '法定主动公开内容',
        <>
          <h1>法定主动公开内容</h1>
          <form method="get" action="/catalog">
            <label for="agency">发布机构</label>
            <select id="agency" name="agency">
              <option value="">全部机关</option>
              {agencyOptions(list, q.agency)}
            </select>
            <button type="submit">浏览</button>
          </form>
          <nav aria-label="主题分类">
            <ul>
              {cats.map((cat) => (
                <li>
                  <a
                    href={link({ category: cat.category, page: undefined })}
                    aria-current={q.category === cat.category ? 'page' : undefined}
                  >
                    {categoryName(cat.category)}（{cat.n}）
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p>共 {n} 条</p>
          <table>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">发布机构</th>
                <th scope="col">文号</th>
                <th scope="col">发布日期</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/catalog/${r.id}`}>{r.title}</a>
                  </td>
                  <td>{r.agency}</td>
                  <td>{r.docNo ?? ''}</td>
                  <td>{r.publishedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={q.page} total={n} link={(p) => link({ page: p })} />
          <p class="hint">
            订阅：
            <LinkList
              links={[
                ['/api/catalog/feed.rss', 'RSS'],
                ['/api/catalog/feed.atom', 'Atom'],
                ['/api/catalog/feed.json', 'JSON Feed'],
              ]}
            />
          </p>
        </>,
      );
    });

    app.get('/catalog/:id{[0-9]+}', async (c) => {
      const id = Number(c.req.param('id'));
      const gone = () => new AppError('not_found', '没有这条政府信息，或它已撤回');
      const detail = await itemDetail(deps.db, id, { reviews: false }).catch((error: unknown) => {
        throw error instanceof AppError && error.code === 'not_found' ? gone() : error;
      });
      const user = c.get('user');
      const staff = !!user && can(user, 'catalog.read', detail.item.agencyId);
      const due = detail.item.publishedOn !== null && detail.item.publishedOn <= deps.clock.today();
      if (!staff && (detail.item.state !== 'published' || !due)) throw gone();
      const it = detail.item;
      const row = (label: string, value: unknown) => (
        <tr>
          <th scope="row">{label}</th>
          <td>{(value ?? '') as string}</td>
        </tr>
      );
      return page(
        c,
        it.title,
        <>
          <table class="meta">
            <tbody>
              {row('索引号', it.indexNo)}
              {row('发布机构', detail.agencyName)}
              {row('主题分类', categoryName(it.category))}
              {row('体裁分类', it.genre)}
              {row('文号', it.docNo)}
              {row('成文日期', it.writtenOn)}
              {row('发布日期', it.publishedOn)}
              {row('文件类型', DOC_TYPE_NAMES[it.docType as keyof typeof DOC_TYPE_NAMES] ?? it.docType)}
              {it.validity
                ? row('有效性', VALIDITY_NAMES[it.validity as keyof typeof VALIDITY_NAMES] ?? it.validity)
                : null}
              {row(
                '公开渠道',
                it.channels.map((ch) => CHANNEL_NAMES[ch as keyof typeof CHANNEL_NAMES] ?? ch).join('、'),
              )}
            </tbody>
          </table>
          <h1>{it.title}</h1>
          {/* The office's own findings (第二十六条, 解读 out of step): for its staff, never on the public page. */}
          {staff && detail.flags.length ? <p class="warn">{detail.flags.join('；')}</p> : null}
          <article>{raw(sanitizedBody(it.body))}</article>
          {detail.attachments.length ? (
            <section>
              <h2>附件</h2>
              <ul>
                {detail.attachments.map((a) => (
                  <li>
                    <a href={`/api/catalog/items/${it.id}/attachments/${a.id}`}>{a.filename}</a>（
                    {Math.ceil(a.size / 1024)} KB，SHA-256 {a.sha256.slice(0, 12)}…）
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {detail.policy ? (
            <p>
              解读的文件：<a href={`/catalog/${detail.policy.id}`}>{detail.policy.title}</a>
            </p>
          ) : null}
          {detail.interpretations.length ? (
            <p>
              政策解读：
              <LinkList links={detail.interpretations.map((i) => [`/catalog/${i.id}`, i.title])} />
            </p>
          ) : null}
        </>,
      );
    });

    app.get('/search', async (c) => {
      const parsed = searchQuery.safeParse(c.req.query());
      if (!parsed.success) throw new AppError('bad_input', '搜索条件有误');
      const q = parsed.data;
      const result = q.q?.trim()
        ? await searchCatalog(deps.db, {
            q: q.q,
            agencyIds: q.agency
              ? await kept.get(`subtree:${q.agency}`, () => subtreeIds(deps.db, q.agency!))
              : undefined,
            year: q.year,
            docType: q.type,
            today: deps.clock.today(),
            publishedBy: deps.clock.today(),
            limit: PAGE,
            offset: (q.page - 1) * PAGE,
            countTotal: true,
            published: await kept.get('published-items', () => publishedItems(deps.db)),
            keep: (key, rank) => rankings.get(key, rank),
          })
        : { hits: [], total: 0, totalCapped: false };
      const list = await agencyList(await kept.version());
      const link = (p: number) => {
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries({ q: q.q, agency: q.agency, year: q.year, type: q.type, page: p }))
          if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v));
        return `/search?${params}`;
      };
      return page(
        c,
        '搜索',
        <>
          <h1>搜索政府信息</h1>
          <search>
            <form method="get" action="/search">
              <label for="q">关键词</label>
              <input id="q" name="q" type="text" value={q.q ?? ''} maxlength={100} />
              <label for="search-agency">发布机构</label>
              <select id="search-agency" name="agency">
                <option value="">全部机关</option>
                {agencyOptions(list, q.agency)}
              </select>
              <label for="year">发布年份</label>
              <input id="year" name="year" type="number" value={q.year ? String(q.year) : ''} />
              <label for="type">文件类型</label>
              <select id="type" name="type">
                <option value="">全部</option>
                {Object.entries(DOC_TYPE_NAMES).map(([k, v]) => (
                  <option value={k} selected={q.type === k}>
                    {v}
                  </option>
                ))}
              </select>
              <button type="submit">搜索</button>
            </form>
          </search>
          {q.q ? (
            <p>
              {result.totalCapped ? `找到超过 ${result.total} 条结果` : `找到 ${result.total} 条结果`}
              {result.total > PAGE ? `，第 ${q.page} 页` : ''}
            </p>
          ) : null}
          <ol>
            {result.hits.map((h) => (
              <li>
                <a href={`/catalog/${h.id}`}>{raw(h.titleHtml)}</a>
                <p>{raw(h.snippetHtml)}</p>
                <p class="hint">
                  {h.indexNo}　{h.docNo ?? ''}　{h.publishedOn}
                </p>
              </li>
            ))}
          </ol>
          {q.q ? <Pager page={q.page} total={result.total} more={result.totalCapped} link={link} /> : null}
        </>,
      );
    });
  };
}
