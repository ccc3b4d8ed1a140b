/**
 * The attack of issue #19: an anonymous 1 GB chunked body, generated as it is sent and never held, to a path
 * that does not exist, to the application form and to the JSON API of a served site. Each is refused and the
 * server's memory (this process: the server runs in it) grows by less than 64 MB.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { streamHostileBody } from '../../testing/hostile-body.ts';
import { createSite } from '../site.ts';

const GB = 1024 * 1024 * 1024;
let t: TestDb;
let server: ReturnType<typeof serve>;
let port: number;

beforeAll(async () => {
  t = await createTestDb();
  const site = createSite({ db: t.db, clock: fixedClock('2026-03-02T10:00:00+08:00'), secret: 's', log: () => {} });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: site.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  await t.close();
});

const hostile = (path: string, type: string, opening: string) => streamHostileBody({ port, path, type, opening });

describe('a 1 GB chunked body is refused with the memory bounded', () => {
  const boundary = 'x1GBx';
  const filePart = `--${boundary}\r\nContent-Disposition: form-data; name="identityFiles"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  it.each([
    ['multipart to a path that does not exist', '/no/such/path', `multipart/form-data; boundary=${boundary}`, filePart],
    ['multipart to the application form', '/apply', `multipart/form-data; boundary=${boundary}`, filePart],
    ['JSON to the API', '/api/cases', 'application/json', '{"subject":"'],
    ['a form to sign-in', '/login', 'application/x-www-form-urlencoded', 'username='],
  ])('%s', async (_name, path, type, opening) => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const { status, sent } = await hostile(path, type, opening);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(GB);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  });
});
