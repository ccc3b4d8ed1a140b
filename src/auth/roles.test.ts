import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema/auth.ts';
import { can, type Permission, requirePermission, type SessionUser } from './roles.ts';

const OWN = 10;
const CHILD = 11;
const ELSEWHERE = 99;

const user = (role: Role, scope: SessionUser['scope'] = [OWN]): SessionUser => ({
  id: 1,
  username: 'u',
  displayName: '用户',
  agencyId: OWN,
  role,
  scope,
});

describe('can(user, permission, agencyId)', () => {
  it.each<[string, SessionUser, Permission, number, boolean]>([
    ['staff handles a case of their agency', user('staff'), 'case.handle', OWN, true],
    ['staff may not touch another agency', user('staff'), 'case.read', ELSEWHERE, false],
    ['staff may not approve an extension', user('staff'), 'case.approve_extension', OWN, false],
    ['office head approves an extension (第三十三条第二款)', user('office_head'), 'case.approve_extension', OWN, true],
    ['office head of one agency not for another', user('office_head'), 'case.approve_extension', ELSEWHERE, false],
    ['reviewer reviews a catalog item', user('reviewer'), 'catalog.review', OWN, true],
    ['reviewer does not handle cases', user('reviewer'), 'case.handle', OWN, false],
    ['supervisor reads in the subtree', user('supervisor', [OWN, CHILD]), 'case.read', CHILD, true],
    ['supervisor does not read outside the subtree', user('supervisor', [OWN, CHILD]), 'case.read', ELSEWHERE, false],
    ['supervisor does not handle cases', user('supervisor', [OWN, CHILD]), 'case.handle', CHILD, false],
    ['admin anywhere', user('admin', 'all'), 'calendar.edit', ELSEWHERE, true],
    ['only admin edits the calendar', user('office_head'), 'calendar.edit', OWN, false],
  ])('%s', (_name, u, permission, agencyId, expected) => {
    expect(can(u, permission, agencyId)).toBe(expected);
  });

  it('requirePermission throws forbidden', () => {
    expect(() => requirePermission(user('staff'), 'case.read', ELSEWHERE)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});
