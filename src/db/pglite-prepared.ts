/**
 * Named prepared statements for PGlite (issue #18). PGlite's `query()` sends every statement as an unnamed one,
 * in six calls into its WebAssembly backend (parse, describe, bind, describe, execute, sync): each time the
 * statement is parsed, analysed and planned again. On a portal page that was a third of the database's time
 * (an item page: 0.39 ms planning, 0.28 ms executing, 0.3 ms in the calls).
 *
 * `keepStatements` makes the client's `query()` keep each read it runs as a named statement (parsed once,
 * its parameter types described once) and run it again with one call: bind, describe, execute, sync. After
 * five runs PostgreSQL's plan cache may keep a generic plan (plan_cache_mode = auto), as it does for any
 * prepared statement on a server. At most KEPT statements are kept; the least recently used is closed.
 *
 * Only reads (`select`, `with`) on the client itself take this path (not those inside `transaction()`);
 * anything else, or a statement PGlite can't keep (an error when it is parsed or run: a bad parameter, a
 * statement dropped by DISCARD from a socket client, a table changed under it), is run as before by PGlite's
 * own `query()`, which reports the error in its usual form. Only a statement the backend refused (which had no
 * effect) or one never sent is run again that way; once a statement has run, its result or error is the caller's.
 * Its result is read off the wire (./pg-wire-results.ts), not by PGlite's parser, which copies every value.
 */
import { type PGlite, parse, protocol, type QueryOptions, type Results } from '@electric-sql/pglite';
import { readWireResult } from './pg-wire-results.ts';

/** Statements kept at the most (the portal's reads are a few dozen; dynamic lists make more). */
export const KEPT = 256;

const READ = /^\s*(?:select|with)\b/i;
/**
 * A statement that may notify: its output is left to PGlite, which hands notifications to its listeners only
 * when it parses them itself (a read's own output is read off the wire here, ./pg-wire-results.ts).
 */
const NOTIFIES = /notify/i;

interface Kept {
  name: string;
  /** The parameters' types, as the backend described them. */
  types: number[];
}

export interface KeptStatements {
  /** Statements kept now (tests). */
  size(): number;
}

const keeping = new WeakMap<PGlite, KeptStatements>();

/** Keeps `client`'s reads as named statements from now on (once per client: a second call returns the first). */
export function keepStatements(client: PGlite, most = KEPT): KeptStatements {
  const already = keeping.get(client);
  if (already) return already;
  const plain = client.query.bind(client) as PGlite['query'];
  const kept = new Map<string, Kept>();
  let serial = 0;
  const { serialize } = protocol;
  const call = async (parts: Uint8Array[]) =>
    (await client.execProtocol(Buffer.concat(parts), { syncToFs: false })).messages;
  /** Closes a statement in the backend; one already gone is no matter. */
  const close = (name: string) => call([serialize.close({ type: 'S', name }), serialize.sync()]).catch(() => {});
  /** The backend's output as it comes, unparsed (copied: PGlite reuses the memory it lends). */
  const callRaw = async (parts: Uint8Array[]) => {
    const chunks: Buffer[] = [];
    await client.execProtocolRawStream(Buffer.concat(parts), {
      syncToFs: false,
      onRawData: (data) => chunks.push(Buffer.from(data)),
    });
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  };
  /** Messages by PGlite's own parser (what the wire reader leaves). */
  const messagesOf = (bytes: Buffer) => {
    const messages: Parameters<typeof parse.parseResults>[0] = [];
    new protocol.Parser().parse(bytes, (message) => messages.push(message));
    return messages;
  };

  const prepare = async (text: string, options?: QueryOptions): Promise<Kept> => {
    const name = `gongkai_${++serial}`;
    const described = await call([
      serialize.parse({ name, text, types: options?.paramTypes }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    ]);
    const statement = { name, types: parse.parseDescribeStatementResults(described) };
    kept.set(text, statement);
    if (kept.size > most) {
      const [oldest, dropped] = kept.entries().next().value as [string, Kept];
      kept.delete(oldest);
      await close(dropped.name);
    }
    return statement;
  };

  const run = async <T>(text: string, params: unknown[], options?: QueryOptions): Promise<Results<T> | undefined> => {
    let statement = kept.get(text);
    let output: Buffer;
    // Refused before it ran, or by the backend (a statement that fails has no effect): run by PGlite itself
    // (below), which reports the error in its own form; the statement is forgotten.
    const refused = async () => {
      if (statement && kept.get(text) === statement) {
        kept.delete(text);
        await close(statement.name);
      }
      return undefined;
    };
    try {
      if (statement) {
        // Most recently used last: the first entry is the one to close.
        kept.delete(text);
        kept.set(text, statement);
      } else statement = await prepare(text, options);
      const { name, types } = statement;
      const values = params.map((param, i) => {
        if (param === null || param === undefined) return null;
        const serializer = options?.serializers?.[types[i]] ?? client.serializers[types[i]];
        return serializer ? serializer(param) : String(param);
      });
      output = await callRaw([
        serialize.bind({ statement: name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]);
    } catch {
      return refused();
    }
    const read = readWireResult(output, parserOf(options), options?.rowMode);
    if (read && 'refused' in read) return refused();
    // It ran: whatever fails from here is thrown, never run a second time.
    await client.syncToFs();
    return (read ?? parse.parseResults(messagesOf(output), client.parsers, options)[0]) as Results<T>;
  };
  /** A column's parser: the caller's for its type, or the client's. */
  const parserOf = (options?: QueryOptions) => (typeId: number) => options?.parsers?.[typeId] ?? client.parsers[typeId];

  client.query = (async <T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> => {
    if (!READ.test(text) || NOTIFIES.test(text) || options?.blob) return plain<T>(text, params, options);
    // Both of PGlite's locks, as its own query() takes them: no transaction (PGlite's, or a socket client's,
    // ./pglite-socket.ts) is open while the statement runs.
    const result = await client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(() => run<T>(text, params, options)),
    );
    return result ?? plain<T>(text, params, options);
  }) as PGlite['query'];
  const store = { size: () => kept.size };
  keeping.set(client, store);
  return store;
}
