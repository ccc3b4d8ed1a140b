/** @jsxImportSource hono/jsx */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { createApp } from './app.tsx';
import { createSite } from './site.ts';

function testApp() {
  return createApp({
    clock: fixedClock('2026-03-02'),
    secret: 'test-secret',
    site: '示范县人民政府',
    log: () => {},
    publicFormsPerMinute: 3,
    modules: [
      (app) => {
        app.get('/', (c) => c.html('<p>首页 政府信息公开</p>'));
        app.get('/boom', () => {
          throw new Error('database exploded at line 42');
        });
        app.get('/secret', () => {
          throw new AppError('forbidden', '无权查看其他机关的申请');
        });
        app.get('/choose', (c) => c.text(z.enum(['upheld', 'corrected']).parse(c.req.query('outcome'))));
        app.post('/apply', (c) => c.text('submitted'));
        app.get('/form', (c) => c.text(c.get('csrfToken')));
      },
    ],
  });
}

async function formToken(app: ReturnType<typeof testApp>) {
  const res = await app.request('/form');
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return { cookie, token: await res.text() };
}

describe('web app shell', () => {
  it('answers an unknown path with a Chinese 404 page', async () => {
    const res = await testApp().request('/no/such/page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('页面不存在');
    expect(html).toContain('/no/such/page');
  });

  it('answers a crash with a 500 page that never shows the stack or the message', async () => {
    const res = await testApp().request('/boom');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('系统出现错误');
    expect(html).not.toContain('exploded');
    expect(html).not.toContain('at ');
  });

  it('answers input a route checked with zod by itself with 400 and a Chinese message, not a crash', async () => {
    const res = await testApp().request('/choose?outcome=x');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('提交的内容有误');
    expect(html).toContain('无效选项');
    expect((await testApp().request('/choose?outcome=upheld')).status).toBe(200);
  });

  it('maps AppError codes to statuses', async () => {
    const res = await testApp().request('/secret');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('无权查看其他机关的申请');
  });

  it('refuses a form post without a CSRF token', async () => {
    const res = await testApp().request('/apply', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a form post whose token belongs to another browser', async () => {
    const app = testApp();
    const a = await formToken(app);
    const b = await formToken(app);
    const res = await app.request('/apply', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: a.cookie },
      body: `_csrf=${encodeURIComponent(b.token)}`,
    });
    expect(res.status).toBe(403);
  });

  it('accepts a form post with the browser own token, then rate-limits', async () => {
    const app = testApp();
    const { cookie, token } = await formToken(app);
    const post = () =>
      app.request('/apply', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: `_csrf=${encodeURIComponent(token)}`,
      });
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(429);
  });

  it('serves the page in Traditional characters after the 繁 switch', async () => {
    const res = await testApp().request('/', { headers: { cookie: 'gk_script=hant' } });
    expect(await res.text()).toContain('首頁 政府信息公開');
  });

  it('only redirects the preference switches to same-site paths', async () => {
    const res = await testApp().request('/prefs/large?on=1&back=//evil.example');
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toContain('gk_large=1');
  });
});

describe('QR code', () => {
  it('puts a QR code of the page address in the footer of portal pages', async () => {
    const site = createSite({ db: undefined as never, clock: fixedClock('2026-03-02'), secret: 's', log: () => {} });
    const html = await (await site.request('http://gov.example/guide')).text();
    expect(html).toContain('aria-label="本页二维码"');
    expect(html).toContain('扫一扫在手机打开当前页');
  });
});
