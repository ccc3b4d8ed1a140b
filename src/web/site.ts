/**
 * Assembles the whole web application from its modules: the portal pages, the console, the JSON APIs.
 * The serve command and the browser tests call this; routes stay in their modules.
 */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { adminApi } from '../auth/api.ts';
import { casesApi } from '../cases/api.ts';
import type { CaseEventListener } from '../cases/notify-events.ts';
import { registerDueDateRecompute } from '../cases/recompute.ts';
import { catalogApi } from '../catalog/api.ts';
import type { Clock } from '../clock.ts';
import { type Db, driverOf } from '../db/client.ts';
import type { RoutedDb } from '../db/replica.ts';
import type { Notifier } from '../notify/notifier.ts';
import { standardDirectoryMetrics } from '../standards/directory/view.ts';
import { registerUnitMetrics } from '../supervision/dashboard.ts';
import { createApp } from './app.tsx';
import { authRoutes, loadSession, mustChangePasswordFirst } from './auth.tsx';
import { consoleAccount } from './console/account.tsx';
import { adminTotpFirst, consoleAccountTotp } from './console/account-totp.tsx';
import { consoleAdminAgencies } from './console/admin-agencies.tsx';
import { consoleAdminUsers } from './console/admin-users.tsx';
import { consoleAssists } from './console/assists.tsx';
import { consoleCases } from './console/cases.tsx';
import { consoleCatalog } from './console/catalog.tsx';
import { consoleDataImport } from './console/data-import.tsx';
import { consoleHome } from './console/home.tsx';
import { consoleOutbox } from './console/outbox.tsx';
import { consoleRegister } from './console/register.tsx';
import { consoleRegisterCase } from './console/register-case.tsx';
import { consoleRepeated } from './console/repeated.tsx';
import { type BuildReport, consoleReports } from './console/reports.tsx';
import { consoleStandardDirectory } from './console/standards-directory.tsx';
import { consoleInspection } from './console/standards-inspection.tsx';
import { consoleSupervision } from './console/supervision.tsx';
import { consoleSupervisionAudit } from './console/supervision-audit.tsx';
import { consoleWebsiteReport } from './console/website-report.tsx';
import type { AppEnv } from './env.ts';
import { pageCache } from './page-cache.ts';
import { tagsOfChange, tagsOfPage } from './page-tags.ts';
import { applyPages } from './pages/apply.tsx';
import { catalogPages } from './pages/catalog.tsx';
import { dataPages } from './pages/data.tsx';
import { reportPages } from './pages/reports.tsx';
import { type SiteInfo, staticPages } from './pages/static.tsx';
import type { RateStore } from './security/rate-store.ts';
import { slowLane } from './slow-lane.ts';

export interface SiteOptions {
  db: Db;
  clock: Clock;
  secret?: string;
  info?: Partial<SiteInfo>;
  secureCookies?: boolean;
  /** The public origin behind a reverse proxy (GONGKAI_PUBLIC_URL): QR codes, feeds, sitemap; https makes cookies Secure. */
  publicOrigin?: string;
  trustedProxies?: number;
  publicFormsPerMinute?: number;
  /** Failed sign-ins allowed per client address in 15 minutes (default 30). */
  failedLoginsPerQuarter?: number;
  lookupsPerMinute?: number;
  /** Where rate limits count: memory by default; `databaseRateStore(db)` for instances sharing PostgreSQL. */
  rateStore?: RateStore;
  searchesPerMinute?: number;
  log?: (e: unknown) => void;
  /** Computes an agency's report from cases and the catalog (the report builder's 生成 button). */
  buildReport?: BuildReport;
  /** Tells applicants by e-mail and SMS (src/notify); none by default. */
  notifier?: Notifier;
  /**
   * Administrators must bind a 动态验证码 (TOTP) before any administration: on in production (`gongkai serve`
   * without --demo), off in the demo, whose documented accounts sign in with the password alone.
   */
  adminTotpRequired?: boolean;
  /**
   * Keep rendered public pages for visitors who are not signed in (src/web/page-cache.ts). Default on; the
   * bench turns it off to measure pages rendered fresh (issue #18).
   */
  pageCache?: boolean;
  /**
   * A streaming replica (src/db/replica.ts): the public pages asked for by visitors who are not signed in run
   * inside `onReplica`, so `db` (its routed Db) reads them from the replica.
   */
  readReplica?: Pick<RoutedDb, 'onReplica'>;
  /** Extra modules (console, APIs) mounted after the portal. */
  modules?: ((app: Hono<AppEnv>) => void)[];
}

export const DEFAULT_INFO: SiteInfo = {
  site: '示范县人民政府',
  office: '示范县人民政府办公室（政府信息公开工作机构）',
  address: '示范县人民路1号',
  hours: '工作日 上午8:30—12:00，下午14:30—17:30',
  phone: '0000-1234567',
  email: 'gongkai@example.gov.cn',
};

/** The portal's public pages, served from the page cache to visitors who are not signed in. */
export const PUBLIC_PAGES =
  /^\/(?:guide|rules|catalog|catalog\/\d+|search|reports|reports\/\d+|data|data\/\d+|data\/body\/[^/]+)?$/;

export function createSite(opts: SiteOptions): Hono<AppEnv> {
  // Entering a year's holiday notice in the console recomputes the due dates that depend on it.
  registerDueDateRecompute();
  // The supervision ranking counts each unit's 标准目录 items due and not published (issue #17).
  registerUnitMetrics(standardDirectoryMetrics);
  const info = { ...DEFAULT_INFO, ...opts.info };
  const notifier = opts.notifier;
  const onCaseEvent: CaseEventListener | undefined = notifier
    ? (caseId, event, extra) => notifier.caseEvent(caseId, event, extra)
    : undefined;
  const secureCookies = opts.secureCookies ?? opts.publicOrigin?.startsWith('https:') ?? false;
  return createApp({
    clock: opts.clock,
    secret: opts.secret ?? randomBytes(32).toString('base64url'),
    site: info.site,
    secureCookies,
    publicOrigin: opts.publicOrigin,
    trustedProxies: opts.trustedProxies,
    publicFormsPerMinute: opts.publicFormsPerMinute,
    failedLoginsPerQuarter: opts.failedLoginsPerQuarter,
    lookupsPerMinute: opts.lookupsPerMinute,
    rateStore: opts.rateStore,
    searchesPerMinute: opts.searchesPerMinute,
    log: opts.log,
    session: loadSession({ db: opts.db, clock: opts.clock }),
    pageCache:
      opts.pageCache === false
        ? undefined
        : pageCache(opts.db, { paths: PUBLIC_PAGES, tagsOfPage, tagsOfChange, log: opts.log }),
    modules: [
      (app) => {
        const replica = opts.readReplica;
        if (replica) {
          app.use((c, next) =>
            c.req.method === 'GET' && !c.get('user') && PUBLIC_PAGES.test(c.req.path)
              ? replica.onReplica(next)
              : next(),
          );
        }
        for (const path of ['/console', '/console/*', '/api/*']) {
          app.use(path, mustChangePasswordFirst());
          app.use(path, adminTotpFirst(opts.adminTotpRequired ?? false));
        }
      },
      authRoutes({ db: opts.db, clock: opts.clock, site: info.site, secureCookies }),
      consoleHome({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleReports({ db: opts.db, clock: opts.clock, site: info.site, build: opts.buildReport }),
      staticPages(info),
      reportPages({ db: opts.db, site: info.site }),
      dataPages({ db: opts.db, site: info.site }),
      applyPages({ db: opts.db, clock: opts.clock, site: info.site, onCaseEvent }),
      (app) => {
        // PGlite's one connection: searches one at a time, so they do not hold every other page up.
        if (driverOf(opts.db) === 'pglite')
          for (const path of ['/search', '/api/catalog/search']) app.use(path, slowLane());
      },
      catalogPages({ db: opts.db, clock: opts.clock, site: info.site }),
      (app) => {
        app.route(
          '/api/catalog',
          catalogApi({
            db: opts.db,
            clock: opts.clock,
            title: `${info.site}政府信息公开目录`,
            publicOrigin: opts.publicOrigin,
          }) as never,
        );
        app.route('/api/cases', casesApi({ db: opts.db, clock: opts.clock, onCaseEvent }) as never);
      },
      consoleRegisterCase({ db: opts.db, clock: opts.clock, site: info.site, onCaseEvent }),
      consoleCases({ db: opts.db, clock: opts.clock, site: info.site, onCaseEvent }),
      consoleRegister({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleOutbox({ db: opts.db, clock: opts.clock, site: info.site, notifier }),
      consoleAssists({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleDataImport({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleRepeated({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleAccount({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleAccountTotp({
        db: opts.db,
        clock: opts.clock,
        site: info.site,
        adminTotpRequired: opts.adminTotpRequired ?? false,
      }),
      consoleAdminUsers({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleAdminAgencies({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleInspection({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleStandardDirectory({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleWebsiteReport({ db: opts.db, clock: opts.clock, site: info.site }),
      (app) => app.route('/api/admin', adminApi({ db: opts.db, clock: opts.clock }) as never),
      consoleSupervision({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleSupervisionAudit({ db: opts.db, clock: opts.clock, site: info.site }),
      consoleCatalog({ db: opts.db, clock: opts.clock, site: info.site }),
      ...(opts.modules ?? []),
    ],
  });
}
