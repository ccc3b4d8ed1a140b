/**
 * PGlite commits are fsynced (issue #19): after a committed write outside a transaction the WAL segment it went
 * to is flushed; inside a transaction nothing is flushed until it commits; a read that wrote nothing flushes
 * nothing. (A power cut cannot be simulated here: what is checked is that fsync is called on the WAL.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Durability, makeDurable } from './durable.ts';

let dir: string;
let client: PGlite;
let durable: Durability;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-durable-'));
  client = await PGlite.create(dir);
  durable = makeDurable(client, dir);
  await client.exec('create table t (id serial primary key, v text)');
});
afterAll(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('makeDurable', () => {
  it('a committed insert fsyncs the WAL', async () => {
    const before = durable.fsyncs();
    await client.query("insert into t (v) values ('一')");
    expect(durable.fsyncs()).toBeGreaterThan(before);
  });

  it('inside a transaction nothing is flushed until the commit', async () => {
    let during = -1;
    const before = durable.fsyncs();
    await client.transaction(async (tx) => {
      await tx.query("insert into t (v) values ('二')");
      await tx.query("insert into t (v) values ('三')");
      during = durable.fsyncs();
    });
    expect(during).toBe(before);
    expect(durable.fsyncs()).toBeGreaterThan(before);
  });

  it('a read that wrote nothing flushes nothing', async () => {
    await client.query('select count(*) from t');
    const before = durable.fsyncs();
    await client.query('select count(*) from t');
    expect(durable.fsyncs()).toBe(before);
  });
});
