/**
 * The environment, read once. Nothing else in gongkai touches process.env.
 */
import { resolve } from 'node:path';
import { publicOrigin } from './public-url.ts';

export interface Config {
  /** HTTP port of `gongkai serve` (PORT, default 3000). */
  port: number;
  /**
   * The address `gongkai serve` listens on (HOST). Default 127.0.0.1 when GONGKAI_TRUSTED_PROXIES is set (the
   * proxy on the same machine is the only way in: a port open on every interface lets a client go around the
   * proxy and forge X-Forwarded-For), else 0.0.0.0 (every interface).
   */
  host: string;
  /** A PostgreSQL server (DATABASE_URL); when absent gongkai runs embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files (GONGKAI_DATA, default ./data). */
  dataDir: string;
  /** pino level (LOG_LEVEL, default info). */
  logLevel: string;
  /** Secret for session and CSRF tokens (GONGKAI_SECRET); generated per process when absent. */
  secret: string | undefined;
  /**
   * The site's public origin (GONGKAI_PUBLIC_URL, e.g. https://xxgk.example.gov.cn) when it runs behind a reverse
   * proxy: QR codes, feeds and the sitemap give this address, and an https address makes cookies Secure.
   */
  publicOrigin: string | undefined;
  /**
   * How many reverse proxies in front of gongkai append to X-Forwarded-For (GONGKAI_TRUSTED_PROXIES, default 0):
   * the rate limits count the address the nearest of them saw. 0 counts the connection's own address.
   */
  trustedProxies: number;
  /** True under CI=true. */
  ci: boolean;
  /** GONGKAI_DEBUG: print stack traces of CLI errors. */
  debug: boolean;
}

function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 不是有效端口号：${env.PORT}`);
  const trustedProxies = Number(env.GONGKAI_TRUSTED_PROXIES ?? 0);
  if (!Number.isInteger(trustedProxies) || trustedProxies < 0 || trustedProxies > 10)
    throw new Error(`GONGKAI_TRUSTED_PROXIES 应为 0 到 10 的整数：${env.GONGKAI_TRUSTED_PROXIES}`);
  const host = env.HOST || (trustedProxies > 0 ? '127.0.0.1' : '0.0.0.0');
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.GONGKAI_DATA ?? 'data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    secret: env.GONGKAI_SECRET || undefined,
    publicOrigin: env.GONGKAI_PUBLIC_URL ? publicOrigin(env.GONGKAI_PUBLIC_URL) : undefined,
    trustedProxies,
    ci: env.CI === 'true',
    debug: Boolean(env.GONGKAI_DEBUG),
  };
}

export const config: Config = readConfig(process.env);
