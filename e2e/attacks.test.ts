/**
 * The attack set of issue #19, kept as tests and tried as an attacker tries them: from outside, against a running
 * `gongkai serve` (a real process on a fresh PGlite directory, production mode, behind one trusted proxy) — not
 * the site in this test's process. Memory is read from the server process itself (/proc/<pid>/status).
 * The same attacks in depth, per route, live beside the code in src/web/security/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../src/auth/lockout.ts';
import { type RunningServer, startServer } from '../src/cli/testing-process.ts';
import { streamHostileBody } from '../src/testing/hostile-body.ts';

const MB = 1024 * 1024;
let dir: string;
let server: RunningServer;
let adminPassword: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-attacks-'));
  server = await startServer(dir, [], { GONGKAI_TRUSTED_PROXIES: '1', HOST: '127.0.0.1' });
  const printed = server.errLines.join('\n');
  adminPassword = /一次性密码 (\S+)（/.exec(printed)?.[1] ?? '';
  expect(adminPassword).not.toBe('');
}, 120_000);

afterAll(async () => {
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited.catch(() => undefined);
  }
  rmSync(dir, { recursive: true, force: true });
});

const rssOfServer = () => {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};

/** A visitor's sign-in page: the CSRF cookie and token a form post needs. */
async function loginForm() {
  const res = await fetch(`${server.url}/login`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
  return { cookie, token };
}

describe('attacks on a running server (#19)', () => {
  it('a 1 GB chunked body to a path that does not exist is refused, the server growing by less than 64 MB', async () => {
    const before = rssOfServer();
    const boundary = 'x1GBx';
    const { status, sent } = await streamHostileBody({
      port: server.port,
      path: '/no/such/path',
      type: `multipart/form-data; boundary=${boundary}`,
      opening: `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.pdf"\r\n\r\n`,
    });
    expect([403, 404, 413]).toContain(status);
    expect(sent).toBeLessThan(1024 * MB);
    expect(rssOfServer() - before).toBeLessThan(64 * MB);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it('50 sign-ins, each with a forged X-Forwarded-For, are refused once the account has failed its limit', async () => {
    const { cookie, token } = await loginForm();
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${server.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie,
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': `203.0.113.${i + 1}`,
        },
        body: new URLSearchParams({ _csrf: token, username: 'admin', password: `guess-${i}` }).toString(),
      });
      statuses.push(res.status);
      await res.text();
    }
    expect(statuses.every((s) => s !== 303)).toBe(true);
    // Locked: even the right password, from yet another address, is refused now.
    const right = await fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.77' },
      body: new URLSearchParams({ _csrf: token, username: 'admin', password: adminPassword }).toString(),
    });
    expect(right.status).not.toBe(303);
    expect(await right.text()).toMatch(/锁定|稍后/);
    expect(statuses.length).toBeGreaterThan(MAX_FAILED_LOGINS);
  }, 60_000);

  it.each([
    '/prefs/script?to=hant&back=/\\evil.example',
    '/prefs/script?back=//evil.example/x',
    '/prefs/large?on=1&back=https://evil.example/',
    '/prefs/large?on=1&back=%2F%5Cevil.example',
    '/prefs/script?back=/%0d%0aSet-Cookie:%20x=1',
  ])('never redirects off the site: %s', async (path) => {
    const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.status).toBeLessThan(400);
    const location = res.headers.get('location') ?? '';
    expect(location.startsWith('/')).toBe(true);
    expect(location).not.toMatch(/^\/[\\/]|evil\.example|[\r\n]/);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('x='))).toBe(false);
  });

  it('hostile parameters give a refusal, never a 500, and the server keeps answering', async () => {
    const paths = [
      '/search?q=%00',
      '/search?q=%E0%80%80',
      `/search?q=${'通知'.repeat(2000)}`,
      '/catalog?category=%00',
      '/catalog?page=1e309',
      '/reports?year=1e309',
      '/data?year=-1&format=%00',
      `/catalog/${'9'.repeat(40)}`,
      `/${'a'.repeat(3000)}`,
      '/track?code=%00%00',
      '/apply/lookup?about=%00',
      '/login?next=/console//evil.example',
      '/api/cases/sections/drill?agency=1&year=2025&key=__proto__',
    ];
    for (const path of paths) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      await res.arrayBuffer();
      expect({ path, status: res.status }).toEqual({ path, status: expect.any(Number) });
      expect(res.status, path).toBeLessThan(500);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 60_000);

  it('every page carries the security headers: a CSP without unsafe-inline, no framing, no referrer, nosniff', async () => {
    for (const path of ['/', '/login', '/apply', '/no/such/page']) {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });
});
