import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { ensureFirstAdmin } from '../../auth/first-admin.ts';
import { seedCalendar } from '../../calendar-store/index.ts';
import { registerDueDateRecompute } from '../../cases/recompute.ts';
import { systemClock } from '../../clock.ts';
import { config } from '../../config.ts';
import { migrateDb, openDb } from '../../db/client.ts';
import { routedDb } from '../../db/replica.ts';
import { upkeepOnPglite } from '../../db/statistics.ts';
import { DEMO_PASSWORD, isEmpty, loadDemo } from '../../demo/county.ts';
import { startJobsWhenListening } from '../../jobs/start.ts';
import { log } from '../../log.ts';
import { notifierFromConfig } from '../../notify/from-config.ts';
import { buildReport } from '../../reports/actions/build-report.ts';
import { healthz } from '../../web/healthz.ts';
import { databaseRateStore } from '../../web/security/rate-store.ts';
import { createSite } from '../../web/site.ts';
import { type ServeContext, serveHooks } from '../serve-hooks.ts';

/** How long shutdown waits for in-flight requests before closing their connections. */
const DRAIN_MS = 10_000;

export function register(program: Command): void {
  program
    .command('serve')
    .description('启动网站：政府信息公开门户与工作平台')
    .option('--demo', '数据库为空时载入演示数据')
    .action(async (opts: { demo?: boolean }) => {
      const startedAt = Date.now();
      // A second server on the same PGlite directory stops here (src/db/data-dir-lock.ts).
      const { db, driver, close } = await openDb({ command: 'serve' });
      let draining = false;
      const ctx: ServeContext = { db, driver, clock: systemClock, log };
      const started: typeof serveHooks = [];
      let server: Server | undefined;
      let stopJobs: (() => Promise<void>) | undefined;

      // SIGTERM (docker stop, systemd) or SIGINT (Ctrl-C): stop taking connections, let the requests in flight
      // finish, stop the jobs, then close the database (which releases the PGlite lock).
      const shutdown = async (signal: string) => {
        if (draining) return;
        draining = true;
        log.info({ signal }, 'shutting down');
        const force = setTimeout(() => server?.closeAllConnections(), DRAIN_MS);
        force.unref();
        if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
        clearTimeout(force);
        clearInterval(held);
        try {
          await stopJobs?.();
        } catch (error) {
          log.error({ err: error }, 'stopping the jobs failed');
        }
        for (const hook of started.reverse()) {
          try {
            await hook.onStop?.();
          } catch (error) {
            log.error({ err: error, hook: hook.name }, 'stop hook failed');
          }
        }
        await close();
        log.info('stopped');
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      // Under `npm start`, npm takes SIGTERM itself and exits without passing it on: the server, orphaned,
      // notices its parent is gone and shuts down the same way.
      const parent = process.ppid;
      setInterval(() => {
        if (process.ppid !== parent) void shutdown('parent exited');
      }, 1000).unref();

      try {
        await migrateDb(db);
        await seedCalendar(db, systemClock.now());
        registerDueDateRecompute();
        if (opts.demo && (await isEmpty(db))) {
          log.info('载入演示数据……');
          const result = await loadDemo({ db, clock: systemClock });
          log.info(`演示数据：${result.cases} 件申请，${result.reports} 份年度报告`);
        }
        await upkeepOnPglite(db);
        // Production on a new database: one administrator with a one-time password, printed once here.
        const first = opts.demo ? null : await ensureFirstAdmin({ db, clock: systemClock });
        if (first) {
          process.stderr.write(
            `首次启动：已创建系统管理员 ${first.username}，一次性密码 ${first.password}（只显示这一次，登录后须修改）\n`,
          );
        }
        for (const hook of serveHooks) {
          await hook.onStart?.(ctx);
          started.push(hook);
        }
      } catch (error) {
        await close();
        throw error;
      }
      // Off unless GONGKAI_SMTP_URL or GONGKAI_SMS_PROVIDER is set (src/config.ts).
      const notifier = notifierFromConfig(config.notify, {
        db,
        clock: systemClock,
        publicOrigin: config.publicOrigin ?? `http://localhost:${config.port}`,
        log: (error) => log.error(error),
      });
      // SMS held for the quiet hours go out once they end.
      const held = setInterval(() => void notifier.sendHeld().catch((error) => log.error(error)), 60_000);
      held.unref();
      // The portal's public pages read from a streaming replica when one is configured (src/db/replica.ts).
      const replica =
        driver === 'postgres' && config.databaseReplicaUrl
          ? await openDb({ url: config.databaseReplicaUrl })
          : undefined;
      const routed = replica ? await routedDb(db, replica.db) : undefined;
      if (replica) started.push({ name: 'replica', onStop: () => replica.close() });
      const app = createSite({
        db: routed?.db ?? db,
        readReplica: routed,
        clock: systemClock,
        secret: config.secret ?? randomBytes(32).toString('base64url'),
        buildReport,
        publicOrigin: config.publicOrigin,
        trustedProxies: config.trustedProxies,
        // Instances sharing a PostgreSQL database count each visitor's tries together (src/web/security/rate-store.ts).
        rateStore: driver === 'postgres' ? databaseRateStore(db) : undefined,
        modules: [healthz({ db, startedAt, draining: () => draining })],
        notifier,
        // The demo's documented accounts sign in with the password alone; a real install's administrators bind one.
        adminTotpRequired: !opts.demo,
      });
      server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
        log.info({ port: info.port, driver, dataDir: driver === 'pglite' ? config.dataDir : undefined }, 'listening');
        const where = driver === 'pglite' ? `PGlite：${config.dataDir}` : 'PostgreSQL';
        process.stderr.write(`gongkai 已启动（${where}）：http://localhost:${info.port}/\n`);
        if (opts.demo)
          process.stderr.write(
            `工作人员登录：http://localhost:${info.port}/login  账号 admin / head / staff / reviewer / supervisor，密码 ${DEMO_PASSWORD}\n`,
          );
      }) as Server;
      // The scheduled jobs (src/jobs/) start once the port is open and stop with the server.
      stopJobs = startJobsWhenListening(server, {
        db,
        clock: systemClock,
        driver,
        databaseUrl: config.databaseUrl,
        log,
      });
    });
}
