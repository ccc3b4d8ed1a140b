/**
 * Lends the server's PGlite to other gongkai commands on a Unix socket, in the PostgreSQL wire protocol: while
 * `gongkai serve` runs on a PGlite data directory, `gongkai import` (or demo, migrate, backup) connects to it
 * with `pg` instead of opening the files a second time (./data-dir-lock.ts says why that corrupts them).
 *
 * Written here rather than taken from @electric-sql/pglite-socket (which pins PGlite 0.5.14 as a peer): its
 * queue orders only its own clients, so the server's own queries could run inside a client's open transaction.
 * Here a client holds PGlite's transaction lock from its first message until PGlite answers ReadyForQuery
 * 'idle', so the server's queries and transactions wait for a client's transaction and never mix into it.
 */
import { mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/** pg connects to `<dir>/.s.PGSQL.<port>`; the port is only a name here. */
export const SOCKET_PORT = 5432;
const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;

export interface SocketServer {
  dir: string;
  /** Stops listening and disconnects clients (their open transactions are rolled back). */
  stop(): Promise<void>;
}

/** The socket that answers each connection with a backup of the whole data directory (gzipped tar). */
export const BACKUP_SOCKET = 'backup.sock';

/**
 * Serves `pglite` on `<dir>/.s.PGSQL.5432`, and its backup on `<dir>/backup.sock` (`gongkai backup` while the
 * server runs: the dump is taken between transactions, after a checkpoint).
 */
export async function serveOnSocket(pglite: PGlite, dir: string): Promise<SocketServer> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const protocol = await listen(join(dir, `.s.PGSQL.${SOCKET_PORT}`), (socket) => {
    track(socket);
    attach(pglite, socket);
  });
  const backup = await listen(join(dir, BACKUP_SOCKET), (socket) => {
    track(socket);
    socket.on('error', () => socket.destroy());
    void dumpBetweenTransactions(pglite).then(
      (dump) => socket.end(dump),
      () => socket.destroy(),
    );
  });
  return {
    dir,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([protocol(), backup()]);
      try {
        rmdirSync(dir); // empty now; a kill -9 leaves it, and the next start reuses it
      } catch {
        // not empty or already gone: left as it is
      }
    },
  };
}

/** A consistent dump: no transaction open, a checkpoint written, then PGlite's own dump of its files. */
export async function dumpBetweenTransactions(pglite: PGlite): Promise<Buffer> {
  return pglite._runExclusiveTransaction(async () => {
    await pglite._runExclusiveQuery(() => pglite.execProtocolRaw(simpleQuery('CHECKPOINT'), { syncToFs: true }));
    return Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
  });
}

async function listen(path: string, onConnection: (socket: Socket) => void): Promise<() => Promise<void>> {
  rmSync(path, { force: true });
  const server: Server = createServer(onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        rmSync(path, { force: true });
        resolve();
      });
    });
}

function attach(pglite: PGlite, socket: Socket): void {
  let buffer = Buffer.alloc(0);
  let started = false;
  let chain = Promise.resolve();
  /** Set while this client holds PGlite's transaction lock; calling it lets the server's queries run again. */
  let release: (() => void) | undefined;

  const hold = async () => {
    if (release) return;
    await new Promise<void>((held) => {
      void pglite._runExclusiveTransaction(
        () =>
          new Promise<void>((done) => {
            release = () => {
              release = undefined;
              done();
            };
            held();
          }),
      );
    });
  };

  const run = async (message: Uint8Array) => {
    await hold();
    const reply = await pglite._runExclusiveQuery(() => pglite.execProtocolRaw(message, { syncToFs: true }));
    if (reply.length && socket.writable) socket.write(reply);
    const status = readyStatus(reply);
    if (status === 'I') release?.();
  };

  const close = async () => {
    if (!release) return;
    // The client left inside a transaction: undo it before the server's queries run again.
    await pglite._runExclusiveQuery(() => pglite.execProtocolRaw(simpleQuery('ROLLBACK'), { syncToFs: true }));
    release?.();
  };

  socket.on('data', (data: Buffer) => {
    buffer = Buffer.concat([buffer, data]);
    for (;;) {
      const message = next();
      if (!message) break;
      if (message === 'skip') continue;
      chain = chain
        .then(() => run(message))
        .catch(() => {
          socket.destroy();
        });
    }
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    chain = chain.then(close).catch(() => release?.());
  });

  /** The next whole message, 'skip' for one answered here, undefined until more bytes come. */
  function next(): Uint8Array | 'skip' | undefined {
    if (!started) {
      if (buffer.length < 8) return undefined;
      const length = buffer.readInt32BE(0);
      if (buffer.length < length) return undefined;
      const code = buffer.readInt32BE(4);
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (code === SSL_REQUEST) {
        socket.write('N');
        return 'skip';
      }
      if (code === CANCEL_REQUEST) return 'skip';
      started = true;
      return new Uint8Array(message);
    }
    if (buffer.length < 5) return undefined;
    const length = 1 + buffer.readInt32BE(1);
    if (buffer.length < length) return undefined;
    const message = buffer.subarray(0, length);
    buffer = buffer.subarray(length);
    if (message[0] === 0x58 /* X: Terminate */) {
      socket.end();
      return 'skip';
    }
    return new Uint8Array(message);
  }
}

/** The status of the last ReadyForQuery ('Z') in a reply: 'I' idle, 'T' in a transaction, 'E' failed one. */
export function readyStatus(reply: Uint8Array): string | undefined {
  let status: string | undefined;
  let at = 0;
  const view = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  while (at + 5 <= view.length) {
    const type = view[at];
    const length = view.readInt32BE(at + 1);
    if (type === 0x5a && length === 5) status = String.fromCharCode(view[at + 5]);
    at += 1 + length;
  }
  return status;
}

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message[0] = 0x51; // Q
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return new Uint8Array(message);
}
