import type { Command } from 'commander';
import { calendarWarnings, seedCalendar } from '../../calendar-store/store.ts';
import { backfillCaseEvents } from '../../cases/case-events.ts';
import { recomputeOpenDueDates } from '../../cases/recompute.ts';
import { rebuildTallies, recountTallies } from '../../cases/tallies.ts';
import { rebuildCatalogTallies, recountCatalogTallies } from '../../catalog/tallies.ts';
import { systemClock } from '../../clock.ts';
import { config } from '../../config.ts';
import { migrateDb, openDb } from '../../db/client.ts';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('更新数据库结构，并补入工作日历中缺少的年份')
    .option('--data <dir>', 'PGlite 数据目录（默认 GONGKAI_DATA 或 ./data；设置 DATABASE_URL 时使用该 PostgreSQL）')
    .action(async (opts: { data?: string }) => {
      const { db, driver, close } = await openDb({ command: 'migrate', ...(opts.data ? { dataDir: opts.data } : {}) });
      try {
        await migrateDb(db);
        const added = await seedCalendar(db, systemClock.now());
        // Stored due dates are a cache of the clock (src/law/case-clock.ts): recomputed under the current
        // rules, each change audited with why (issue 13: no date changes unless the law says it was wrong).
        const recomputed = await db.transaction((tx) =>
          recomputeOpenDueDates(tx, { at: systemClock.now(), actorId: null }),
        );
        // Cases received before the event table are carried into it (issue 13), each one's folded due date
        // checked against the stored one.
        const carried = await backfillCaseEvents(db, systemClock.today());
        // The report's counts kept beside the cases (case_tallies) are recounted from the cases; any set of facts
        // that differs (a table restored alone, a hand edit) is recounted.
        const differences = await recountTallies(db);
        if (differences.length) await rebuildTallies(db);
        // The same for section 二's counts kept beside the catalog (catalog_tallies).
        const catalogDifferences = await recountCatalogTallies(db);
        if (catalogDifferences.length) await rebuildCatalogTallies(db);
        const where = driver === 'postgres' ? 'PostgreSQL（DATABASE_URL）' : `PGlite（${opts.data ?? config.dataDir}）`;
        const lines = [
          `数据库已更新：${where}`,
          added.length > 0 ? `工作日历补入 ${added.length} 年：${added[0]}—${added.at(-1)}` : '工作日历无需补入',
          `答复期限按现行规则核对 ${recomputed.checked} 件：${recomputed.changed} 件变更${
            recomputed.changed
              ? `（${Object.entries(recomputed.reasons)
                  .map(([why, n]) => `${why}：${n} 件`)
                  .join('；')}）`
              : ''
          }`,
          `办理步骤记录：补入 ${carried.carried} 件申请的办理步骤，其中答复期限由步骤推算与原记录不同的 ${carried.changed.length} 件${
            carried.changed.length
              ? `（${[...new Set(carried.changed.map((c) => c.why))].map((why) => `${why}：${carried.changed.filter((c) => c.why === why).length} 件`).join('；')}）`
              : ''
          }`,
          differences.length
            ? `年度报告统计计数：${differences.length} 组与办理记录不一致，已按办理记录重新计数`
            : '年度报告统计计数：与办理记录一致',
          catalogDifferences.length
            ? `主动公开统计计数：${catalogDifferences.length} 组与目录信息不一致，已按目录信息重新计数`
            : '主动公开统计计数：与目录信息一致',
          ...(await calendarWarnings(db, systemClock)).map(
            (w) => `${w.level === 'error' ? '错误' : '提示'}：${w.message}`,
          ),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await close();
      }
    });
}
