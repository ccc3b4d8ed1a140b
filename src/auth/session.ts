/**
 * Sessions: a random token goes to the browser (cookie); the database keeps only its SHA-256, the expiry and
 * the session's CSRF secret. An expired session is refused and removed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import type { Db } from '../db/client.ts';
import { sessions, type User, users } from '../db/schema/auth.ts';
import { AppError } from '../errors.ts';
import { afterFailure, isLocked, lockedMessage } from './lockout.ts';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';
import type { SessionUser } from './roles.ts';
import { checkTotp } from './totp.ts';
import { toSessionUser } from './users.ts';

/** Default lifetime of a session: one working day. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  /** For the cookie; never stored. */
  token: string;
  csrfSecret: string;
  expiresAt: Date;
  user: SessionUser;
}

// Verified against when the username is unknown, so a wrong name costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Checks username and password and opens a session; audited ('auth.login'). A wrong name or password, or a
 * disabled account, is one error: AppError('unauthenticated').
 */
export async function login(
  deps: { db: Db; clock: Clock },
  input: { username: string; password: string; totp?: string; ttlMs?: number },
): Promise<LoginResult> {
  const [user] = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.username, input.username.trim()), isNull(users.disabledAt)));
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));
  const now = deps.clock.now();
  // A locked account refuses even the right password until the lock ends (src/auth/lockout.ts).
  if (user && isLocked(user.lockedUntil, now)) throw new AppError('unauthenticated', lockedMessage(user.lockedUntil!));
  if (user && !ok) await countFailure(deps.db, user, now);
  if (!user || !ok) throw new AppError('unauthenticated', '用户名或密码错误');
  // 动态验证码 when the user bound one (src/auth/totp.ts): a wrong code counts toward the lockout like a password.
  let totpStep: number | null = null;
  if (user.totpEnabledAt && user.totpSecret) {
    const code = input.totp?.trim() ?? '';
    if (!code) throw new AppError('unauthenticated', '请输入验证器应用显示的动态验证码', { needTotp: true });
    totpStep = await checkTotp({ secret: user.totpSecret, code, now, lastStep: user.totpLastStep });
    if (totpStep === null) {
      await countFailure(deps.db, user, now);
      throw new AppError('unauthenticated', '动态验证码不正确或已使用过，请输入新显示的验证码', { needTotp: true });
    }
  }
  const token = randomBytes(32).toString('base64url');
  const csrfSecret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (input.ttlMs ?? SESSION_TTL_MS));
  await deps.db.transaction(async (tx) => {
    if (totpStep !== null) {
      // Once only: two sign-ins racing with one code, the second finds the step taken.
      const taken = await tx
        .update(users)
        .set({ totpLastStep: totpStep })
        .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, totpStep))))
        .returning({ id: users.id });
      if (!taken.length) throw new AppError('unauthenticated', '动态验证码已使用过，请输入新显示的验证码');
    }
    await tx
      .insert(sessions)
      .values({ tokenHash: hashToken(token), userId: user.id, csrfSecret, createdAt: now, expiresAt });
    if (user.failedLogins > 0 || user.lockedUntil) {
      await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    }
    // A hash made with weaker parameters than today's is replaced while the password is at hand.
    if (needsRehash(user.passwordHash)) {
      await tx
        .update(users)
        .set({ passwordHash: await hashPassword(input.password) })
        .where(eq(users.id, user.id));
    }
    await recordAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
    });
  });
  return { token, csrfSecret, expiresAt, user: await toSessionUser(deps.db, user) };
}

/** One more wrong password for an account; the lock when it reaches the limit, audited. */
async function countFailure(db: Db, user: User, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ failedLogins: users.failedLogins })
      .from(users)
      .where(eq(users.id, user.id))
      .for('update');
    const next = afterFailure(row?.failedLogins ?? 0, now);
    await tx.update(users).set(next).where(eq(users.id, user.id));
    if (next.lockedUntil) {
      await recordAudit(tx, {
        at: now,
        actorId: null,
        action: 'auth.locked',
        entityType: 'user',
        entityId: user.id,
        agencyId: user.agencyId,
        data: { until: next.lockedUntil.toISOString() },
      });
    }
  });
}

/** The user of a live session, with its CSRF secret; null for an unknown, expired or disabled one. */
export async function sessionUser(
  deps: { db: Db; clock: Clock },
  token: string,
): Promise<{ user: SessionUser; csrfSecret: string; expiresAt: Date } | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const [row] = await deps.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  if (row.session.expiresAt.getTime() <= deps.clock.now().getTime()) {
    await deps.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (row.user.disabledAt) return null;
  return {
    user: await toSessionUser(deps.db, row.user),
    csrfSecret: row.session.csrfSecret,
    expiresAt: row.session.expiresAt,
  };
}

/** Ends the session of `token`; audited. Unknown tokens are ignored. */
export async function logout(deps: { db: Db; clock: Clock }, token: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(sessions)
      .where(eq(sessions.tokenHash, hashToken(token)))
      .returning();
    if (!gone) return;
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: gone.userId,
      action: 'auth.logout',
      entityType: 'user',
      entityId: gone.userId,
    });
  });
}

/** Removes expired sessions (a periodic job); returns how many. */
export async function purgeExpiredSessions(deps: { db: Db; clock: Clock }): Promise<number> {
  const gone = await deps.db.delete(sessions).where(lt(sessions.expiresAt, deps.clock.now())).returning();
  return gone.length;
}
