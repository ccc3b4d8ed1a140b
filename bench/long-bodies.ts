/**
 * Bodies of a real notice's length for the benches (bench/portal-server.ts, bench/search-long.bench.ts): every
 * item's body made about `chars` long of sentences that are titles of its own agency's items, drawn in a fixed
 * random order, and indexed as a save indexes them. The demo's own bodies run to ~130 characters; a real
 * notice's to thousands, and its search vector is then some 10 KB kept out of line, which is what search pays
 * to read. A body speaks of its agency's business, as a real one does: drawn from every title, a hundred titles
 * a body put nearly every word of the catalog in most items, and no word would be sparse.
 */
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../src/catalog/bulk-index.ts';
import { itemSearchText } from '../src/catalog/item-fields.ts';
import type { Db } from '../src/db/client.ts';
import { catalogItems } from '../src/db/schema/catalog.ts';
import { prng } from '../src/report/sample.ts';

/** Items rewritten in one statement. */
const BATCH = 2000;

export async function lengthenBodies(db: Db, chars: number): Promise<void> {
  const all = await db
    .select({
      id: catalogItems.id,
      title: catalogItems.title,
      docNo: catalogItems.docNo,
      agencyId: catalogItems.agencyId,
    })
    .from(catalogItems)
    .orderBy(catalogItems.id);
  const titlesOf = new Map<number, typeof all>();
  for (const item of all) {
    const own = titlesOf.get(item.agencyId);
    if (own) own.push(item);
    else titlesOf.set(item.agencyId, [item]);
  }
  const next = prng(18);
  for (let start = 0; start < all.length; start += BATCH) {
    const part = all.slice(start, start + BATCH);
    const bodies = part.map((item) => {
      const own = titlesOf.get(item.agencyId)!;
      const sentences: string[] = [];
      for (let n = 0; n < chars; ) {
        const title = own[Math.floor(next() * own.length)].title;
        sentences.push(`<p>${title}。</p>`);
        n += title.length + 1;
      }
      return sentences.join('');
    });
    const texts = part.map((item, i) => itemSearchText({ title: item.title, docNo: item.docNo, body: bodies[i] }));
    await db.execute(sql`
      update ${catalogItems} set body = u.b, search_text = u.t
      from unnest(${arrayLiteral(part.map((i) => i.id))}::int4[], ${arrayLiteral(bodies)}::text[], ${arrayLiteral(texts)}::text[]) as u(id, b, t)
      where ${catalogItems.id} = u.id`);
  }
}
