import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { listAudit } from '../db/audit.ts';
import { makeAgencyTree } from '../db/factories.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { createAgency } from './create-agency.ts';
import { agencyAndSubtree, isInSubtree, subtree, subtreeIds } from './tree.ts';

const clock = fixedClock('2025-03-03');
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('agency tree', () => {
  it('finds a subtree by its materialized path', async () => {
    const { county, education, educationOffice, town, other } = await makeAgencyTree(t.db);
    expect(new Set(await subtreeIds(t.db, county.id))).toEqual(
      new Set([county.id, education.id, educationOffice.id, town.id]),
    );
    expect(await subtreeIds(t.db, education.id)).toEqual([education.id, educationOffice.id]);
    expect(await subtreeIds(t.db, educationOffice.id)).toEqual([educationOffice.id]);
    expect(await subtreeIds(t.db, other.id)).toEqual([other.id]);
    expect((await subtree(t.db, county.id))[0].id).toBe(county.id);
    expect(await isInSubtree(t.db, county.id, educationOffice.id)).toBe(true);
    expect(await isInSubtree(t.db, education.id, town.id)).toBe(false);
  });

  it('does not mistake /1/ for a prefix of /12/', async () => {
    // Ids grow past 10 here, so a path like /1x/ exists beside /1/ … check no sibling root leaks in.
    const roots = [];
    for (let i = 0; i < 12; i++)
      roots.push(
        await createAgency({ db: t.db, clock }, { actorId: null, parentId: null, name: `县${i}`, kind: 'government' }),
      );
    for (const root of roots) expect(await subtreeIds(t.db, root.id)).toEqual([root.id]);
    for (const root of roots) expect((await agencyAndSubtree(t.db, root.id)).map((a) => a.id)).toEqual([root.id]);
  });

  it('reads an agency and its subtree in one query: the same agencies as subtree(), itself first', async () => {
    const { county, education, educationOffice } = await makeAgencyTree(t.db);
    for (const id of [county.id, education.id, educationOffice.id]) {
      expect(await agencyAndSubtree(t.db, id)).toEqual(await subtree(t.db, id));
    }
    expect((await agencyAndSubtree(t.db, county.id))[0].id).toBe(county.id);
    await expect(agencyAndSubtree(t.db, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('creates an agency with its path, credit code and audit event', async () => {
    const gov = await createAgency(
      { db: t.db, clock },
      { actorId: null, parentId: null, name: '某市人民政府', kind: 'government', creditCode: '11100000000013127d' },
    );
    const dept = await createAgency(
      { db: t.db, clock },
      { actorId: null, parentId: gov.id, name: '某市财政局', kind: 'department' },
    );
    expect(gov.creditCode).toBe('11100000000013127D');
    expect(dept.path).toBe(`${gov.path}${dept.id}/`);
    const [event] = await listAudit(t.db, { entityType: 'agency', entityId: dept.id });
    expect(event).toMatchObject({ action: 'agency.created', agencyId: dept.id, at: clock.now() });
  });

  it.each([
    ['a bad credit code', { parentId: null, kind: 'government', creditCode: '11100000000013127E' }, 'bad_input'],
    ['a department at the top', { parentId: null, kind: 'department' }, 'bad_input'],
    ['a missing parent', { parentId: 999_999, kind: 'department' }, 'not_found'],
    ['an empty name', { parentId: null, kind: 'government', name: ' ' }, 'bad_input'],
  ] as const)('refuses %s', async (_name, input, code) => {
    await expect(createAgency({ db: t.db, clock }, { actorId: null, name: '机关', ...input })).rejects.toMatchObject({
      code,
    });
  });

  it('refuses a credit code already in use', async () => {
    const input = {
      actorId: null,
      parentId: null,
      name: '甲',
      kind: 'government',
      creditCode: '12100000400000624D',
    } as const;
    await createAgency({ db: t.db, clock }, input);
    await expect(createAgency({ db: t.db, clock }, { ...input, name: '乙' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
