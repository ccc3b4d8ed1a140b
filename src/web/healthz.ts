/**
 * GET /healthz for a load balancer or `docker compose`: 200 with {status:'ok'} when the database answers,
 * 503 when it does not or the server is shutting down. No personal data, never cached.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { Db } from '../db/client.ts';
import type { AppEnv } from './env.ts';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface HealthOptions {
  db: Db;
  /** When the process started (uptime is counted from it). */
  startedAt: number;
  /** True once shutdown began: answer 503 so the balancer stops sending requests. */
  draining?: () => boolean;
}

export function healthz(opts: HealthOptions) {
  return (app: Hono<AppEnv>) => {
    app.get('/healthz', async (c) => {
      let database = false;
      try {
        await opts.db.execute(sql`select 1`);
        database = true;
      } catch {
        database = false;
      }
      const draining = opts.draining?.() ?? false;
      const ok = database && !draining;
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          status: ok ? 'ok' : draining ? 'stopping' : 'unavailable',
          database,
          version: VERSION,
          uptimeSeconds: Math.round((Date.now() - opts.startedAt) / 1000),
        },
        ok ? 200 : 503,
      );
    });
  };
}
