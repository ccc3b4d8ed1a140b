/**
 * The environment, read once. Nothing else in gongkai touches process.env.
 */
import { resolve } from 'node:path';

export interface Config {
  /** HTTP port of `gongkai serve` (PORT, default 3000). */
  port: number;
  /** A PostgreSQL server (DATABASE_URL); when absent gongkai runs embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files (GONGKAI_DATA, default ./data). */
  dataDir: string;
  /** pino level (LOG_LEVEL, default info). */
  logLevel: string;
  /** Secret for session and CSRF tokens (GONGKAI_SECRET); generated per process when absent. */
  secret: string | undefined;
  /** True under CI=true. */
  ci: boolean;
  /** GONGKAI_DEBUG: print stack traces of CLI errors. */
  debug: boolean;
}

function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 不是有效端口号：${env.PORT}`);
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.GONGKAI_DATA ?? 'data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    secret: env.GONGKAI_SECRET || undefined,
    ci: env.CI === 'true',
    debug: Boolean(env.GONGKAI_DEBUG),
  };
}

export const config: Config = readConfig(process.env);
