/**
 * Command-line inputs → the files to read: files as given, directories walked (known extensions),
 * globs (`reports/**\/*.html`, `*.{htm,html}`, `00[0-4]*.txt`) matched while walking — the shell leaves a
 * quoted glob alone, and Node 20 has no fs.glob. Yields paths one at a time in a stable (sorted) order, so
 * a batch of any size is never held in memory.
 */
import { type Dirent, readdirSync, type Stats, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const REPORT_EXTENSIONS = [
  '.txt',
  '.html',
  '.htm',
  '.shtml',
  '.xhtml',
  '.docx',
  '.xlsx',
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
];

export const isReportFile = (name: string) => REPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

const statOrUndefined = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/** Every file under dir, depth first in name order; symbolic links followed, directory loops cut. */
function* walk(dir: string, seen = new Set<string>()): Generator<string> {
  const stat = statOrUndefined(dir);
  if (!stat) return;
  const id = `${stat.dev}:${stat.ino}`;
  if (seen.has(id)) return;
  seen.add(id);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, seen);
    else if (entry.isFile()) yield path;
    else if (entry.isSymbolicLink()) {
      const target = statOrUndefined(path);
      if (target?.isDirectory()) yield* walk(path, seen);
      else if (target?.isFile()) yield path;
    }
  }
}

/** `{a,b}` alternatives, expanded (nested braces too). */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      if (commas.length === 0) return [glob]; // `{x}` is literal
      const head = glob.slice(0, open);
      const tail = glob.slice(i + 1);
      const bounds = [open, ...commas, i];
      return bounds
        .slice(0, -1)
        .flatMap((start, k) => expandBraces(`${head}${glob.slice(start + 1, bounds[k + 1])}${tail}`));
    } else if (ch === ',' && depth === 1) commas.push(i);
  }
  return [glob];
}

/** A glob (without braces) as a regular expression: `**` any path, `*` within a segment, `?` one character, `[…]` a class. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[' && glob.indexOf(']', i + 2) > 0) {
      const end = glob.indexOf(']', i + 2);
      const body = glob
        .slice(i + 1, end)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\');
      re += `[${body}]`;
      i = end;
    } else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const isGlob = (input: string) => /[*?[{]/.test(input);

function* expandGlob(input: string): Generator<string> {
  for (const glob of expandBraces(input)) {
    const wild = glob.search(/[*?[]/);
    if (wild < 0) {
      if (statOrUndefined(glob)?.isFile()) yield glob;
      continue;
    }
    const base = glob.slice(0, wild).replace(/[^/]*$/, '') || '.';
    const pattern = glob.startsWith('./') ? glob.slice(2) : glob;
    const re = globToRegExp(pattern);
    for (const path of walk(base)) {
      const rel = (base === '.' ? relative('.', path) : path).split(sep).join('/');
      if (re.test(rel)) yield path;
    }
  }
}

/**
 * Each file once, however many inputs name it. Only with several inputs are the paths remembered (one
 * directory or glob never yields a file twice), so a batch of one directory keeps nothing.
 */
export function* expandInputs(inputs: string[]): Generator<string> {
  if (inputs.length === 1) {
    yield* expandEach(inputs);
    return;
  }
  const seen = new Set<string>();
  for (const path of expandEach(inputs)) {
    const key = resolve(path);
    if (seen.has(key)) continue;
    seen.add(key);
    yield path;
  }
}

function* expandEach(inputs: string[]): Generator<string> {
  for (const input of inputs) {
    const stat = statOrUndefined(input);
    if (stat?.isDirectory()) {
      for (const path of walk(input)) if (isReportFile(path)) yield path;
    } else if (!stat && isGlob(input)) yield* expandGlob(input);
    else yield input; // a missing file is reported as unreadable by the batch
  }
}
