import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogAttachments, catalogItems } from '../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { formatIndexNo } from './index-number.ts';
import { itemDetail } from './queries.ts';
import { makeCatalogWorld } from './testing.ts';

let t: TestDb;
let world: Awaited<ReturnType<typeof makeCatalogWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  world = await makeCatalogWorld(t.db);
}, 60_000);
afterAll(() => t.close());

let seq = 0;
async function item(values: Partial<typeof catalogItems.$inferInsert>) {
  const [row] = await t.db
    .insert(catalogItems)
    .values({
      indexNo: formatIndexNo(world.bureau.creditCode!, 2026, ++seq),
      agencyId: world.bureau.id,
      title: `文件${seq}`,
      publishedOn: '2026-11-20',
      category: '20.1',
      state: 'published',
      ...values,
    })
    .returning();
  return row;
}

describe('itemDetail: an item with what its page lists, read in one statement', () => {
  it('lists the attachments in order, the published interpretations and the policy interpreted, with the flags', async () => {
    const policy = await item({ title: '关于义务教育招生的通知', publishedOn: '2026-11-20', searchText: '义务 教育' });
    const late = await item({ title: '解读一', interpretsId: policy.id, publishedOn: '2026-11-25' });
    const onTime = await item({ title: '解读二', interpretsId: policy.id, publishedOn: '2026-11-20' });
    await item({ title: '解读草稿', interpretsId: policy.id, state: 'draft', publishedOn: null });
    const bytes = Buffer.from('%PDF-1.4');
    for (const filename of ['b.pdf', 'a.pdf'])
      await t.db.insert(catalogAttachments).values({
        itemId: policy.id,
        filename,
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256: 'ab'.repeat(32),
        content: bytes,
      });

    const detail = await itemDetail(t.db, policy.id, { reviews: false });
    expect(detail.item.title).toBe('关于义务教育招生的通知');
    expect(detail.agencyName).toBe(world.bureau.name);
    expect('searchText' in detail.item).toBe(false); // never read for a page
    expect(detail.attachments.map((a) => [a.filename, a.mediaType, a.size, a.sha256])).toEqual([
      ['b.pdf', 'application/pdf', 8, 'ab'.repeat(32)],
      ['a.pdf', 'application/pdf', 8, 'ab'.repeat(32)],
    ]);
    expect(detail.interpretations).toEqual([
      { id: late.id, title: '解读一', publishedOn: '2026-11-25' },
      { id: onTime.id, title: '解读二', publishedOn: '2026-11-20' },
    ]);
    expect(detail.policy).toBeUndefined();
    expect(detail.flags).toEqual(['解读“解读一”未与本文件同步发布（2026-11-25）']);
    expect(detail.reviews).toEqual([]);

    const interpretation = await itemDetail(t.db, late.id);
    expect(interpretation.policy).toEqual({
      id: policy.id,
      title: '关于义务教育招生的通知',
      publishedOn: '2026-11-20',
    });
    expect(interpretation.attachments).toEqual([]);
    expect(interpretation.interpretations).toEqual([]);
    expect(interpretation.flags).toEqual(['政策解读未与政策文件同步发布（文件2026-11-20，解读2026-11-25）']);
  });

  it('says an item that does not exist is not found', async () => {
    await expect(itemDetail(t.db, 999_999)).rejects.toThrow('目录信息不存在');
  });
});
