/**
 * Reading PostgreSQL errors through Drizzle (which wraps them in DrizzleQueryError, the driver's error as
 * `cause`) on both drivers: node-postgres and PGlite both carry the SQLSTATE `code` and the `constraint`.
 */

interface PgErrorFields {
  code?: string;
  constraint?: string;
}

function pgFields(error: unknown): PgErrorFields | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const fields = e as PgErrorFields & { cause?: unknown };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields;
    e = fields.cause;
  }
  return undefined;
}

/** The SQLSTATE of a database error (23505 unique_violation, 40001 serialization_failure …), if any. */
export const sqlState = (error: unknown): string | undefined => pgFields(error)?.code;

/**
 * The constraint a unique violation broke, or null when `error` is not one. For turning the race a check-then-
 * insert loses into AppError('conflict').
 *
 * @example
 * catch (e) { if (uniqueViolation(e) === 'users_username_unique') throw new AppError('conflict', …); throw e; }
 */
export function uniqueViolation(error: unknown): string | null {
  const fields = pgFields(error);
  return fields?.code === '23505' ? (fields.constraint ?? '') : null;
}
