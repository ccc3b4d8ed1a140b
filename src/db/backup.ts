/**
 * Backups of the whole database and their restore, on either backend:
 * - PGlite: PGlite's own dump of its data directory (a gzipped tar), taken between transactions after a
 *   checkpoint. While `gongkai serve` holds the directory the dump comes from the server (its backup socket,
 *   ./pglite-socket.ts), so a backup never opens the files a second time.
 * - PostgreSQL: `pg_dump --format=custom` and `pg_restore`, which must be on PATH (a client as new as the server).
 * A restore goes into an empty target; over a non-empty one only with `force` (PGlite: the old directory is
 * kept beside it as `<dir>.before-restore-<time>`; PostgreSQL: `pg_restore --clean`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { AppError } from '../errors.ts';
import { acquireLock, DataDirBusy, LOCK_FILE, lockHolder } from './data-dir-lock.ts';
import { BACKUP_SOCKET, dumpBetweenTransactions } from './pglite-socket.ts';

export type Target = { url: string } | { dataDir: string };

export interface BackupResult {
  kind: 'pglite' | 'postgres';
  bytes: number;
  /** The pid of the running server the PGlite dump came from. */
  viaServer?: number;
}

/** Writes a backup of `target` to `file` (written beside it and renamed, so a failed backup leaves no file). */
export async function backup(target: Target, file: string): Promise<BackupResult> {
  const partial = `${file}.partial`;
  try {
    if ('url' in target) {
      await run('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, target.url]);
      renameSync(partial, file);
      return { kind: 'postgres', bytes: readFileSync(file).length };
    }
    const holder = lockHolder(target.dataDir);
    let dump: Buffer;
    if (holder?.socketDir) dump = await fromServer(join(holder.socketDir, BACKUP_SOCKET));
    else if (holder) throw new DataDirBusy(target.dataDir, holder);
    else dump = await withPglite(target.dataDir, 'backup', (pglite) => dumpBetweenTransactions(pglite));
    writeFileSync(partial, dump);
    renameSync(partial, file);
    return { kind: 'pglite', bytes: dump.length, ...(holder ? { viaServer: holder.pid } : {}) };
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Restores `file` into `target`, which must be empty unless `force`. */
export async function restore(target: Target, file: string, opts: { force?: boolean } = {}): Promise<void> {
  const bytes = readFileSync(file);
  const kind = bytes.subarray(0, 5).toString('latin1') === 'PGDMP' ? 'postgres' : bytes[0] === 0x1f ? 'pglite' : '';
  if (!kind) throw new AppError('bad_input', `${file} 不是 gongkai backup 生成的备份文件`);
  if ('url' in target) {
    if (kind !== 'postgres')
      throw new AppError('bad_input', '这是 PGlite 的备份，只能恢复到 PGlite 数据目录（不设置 DATABASE_URL）');
    const tables = await userTables(target.url);
    if (tables > 0 && !opts.force)
      throw new AppError('conflict', `目标数据库已有 ${tables} 张表：恢复会覆盖它们，确认请加 --force`);
    await run('pg_restore', [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      ...(tables > 0 ? ['--clean', '--if-exists'] : []),
      `--dbname=${target.url}`,
      file,
    ]);
    return;
  }
  if (kind !== 'pglite')
    throw new AppError('bad_input', '这是 PostgreSQL 的备份（pg_dump），只能恢复到 DATABASE_URL 指向的数据库');
  const dir = target.dataDir;
  const holder = lockHolder(dir);
  if (holder) throw new DataDirBusy(dir, holder);
  const present = existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith(LOCK_FILE)) : [];
  if (present.length > 0) {
    if (!opts.force) throw new AppError('conflict', `数据目录 ${dir} 不为空：恢复会替换它，确认请加 --force`);
    renameSync(dir, `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  }
  mkdirSync(dir, { recursive: true });
  const lock = acquireLock(dir, 'restore');
  try {
    const client = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([bytes]) });
    await client.query('select 1');
    await client.close();
  } finally {
    // The dump carries the lock file of the process it came from; the restored directory is held by nobody.
    lock.release();
    rmSync(join(dir, LOCK_FILE), { force: true });
  }
}

async function withPglite<T>(dataDir: string, command: string, fn: (pglite: PGlite) => Promise<T>): Promise<T> {
  const lock = acquireLock(dataDir, command);
  try {
    const client = await PGlite.create(dataDir);
    try {
      return await fn(client);
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

function fromServer(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(path);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () =>
      chunks.length ? resolve(Buffer.concat(chunks)) : reject(new Error('运行中的服务器没有返回备份')),
    );
    socket.on('error', reject);
  });
}

async function userTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/** Runs a PostgreSQL client program; its first error line becomes the error. */
function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new AppError('bad_input', `没有找到 ${program}：请安装 PostgreSQL 客户端（版本不低于服务器）`)
          : error,
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program}：${stderr.trim().split('\n')[0] || `退出码 ${code}`}`)),
    );
  });
}
