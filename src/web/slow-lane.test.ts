import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './env.ts';
import { slowLane } from './slow-lane.ts';

/** An app whose /slow requests wait until released, recording how many are inside at once and their order. */
function world(width: number) {
  const app = new Hono<AppEnv>();
  const release: (() => void)[] = [];
  const entered: number[] = [];
  let inside = 0;
  let most = 0;
  app.use('/slow', slowLane(width));
  app.get('/slow', async (c) => {
    inside++;
    most = Math.max(most, inside);
    entered.push(Number(c.req.query('n')));
    await new Promise<void>((r) => release.push(r));
    inside--;
    return c.text('ok');
  });
  app.get('/fast', (c) => c.text('fast'));
  return { app, release, entered, most: () => most };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('slowLane', () => {
  it('lets `width` slow requests in at once, the others in the order they came, and never holds other pages', async () => {
    const w = world(2);
    const answers = [1, 2, 3, 4, 5].map((n) => w.app.request(`/slow?n=${n}`));
    await tick();
    expect(w.entered).toEqual([1, 2]);
    expect(await (await w.app.request('/fast')).text()).toBe('fast');
    while (w.entered.length < 5 || w.release.length) {
      w.release.shift()?.();
      await tick();
    }
    expect(w.entered).toEqual([1, 2, 3, 4, 5]);
    expect(w.most()).toBe(2);
    expect((await Promise.all(answers)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('frees its place when a request fails', async () => {
    const app = new Hono<AppEnv>();
    app.use('/slow', slowLane(1));
    app.get('/slow', (c) => {
      if (c.req.query('fail')) throw new Error('broken');
      return c.text('ok');
    });
    expect((await app.request('/slow?fail=1')).status).toBe(500);
    expect((await app.request('/slow')).status).toBe(200);
  });
});
