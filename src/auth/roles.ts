/**
 * Who may do what, where. A role grants permissions; the user's scope says on which agencies:
 * staff, office_head and reviewer act on their own agency only, a supervisor on the subtree of theirs
 * (read-only), an admin everywhere (administering, and reading what it administers; never handling a case).
 */
import type { Role } from '../db/schema/auth.ts';
import { AppError } from '../errors.ts';

export const permissions = [
  'case.read',
  'case.handle',
  /** 延长答复期限 needs 政府信息公开工作机构负责人 (《条例》第三十三条第二款). */
  'case.approve_extension',
  'catalog.read',
  'catalog.edit',
  /** 保密审查 and the decision to publish. */
  'catalog.review',
  'report.read',
  'report.edit',
  'supervision.read',
  'audit.read',
  'calendar.edit',
  'agency.manage',
  'user.manage',
] as const;
export type Permission = (typeof permissions)[number];

const STAFF: Permission[] = ['case.read', 'case.handle', 'catalog.read', 'catalog.edit', 'report.read'];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  staff: new Set(STAFF),
  office_head: new Set([...STAFF, 'case.approve_extension', 'catalog.review', 'report.edit', 'audit.read']),
  reviewer: new Set(['case.read', 'catalog.read', 'catalog.review', 'report.read']),
  supervisor: new Set(['case.read', 'catalog.read', 'report.read', 'supervision.read', 'audit.read']),
  /**
   * 系统管理员 administer (agencies, users, the calendar) and read everything, masked; they are not case handlers,
   * reviewers or report editors unless a role says so (issue #14): a handler signs in with a handler's account.
   */
  admin: new Set([
    'case.read',
    'catalog.read',
    'report.read',
    'supervision.read',
    'audit.read',
    'calendar.edit',
    'agency.manage',
    'user.manage',
  ]),
};

export const ROLE_NAMES: Record<Role, string> = {
  staff: '经办人员',
  office_head: '政府信息公开工作机构负责人',
  reviewer: '保密审查人员',
  supervisor: '监督人员',
  admin: '系统管理员',
};

/** A signed-in user as actions see it (src/auth/session.ts builds it). */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  agencyId: number;
  role: Role;
  /** The agencies the user may act on: 'all' for an admin, else ids (own agency; a supervisor's subtree). */
  scope: 'all' | readonly number[];
  /** The password was given by an administrator: the console asks for a new one before anything else. */
  mustChangePassword?: boolean;
  /** Sign-in asks this user for a 动态验证码 (src/auth/totp.ts). */
  totpEnabled?: boolean;
}

/** Whether the user's scope takes in the agency. */
export function inScope(user: SessionUser, agencyId: number): boolean {
  return user.scope === 'all' || user.scope.includes(agencyId);
}

/**
 * Whether `user` may exercise `permission` on a record of `agencyId`.
 *
 * @example
 * if (!can(user, 'case.approve_extension', record.agencyId)) …
 */
export function can(user: SessionUser, permission: Permission, agencyId: number): boolean {
  return ROLE_PERMISSIONS[user.role].has(permission) && inScope(user, agencyId);
}

/** `can`, throwing AppError('forbidden') when not. */
export function requirePermission(user: SessionUser, permission: Permission, agencyId: number): void {
  if (!can(user, permission, agencyId)) {
    // The message names neither the record's agency nor its state: a refusal tells nothing of another agency's
    // cases (issue #19). What was asked stays in the details, for the log.
    throw new AppError('forbidden', `无权执行此操作：${ROLE_NAMES[user.role]}不能办理或查看该机关的这项事务。`, {
      permission,
      agencyId,
    });
  }
}
