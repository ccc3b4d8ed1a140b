import type { ChildProcess } from 'node:child_process';

/**
 * The first line a child prints on stdout, as JSON (it may come in several chunks); what follows (the request
 * log, a line per request) is read and dropped. Kept, the log grew a string by tens of MB a run in the bench's
 * own process, which then spent a core searching it while it also drove the load: the server's figures fell
 * from one page kind to the next.
 */
export function firstJsonLine<T>(child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stdout = child.stdout;
    if (!stdout) return reject(new Error('the child has no stdout pipe'));
    let text = '';
    const read = (d: Buffer) => {
      text += String(d);
      const end = text.indexOf('\n');
      if (end < 0) return;
      stdout.off('data', read);
      stdout.resume(); // the rest flows on, unread
      resolve(JSON.parse(text.slice(0, end)) as T);
    };
    stdout.on('data', read);
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before its first line`)));
  });
}
