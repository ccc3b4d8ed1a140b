/**
 * Latency once every connection is open, beside autocannon's figure for the whole run.
 *
 * autocannon opens its 200 connections at once at the start of a run. Node 20 (libuv ≥ 1.45, libuv PR #3696)
 * accepts one connection per turn of the event loop. On a busy server a turn takes 20–60 ms, so the last
 * connections wait 1–5 s in the kernel's accept queue. Their first requests wait with them. That is up to 200
 * requests, several percent of a five-second run, and it sets p99. `ss -ltn` shows the listening socket holding
 * 40–160 connections in the first second. The server's own timing of the same requests never passed 400 ms.
 * The bench therefore prints a second figure: the requests sent after every connection had had its first
 * answer. Those requests measure the pages, not the burst of connections.
 *
 * @example
 * const steady = onceConnected(200);
 * const r = await autocannon({ ..., setupClient: steady.setupClient });
 * console.log(steady.summary());
 */
import { nearestRank } from './nearest-rank.ts';

export interface Answer {
  /** The connection (its index in the run). */
  client: number;
  /** When the request was sent, ms from the run's start. */
  sentAt: number;
  /** When its answer came, ms from the run's start. */
  answeredAt: number;
}

export interface OnceConnected {
  /** When the last connection had its first answer (ms from the run's start). */
  from: number;
  n: number;
  p50: number;
  p99: number;
}

/** The latencies of the requests sent after every connection had its first answer (none: n 0). */
export function latencyOnceConnected(answers: readonly Answer[], connections: number): OnceConnected {
  const first = new Map<number, number>();
  for (const a of answers)
    if (a.answeredAt < (first.get(a.client) ?? Number.POSITIVE_INFINITY)) first.set(a.client, a.answeredAt);
  if (first.size < connections) return { from: Number.NaN, n: 0, p50: Number.NaN, p99: Number.NaN };
  const from = Math.max(...first.values());
  const latencies = answers.filter((a) => a.sentAt >= from).map((a) => a.answeredAt - a.sentAt);
  return latencies.length
    ? { from, n: latencies.length, p50: nearestRank(latencies, 0.5), p99: nearestRank(latencies, 0.99) }
    : { from, n: 0, p50: Number.NaN, p99: Number.NaN };
}

/** autocannon's `setupClient`, recording every answer; `summary()` reads them. */
export function onceConnected(connections: number): {
  setupClient: (client: { on(event: 'response', fn: (...args: number[]) => void): void }) => void;
  summary(): string;
} {
  const start = performance.now();
  const answers: Answer[] = [];
  let clients = 0;
  return {
    setupClient(client) {
      const index = clients++;
      // autocannon's 'response' event: status, body bytes, latency in ms.
      client.on('response', (_status, _bytes, latency) => {
        const answeredAt = performance.now() - start;
        answers.push({ client: index, sentAt: answeredAt - latency, answeredAt });
      });
    },
    summary() {
      const s = latencyOnceConnected(answers, connections);
      return s.n
        ? `once all ${connections} connections were open (from ${(s.from / 1000).toFixed(1)} s): p50 ${Math.round(s.p50)} ms, p99 ${Math.round(s.p99)} ms of ${s.n}`
        : `the ${connections} connections were not all open before the run ended`;
    },
  };
}
