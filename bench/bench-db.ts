/**
 * A throwaway database for a benchmark: on the PostgreSQL server at `url`, a database of its own created
 * for the run and dropped after it; without a url, PGlite in `dataDir` (in memory by default). Migrated.
 */
import pg from 'pg';
import { type Db, migrateDb, openDb } from '../src/db/client.ts';

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
): Promise<{ db: Db; close(): Promise<void> }> {
  if (!url) {
    const { db, close } = await openDb({ dataDir });
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
