/** Paths tests share. `shared/` sits beside the checkout (../shared), in CI as on a developer's machine. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = join(repoRoot, '..', 'shared');
export const seedsDir = join(sharedDir, 'seeds');
export const seedGoldDir = join(sharedDir, 'seeds', 'gold');
export const samplesDir = join(sharedDir, 'samples');
