import { extractBuffer } from './src/extract/pipeline.ts';
import { corpusCase } from './src/extract/corpus/generate.ts';
import { toLines } from './src/extract/repair/index.ts';
for (const i of [0,1,2]) {
const c = await corpusCase(141 + i, 'one-per-line', 'blanks');
const out = await extractBuffer(c.bytes, c.name);
const lines = toLines(Buffer.from(c.bytes).toString());
for (const [k, v] of Object.entries(c.expected)) if (out.values[k] !== v) { console.log(c.format, k, 'exp', v, 'got', out.values[k], JSON.stringify(out.provenance[k])); const l = out.provenance[k]?.line; if (l) console.log(lines.slice(l - 12, l + 2).join('|')); }
}
