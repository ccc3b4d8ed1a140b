import { describe, expect, it } from 'vitest';
import { latencyOnceConnected } from './once-connected.ts';

describe('latencyOnceConnected', () => {
  it('counts only the requests sent after the last connection had its first answer', () => {
    const answers = [
      // connection 0: answered at once, then steady 10 ms answers
      { client: 0, sentAt: 0, answeredAt: 10 },
      { client: 0, sentAt: 10, answeredAt: 20 },
      { client: 0, sentAt: 2000, answeredAt: 2010 },
      { client: 0, sentAt: 2010, answeredAt: 2030 },
      // connection 1: accepted late, its first request waited 1,500 ms
      { client: 1, sentAt: 0, answeredAt: 1500 },
      { client: 1, sentAt: 1500, answeredAt: 1540 },
      { client: 1, sentAt: 1540, answeredAt: 1550 },
    ];
    const s = latencyOnceConnected(answers, 2);
    expect(s.from).toBe(1500);
    expect(s.n).toBe(4);
    expect(s.p50).toBe(10);
    expect(s.p99).toBe(40);
  });

  it('says so when a connection never had an answer', () => {
    expect(latencyOnceConnected([{ client: 0, sentAt: 0, answeredAt: 5 }], 2).n).toBe(0);
  });

  it('takes the slowest of a hundred as p99', () => {
    const answers = Array.from({ length: 100 }, (_, i) => ({ client: 0, sentAt: i * 10, answeredAt: i * 10 + i + 1 }));
    const s = latencyOnceConnected(answers, 1);
    expect(s.from).toBe(1);
    expect(s.n).toBe(99);
    expect(s.p99).toBe(100);
    expect(s.p50).toBe(51);
  });
});
