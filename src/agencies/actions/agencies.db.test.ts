/** 机构管理 (issue #12): adding a body under its parent with its 统一社会信用代码, renaming and moving one, audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { listAudit } from '../../db/audit.ts';
import { makeAgencyTree, makeUser } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { subtreeIds } from '../tree.ts';
import { addAgency } from './add-agency.ts';
import { moveAgency } from './move-agency.ts';
import { renameAgency } from './rename-agency.ts';
import { setAgencyCreditCode } from './set-agency-credit-code.ts';

const clock = fixedClock('2026-12-03T09:00:00+08:00');
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let admin: Awaited<ReturnType<typeof makeUser>>['user'];
let staff: Awaited<ReturnType<typeof makeUser>>['user'];
const deps = () => ({ db: t.db, clock });

beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
  admin = (await makeUser(t.db, { agency: tree.county, role: 'admin' })).user;
  staff = (await makeUser(t.db, { agency: tree.county, role: 'staff' })).user;
});
afterAll(() => t.close());

describe('新增机关 and 更名', () => {
  it('adds a 部门 under the county with a valid code, then renames it; both audited', async () => {
    const made = await addAgency(deps(), {
      actor: admin,
      agency: { name: '示范县医疗保障局', kind: 'department', parentId: String(tree.county.id), creditCode: '' },
    });
    expect(made.path).toBe(`${tree.county.path}${made.id}/`);
    await renameAgency(deps(), { actor: admin, agencyId: made.id, change: { name: '示范县医疗保障和卫生健康局' } });
    const audit = await listAudit(t.db, { entityType: 'agency', entityId: made.id });
    expect(audit.map((e) => e.action).sort()).toEqual(['agency.created', 'agency.renamed']);
    expect(audit.find((e) => e.action === 'agency.renamed')?.data).toEqual({
      from: '示范县医疗保障局',
      to: '示范县医疗保障和卫生健康局',
    });
  });

  it.each([
    ['no name', { name: '', kind: 'department', parentId: '1', creditCode: '' }, 'name'],
    ['a 部门 at the top', { name: '某局', kind: 'department', parentId: '', creditCode: '' }, 'parentId'],
    [
      'a wrong check character',
      { name: '某局', kind: 'department', parentId: '1', creditCode: '11330000002482107A' },
      'creditCode',
    ],
  ])('refuses %s beside its field', async (_name, agency, field) => {
    const withParent = { ...agency, parentId: agency.parentId && String(tree.county.id) };
    const refused = await addAgency(deps(), { actor: admin, agency: withParent }).catch((e) => e);
    expect(Object.keys(refused.details.fields)).toEqual([field]);
  });

  it('is an administrator’s', async () => {
    await expect(
      addAgency(deps(), { actor: staff, agency: { name: '某局', kind: 'department', parentId: '', creditCode: '' } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('调整隶属关系 (moving a body in the tree)', () => {
  const add = (name: string, kind: string, parentId: number) =>
    addAgency(deps(), { actor: admin, agency: { name, kind, parentId: String(parentId), creditCode: '' } });

  it('moves a 部门 with its 内设机构 to another government; paths and scopes follow, audited', async () => {
    const dept = await add('示范县林业局', 'department', tree.county.id);
    const office = await add('示范县林业局办公室', 'office', dept.id);
    await moveAgency(deps(), { actor: admin, agencyId: dept.id, change: { parentId: String(tree.other.id) } });
    expect(await subtreeIds(t.db, tree.other.id)).toEqual(expect.arrayContaining([dept.id, office.id]));
    expect(await subtreeIds(t.db, tree.county.id)).not.toContain(office.id);
    const [moved] = await listAudit(t.db, { entityType: 'agency', entityId: dept.id, action: 'agency.moved' });
    expect(moved.data).toMatchObject({ from: tree.county.id, to: tree.other.id });
    expect((moved.data.path as { to: string }).to).toBe(`${tree.other.path}${dept.id}/`);
  });

  it.each([
    ['under itself', 'self', '不能设在其自身或其下级机关之下'],
    ['under its own 内设机构', 'child', '不能设在其自身或其下级机关之下'],
    ['a 部门 under a 部门', 'sibling', '部门不能设在'],
    ['a 部门 at the top', 'top', '不能设在顶层之下'],
  ] as const)('refuses to move %s, beside the field, changing nothing', async (_name, where, message) => {
    const dept = await add(`示范县${where}局`, 'department', tree.county.id);
    const child = await add(`示范县${where}局办公室`, 'office', dept.id);
    const parentId = { self: dept.id, child: child.id, sibling: tree.education.id, top: '' }[where];
    const refused = await moveAgency(deps(), {
      actor: admin,
      agencyId: dept.id,
      change: { parentId: String(parentId) },
    })
      .then(() => null)
      .catch((e) => e);
    expect(refused?.details.fields.parentId).toContain(message);
    expect(await subtreeIds(t.db, tree.county.id)).toEqual(expect.arrayContaining([dept.id, child.id]));
  });

  it('is an administrator’s', async () => {
    await expect(
      moveAgency(deps(), { actor: staff, agencyId: tree.town.id, change: { parentId: String(tree.other.id) } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('统一社会信用代码 entered or corrected later', () => {
  it('sets a valid code, refuses a wrong check character and a code another body has, clears it; audited', async () => {
    const { testCreditCode } = await import('../../catalog/testing.ts');
    const a = await addAgency(deps(), {
      actor: admin,
      agency: { name: '示范县统计局', kind: 'department', parentId: String(tree.county.id), creditCode: '' },
    });
    const b = await addAgency(deps(), {
      actor: admin,
      agency: { name: '示范县审计局', kind: 'department', parentId: String(tree.county.id), creditCode: '' },
    });
    const code = testCreditCode();
    await setAgencyCreditCode(deps(), { actor: admin, agencyId: a.id, change: { creditCode: code.toLowerCase() } });
    const wrong = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
    const refused = await setAgencyCreditCode(deps(), { actor: admin, agencyId: b.id, change: { creditCode: wrong } })
      .then(() => null)
      .catch((e) => e);
    expect(refused?.details.fields.creditCode).toContain('校验码有误');
    const taken = await setAgencyCreditCode(deps(), { actor: admin, agencyId: b.id, change: { creditCode: code } })
      .then(() => null)
      .catch((e) => e);
    expect(taken?.details.fields.creditCode).toContain('已被另一机关使用');
    await setAgencyCreditCode(deps(), { actor: admin, agencyId: a.id, change: { creditCode: '' } });
    const events = await listAudit(t.db, { entityType: 'agency', entityId: a.id, action: 'agency.credit_code_set' });
    expect(events.map((e) => e.data).sort((x, y) => String(x.to).localeCompare(String(y.to)))).toEqual([
      { from: null, to: code },
      { from: code, to: null },
    ]);
    await expect(
      setAgencyCreditCode(deps(), { actor: staff, agencyId: a.id, change: { creditCode: code } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
