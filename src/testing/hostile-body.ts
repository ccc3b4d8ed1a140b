/**
 * A hostile request body for tests (issue #19): `opening`, then filler in 64 KB chunks (chunked encoding) up to
 * `limit` bytes, generated as it is sent and never held, until the server answers. One chunk a turn of the event
 * loop, so the answer is read as soon as it comes (also when the server runs in the test's own process).
 */
import { request } from 'node:http';

export function streamHostileBody(opts: {
  port: number;
  path: string;
  type: string;
  opening: string;
  limit?: number;
}): Promise<{ status: number; sent: number }> {
  const limit = opts.limit ?? 1024 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const filler = Buffer.alloc(64 * 1024, 0x41);
    let sent = 0;
    let answered: number | undefined;
    const req = request({
      host: '127.0.0.1',
      port: opts.port,
      path: opts.path,
      method: 'POST',
      headers: { 'content-type': opts.type },
    });
    req.on('response', (res) => {
      answered = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve({ status: answered ?? 0, sent });
      });
    });
    req.on('error', (e) => (answered === undefined ? reject(e) : resolve({ status: answered, sent })));
    const pump = () => {
      if (answered !== undefined || req.destroyed) return;
      if (sent >= limit) return void req.end();
      sent += filler.length;
      if (req.write(filler)) setImmediate(pump);
      else req.once('drain', pump);
    };
    req.write(opts.opening);
    pump();
  });
}
