import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgencyTree } from '../db/factories.ts';
import { caseTallies } from '../db/schema/case-tallies.ts';
import { cases } from '../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { newTrackingCode } from './actions/receive-application.ts';
import { computeCaseSections, drillDown } from './report-sections.ts';
import { rebuildTallies, recountTallies } from './tallies.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;

beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
});
afterAll(() => t.close());

const aCase = (agencyId: number, receivedOn: string, closedOn: string | null, outcome: string | null) => ({
  agencyId,
  trackingCode: newTrackingCode(),
  regime: '2019' as const,
  applicantType: 'natural_person' as const,
  applicantName: '王五',
  channel: 'online' as const,
  receivedOn,
  subject: '申请公开某项目批复',
  state: closedOn ? ('replied' as const) : ('received' as const),
  dueOn: '2026-12-31',
  firstDueOn: '2026-12-31',
  closedOn,
  outcome,
});

async function sectionsAgreeWithDrill(agencyIds: number[], year: number) {
  const values = await computeCaseSections(t.db, { agencyIds, year });
  for (const key of Object.keys(values).filter((k) => k.startsWith('apply.'))) {
    expect((await drillDown(t.db, { agencyIds, year, key })).length, key).toBe(values[key]);
  }
  return values;
}

describe('the report counts kept beside the cases (case_tallies)', () => {
  it('follow every insert, update, move between agencies and delete, in the same statement', async () => {
    const inserted = await t.db
      .insert(cases)
      .values([
        aCase(tree.education.id, '2025-11-20', null, null),
        aCase(tree.education.id, '2025-12-30', '2026-01-15', 'granted'),
        aCase(tree.town.id, '2026-03-01', '2026-03-20', 'not_exist'),
        aCase(tree.town.id, '2026-04-01', null, null),
      ])
      .returning({ id: cases.id });
    expect(await recountTallies(t.db)).toEqual([]);
    let values = await sectionsAgreeWithDrill([tree.education.id, tree.town.id], 2026);
    expect(values['apply.received.total']).toBe(2);
    expect(values['apply.carried_in.total']).toBe(2);
    expect(values['apply.carried_over.total']).toBe(2);

    // Closed: the open case of 2025 moves from 结转 to 予以公开 in 2026.
    await t.db
      .update(cases)
      .set({ state: 'replied', closedOn: '2026-02-10', outcome: 'granted' })
      .where(eq(cases.id, inserted[0].id));
    // 转办 to another agency: its count moves with it.
    await t.db.update(cases).set({ agencyId: tree.county.id }).where(eq(cases.id, inserted[3].id));
    // An update of nothing counted touches no tally.
    const before = await t.db.select().from(caseTallies);
    await t.db.update(cases).set({ subject: '申请公开某项目批复（补正后）' }).where(eq(cases.id, inserted[2].id));
    expect(await t.db.select().from(caseTallies)).toEqual(before);
    await t.db.delete(cases).where(eq(cases.id, inserted[2].id));
    expect(await recountTallies(t.db)).toEqual([]);
    values = await sectionsAgreeWithDrill([tree.education.id, tree.town.id], 2026);
    expect(values['apply.granted.total']).toBe(2);
    expect(values['apply.carried_over.total']).toBe(0);
    expect((await sectionsAgreeWithDrill([tree.county.id], 2026))['apply.carried_over.total']).toBe(1);
  });

  it('a tally that no longer agrees with the cases is listed, and rebuilding recounts it', async () => {
    await t.db.execute(sql`update case_tallies set n = n + 5 where agency_id = ${tree.education.id}`);
    const differences = await recountTallies(t.db);
    expect(differences.length).toBeGreaterThan(0);
    expect(differences[0]).toMatchObject({ agencyId: tree.education.id });
    expect(differences[0].kept - differences[0].counted).toBe(5);
    await rebuildTallies(t.db);
    expect(await recountTallies(t.db)).toEqual([]);
  });

  it('a change rolled back leaves the tallies as they were', async () => {
    const before = await t.db.select().from(caseTallies);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.insert(cases).values(aCase(tree.town.id, '2026-05-01', null, null));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await t.db.select().from(caseTallies)).toEqual(before);
    expect(await recountTallies(t.db)).toEqual([]);
  });
});
