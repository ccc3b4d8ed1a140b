/**
 * Issue #12: `gongkai import` beside a running server on PGlite reported success, the site never showed the
 * reports, and the next start aborted: two processes had written one data directory. Now the server holds the
 * directory's lock and lends its PGlite to other commands on a Unix socket.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/client.ts';
import { LOCK_FILE } from '../db/data-dir-lock.ts';
import { annualReports } from '../db/schema/index.ts';
import { migratedPgliteDump } from '../db/testing-pglite.ts';
import { seedsDir } from '../testing/paths.ts';
import { gongkai, type RunningServer, startServer } from './testing-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-serve-'));
const running: RunningServer[] = [];
// The data directory starts migrated (from the test template): a fresh PGlite directory's initdb alone takes
// seconds, and each server start here would pay it.
beforeAll(async () => {
  const client = await PGlite.create({ dataDir: dir, loadDataDir: await migratedPgliteDump() });
  await client.close();
}, 120_000);
afterAll(() => {
  for (const s of running) s.child.kill('SIGKILL');
  for (const path of [dir, `${dir}-restored`, `${dir}.backup`]) rmSync(path, { recursive: true, force: true });
});

async function start(): Promise<RunningServer> {
  const server = await startServer(dir);
  running.push(server);
  return server;
}

async function stop(server: RunningServer) {
  server.child.kill('SIGTERM');
  return server.exited;
}

describe('one PGlite data directory, many commands', { timeout: 300_000 }, () => {
  it('imports through the running server; the reports are there after a restart', async () => {
    let server = await start();
    const imported = await gongkai(dir, ['import', seedsDir, '--no-progress']);
    expect(imported.stderr).toContain('已存入 5 份报告');
    expect(imported.code).toBe(0);

    // The site sees them at once: the import went into the server's own database.
    const page = await fetch(`${server.url}/data`);
    expect(page.status).toBe(200);

    // A backup while it serves comes from the server itself.
    const backedUp = await gongkai(dir, ['backup', join(dir, '..', `${basename(dir)}.backup`)]);
    expect(backedUp.stderr).toContain(`经由运行中的服务进程 ${server.child.pid}`);
    expect(backedUp.code).toBe(0);

    expect((await stop(server)).code).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

    server = await start();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: true });
    const reader = await openDb({ dataDir: dir });
    try {
      expect(reader.viaServer).toBe(server.child.pid);
      expect(await reader.db.$count(annualReports)).toBe(5);
    } finally {
      await reader.close();
    }
    expect((await stop(server)).code).toBe(0);

    // The backup restores into a fresh directory with every report.
    const copy = `${dir}-restored`;
    const restored = await gongkai(copy, ['restore', join(dir, '..', `${basename(dir)}.backup`)]);
    expect(restored.code).toBe(0);
    const fromBackup = await openDb({ dataDir: copy });
    try {
      expect(await fromBackup.db.$count(annualReports)).toBe(5);
    } finally {
      await fromBackup.close();
    }
  });

  it('a second server on the same directory refuses, naming the first one', async () => {
    const first = await start();
    const second = await gongkai(dir, ['serve']);
    expect(second.code).not.toBe(0);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toContain(`正由进程 ${first.child.pid}（gongkai serve）使用`);
    expect(second.stderr).toContain(`in use by pid ${first.child.pid}`);
    expect((await stop(first)).code).toBe(0);
  });

  it('a killed server leaves a stale lock that the next start takes over', async () => {
    const killed = await start();
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);

    const next = await start();
    expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
    const reader = await openDb({ dataDir: dir });
    try {
      expect(await reader.db.$count(annualReports)).toBe(5);
    } finally {
      await reader.close();
    }
    expect((await stop(next)).code).toBe(0);
  });
});

describe('the server in its own process', { timeout: 300_000 }, () => {
  it('SIGTERM during a request: the request completes, the process exits 0, the lock is gone', async () => {
    const server = await start();
    const { request } = await import('node:http');
    // A request still sending its body is in flight until the body ends.
    const response = new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write('username=');
      server.lines.length = 0;
      setTimeout(() => {
        server.child.kill('SIGTERM');
        // The server has begun its shutdown (it logs it) before the request's body is finished.
        const waitForShutdown = setInterval(() => {
          if (server.lines.some((l) => l.includes('shutting down'))) {
            clearInterval(waitForShutdown);
            req.end('staff');
          }
        }, 50);
      }, 500);
    });
    const status = await response;
    expect(status).toBeGreaterThanOrEqual(200);
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(exit.signal).toBeNull();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
