/**
 * Command-line inputs → the files to read: files as given, directories walked (known extensions),
 * globs (`reports/**\/*.html`, `*.pdf`) matched while walking. Yields paths one at a time, so a batch of
 * any size is never held in memory.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const REPORT_EXTENSIONS = ['.txt', '.html', '.htm', '.shtml', '.xhtml', '.docx', '.pdf'];

const isReportFile = (name: string) => REPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

function* walk(dir: string): Generator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** A glob as a regular expression: `**` any path, `*` within a segment, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function* expandInputs(inputs: string[]): Generator<string> {
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const base = input.slice(0, input.search(/[*?]/)).replace(/[^/]*$/, '') || '.';
      const re = globToRegExp(input.startsWith('./') ? input.slice(2) : input);
      for (const path of walk(base)) {
        const rel = (base === '.' ? relative('.', path) : path).split(sep).join('/');
        if (re.test(rel)) yield path;
      }
      continue;
    }
    let stat: import('node:fs').Stats | undefined;
    try {
      stat = statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      for (const path of walk(input)) if (isReportFile(path)) yield path;
    } else yield input; // a missing file is reported as unreadable by the batch
  }
}
