/**
 * PGlite commits that reach the disk (issue #19: PGlite mode made no fsync for 50 acknowledged commits; kill -9
 * lost nothing, a power cut could). PGlite runs PostgreSQL with fsync off (-F) and its file system (Emscripten's
 * NODEFS) has no fsync: the WAL is written at each commit but stays in the OS's cache. So after each statement
 * that ends outside a transaction, and after each transaction's commit, the WAL segments written since the last
 * flush are fsynced (and pg_wal, for a segment just created): an acknowledged commit is on the disk. A read
 * that wrote nothing costs a stat per segment.
 */
import { closeSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

const SEGMENT = /^[0-9A-F]{24}$/;

export interface Durability {
  /** How many WAL files were fsynced so far (for the bench and the tests). */
  fsyncs: () => number;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function makeDurable(client: PGlite, dataDir: string): Durability {
  const wal = join(dataDir, 'pg_wal');
  const flushed = new Map<string, number>();
  let count = 0;
  const flush = () => {
    let names: string[];
    try {
      names = readdirSync(wal).filter((n) => SEGMENT.test(n));
    } catch {
      return;
    }
    let created = false;
    for (const name of names) {
      const path = join(wal, name);
      const mtime = statSync(path).mtimeMs;
      const before = flushed.get(name);
      if (before === mtime) continue;
      if (before === undefined && flushed.size > 0) created = true;
      fsyncPath(path);
      flushed.set(name, mtime);
      count++;
    }
    if (created) fsyncPath(wal);
    for (const name of flushed.keys()) if (!names.includes(name)) flushed.delete(name);
  };
  const sync = client.syncToFs.bind(client);
  client.syncToFs = async () => {
    await sync();
    if (!client.isInTransaction()) flush();
  };
  // PGlite skips its sync for the COMMIT of transaction() (it still counts as inside): flush when it returns.
  const transaction = client.transaction.bind(client);
  client.transaction = (async (fn: Parameters<PGlite['transaction']>[0]) => {
    const result = await transaction(fn);
    flush();
    return result;
  }) as PGlite['transaction'];
  return { fsyncs: () => count };
}
