/**
 * The server lends its PGlite to other commands on a Unix socket (./pglite-socket.ts). A client's transaction
 * spans several messages; the server's own queries must wait for it, never run inside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverOf, type OpenDb, openDb } from './client.ts';
import { lockHolder } from './data-dir-lock.ts';
import { readyStatus, SOCKET_PORT } from './pglite-socket.ts';
import { isPglite, upkeepOnPglite } from './statistics.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-socket-'));
let server: OpenDb;
let client: pg.Client;

beforeAll(async () => {
  server = await openDb({ dataDir: dir, command: 'serve' });
  await server.db.execute(sql`create table t (who text)`);
  client = new pg.Client({
    host: lockHolder(dir)?.socketDir,
    port: SOCKET_PORT,
    user: 'postgres',
    database: 'postgres',
  });
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client?.end();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = async () => (await server.db.execute<{ who: string }>(sql`select who from t order by who`)).rows;

describe('PGlite lent on a Unix socket', () => {
  it('answers queries with parameters', async () => {
    const { rows: got } = await client.query('select $1::int + 1 as n', [41]);
    expect(got).toEqual([{ n: 42 }]);
  });

  it("the server's transaction waits for a client's open transaction and is not rolled back with it", async () => {
    await client.query('begin');
    await client.query(`insert into t values ('client')`);
    // Issued while the client's transaction is open: it must neither run inside it nor be lost with it.
    const serverWrite = server.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values ('server')`);
    });
    await client.query('rollback');
    await serverWrite;
    expect(await rows()).toEqual([{ who: 'server' }]);
  });

  it('a client that disconnects inside a transaction leaves nothing of it, and the server goes on', async () => {
    const leaving = new pg.Client({ host: lockHolder(dir)?.socketDir, port: SOCKET_PORT, user: 'postgres' });
    await leaving.connect();
    await leaving.query('begin');
    await leaving.query(`insert into t values ('left')`);
    await leaving.end();
    expect(await rows()).toEqual([{ who: 'server' }]);
  });

  it("a command through the socket keeps PGlite's upkeep: it is PGlite, though reached as a server is", async () => {
    const through = await openDb({ dataDir: dir });
    try {
      expect(through.viaServer).toBe(process.pid);
      expect(driverOf(through.db)).toBe('postgres');
      expect(await isPglite(through.db)).toBe(true);
      expect((await upkeepOnPglite(through.db)).analyzed).toBe(true);
    } finally {
      await through.close();
    }
  });

  it('kept statements of the serving process do not disturb a client, nor a client its kept reads', async () => {
    const read = () => server.db.execute<{ n: number }>(sql`select count(*)::int as n from t`);
    const before = (await read()).rows[0].n;
    await client.query('discard all');
    await client.query(`insert into t values ('kept')`);
    expect((await read()).rows[0].n).toBe(before + 1);
    await client.query(`delete from t where who = 'kept'`);
  });

  it.each([
    ['idle', [0x5a, 0, 0, 0, 5, 0x49], 'I'],
    ['in a transaction, after a CommandComplete', [0x43, 0, 0, 0, 5, 0, 0x5a, 0, 0, 0, 5, 0x54], 'T'],
    ['no ReadyForQuery yet', [0x31, 0, 0, 0, 4], undefined],
  ])('reads the ReadyForQuery status: %s', (_name, bytes, status) => {
    expect(readyStatus(new Uint8Array(bytes))).toBe(status);
  });
});
