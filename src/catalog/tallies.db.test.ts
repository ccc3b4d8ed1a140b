import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../db/schema/agencies.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { catalogTallies } from '../db/schema/catalog-tallies.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import type { TemplateId } from '../report/model.ts';
import { formatIndexNo } from './index-number.ts';
import { computeCatalogSection, drillCatalogCell, itemCellKeys } from './report-section.ts';
import { rebuildCatalogTallies, recountCatalogTallies } from './tallies.ts';
import { makeCatalogWorld } from './testing.ts';

let t: TestDb;
let world: Awaited<ReturnType<typeof makeCatalogWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  world = await makeCatalogWorld(t.db);
});
afterAll(() => t.close());

let sequence = 0;
const anItem = (
  agency: Agency,
  fields: {
    state?: string;
    docType?: string;
    writtenOn?: string | null;
    publishedOn?: string | null;
    repealedOn?: string | null;
    channels?: string[];
  },
) => ({
  indexNo: formatIndexNo(agency.creditCode!, 2025, ++sequence),
  agencyId: agency.id,
  title: `关于某事项的通知（${sequence}）`,
  category: '20.1',
  state: 'published',
  ...fields,
});

const YEARS: [number, TemplateId][] = [
  [2018, 'old2008'],
  [2020, 'new2019'],
  [2025, 'new2021'],
];

/** Section 二 summed from the tallies must count exactly the items its drill-down lists, every cell, every table. */
async function sectionAgreesWithDrill(agencyIds: number[]) {
  for (const [year, format] of YEARS) {
    const values = await computeCatalogSection(t.db, { agencyIds, year, format });
    for (const key of itemCellKeys(format)) {
      const drill = await drillCatalogCell(t.db, { agencyIds, year, format, key });
      expect(drill.items?.length, `${year} ${key}`).toBe(values[key]);
    }
  }
  return computeCatalogSection(t.db, { agencyIds, year: 2025, format: 'new2021' });
}

describe('section 二 counts kept beside the catalog (catalog_tallies)', () => {
  it('follow every insert, publication, repeal, move between agencies and delete, in the same statement', async () => {
    const { bureau, county } = world;
    const inserted = await t.db
      .insert(catalogItems)
      .values([
        anItem(bureau, { docType: 'normative', writtenOn: '2018-03-01', publishedOn: '2018-03-05' }),
        anItem(bureau, {
          docType: 'normative',
          writtenOn: '2020-06-01',
          publishedOn: '2020-06-02',
          channels: ['gazette'],
        }),
        anItem(bureau, {
          docType: 'rule',
          writtenOn: '2017-12-30',
          publishedOn: '2018-01-04',
          repealedOn: '2025-05-01',
        }),
        anItem(bureau, { docType: 'interpretation', publishedOn: '2018-03-06', channels: ['website', 'wechat'] }),
        anItem(bureau, { docType: 'normative', writtenOn: '2025-02-01', publishedOn: null, state: 'draft' }),
        anItem(county, { docType: 'normative', writtenOn: '2025-01-10', publishedOn: '2025-01-11' }),
      ])
      .returning({ id: catalogItems.id });
    expect(await recountCatalogTallies(t.db)).toEqual([]);
    let values = await sectionAgreesWithDrill([bureau.id, county.id]);
    expect(values['s20_1.normative.made']).toBe(1);
    expect(values['s20_1.rules.repealed']).toBe(1);
    expect(values['s20_1.normative.in_force']).toBe(3);

    // The draft published: it counts from now on.
    await t.db
      .update(catalogItems)
      .set({ state: 'published', publishedOn: '2025-02-03' })
      .where(eq(catalogItems.id, inserted[4].id));
    // Repealed in 2025: made before, no longer in force at the year's end.
    await t.db.update(catalogItems).set({ repealedOn: '2025-09-30' }).where(eq(catalogItems.id, inserted[0].id));
    // Moved to another agency and to other channels: its count moves with it.
    await t.db
      .update(catalogItems)
      .set({ agencyId: county.id, channels: ['weibo'] })
      .where(eq(catalogItems.id, inserted[1].id));
    // An update of nothing counted (the search text, the title) touches no tally.
    const before = await t.db.select().from(catalogTallies);
    await t.db
      .update(catalogItems)
      .set({ title: '关于某事项的通知（修订）', searchText: '通知 修订' })
      .where(eq(catalogItems.id, inserted[3].id));
    expect(await t.db.select().from(catalogTallies)).toEqual(before);
    // Withdrawn (no longer published), then one deleted.
    await t.db.update(catalogItems).set({ state: 'withdrawn' }).where(eq(catalogItems.id, inserted[5].id));
    await t.db.delete(catalogItems).where(eq(catalogItems.id, inserted[3].id));
    expect(await recountCatalogTallies(t.db)).toEqual([]);
    values = await sectionAgreesWithDrill([bureau.id, county.id]);
    expect(values['s20_1.normative.made']).toBe(1);
    expect(values['s20_1.normative.repealed']).toBe(1);
    expect(values['s20_1.normative.in_force']).toBe(2);
    expect((await sectionAgreesWithDrill([county.id]))['s20_1.normative.in_force']).toBe(1);
  });

  it('a tally that no longer agrees with the items is listed, and rebuilding recounts it', async () => {
    await t.db.execute(sql`update catalog_tallies set n = n + 5 where agency_id = ${world.bureau.id}`);
    const differences = await recountCatalogTallies(t.db);
    expect(differences.length).toBeGreaterThan(0);
    expect(differences[0]).toMatchObject({ agencyId: world.bureau.id });
    expect(differences[0].kept - differences[0].counted).toBe(5);
    await rebuildCatalogTallies(t.db);
    expect(await recountCatalogTallies(t.db)).toEqual([]);
    await sectionAgreesWithDrill([world.bureau.id, world.county.id]);
  });

  it('a change rolled back leaves the tallies as they were', async () => {
    const before = await t.db.select().from(catalogTallies);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.insert(catalogItems).values(anItem(world.bureau, { docType: 'rule', writtenOn: '2025-04-01' }));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await t.db.select().from(catalogTallies)).toEqual(before);
    expect(await recountCatalogTallies(t.db)).toEqual([]);
  });
});
