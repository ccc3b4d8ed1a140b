/** @jsxImportSource hono/jsx */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { DOWNLOAD_CSP, downloadHeaders } from '../../files.ts';
import { createApp } from '../app.tsx';

const app = () =>
  createApp({
    clock: fixedClock('2026-03-02'),
    secret: 's',
    site: '示范县人民政府',
    log: () => {},
    searchesPerMinute: 3,
    modules: [
      (a) => {
        a.get('/console/cases/1', (c) => c.html('<p>申请人 张三</p>'));
        a.get('/api/cases/1', (c) => c.json({ applicantName: '张三' }));
        a.get('/console/cases/1/attachments/1', (c) =>
          c.body('%PDF-1.4', 200, downloadHeaders({ filename: '身份证.pdf', mediaType: 'application/pdf' })),
        );
        a.get('/guide', (c) => c.html('<p>指南</p>'));
        a.get('/search', (c) => c.html('<p>结果</p>'));
      },
    ],
  });

describe('headers of issue #19', () => {
  it.each(['/console/cases/1', '/api/cases/1'])('%s holds personal data: no-store', async (path) => {
    expect((await app().request(path)).headers.get('cache-control')).toContain('no-store');
  });

  it('a public page may be kept', async () => {
    expect((await app().request('/guide')).headers.get('cache-control') ?? '').not.toContain('no-store');
  });

  it('a download keeps its sandbox CSP, not the site’s', async () => {
    const res = await app().request('/console/cases/1/attachments/1');
    expect(res.headers.get('content-security-policy')).toBe(DOWNLOAD_CSP);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('a page keeps the site’s CSP, which frames nothing', async () => {
    const csp = (await app().request('/guide')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
  });

  it('a page’s CSP allows no inline style or script; referrers are not sent, types not sniffed', async () => {
    for (const path of ['/guide', '/console/cases/1']) {
      const res = await app().request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('a route’s own CSP is kept; a download’s sandbox CSP wins even over a route’s', async () => {
    const a = createApp({
      clock: fixedClock('2026-03-02'),
      secret: 's',
      site: '示范县人民政府',
      log: () => {},
      modules: [
        (x) => {
          x.get('/own', (c) => c.html('<p>x</p>', 200, { 'content-security-policy': "default-src 'none'" }));
          x.get('/file', (c) =>
            c.body('x', 200, { 'content-security-policy': "default-src 'none'", 'content-disposition': 'attachment' }),
          );
        },
      ],
    });
    expect((await a.request('/own')).headers.get('content-security-policy')).toBe("default-src 'none'");
    expect((await a.request('/file')).headers.get('content-security-policy')).toBe(DOWNLOAD_CSP);
  });

  it('searches are limited per visitor', async () => {
    const a = app();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await a.request(`/search?q=${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
