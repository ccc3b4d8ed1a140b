/**
 * A check on the shape of a regular expression, for tests: two unbounded runs that can take the same character
 * with nothing between them but optional atoms (`\s*\s*`, `\s*[大中小\s]*`, `\s*[【\[]?\s*`) are tried in every
 * split of a long run of that character: quadratic, and worse for each further pair (issue #19: `/ +$/` took
 * 23 s on 98 KB, `字体：` followed by spaces hung the extractor). Groups are taken as opaque atoms; only the
 * common classes (`\s`, `\d`, `\w`, `.`, a literal, a bracket class) are compared.
 */

interface Atom {
  /** What one repetition can take, as a sample: a space, a digit, a letter, or the literal. */
  takes: Set<string>;
  min: number;
  max: number;
}

const SAMPLES = [' ', '\t', '1', 'a', '中', '大', '【', '[', '】', ']', ':', '：', '-'];

function matcherOf(source: string): (ch: string) => boolean {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${source})$`, 'u');
  } catch {
    re = new RegExp(`^(?:${source})$`);
  }
  return (ch) => re.test(ch);
}

/** The top-level atoms of a pattern (no alternation at this level), each with its quantifier. */
function atoms(source: string): Atom[] {
  const out: Atom[] = [];
  let i = 0;
  while (i < source.length) {
    let end = i + 1;
    const c = source[i];
    if (c === '\\') end = i + 2;
    else if (c === '[') {
      end = i + 1;
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
      end++;
    } else if (c === '(') {
      let depth = 0;
      for (end = i; end < source.length; end++) {
        if (source[end] === '\\') end++;
        else if (source[end] === '(') depth++;
        else if (source[end] === ')' && --depth === 0) break;
      }
      end++;
    }
    const body = source.slice(i, end);
    let min = 1;
    let max = 1;
    const q = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})\??/.exec(source.slice(end));
    if (q) {
      const s = q[0][0];
      if (s === '*') [min, max] = [0, Infinity];
      else if (s === '+') [min, max] = [1, Infinity];
      else if (s === '?') [min, max] = [0, 1];
      else {
        min = Number(q[1]);
        max = q[2] ? (q[3] ? Number(q[3]) : Infinity) : min;
      }
      end += q[0].length;
    }
    const isAnchor = body === '^' || body === '$';
    if (!isAnchor) {
      const test = body.startsWith('(') ? () => false : matcherOf(body);
      out.push({ takes: new Set(SAMPLES.filter(test)), min, max });
    }
    i = end;
  }
  return out;
}

/** Splits a pattern at its top-level `|`. */
function alternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** The pairs of unbounded runs in `source` that compete for the same characters; [] when there are none. */
export function competingRuns(source: string): string[] {
  const found: string[] = [];
  for (const alt of alternatives(source)) {
    const list = atoms(alt);
    for (let i = 0; i < list.length; i++) {
      if (list[i].max !== Infinity) continue;
      for (let j = i + 1; j < list.length; j++) {
        const shared = [...list[j].takes].filter((ch) => list[i].takes.has(ch));
        if (list[j].max === Infinity && shared.length)
          found.push(`${alt} (runs ${i} and ${j} both take ${JSON.stringify(shared[0])})`);
        if (list[j].min > 0) break;
      }
    }
  }
  return found;
}
