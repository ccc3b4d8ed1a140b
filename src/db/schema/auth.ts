/** Users of the console, their sessions. Passwords and session tokens are stored only as hashes. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';

export const roles = ['staff', 'office_head', 'reviewer', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: text('role', { enum: roles }).notNull(),
    /** scrypt$N$r$p$salt$hash (src/auth/password.ts). */
    passwordHash: text('password_hash').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Set when an administrator gave the password (a new account, a reset): changed at the next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Wrong passwords in a row since the last success or lockout (src/auth/lockout.ts). */
    failedLogins: integer('failed_logins').notNull().default(0),
    /** Sign-in refused until then, after too many wrong passwords. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** 动态验证码 (TOTP, RFC 6238) secret in base32; in force once totpEnabledAt is set (src/auth/totp.ts). */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last 30-second step accepted: a code is good once (no replay). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_agency_idx').on(t.agencyId),
    check('users_role_check', sql`${t.role} in ('staff', 'office_head', 'reviewer', 'supervisor', 'admin')`),
  ],
);

export type User = typeof users.$inferSelect;

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the token handed to the browser, hex. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfSecret: text('csrf_secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export type Session = typeof sessions.$inferSelect;
