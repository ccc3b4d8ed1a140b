/**
 * What durable PGlite commits cost (src/db/durable.ts, issue #19): 200 single-row commits and 200 transactions
 * of two rows on a PGlite data directory, without and with the fsync of the WAL after each commit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { makeDurable } from '../src/db/durable.ts';

async function run(durable: boolean): Promise<{ single: number; tx: number; fsyncs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-durable-'));
  const client = await PGlite.create(dir);
  const d = durable ? makeDurable(client, dir) : undefined;
  await client.exec('create table t (id serial primary key, v text)');
  let t = performance.now();
  for (let i = 0; i < 200; i++) await client.query('insert into t (v) values ($1)', [`行${i}`]);
  const single = (performance.now() - t) / 200;
  t = performance.now();
  for (let i = 0; i < 200; i++)
    await client.transaction(async (tx) => {
      await tx.query('insert into t (v) values ($1)', [`甲${i}`]);
      await tx.query('insert into t (v) values ($1)', [`乙${i}`]);
    });
  const tx = (performance.now() - t) / 200;
  await client.close();
  rmSync(dir, { recursive: true, force: true });
  return { single, tx, fsyncs: d?.fsyncs() ?? 0 };
}

export default async function benchDurable(): Promise<void> {
  const off = await run(false);
  const on = await run(true);
  console.log(
    `PGlite commit, no fsync: ${off.single.toFixed(2)} ms a row, ${off.tx.toFixed(2)} ms a transaction of two rows`,
  );
  console.log(
    `PGlite commit, WAL fsynced: ${on.single.toFixed(2)} ms a row, ${on.tx.toFixed(2)} ms a transaction (${on.fsyncs} fsyncs for 400 commits); cost ${(on.single - off.single).toFixed(2)} ms a commit`,
  );
}
