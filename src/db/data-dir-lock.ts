/**
 * One process opens a PGlite data directory: PGlite is one PostgreSQL backend writing its files directly, and a
 * second process writing the same files corrupts them (issue #12: an import beside a running server lost the
 * database). The process that opens the directory holds `gongkai.lock` in it, naming its pid, its command and,
 * for `gongkai serve`, the Unix socket on which it lends the database to other commands (./pglite-socket.ts).
 *
 * A lock whose pid is dead (kill -9, power cut) is stale and taken over: it is first renamed away (atomic, so of
 * two processes taking it over at once only one gets it), checked to be the dead one, then replaced by a new
 * lock created with link() (atomic, fails if a lock exists).
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'gongkai.lock';

export interface LockInfo {
  pid: number;
  /** The command holding it: 'serve', 'import', … */
  command: string;
  /** The Unix socket directory of a serving process (pg connects to `<dir>/.s.PGSQL.5432`). */
  socketDir?: string;
}

export interface DataDirLock {
  info: LockInfo;
  /** Records the socket the server lends the database on. */
  update(info: Partial<LockInfo>): void;
  /** Removes the lock, if it is still ours. */
  release(): void;
}

/** Who holds the lock of `dir`, if a live process does. */
export function lockHolder(dir: string): LockInfo | undefined {
  const info = readLock(join(dir, LOCK_FILE));
  return info && isAlive(info.pid) ? info : undefined;
}

/**
 * Takes the lock of `dir` for this process; throws `DataDirBusy` naming the live holder.
 */
export function acquireLock(dir: string, command: string): DataDirLock {
  const file = join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, command };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, info)) return handle(file, info);
    const holder = readLock(file);
    if (holder && isAlive(holder.pid)) throw new DataDirBusy(dir, holder);
    takeOverStale(file, holder);
  }
  const holder = readLock(file);
  throw new DataDirBusy(dir, holder ?? { pid: 0, command: '?' });
}

export class DataDirBusy extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `数据目录 ${dir} 正由进程 ${holder.pid}（gongkai ${holder.command}）使用 / data directory in use by pid ${holder.pid} (gongkai ${holder.command})`,
    );
  }
}

function handle(file: string, info: LockInfo): DataDirLock {
  return {
    info,
    update(more) {
      Object.assign(info, more);
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, JSON.stringify(info));
      renameSync(partial, file);
    },
    release() {
      if (readLock(file)?.pid === info.pid) rmSync(file, { force: true });
    },
  };
}

/** Creates the lock with link(): atomic, and fails when a lock exists. */
function tryCreate(file: string, info: LockInfo): boolean {
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(info));
  try {
    linkSync(partial, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Moves a dead holder's lock away; puts it back if, in between, a live process had taken it. */
function takeOverStale(file: string, seen: LockInfo | undefined): void {
  const aside = `${file}.stale.${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it: try again
    throw error;
  }
  const moved = readLock(aside);
  if (moved && moved.pid !== seen?.pid && isAlive(moved.pid)) {
    // Another process took the stale lock over first and this one moved its new lock: give it back.
    try {
      linkSync(aside, file);
    } catch {
      // a third process created one meanwhile; ours stays refused either way
    }
  }
  rmSync(aside, { force: true });
}

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) ? info : { pid: 0, command: '?' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { pid: 0, command: '?' }; // unreadable: treated as stale
  }
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
