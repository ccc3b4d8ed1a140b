/** Reader preferences (./prefs.ts): a page in 简 passes through as it was made; a page in 繁 is converted once. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './env.ts';
import { readPrefs } from './prefs.ts';

function app(page: () => Response) {
  const a = new Hono<AppEnv>();
  a.use(readPrefs());
  a.get('/', () => page());
  return a;
}

describe('readPrefs', () => {
  it('sends a 简 page as the handler made it, not a copy (Hono copies a response and its headers on each set)', async () => {
    const made = new Response('<p>政府信息公开</p>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    const sent = await app(() => made).fetch(new Request('http://x/'));
    expect(sent).toBe(made);
  });

  it('converts a page to 繁 for a visitor who chose it', async () => {
    const made = () => new Response('<p>政府信息公开</p>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    const sent = await app(made).fetch(new Request('http://x/', { headers: { cookie: 'gk_script=hant' } }));
    expect(await sent.text()).toBe('<p>政府信息公開</p>');
  });
});
