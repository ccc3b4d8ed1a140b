import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, DataDirBusy, LOCK_FILE, lockHolder } from './data-dir-lock.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(run.stdout.toString());
}

describe('the PGlite data directory lock', () => {
  it('names its holder and refuses a second holder', () => {
    const lock = acquireLock(dir, 'serve');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'serve',
    });
    expect(lockHolder(dir)).toMatchObject({ pid: process.pid });
    expect(() => acquireLock(dir, 'import')).toThrow(DataDirBusy);
    expect(() => acquireLock(dir, 'import')).toThrow(`正由进程 ${process.pid}（gongkai serve）使用`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(lockHolder(dir)).toBeUndefined();
  });

  it.each([
    ['a dead process', () => JSON.stringify({ pid: deadPid(), command: 'serve' })],
    ['an unreadable file', () => '{"pid":'],
  ])('takes over a stale lock left by %s', (_name, content) => {
    writeFileSync(join(dir, LOCK_FILE), content());
    expect(lockHolder(dir)).toBeUndefined();
    const lock = acquireLock(dir, 'serve');
    expect(lockHolder(dir)).toMatchObject({ pid: process.pid, command: 'serve' });
    lock.release();
  });

  it('records the socket of a serving process', () => {
    const lock = acquireLock(dir, 'serve');
    lock.update({ socketDir: '/tmp/gongkai-x' });
    expect(lockHolder(dir)).toMatchObject({ pid: process.pid, socketDir: '/tmp/gongkai-x' });
    lock.release();
  });
});
