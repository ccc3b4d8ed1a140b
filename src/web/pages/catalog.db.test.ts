import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { loadDemo } from '../../demo/county.ts';
import { createSite } from '../site.ts';

const clock = fixedClock('2026-11-23T10:00:00+08:00');
let t: TestDb;
const site = () => createSite({ db: t.db, clock, secret: 's', log: () => {} });

beforeAll(async () => {
  t = await createTestDb();
  await loadDemo({ db: t.db, clock }, { perYear: 50, fromYear: 2025, catalogPerAgencyYear: 3 });
}, 120_000);
afterAll(() => t.close());

describe('法定主动公开内容 on the portal', () => {
  it('browses published items and shows an item with its full metadata table', async () => {
    const list = await (await site().request('/catalog')).text();
    const id = /href="\/catalog\/(\d+)"/.exec(list)?.[1];
    expect(id).toBeDefined();
    const item = await (await site().request(`/catalog/${id}`)).text();
    for (const label of ['索引号', '发布机构', '主题分类', '成文日期', '发布日期']) expect(item).toContain(label);
  });

  it('finds an item by a word of its title, highlighted', async () => {
    // The end of one item's title: specific enough to find that item among the others.
    const [item] = await t.db.select().from(catalogItems).where(eq(catalogItems.state, 'published')).limit(1);
    const word = item.title.slice(-6);
    const html = await (await site().request(`/search?q=${encodeURIComponent(word)}`)).text();
    expect(html).toContain('<mark>');
    expect(html).toContain(`/catalog/${item.id}`);
  });

  it('hides an item that is not published', async () => {
    const [hidden] = await t.db
      .select()
      .from(catalogItems)
      .where(and(ne(catalogItems.state, 'published')))
      .limit(1);
    if (hidden) expect((await site().request(`/catalog/${hidden.id}`)).status).toBe(404);
    expect((await site().request('/catalog/99999999')).status).toBe(404);
  });

  it('counts the matches of a search truly and pages through them, with an agency filter', async () => {
    // A word in many titles: more than one page of results.
    const html = await (await site().request(`/search?q=${encodeURIComponent('通知')}&year=&type=&agency=`)).text();
    const total = Number(/找到 (\d+) 条结果/.exec(html)?.[1]);
    const [{ n }] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(catalogItems)
      .where(
        and(
          eq(catalogItems.state, 'published'),
          sql`${catalogItems.publishedOn} <= '2026-11-23'`,
          sql`${catalogItems.searchVector} @@ to_tsquery('simple', '通知')`,
        ),
      );
    expect(total).toBe(n);
    expect(total).toBeGreaterThan(20);
    expect(html).toContain('第 1 页，共');
    const second = await (await site().request(`/search?q=${encodeURIComponent('通知')}&page=2`)).text();
    expect(second).toContain('上一页');
    const firstIds = [...html.matchAll(/<li><a href="\/catalog\/(\d+)"/g)].map((m) => m[1]);
    const secondIds = [...second.matchAll(/<li><a href="\/catalog\/(\d+)"/g)].map((m) => m[1]);
    expect(firstIds).toHaveLength(20);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
    expect(html).toContain('<select id="search-agency" name="agency">');
    const [one] = await t.db.select().from(catalogItems).where(eq(catalogItems.state, 'published')).limit(1);
    const mine = await (
      await site().request(`/search?q=${encodeURIComponent(one.title.slice(-6))}&agency=${one.agencyId}`)
    ).text();
    expect(mine).toContain(`/catalog/${one.id}`);
  });

  it('finds an item by its 索引号, whole or by its tail', async () => {
    const [item] = await t.db
      .select()
      .from(catalogItems)
      .where(and(eq(catalogItems.state, 'published'), sql`${catalogItems.publishedOn} <= '2026-11-23'`))
      .orderBy(desc(catalogItems.id))
      .limit(1);
    const whole = await (await site().request(`/search?q=${encodeURIComponent(item.indexNo)}`)).text();
    expect(whole).toContain(`/catalog/${item.id}`);
    expect(whole).toContain('找到 1 条结果');
    // The tail (year and number) is unique within the agency.
    const tail = item.indexNo.split('/')[1];
    const mine = await (await site().request(`/search?q=${tail}&agency=${item.agencyId}`)).text();
    expect(mine).toContain(`/catalog/${item.id}`);
  });

  it('lists a page in each of its four shapes (all, of an agency, of a category and its sub-categories, of both)', async () => {
    // Each shape is a statement of its own, built once (src/catalog/queries.ts): each read against the table.
    const [item] = await t.db
      .select()
      .from(catalogItems)
      .where(and(eq(catalogItems.state, 'published'), sql`${catalogItems.category} like '20.%'`))
      .limit(1);
    const shapes: [number | undefined, string | undefined][] = [
      [undefined, undefined],
      [item.agencyId, undefined],
      [undefined, '20'],
      [item.agencyId, '20'],
      [item.agencyId, item.category],
    ];
    for (const [agency, category] of shapes)
      for (const page of [1, 2]) {
        const want = await t.db
          .select({ id: catalogItems.id })
          .from(catalogItems)
          .where(
            and(
              eq(catalogItems.state, 'published'),
              sql`${catalogItems.publishedOn} <= '2026-11-23'`,
              agency ? eq(catalogItems.agencyId, agency) : undefined,
              category ? sql`${catalogItems.category} like ${`${category}%`}` : undefined,
            ),
          )
          .orderBy(desc(catalogItems.publishedOn), desc(catalogItems.id))
          .limit(20)
          .offset((page - 1) * 20);
        const query = new URLSearchParams({ page: String(page) });
        if (agency) query.set('agency', String(agency));
        if (category) query.set('category', category);
        const html = await (await site().request(`/catalog?${query}`)).text();
        const shown = [...html.matchAll(/<td><a href="\/catalog\/(\d+)">/g)].map((m) => Number(m[1]));
        expect(shown, `${query}`).toEqual(want.map((r) => r.id));
        if (page === 1) expect(shown.length, `${query}`).toBeGreaterThan(0);
        // The agency chosen is the one option selected (the options are kept as HTML, the choice marked per page).
        expect(html.match(/<option [^>]*selected/g) ?? []).toEqual(
          agency ? [`<option value="${agency}" selected`] : [],
        );
      }
  });

  it('lists the categories in their numbered order (20.2 before 20.10)', async () => {
    const html = await (await site().request('/catalog')).text();
    const codes = [...html.matchAll(/category=([0-9.]+)"/g)].map((m) => m[1]);
    const sorted = [...codes].sort((a, b) => {
      const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
      return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
    });
    expect(codes.length).toBeGreaterThan(3);
    expect(codes).toEqual(sorted);
  });

  it('does not show an item before its 发布日期, nor the office’s own warnings to the public', async () => {
    const [item] = await t.db.select().from(catalogItems).where(eq(catalogItems.state, 'published')).limit(1);
    await t.db.update(catalogItems).set({ publishedOn: '2026-11-28' }).where(eq(catalogItems.id, item.id));
    try {
      expect((await site().request(`/catalog/${item.id}`)).status).toBe(404);
      const list = await (await site().request(`/catalog?agency=${item.agencyId}`)).text();
      expect(list).not.toContain(`/catalog/${item.id}"`);
      const found = await (await site().request(`/search?q=${encodeURIComponent(item.indexNo)}`)).text();
      expect(found).not.toContain(`/catalog/${item.id}"`);
    } finally {
      await t.db.update(catalogItems).set({ publishedOn: item.publishedOn }).where(eq(catalogItems.id, item.id));
    }
    const [late] = await t.db.select().from(catalogItems).where(eq(catalogItems.publishedLate, 1)).limit(1);
    if (late) {
      const page = await (await site().request(`/catalog/${late.id}`)).text();
      expect(page).not.toContain('第二十六条');
    }
  });

  it('sets adjacent links apart (not “AtomJSON Feed”)', async () => {
    const html = await (await site().request('/catalog')).text();
    expect(html).toMatch(/Atom<\/a>、<a href="\/api\/catalog\/feed.json">JSON Feed/);
  });

  it('serves the feeds', async () => {
    const rss = await site().request('/api/catalog/feed.rss');
    expect(rss.status).toBe(200);
    expect(await rss.text()).toContain('<rss');
  });
});
