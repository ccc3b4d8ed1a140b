import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import pino from 'pino';
import { seedCalendar } from '../../calendar-store/index.ts';
import { registerDueDateRecompute } from '../../cases/recompute.ts';
import { systemClock } from '../../clock.ts';
import { config } from '../../config.ts';
import { migrateDb, openDb } from '../../db/client.ts';
import { DEMO_PASSWORD, isEmpty, loadDemo } from '../../demo/county.ts';
import { buildReport } from '../../reports/actions/build-report.ts';
import { createSite } from '../../web/site.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('启动网站：政府信息公开门户与工作平台')
    .option('--demo', '数据库为空时载入演示数据')
    .action(async (opts: { demo?: boolean }) => {
      const log = pino({ level: config.logLevel });
      const { db, driver, close } = await openDb();
      await migrateDb(db);
      await seedCalendar(db, systemClock.now());
      registerDueDateRecompute();
      if (opts.demo && (await isEmpty(db))) {
        log.info('载入演示数据……');
        const result = await loadDemo({ db, clock: systemClock });
        log.info(
          `演示数据：${result.cases} 件申请，${result.reports} 份年度报告；账号 ${result.users.join(', ')}，密码 ${DEMO_PASSWORD}`,
        );
      }
      const app = createSite({
        db,
        clock: systemClock,
        secret: config.secret ?? randomBytes(32).toString('base64url'),
        buildReport,
        publicOrigin: config.publicOrigin,
        trustedProxies: config.trustedProxies,
        log: (error) => log.error(error),
      });
      const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
        console.log(
          `gongkai 已启动（${driver === 'pglite' ? `PGlite：${config.dataDir}` : 'PostgreSQL'}）：http://localhost:${info.port}/`,
        );
        if (opts.demo)
          console.log(
            `工作人员登录：http://localhost:${info.port}/login  账号 admin / head / staff / reviewer / supervisor，密码 ${DEMO_PASSWORD}`,
          );
      });
      const stop = () => {
        server.close();
        void close().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
