/**
 * PGlite in a thread of its own (issue #18). PGlite is PostgreSQL compiled to WebAssembly: every statement runs
 * on the thread that opened it. In `gongkai serve` that was the thread rendering pages, so a page's database
 * work (for a search, about half its CPU: ranking, sorting, PGlite decoding rows) and the next page's rendering
 * took turns on one core. Here the serving process opens PGlite in a worker thread; the pages are rendered
 * while the database works.
 *
 * `PgliteThread` answers what Drizzle's PGlite driver and the change feed ask of a PGlite instance — `query`,
 * `exec`, `transaction`, `listen` — by messages to the worker, so `drizzle(thread)` is a `Db` like any other.
 * The worker's PGlite is the one that is durable (./durable.ts), keeps its reads (./pglite-prepared.ts) and
 * is lent on the socket (./pglite-socket.ts): what runs there is what ran in one thread, in the same order.
 *
 * Differences a caller could see: parsers and serializers must not need the worker (a caller's `parsers` are
 * applied here, to the text the worker leaves unparsed; `serializers` and `blob` are refused), and an error's
 * fields cross but not its class (read `code` and `constraint`, as ./errors.ts does).
 *
 * @example
 * const thread = await openPgliteThread({ dataDir: './data', durable: true, socketDir });
 * const db = drizzle(thread.client, { schema });
 */
import type { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';
import { tsWorker } from '../ts-worker.ts';
import { type Answer, type Ask, errorFrom, type ThreadOptions } from './pglite-thread-messages.ts';

type Parser = (value: string, typeId?: number) => unknown;
type AskBody = Ask extends infer A ? (A extends Ask ? Omit<A, 'id'> : never) : never;

/** The part of a PGlite instance this answers (what drizzle-orm/pglite and ./change-feed.ts use). */
export interface ThreadClient {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(fn: (tx: ThreadTransaction) => Promise<T>): Promise<T>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

export interface ThreadTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
}

export interface PgliteThread {
  /** Pass to drizzle(…) as its PGlite client. */
  client: PGlite;
  /** The thread itself (tests end it to see a lost thread reported). */
  worker: Worker;
  /** The socket directory other commands reach it on, when one was asked for. */
  socketDir?: string;
  /** Closes PGlite (and its socket) and ends the thread. */
  close(): Promise<void>;
}

export interface ThreadEvents {
  /** The thread ended without being closed (a crash, out of memory): every query from now on fails. */
  onLost?(error: Error): void;
}

export async function openPgliteThread(options: ThreadOptions, events: ThreadEvents = {}): Promise<PgliteThread> {
  const worker = tsWorker(new URL('./pglite-thread-worker.ts', import.meta.url), { workerData: options });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let serial = 0;
  let gone: Error | undefined;
  let closing = false;

  const opened = new Promise<{ socketDir?: string }>((resolve, reject) => {
    pending.set(0, { resolve: resolve as (value: unknown) => void, reject });
  });
  worker.on('message', (answer: Answer) => {
    if (answer.channel !== undefined) {
      for (const listener of listeners.get(answer.channel) ?? []) listener(answer.payload);
      return;
    }
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.error) waiting?.reject(errorFrom(answer.error));
    else waiting?.resolve(answer.result);
  });
  const fail = (error: Error) => {
    if (gone) return;
    gone = new Error(`数据库线程已退出：${error.message}`);
    for (const waiting of pending.values()) waiting.reject(gone);
    pending.clear();
    if (!closing) events.onLost?.(gone);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));

  const ask = <T>(body: AskBody): Promise<T> => {
    if (gone) return Promise.reject(gone);
    const id = ++serial;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...body, id });
    });
  };

  const query = async <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}, tx?: number) => {
    if (options.serializers || options.blob || options.onNotice)
      throw new Error('PGlite 线程：serializers、blob、onNotice 不能跨线程使用');
    const parsers = options.parsers as Record<number, Parser> | undefined;
    const raw = parsers ? Object.keys(parsers).map(Number) : [];
    const results = await ask<Results<T>>({
      op: 'query',
      sql,
      params,
      rowMode: options.rowMode,
      raw,
      paramTypes: options.paramTypes,
      tx,
    });
    if (parsers) parseRaw(results, parsers, options.rowMode === 'array');
    return results;
  };
  const exec = (sql: string, tx?: number) => ask<Results[]>({ op: 'exec', sql, tx });

  const client: ThreadClient = {
    query: (sql, params, options) => query(sql, params, options),
    exec: (sql) => exec(sql),
    async transaction(fn) {
      const tx = await ask<number>({ op: 'begin' });
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn({
          query: (sql, params, options) => query(sql, params, options, tx),
          exec: (sql) => exec(sql, tx),
        });
      } catch (error) {
        // The caller's error is the one to report; a thread that cannot roll back is reported by onLost.
        await ask({ op: 'end', tx, commit: false }).catch(() => {});
        throw error;
      }
      await ask({ op: 'end', tx, commit: true });
      return result;
    },
    async listen(channel, callback) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await ask({ op: 'listen', channel });
      }
      set.add(callback);
      return async () => {
        set.delete(callback);
        if (set.size > 0 || listeners.get(channel) !== set) return;
        listeners.delete(channel);
        await ask({ op: 'unlisten', channel });
      };
    },
  };

  let socketDir: string | undefined;
  try {
    ({ socketDir } = await opened);
  } catch (error) {
    // Never opened, so not lost: the caller gets the reason it failed.
    closing = true;
    await worker.terminate();
    throw error;
  }
  return {
    client: client as unknown as PGlite,
    worker,
    socketDir,
    close: async () => {
      closing = true;
      try {
        if (!gone) await ask({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
}

/** The caller's parsers applied to the columns of their types, which the worker left as text. */
function parseRaw(results: Results<unknown>, parsers: Record<number, Parser>, arrays: boolean): void {
  const { fields } = results;
  for (let index = 0; index < fields.length; index++) {
    const { name, dataTypeID } = fields[index];
    const parser = parsers[dataTypeID];
    if (!parser) continue;
    const key = arrays ? index : name;
    for (const row of results.rows as Record<string | number, unknown>[]) {
      const value = row[key];
      if (typeof value === 'string') row[key] = parser(value, dataTypeID);
    }
  }
}
