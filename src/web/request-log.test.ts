import { Writable } from 'node:stream';
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { createLogger } from '../log.ts';
import { createApp } from './app.tsx';
import type { AppEnv } from './env.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';

function app(logger: ReturnType<typeof capture>['logger']) {
  return createApp({
    clock: fixedClock('2026-03-02T02:00:00Z'),
    secret: 'test',
    site: '示范县人民政府',
    logger,
    log: () => {},
    modules: [
      (a: Hono<AppEnv>) => {
        a.post('/things/:id', (c) => c.text('ok'));
        a.get('/raw', () => new Response('built by the handler, as the page cache does'));
        a.get('/boom', () => {
          throw new Error('database went away');
        });
      },
    ],
  });
}

describe('the request log', () => {
  it('one line per request with id, method, route pattern, status and duration; never the query or body', async () => {
    const { lines, logger } = capture();
    const res = await app(logger).request(`/things/42?idNumber=${ID_NUMBER}&phone=${PHONE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ idNumber: ID_NUMBER, name: '张三', phone: PHONE }).toString(),
    });
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const requests = lines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ requestId, method: 'POST', route: '/things/:id', status: res.status });
    expect(typeof requests[0].ms).toBe('number');
    const all = lines.join('\n');
    for (const secret of [ID_NUMBER, PHONE, '张三', 'idNumber', '/things/42']) expect(all).not.toContain(secret);
  });

  it('an unexpected error is logged with the request id', async () => {
    const { lines, logger } = capture();
    const res = await app(logger).request('/boom');
    expect(res.status).toBe(500);
    const requestId = res.headers.get('x-request-id');
    const error = lines.map((l) => JSON.parse(l)).find((e) => e.msg === 'unexpected error');
    expect(error).toMatchObject({ requestId, level: 50, err: { message: 'database went away' } });
  });

  it('sends X-Request-Id on a Response the handler built itself', async () => {
    const { logger } = capture();
    expect((await app(logger).request('/raw')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a well-formed incoming X-Request-Id and replaces a forged one', async () => {
    const { logger } = capture();
    const kept = await app(logger).request('/boom', { headers: { 'x-request-id': 'proxy-abc-12345678' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-abc-12345678');
    const forged = await app(logger).request('/boom', { headers: { 'x-request-id': '<script>x</script>' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
