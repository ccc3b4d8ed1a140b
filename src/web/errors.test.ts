import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { createApp } from './app.tsx';
import { withoutValues } from './errors.tsx';

const ID = '110101199003070011';
const failedInsert = () =>
  new DrizzleQueryError(
    'insert into "cases" ("applicant_name", "id_number", "phone") values ($1, $2, $3)',
    ['张三', ID, '13800000000'],
    Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
  );

describe('the error log keeps no values of a failed query', () => {
  it('withoutValues keeps the query, the kind and the database error, not the parameters', () => {
    const safe = withoutValues(failedInsert()) as Error;
    const logged = JSON.stringify({ message: safe.message, stack: safe.stack, cause: safe.cause });
    expect(logged).toContain('insert into \\"cases\\"');
    expect(logged).toContain('22021');
    for (const value of [ID, '13800000000', '张三']) expect(logged).not.toContain(value);
  });

  it('a 500 from a failed query logs it without the applicant’s ID number, phone and name', async () => {
    const logged: unknown[] = [];
    const app = createApp({
      clock: fixedClock('2026-03-02'),
      secret: 's',
      site: '示范县人民政府',
      log: (e) => logged.push(e),
      modules: [
        (a) =>
          a.get('/fail', () => {
            throw failedInsert();
          }),
      ],
    });
    const res = await app.request('/fail');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain(ID);
    const text = logged.map((e) => `${(e as Error).message}\n${(e as Error).stack}`).join('\n');
    expect(text).toContain('Failed query');
    for (const value of [ID, '13800000000', '张三']) expect(text).not.toContain(value);
  });
});
