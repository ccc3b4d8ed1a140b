/**
 * The wire reader (./pg-wire-results.ts) against PGlite's own parser, on the bytes of real exchanges: the same
 * rows, fields and counts; an error refused with the backend's message; a notification left to PGlite.
 */
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWireResult } from './pg-wire-results.ts';

let client: PGlite;
const { serialize } = protocol;

beforeAll(async () => {
  client = await PGlite.create();
  await client.exec(`create table t (id int primary key, name text, on_day date, at timestamptz, doc jsonb,
      tags text[], ok boolean, big bigint, raw bytea, score float8);
    insert into t values
      (1, '公开 “目录”', '2026-12-31', '2026-12-04T08:00:00Z', '{"a":[1,2],"b":"乙"}', '{甲,乙}', true,
        9007199254740993, '\\x00ff', 0.1),
      (2, null, null, null, null, null, null, null, null, null),
      (3, '', '2000-01-01', '1999-12-31T16:00:00Z', '[]', '{}', false, -1, '\\x', -0.5);
    create table many as select g as id, repeat('政务公开', 1 + g % 7) as title from generate_series(1, 30000) g;`);
}, 60_000);
afterAll(async () => {
  await client?.close();
});

/** The backend's output of one statement run by the extended protocol, unparsed. */
async function exchange(text: string, params: unknown[] = []): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await client.execProtocolRawStream(
    Buffer.concat([
      serialize.parse({ text }),
      serialize.bind({ values: params.map((p) => (p === null ? null : String(p))) }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ]),
    { syncToFs: false, onRawData: (data) => chunks.push(Buffer.from(data)) },
  );
  return Buffer.concat(chunks);
}

/** What PGlite's own parser makes of the same bytes. */
function pglites(bytes: Buffer, rowMode: 'array' | 'object') {
  const messages: Parameters<typeof parse.parseResults>[0] = [];
  new protocol.Parser().parse(bytes, (m) => messages.push(m));
  return parse.parseResults(messages, client.parsers, { rowMode })[0];
}

const byClient = (typeId: number) => client.parsers[typeId];

describe('reading a statement’s result off the wire', () => {
  it.each([
    ['select * from t order by id', []],
    ['select id, name, on_day from t where id = $1', [1]],
    ['select id as x, name as x from t order by id', []], // the same name twice: the last wins in an object
    ['select * from t where false', []],
    ['select id, title from many order by id', []], // 30,000 rows, ~900 KB
    ['update many set title = title where id <= $1', [5]],
  ])('gives the rows, fields and counts PGlite gives: %s', async (text, params) => {
    const bytes = await exchange(text, params);
    for (const rowMode of ['array', 'object'] as const)
      expect(readWireResult(bytes, byClient, rowMode)).toEqual(pglites(bytes, rowMode));
  });

  it('reads values of every kind as the client parses them', async () => {
    const read = readWireResult(await exchange('select * from t where id = 1'), byClient);
    expect(read && 'rows' in read && read.rows[0]).toEqual({
      id: 1,
      name: '公开 “目录”',
      on_day: new Date('2026-12-31T00:00:00Z'),
      at: new Date('2026-12-04T08:00:00Z'),
      doc: { a: [1, 2], b: '乙' },
      tags: ['甲', '乙'],
      ok: true,
      big: 9007199254740993n,
      raw: new Uint8Array([0, 255]),
      score: 0.1,
    });
  });

  it('uses the caller’s parser for a type before the client’s', async () => {
    const asText = (typeId: number) => (typeId === 1082 ? (v: string) => v : client.parsers[typeId]);
    const read = readWireResult(await exchange('select on_day, id from t where id = 1'), asText);
    expect(read && 'rows' in read && read.rows[0]).toEqual({ on_day: '2026-12-31', id: 1 });
  });

  it('refuses a statement the backend refused, with its message', async () => {
    expect(readWireResult(await exchange('select id / 0 from t'), byClient)).toEqual({ refused: 'division by zero' });
    expect(readWireResult(await exchange('select nothing from t'), byClient)).toEqual({
      refused: 'column "nothing" does not exist',
    });
  });

  it('leaves a notification, and bytes cut short, to PGlite’s own parser', async () => {
    await client.exec('listen gk_test');
    const notified = await exchange(`select pg_notify('gk_test', 'x')`);
    expect(readWireResult(notified, byClient)).toBeUndefined();
    const whole = await exchange('select * from t order by id');
    expect(readWireResult(whole.subarray(0, whole.length - 3), byClient)).toBeUndefined();
  });
});
