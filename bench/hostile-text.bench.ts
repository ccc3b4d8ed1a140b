/**
 * Text that once hung the extractor (issue #19): `/ +$/` in line splitting took 23 s on 98 KB and 45–91 s on
 * 195 KB. Each hostile text of 200 KB below is split into lines, repaired and read; target: well under 1 s each,
 * growing linearly (the 400 KB figure about twice the 200 KB one).
 */

import { findPersonalData } from '../src/catalog/pii.ts';
import { htmlToText, sanitizeHtml } from '../src/catalog/sanitize.ts';
import { extractBuffer } from '../src/extract/pipeline.ts';
import { toLines } from '../src/extract/repair/index.ts';

const KB = 1024;
const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

export const HOSTILE_TEXTS: Record<string, (size: number) => string> = {
  'spaces, then text (one line)': (n) => `${fill(' ', n)}x`,
  'spaces and words (one line)': (n) => fill('a           ', n),
  'spaces before a tab': (n) => `${fill(' ', n)}\tx`,
  '字体： then spaces': (n) => `字体：${fill(' ', n)}x`,
  '【字体 then spaces': (n) => `【字体${fill(' ', n)}`,
  '扫 and 】 with spaces': (n) => fill('扫 】  ', n),
  'digits and spaces': (n) => fill('1 2 3 ', n),
  'a table of tabs': (n) => fill('收到申请\t1\t2\t\t\n', n),
  'an id-like run of digits': (n) => fill('1101011990030700', n),
};

function time(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

export default async function benchHostileText(): Promise<void> {
  for (const [name, make] of Object.entries(HOSTILE_TEXTS)) {
    const small = make(200 * KB);
    const large = make(400 * KB);
    const lines = [time(() => toLines(small)), time(() => toLines(large))];
    const t = performance.now();
    await extractBuffer(new TextEncoder().encode(small), 'hostile.txt').catch(() => undefined);
    const read = performance.now() - t;
    const pii = time(() => findPersonalData(small));
    const html = time(() => htmlToText(sanitizeHtml(`<p>${small}</p>`)));
    console.log(
      `${name.padEnd(30)} toLines 200 KB ${lines[0].toFixed(0).padStart(6)} ms, 400 KB ${lines[1].toFixed(0).padStart(6)} ms; ` +
        `whole read ${read.toFixed(0).padStart(6)} ms; personal data ${pii.toFixed(0).padStart(5)} ms; sanitise ${html.toFixed(0).padStart(5)} ms`,
    );
  }
}
