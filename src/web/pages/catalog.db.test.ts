import { and, eq, ne } from 'drizzle-orm';
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

  it('serves the feeds', async () => {
    const rss = await site().request('/api/catalog/feed.rss');
    expect(rss.status).toBe(200);
    expect(await rss.text()).toContain('<rss');
  });
});
