/**
 * What a scheduled job is: a name, its title in the console's words, and the work, done by calling an
 * existing action (the job owns no domain logic). `run` returns what it did, as counts: the run's audit
 * event and log line carry them.
 */
import type { Clock } from '../clock.ts';
import type { Db, Driver } from '../db/client.ts';

export interface JobDeps {
  db: Db;
  clock: Clock;
}

/** What one run did: counts, and a reason when it did nothing on purpose. */
export type JobResult = Record<string, number | string>;

export interface Job {
  /** The queue's name in pg-boss and the audit event's entity id. */
  name: string;
  /** In the console's words. */
  title: string;
  run(deps: JobDeps): Promise<JobResult>;
  /** Scheduled only on this database (PGlite's upkeep, which a server's autovacuum does); run by hand on either. */
  onlyOn?: Driver;
}

/** Where runs are reported (pino's logger fits). */
export interface JobLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
