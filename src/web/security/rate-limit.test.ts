import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { clientAddress, isProxyAddress, rateLimit } from './rate-limit.ts';

const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const forwarded = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('clientAddress: whom a rate limit counts', () => {
  it.each([
    ['no proxy: the connection, whatever the header says', socket('203.0.113.9'), '198.51.100.1', 0, '203.0.113.9'],
    ['one proxy: the address it appended', socket('127.0.0.1'), '198.51.100.1', 1, '198.51.100.1'],
    [
      'one proxy, a forged entry before it: still the appended one',
      socket('127.0.0.1'),
      '6.6.6.6, 198.51.100.1',
      1,
      '198.51.100.1',
    ],
    [
      'two proxies: the entry the farther one added',
      socket('127.0.0.1'),
      '6.6.6.6, 198.51.100.1, 10.0.0.2',
      2,
      '198.51.100.1',
    ],
    ['more proxies trusted than entries: the first', socket('127.0.0.1'), '198.51.100.1', 3, '198.51.100.1'],
    ['a trusted proxy that sent no header: the connection', socket('127.0.0.1'), '', 1, '127.0.0.1'],
    [
      'a client around the proxy, forging the header: its own connection',
      socket('203.0.113.9'),
      '198.51.100.1',
      1,
      '203.0.113.9',
    ],
    [
      'a proxy on the private network: the address it appended',
      socket('10.0.0.2'),
      '6.6.6.6, 198.51.100.1',
      1,
      '198.51.100.1',
    ],
    ['a proxy over IPv6 loopback', socket('::1'), '198.51.100.1', 1, '198.51.100.1'],
    ['a proxy over IPv4-mapped loopback', socket('::ffff:127.0.0.1'), '198.51.100.1', 1, '198.51.100.1'],
  ])('%s', (_name, env, header, proxies, expected) => {
    expect(clientAddress(forwarded(header), env, proxies)).toBe(expected);
  });
});

describe('rateLimit', () => {
  function limited(methods?: string[]) {
    const app = new Hono();
    app.use(rateLimit({ limit: 2, windowMs: 60_000, methods, trustedProxies: 1 }));
    app.all('/', (c) => c.text('ok'));
    app.onError((e, c) => c.text(e.message, e instanceof AppError && e.code === 'rate_limited' ? 429 : 500));
    return app;
  }
  const from = (address: string, method = 'POST') => ({ method, headers: { 'x-forwarded-for': address } });

  it('counts each client behind the proxy on its own', async () => {
    const app = limited();
    for (let i = 0; i < 2; i++) expect((await app.request('/', from('198.51.100.1'))).status).toBe(200);
    expect((await app.request('/', from('198.51.100.1'))).status).toBe(429);
    expect((await app.request('/', from('198.51.100.2'))).status).toBe(200);
  });

  it('counts only the methods it is given', async () => {
    const app = limited(['GET']);
    for (let i = 0; i < 5; i++) expect((await app.request('/', from('198.51.100.1'))).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await app.request('/', from('198.51.100.1', 'GET'))).status).toBe(200);
    expect((await app.request('/', from('198.51.100.1', 'GET'))).status).toBe(429);
  });
});

describe('rateLimit counting only failures (sign-in)', () => {
  const app = new Hono();
  app.use(rateLimit({ limit: 3, windowMs: 60_000, trustedProxies: 1, countStatus: 401 }));
  app.post('/', (c) => c.text('', c.req.header('x-password') === 'right' ? 303 : 401));
  app.onError((e, c) => c.text(e.message, e instanceof AppError && e.code === 'rate_limited' ? 429 : 500));
  const signIn = (password: string, address = '198.51.100.1') =>
    app.request('/', { method: 'POST', headers: { 'x-forwarded-for': address, 'x-password': password } });

  it('never refuses an office signing in from one address; refuses after the failures’ limit, even the right one', async () => {
    for (let i = 0; i < 20; i++) expect((await signIn('right')).status).toBe(303);
    for (let i = 0; i < 3; i++) expect((await signIn('wrong')).status).toBe(401);
    expect((await signIn('right')).status).toBe(429);
    expect((await signIn('right', '198.51.100.2')).status).toBe(303);
  });
});

describe('isProxyAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['203.0.113.9', false],
    ['2001:db8::1', false],
  ])('%s', (address, expected) => {
    expect(isProxyAddress(address)).toBe(expected);
  });
});

describe('the memory store counts per window from a bucket’s first hit', () => {
  it('counts within the window and starts again after it', async () => {
    const { memoryRateStore } = await import('./rate-store.ts');
    const store = memoryRateStore();
    expect(await store.hit('x', 1_000, 60_000)).toBe(1);
    expect(await store.hit('x', 30_000, 60_000)).toBe(2);
    expect(await store.hit('y', 30_000, 60_000)).toBe(1);
    expect(await store.hit('x', 61_000, 60_000)).toBe(1);
    expect(await store.count('x', 62_000, 60_000)).toBe(1);
    expect(await store.count('x', 122_000, 60_000)).toBe(0);
    expect(await store.count('never', 0, 60_000)).toBe(0);
  });
});
