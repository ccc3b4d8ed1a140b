import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
for (const mode of ['none', 'gzip', 'none', 'gzip']) {
  const buf = readFileSync(`/tmp/tpl-${mode}.tar`);
  const times = [];
  for (let i = 0; i < 4; i++) { const t = performance.now(); const c = await PGlite.create({ loadDataDir: new Blob([buf]) }); times.push(Math.round(performance.now() - t)); await c.close(); }
  console.log(mode, times.join(' '));
}
