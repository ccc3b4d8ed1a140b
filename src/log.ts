/**
 * The one logger (pino, JSON lines on stdout). Level from LOG_LEVEL (config.logLevel); under vitest it is
 * 'silent' unless LOG_LEVEL is set, so tests print nothing.
 *
 * What may be logged: ids, routes, statuses, durations, codes. Never request bodies, query strings, names, ID
 * numbers or phone numbers (the request log, src/web/request-log.ts, logs the route pattern, not the URL).
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { config } from './config.ts';

export type { Logger };

export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = opts.level ?? (config.testing && !config.logLevelSet ? 'silent' : config.logLevel);
  return pino(
    {
      level,
      base: { pid: process.pid },
      serializers: { err: safeError },
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization'], remove: true },
    },
    opts.destination,
  );
}

/** The process's logger. */
export const log: Logger = createLogger();

/**
 * An error's type, message, code and stack, nothing else: a driver error's `detail` and `parameters` can
 * carry the row's values (a name, an ID number).
 */
function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, ...(code ? { code } : {}), stack: error.stack };
}
