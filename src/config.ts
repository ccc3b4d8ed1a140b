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
  /**
   * A streaming replica of `databaseUrl` (DATABASE_REPLICA_URL): the public pages visitors who are not signed
   * in ask for are read from it while it has replayed every change announced (src/db/replica.ts); writes,
   * signed-in users and the jobs use the primary. PostgreSQL only.
   */
  databaseReplicaUrl: string | undefined;
  /** Where PGlite keeps its files (GONGKAI_DATA, default ./data). */
  dataDir: string;
  /** pino level (LOG_LEVEL, default info). */
  logLevel: string;
  /** LOG_LEVEL was given (tests log nothing unless it is). */
  logLevelSet: boolean;
  /** Running under vitest (VITEST is set). */
  testing: boolean;
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
  /**
   * Telling applicants by e-mail and SMS (src/notify); both off unless configured. E-mail: GONGKAI_SMTP_URL
   * (smtp://user:pass@host:587 or smtps://…:465) and GONGKAI_MAIL_FROM. SMS (阿里云短信): GONGKAI_SMS_PROVIDER=aliyun,
   * GONGKAI_SMS_ACCESS_KEY_ID, GONGKAI_SMS_ACCESS_KEY_SECRET, GONGKAI_SMS_SIGN_NAME, GONGKAI_SMS_TEMPLATE_CODES
   * (received:SMS_1,correction:SMS_2,extension:SMS_3,fee:SMS_4,reply:SMS_5), GONGKAI_SMS_ENDPOINT (another
   * address of the API), GONGKAI_SMS_QUIET_HOURS (default 21:00-08:00, China time; 'none' for none).
   */
  notify: NotifyConfig;
  /** True under CI=true. */
  ci: boolean;
  /** GONGKAI_DEBUG: print stack traces of CLI errors. */
  debug: boolean;
}

export interface NotifyConfig {
  smtpUrl: string | undefined;
  mailFrom: string;
  sms:
    | {
        provider: 'aliyun';
        accessKeyId: string;
        accessKeySecret: string;
        signName: string;
        endpoint: string | undefined;
        templateCodes: Record<string, string>;
      }
    | undefined;
  quietHours: string;
}

function readNotify(env: NodeJS.ProcessEnv): NotifyConfig {
  const provider = env.GONGKAI_SMS_PROVIDER || undefined;
  if (provider && provider !== 'aliyun') throw new Error(`GONGKAI_SMS_PROVIDER 只支持 aliyun：${provider}`);
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`已设置 GONGKAI_SMS_PROVIDER，还需设置 ${name}`);
    return v;
  };
  const templateCodes = Object.fromEntries(
    (env.GONGKAI_SMS_TEMPLATE_CODES ?? '')
      .split(',')
      .map((pair) => pair.split(':').map((x) => x.trim()))
      .filter((pair) => pair.length === 2 && pair[0] && pair[1]),
  );
  return {
    smtpUrl: env.GONGKAI_SMTP_URL || undefined,
    mailFrom: env.GONGKAI_MAIL_FROM || 'gongkai@localhost',
    sms: provider
      ? {
          provider: 'aliyun',
          accessKeyId: need('GONGKAI_SMS_ACCESS_KEY_ID'),
          accessKeySecret: need('GONGKAI_SMS_ACCESS_KEY_SECRET'),
          signName: need('GONGKAI_SMS_SIGN_NAME'),
          endpoint: env.GONGKAI_SMS_ENDPOINT || undefined,
          templateCodes,
        }
      : undefined,
    quietHours: env.GONGKAI_SMS_QUIET_HOURS || '21:00-08:00',
  };
}

/** pino's levels: LOG_LEVEL is one of these. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * The configuration from `env`. A variable set but empty (`PORT=` in a unit file or a compose file) counts as
 * absent: an empty PORT was port 0 (a random port), an empty GONGKAI_DATA the working directory itself, an empty
 * LOG_LEVEL a crash inside pino before the first line of the log.
 */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 不是有效端口号：${env.PORT}`);
  const trustedProxies = Number(env.GONGKAI_TRUSTED_PROXIES || 0);
  if (!Number.isInteger(trustedProxies) || trustedProxies < 0 || trustedProxies > 10)
    throw new Error(`GONGKAI_TRUSTED_PROXIES 应为 0 到 10 的整数：${env.GONGKAI_TRUSTED_PROXIES}`);
  const host = env.HOST || (trustedProxies > 0 ? '127.0.0.1' : '0.0.0.0');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL 应为 ${LOG_LEVELS.join('、')} 之一：${env.LOG_LEVEL}`);
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    dataDir: resolve(env.GONGKAI_DATA || 'data'),
    logLevel,
    logLevelSet: Boolean(env.LOG_LEVEL),
    testing: Boolean(env.VITEST),
    secret: env.GONGKAI_SECRET || undefined,
    publicOrigin: env.GONGKAI_PUBLIC_URL ? publicOrigin(env.GONGKAI_PUBLIC_URL) : undefined,
    trustedProxies,
    notify: readNotify(env),
    ci: env.CI === 'true',
    debug: Boolean(env.GONGKAI_DEBUG),
  };
}

export const config: Config = readConfig(process.env);
