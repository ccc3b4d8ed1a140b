/**
 * Sign-in lockout by account (issue #12, #19): after MAX_FAILED_LOGINS wrong passwords in a row the account
 * refuses every sign-in for LOCKOUT_MS, whichever address the tries come from (a forged X-Forwarded-For per
 * try changes nothing), and an administrator may lift it at once. Only failures count; a success resets the
 * count. The figures follow the usual 等保 practice (5 tries, 15 minutes); they are parameters, not law.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** Whether the account is locked at `now`. */
export const isLocked = (lockedUntil: Date | null, now: Date) => lockedUntil !== null && lockedUntil > now;

/** The state after one more wrong password: the count, or a lock when it reaches the limit. */
export function afterFailure(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: Date | null } {
  const failed = failedLogins + 1;
  if (failed >= MAX_FAILED_LOGINS) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) };
  return { failedLogins: failed, lockedUntil: null };
}

/** The message a locked account's sign-in gets, with the time it opens again (China time). */
export function lockedMessage(lockedUntil: Date): string {
  const at = lockedUntil.toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    hour: '2-digit',
    minute: '2-digit',
  });
  return `密码错误次数过多，账户已暂时锁定，请于${at}后再试，或请系统管理员解锁`;
}
