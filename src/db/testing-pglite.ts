/**
 * Test databases on PGlite: the migrations run once into a template whose data directory is cached on disk
 * (node_modules/.cache/gongkai/, keyed by PGlite's version and a hash of drizzle/); each call loads that dump
 * into a new in-memory instance (about 0.3—0.7 s).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { migrateDb, migrationsFolder, migrationsHash, pgliteDb } from './client.ts';
import type { TestDb } from './testing.ts';

const cacheDir = join(migrationsFolder, '..', 'node_modules', '.cache', 'gongkai');
let pgliteTemplate: Promise<Blob> | undefined;

/** PGlite's version: a new PGlite may not read an old dump. */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

async function buildPgliteTemplate(): Promise<Blob> {
  const name = `pglite-${pgliteVersion()}-template-${migrationsHash()}.tar.gz`;
  const file = join(cacheDir, name);
  let gzipped: Buffer;
  try {
    gzipped = readFileSync(file);
  } catch {
    // Not cached yet: migrate once and keep the dump. Workers racing here each write a complete file and
    // rename it into place, so a reader never sees half a dump.
    const client = await PGlite.create();
    await migrateDb(pgliteDb(client).db);
    gzipped = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    await client.close();
    mkdirSync(cacheDir, { recursive: true });
    for (const old of readdirSync(cacheDir))
      if (old.startsWith('pglite-') && old !== name) rmSync(join(cacheDir, old), { force: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, gzipped);
    renameSync(partial, file);
  }
  // Kept unpacked in memory: loading a plain tar is about a third faster than a gzipped one.
  return new Blob([gunzipSync(gzipped)]);
}

/** The migrated template's dump (a plain tar): load it into a data directory to skip initdb and migrations. */
export function migratedPgliteDump(): Promise<Blob> {
  pgliteTemplate ??= buildPgliteTemplate();
  return pgliteTemplate;
}

export async function createPgliteDb(): Promise<TestDb> {
  const client = await PGlite.create({ loadDataDir: await migratedPgliteDump(), relaxedDurability: true });
  return { ...pgliteDb(client), driver: 'pglite' };
}
