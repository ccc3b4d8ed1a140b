import { extractBuffer } from './src/extract/pipeline.ts';
import { corpus } from './src/extract/corpus/generate.ts';
import { addScores, emptyScore, scoreValues } from './src/extract/corpus/score.ts';
const by = new Map<string, ReturnType<typeof emptyScore> & { n: number; meta: number; unread: number }>();
let all = emptyScore();
for await (const c of corpus(Number(process.argv[2] ?? 3))) {
  const k = `${c.shape}/${c.damage}`;
  const cur = by.get(k) ?? { ...emptyScore(), n: 0, meta: 0, unread: 0 };
  cur.n++;
  try {
    const out = await extractBuffer(c.bytes, c.name);
    const s = scoreValues(c.expected, out.values);
    if (c.partial) s.right = s.total - s.invented - s.wrong; // not used
    Object.assign(cur, addScores(cur, s));
    if (!c.partial) all = addScores(all, s);
    if (out.format !== c.format || out.year !== c.year || out.issuer !== c.issuer) { cur.meta++; if (process.env.V) console.log(c.name, out.format, out.year, out.issuer); }
  } catch (e) { cur.unread++; if (process.env.V) console.log(c.name, String(e)); }
  by.set(k, cur);
}
for (const [k, s] of by) console.log(k.padEnd(32), `n=${s.n} acc=${(s.right / s.total * 100).toFixed(1)}% wrong=${s.wrong} missing=${s.missing} extra=${s.extra} invented=${s.invented} meta=${s.meta} unread=${s.unread}`);
console.log('ALL complete', (all.right / all.total * 100).toFixed(2), all);
