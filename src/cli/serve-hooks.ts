/**
 * What starts and stops with `gongkai serve` besides the web: background jobs (the reminder sweep, session
 * purge) register here. `onStart` runs after the database is migrated and before the port opens; `onStop` runs
 * after the last in-flight request has finished and before the database closes, in reverse order.
 *
 * @example
 * export const reminderJob: ServeHook = {
 *   name: 'reminders',
 *   onStart: ({ db, clock, log }) => { timer = setInterval(() => sweep({ db, clock }), 60_000); },
 *   onStop: () => clearInterval(timer),
 * };
 */
import type { Clock } from '../clock.ts';
import type { Db, Driver } from '../db/client.ts';
import type { Logger } from '../log.ts';

export interface ServeContext {
  db: Db;
  driver: Driver;
  clock: Clock;
  log: Logger;
}

export interface ServeHook {
  name: string;
  onStart?(ctx: ServeContext): void | Promise<void>;
  onStop?(): void | Promise<void>;
}

/** The hooks `gongkai serve` runs; add a job's hook to this list. */
export const serveHooks: ServeHook[] = [];
