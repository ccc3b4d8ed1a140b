/**
 * A throwaway database for a benchmark: on the PostgreSQL server at `url`, a database of its own created
 * for the run and dropped after it; without a url, PGlite in `dataDir` (in memory by default). Migrated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { type Db, migrateDb, openDb, pgliteThreadDb } from '../src/db/client.ts';

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function openBenchDb(
  name: string,
  url: string | undefined,
  dataDir = 'memory://',
  /** PGlite in a thread of its own, as `gongkai serve` opens it (src/db/pglite-thread.ts). */
  thread = false,
): Promise<{ db: Db; close(): Promise<void> }> {
  if (!url) {
    const { db, close } = thread ? await pgliteThreadDb({ dataDir, durable: false }) : await openDb({ dataDir });
    await migrateDb(db);
    return { db, close };
  }
  const dbName = `${name}_${process.pid}`;
  await admin(url, `drop database if exists ${dbName}`);
  await admin(url, `create database ${dbName}`);
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  const { db, close } = await openDb({ url: u.toString() });
  await migrateDb(db);
  return {
    db,
    close: async () => {
      await close();
      await admin(url, `drop database if exists ${dbName}`);
    },
  };
}

/**
 * CPU seconds used so far by the PostgreSQL server's processes, when it runs on this machine (read from
 * /proc: every process named postgres, the backends and the WAL writer and checkpointer alike); null when none
 * is visible. The machine is shared, so a bench reports the server's CPU beside its own, not only the clock.
 */
export function serverCpuSeconds(): number | null {
  let ticks = 0;
  let seen = false;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime: fields 14 and 15 of the line, 12 and 13 after the name.
      ticks += Number(fields[11]) + Number(fields[12]);
      seen = true;
    } catch {
      // the process ended while we read
    }
  }
  return seen ? ticks / CLOCK_TICKS_PER_SECOND : null;
}

/** USER_HZ: 100 on every Linux architecture we run on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds of this process (every thread: workers included) and of the local server since `start`. */
export function cpuSince(start: { process: NodeJS.CpuUsage; server: number | null }): string {
  const used = process.cpuUsage(start.process);
  const server = serverCpuSeconds();
  const node = `node ${((used.user + used.system) / 1e6).toFixed(1)} CPU-s`;
  return start.server === null || server === null
    ? node
    : `${node}, postgres ${(server - start.server).toFixed(1)} CPU-s`;
}

/** `server`: count the local PostgreSQL server's CPU too (not for a PGlite run: it runs in this process). */
export const cpuStart = (server: boolean) => ({
  process: process.cpuUsage(),
  server: server ? serverCpuSeconds() : null,
});
