/**
 * A hostile DOCX or XLSX uploaded by staff as a catalog attachment (issue #19: one froze every request for a
 * minute and then killed the server, its text being read in the server's thread). The upload is refused with
 * the reason, nothing is stored, and the site answers other requests while the file is read in the sandbox.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../catalog/actions/create-item.ts';
import { makeCatalogWorld, seedTestCalendar } from '../../catalog/testing.ts';
import { fixedClock } from '../../clock.ts';
import { TEST_PASSWORD } from '../../db/factories.ts';
import { catalogAttachments, catalogItems } from '../../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { entityBombDocx, entityBombXlsx, lyingZipBombDocx, zipBombDocx } from '../../testing/hostile-files.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
let w: Awaited<ReturnType<typeof makeCatalogWorld>>;
const clock = fixedClock('2025-10-20T10:00:00+08:00');
let site: ReturnType<typeof createSite>;

beforeAll(async () => {
  t = await createTestDb();
  w = await makeCatalogWorld(t.db);
  await seedTestCalendar(t.db);
  site = createSite({ db: t.db, clock, secret: 'test', log: () => {} });
});
afterAll(() => t.close());

async function upload(name: string, bytes: Uint8Array) {
  const item = await createItem(
    { db: t.db, clock },
    {
      user: w.staff,
      agencyId: w.bureau.id,
      fields: { title: '附件测试', writtenOn: '2025-10-15', category: '20.11', body: '<p>见附件</p>' },
    },
  );
  const b = testBrowser(site);
  await b.get('/login');
  await b.post('/login', { username: w.staff.username, password: TEST_PASSWORD });
  await b.get(`/console/catalog/${item.id}`);
  const [row] = await t.db.select().from(catalogItems).where(eq(catalogItems.id, item.id));
  const sent = b.multipart(`/console/catalog/${item.id}/attachments`, { version: String(row.version) }, [
    ['file', new File([bytes as Uint8Array<ArrayBuffer>], name)],
  ]);
  return { item, sent };
}

describe('a hostile attachment is refused and the site keeps answering', () => {
  it('an XML entity bomb DOCX: other requests are answered while it is read, then it is refused', async () => {
    const { item, sent } = await upload('名单.docx', await entityBombDocx());
    let settled = false;
    void sent.then(() => {
      settled = true;
    });
    const anon = testBrowser(site);
    const answered: number[] = [];
    for (const path of ['/guide', '/rules', '/api/catalog/search?q=a']) {
      answered.push((await anon.send(path)).status);
      expect(settled).toBe(false); // answered while the attachment was still being read
    }
    expect(answered).toEqual([200, 200, 200]);
    const res = await sent;
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/附件无法读取（.*XML 实体/);
    expect(await t.db.select().from(catalogAttachments).where(eq(catalogAttachments.itemId, item.id))).toEqual([]);
  });

  it.each([
    ['a zip-bomb DOCX', '名单.docx', () => zipBombDocx(), /ZIP 炸弹/],
    ['a DOCX that lies about its size', '名单.docx', () => lyingZipBombDocx(), /实际解压大小超过声明/],
    ['an XML entity bomb XLSX', '名单.xlsx', () => entityBombXlsx(), /XML 实体/],
  ])('%s is refused, nothing stored', async (_name, filename, make, reason) => {
    const { item, sent } = await upload(filename, await make());
    const res = await sent;
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(reason);
    expect(await t.db.select().from(catalogAttachments).where(eq(catalogAttachments.itemId, item.id))).toEqual([]);
    expect((await testBrowser(site).send('/guide')).status).toBe(200);
  });
});
