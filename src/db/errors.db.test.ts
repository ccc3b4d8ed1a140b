import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlState, uniqueViolation } from './errors.ts';
import { makeAgency } from './factories.ts';
import { agencies } from './schema/index.ts';
import { createTestDb, type TestDb } from './testing.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('database errors through Drizzle', () => {
  it('names the constraint a unique violation broke', async () => {
    await makeAgency(t.db, { creditCode: '11100000000013127D' });
    const error = await makeAgency(t.db, { creditCode: '11100000000013127D' }).catch((e: unknown) => e);
    expect(uniqueViolation(error)).toBe('agencies_credit_code_unique');
    expect(sqlState(error)).toBe('23505');
  });

  it('is null for other errors', async () => {
    const error = await t.db
      .insert(agencies)
      .values({ name: 'x', kind: 'nonsense' as 'office', path: '/' })
      .catch((e: unknown) => e);
    expect(sqlState(error)).toBe('23514');
    expect(uniqueViolation(error)).toBeNull();
    expect(uniqueViolation(new Error('plain'))).toBeNull();
  });
});
