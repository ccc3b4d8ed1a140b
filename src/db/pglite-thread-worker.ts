/**
 * The worker of ./pglite-thread.ts: opens PGlite on the data directory, makes its commits durable, keeps its
 * reads as named statements, lends it on the socket, and runs what the serving thread asks, in the order asked
 * (PGlite's own locks order them, as they do in one thread).
 */

import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { makeDurable } from './durable.ts';
import { keepStatements } from './pglite-prepared.ts';
import { serveOnSocket } from './pglite-socket.ts';
import { type Answer, type Ask, errorFields, type ThreadOptions } from './pglite-thread-messages.ts';

if (!parentPort) throw new Error('pglite-thread-worker: not a worker thread');
const port = parentPort;
const options = workerData as ThreadOptions;

/** A transaction begun for the serving thread: its handle, and how to end it. */
interface Open {
  tx: Transaction;
  end(commit: boolean): void;
  ended: Promise<unknown>;
}
const open = new Map<number, Open>();
const unlistens = new Map<string, () => Promise<void>>();
/** Identity parsers for the types a caller parses itself, one object per set of types. */
const rawParsers = new Map<string, Record<number, (value: string) => string>>();
const ROLLBACK = Symbol('rollback');

function parsersFor(raw: number[]): Record<number, (value: string) => string> | undefined {
  if (raw.length === 0) return undefined;
  const key = raw.join(',');
  let parsers = rawParsers.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(raw.map((oid) => [oid, (value: string) => value]));
    rawParsers.set(key, parsers);
  }
  return parsers;
}

const answer = (reply: Answer) => port.postMessage(reply);

async function main(): Promise<void> {
  let client: PGlite;
  let socket: Awaited<ReturnType<typeof serveOnSocket>> | undefined;
  try {
    client = await PGlite.create(options.dataDir);
    if (options.durable) makeDurable(client, options.dataDir);
    keepStatements(client);
    socket = options.socketDir ? await serveOnSocket(client, options.socketDir) : undefined;
  } catch (error) {
    answer({ id: 0, error: errorFields(error) });
    return;
  }
  const pglite = client;

  /** PGlite itself, or the open transaction `tx` a statement is asked to run in. */
  const runner = (tx: number | undefined): PGlite | Transaction => {
    const on = tx === undefined ? pglite : open.get(tx)?.tx;
    if (!on) throw new Error(`事务 ${tx} 已结束`);
    return on;
  };

  const handle = async (ask: Ask): Promise<unknown> => {
    switch (ask.op) {
      case 'query': {
        const queryOptions: QueryOptions = { rowMode: ask.rowMode, parsers: parsersFor(ask.raw) };
        if (ask.paramTypes) queryOptions.paramTypes = ask.paramTypes;
        const { rows, fields, affectedRows } = await runner(ask.tx).query(ask.sql, ask.params, queryOptions);
        return { rows, fields, affectedRows };
      }
      case 'exec':
        return (await runner(ask.tx).exec(ask.sql)).map(({ rows, fields, affectedRows }) => ({
          rows,
          fields,
          affectedRows,
        }));
      case 'begin':
        return new Promise<number>((begun, failed) => {
          const ended = pglite.transaction(
            (tx) =>
              new Promise<void>((commit, rollback) => {
                open.set(ask.id, { tx, end: (yes) => (yes ? commit() : rollback(ROLLBACK)), ended });
                begun(ask.id);
              }),
          );
          // A BEGIN that failed never reached the callback.
          ended.catch((error) => {
            if (!open.has(ask.id)) failed(error);
          });
        });
      case 'end': {
        const tx = open.get(ask.tx);
        if (!tx) throw new Error(`事务 ${ask.tx} 已结束`);
        tx.end(ask.commit);
        try {
          await tx.ended;
        } catch (error) {
          if (error !== ROLLBACK) throw error;
        } finally {
          open.delete(ask.tx);
        }
        return null;
      }
      case 'listen': {
        if (!unlistens.has(ask.channel)) {
          const channel = ask.channel;
          unlistens.set(channel, await pglite.listen(channel, (payload) => answer({ id: -1, channel, payload })));
        }
        return null;
      }
      case 'unlisten': {
        const unlisten = unlistens.get(ask.channel);
        unlistens.delete(ask.channel);
        await unlisten?.();
        return null;
      }
      case 'close':
        await socket?.stop();
        await pglite.close();
        return null;
    }
  };

  port.on('message', (ask: Ask) => {
    handle(ask).then(
      (result) => answer({ id: ask.id, result }),
      (error) => answer({ id: ask.id, error: errorFields(error) }),
    );
  });
  answer({ id: 0, result: { socketDir: socket?.dir } });
}

void main();
