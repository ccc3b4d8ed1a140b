import { AppError } from '../../errors.ts';
import type { SessionUser } from '../roles.ts';

/** User administration is the 系统管理员's: every action of this folder starts here. */
export function requireAdmin(actor: SessionUser | null): void {
  if (actor?.role !== 'admin') throw new AppError('forbidden', '只有系统管理员可以管理用户');
}
