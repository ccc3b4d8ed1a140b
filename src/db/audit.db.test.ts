import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, recordAudit } from './audit.ts';
import { makeAgencyTree } from './factories.ts';
import { agencies } from './schema/index.ts';
import { createTestDb, type TestDb } from './testing.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
});
afterAll(() => t.close());

const at = new Date('2025-03-03T01:00:00Z');

describe('audit events', () => {
  it('are written with the change, in its transaction', async () => {
    await t.db.transaction(async (tx) => {
      await tx.update(agencies).set({ name: '某县教育体育局' }).where(eq(agencies.id, tree.education.id));
      await recordAudit(tx, {
        at,
        actorId: null,
        action: 'agency.renamed',
        entityType: 'agency',
        entityId: tree.education.id,
        agencyId: tree.education.id,
        data: { from: '某县教育局', to: '某县教育体育局' },
      });
    });
    const events = await listAudit(t.db, { entityType: 'agency', entityId: tree.education.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'agency.renamed',
      entityId: String(tree.education.id),
      data: { to: '某县教育体育局' },
    });
  });

  it('a failing transaction leaves neither the change nor its audit event', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.update(agencies).set({ name: '改错的名称' }).where(eq(agencies.id, tree.town.id));
        await recordAudit(tx, {
          at,
          actorId: null,
          action: 'agency.renamed',
          entityType: 'agency',
          entityId: tree.town.id,
        });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    const [town] = await t.db.select().from(agencies).where(eq(agencies.id, tree.town.id));
    expect(town.name).toBe('某镇人民政府');
    expect(await listAudit(t.db, { entityType: 'agency', entityId: tree.town.id })).toEqual([]);
  });

  it('a failing audit insert undoes the change', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.update(agencies).set({ name: '改错的名称' }).where(eq(agencies.id, tree.town.id));
        // agency 999999 does not exist: the foreign key fails the audit row, and with it the transaction.
        await recordAudit(tx, { at, actorId: null, action: 'x', entityType: 'agency', agencyId: 999_999 });
      }),
    ).rejects.toThrow();
    const [town] = await t.db.select().from(agencies).where(eq(agencies.id, tree.town.id));
    expect(town.name).toBe('某镇人民政府');
  });

  it('lists by agency set, action and time, newest first', async () => {
    await t.db.transaction(async (tx) => {
      for (const [i, agency] of [tree.county, tree.educationOffice, tree.other].entries()) {
        await recordAudit(tx, {
          at: new Date(Date.UTC(2025, 5, 1 + i)),
          actorId: null,
          action: 'test.listed',
          entityType: 'thing',
          agencyId: agency.id,
        });
      }
    });
    const inCounty = await listAudit(t.db, {
      action: 'test.listed',
      agencyIds: [tree.county.id, tree.educationOffice.id],
    });
    expect(inCounty.map((e) => e.agencyId)).toEqual([tree.educationOffice.id, tree.county.id]);
    expect(await listAudit(t.db, { action: 'test.listed', agencyIds: [] })).toEqual([]);
    const june2 = await listAudit(t.db, {
      action: 'test.listed',
      from: new Date(Date.UTC(2025, 5, 2)),
      to: new Date(Date.UTC(2025, 5, 3)),
    });
    expect(june2.map((e) => e.agencyId)).toEqual([tree.educationOffice.id]);
  });
});
