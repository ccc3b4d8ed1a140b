/**
 * The stored tokens and the query's, together in PostgreSQL's full-text match: any characters that stand side by
 * side in a text find it, whatever the segmenter made of them in the text and in the query.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { prng } from '../report/sample.ts';
import { documentTokens, hanRuns, pairsAnywhere, queryTokens } from './search-tokens.ts';

const PHRASES = [
  '各乡镇人民政府要明确专人负责',
  '按照属地管理原则落实监管责任',
  '任命欧阳明月同志为办公室主任',
  '关于做好2025年春耕生产工作的通知',
  '𠀀𠀁王小明',
  '，',
  '。',
  '\n',
  'GDP',
];

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(() => t.close());

const matches = async (doc: string, query: string) =>
  (
    await t.db.execute<{ m: boolean }>(
      sql`select to_tsvector('simple', ${documentTokens(doc)}) @@ to_tsquery('simple', ${query}) as m`,
    )
  ).rows[0].m;

describe('characters side by side', () => {
  it('find the text for every slice of its runs, one to six characters long', async () => {
    const rnd = prng(20);
    for (let i = 0; i < 60; i++) {
      let text = '';
      while (text.length < 20 + rnd() * 120) text += PHRASES[Math.floor(rnd() * PHRASES.length)];
      const runs = hanRuns(text);
      const run = runs[Math.floor(rnd() * runs.length)];
      const from = Math.floor(rnd() * run.length);
      const slice = run.slice(from, from + 1 + Math.floor(rnd() * 6)).join('');
      expect(await matches(text, queryTokens(slice)!), `${slice} in ${JSON.stringify(text)}`).toBe(true);
    }
  });

  it('asked for anywhere (pairsAnywhere), find every text they find side by side', async () => {
    const rnd = prng(21);
    let found = 0;
    for (let i = 0; i < 60; i++) {
      // The phrase the slice is cut from, in the text one time in two.
      const other = PHRASES[Math.floor(rnd() * 4)];
      const text =
        (rnd() < 0.5 ? other : PHRASES[Math.floor(rnd() * PHRASES.length)]) +
        PHRASES[Math.floor(rnd() * PHRASES.length)];
      const runs = hanRuns(other);
      const run = runs[Math.floor(rnd() * runs.length)];
      const from = Math.floor(rnd() * run.length);
      const slice = run.slice(from, from + 1 + Math.floor(rnd() * 6)).join('');
      const inOrder = await matches(text, queryTokens(slice)!);
      const anywhere = await matches(text, pairsAnywhere(slice)!);
      if (inOrder) expect(anywhere, `${slice} in ${JSON.stringify(text)}`).toBe(true);
      if (inOrder) found++;
    }
    // Most texts hold their slice: the property was tried, not skipped.
    expect(found).toBeGreaterThan(20);
  });

  it('do not find a text without them', async () => {
    expect(await matches('任命欧阳明月同志为办公室主任', queryTokens('春耕')!)).toBe(false);
    expect(await matches('任命欧阳明月同志为办公室主任', queryTokens('负')!)).toBe(false);
  });
});
