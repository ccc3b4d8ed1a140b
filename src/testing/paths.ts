/**
 * Paths tests share. The fixtures live in the repository (`fixtures/`), copied from the project's shared
 * folder: the five seed reports with gold, the real reports (PDF, HTML, the Fujian variant of the old table)
 * and the two years of one body's PDF reports. They are public government documents, so a fresh clone with
 * nothing beside it passes its tests.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = join(repoRoot, 'fixtures');
export const seedsDir = join(fixturesDir, 'seeds');
export const seedGoldDir = join(fixturesDir, 'seeds', 'gold');
export const samplesDir = join(fixturesDir, 'samples');
export const realDir = join(fixturesDir, 'real');
export const realGoldDir = join(fixturesDir, 'real', 'gold');
