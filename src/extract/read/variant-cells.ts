/**
 * A local variant's rows run together into one cell (a crawler's text: `主动公开文件数条294981916其中：1、政府网站
 * 公开数条2949819162、政府公报公开数条00…`): cut back into label, unit and the row's run of figures, which the
 * variant reader then splits by the table's arithmetic (run-together.ts) or leaves out.
 *
 * The next row's number is glued to the figures (`…819162、政府公报公开数`): it is taken off only where it is
 * the number the next row must carry (the current row's number plus one, or 1 after an unnumbered row);
 * otherwise the run is marked unreadable, so a digit is never given to the wrong row.
 */

/** The number a row label starts with (`其中：1、`, `2.`), if any. */
function rowNumber(label: string): number | undefined {
  const m = /^(?:其中[:：]?)?(\d{1,2})[、.．]/.exec(label);
  return m ? Number(m[1]) : undefined;
}

/** Marks a run of figures that cannot be told from the next row's number: not a number, so never read. */
export const UNREADABLE_RUN = '?';

/**
 * The cells of one whitespace-free piece of text: for every `unit` followed by digits, the label before it,
 * the unit and the digits as three cells. Text with no unit followed by digits is returned whole.
 */
export function splitGluedRows(text: string, units: readonly string[]): string[] {
  return gluedRowSplitter(units)(text);
}

/** splitGluedRows for one set of units, its pattern built once (a table has many cells). */
export function gluedRowSplitter(units: readonly string[]): (text: string) => string[] {
  const alternatives = [...units].sort((a, b) => b.length - a.length).join('|');
  const unitThenDigits = new RegExp(`(${alternatives})(\\d+(?:\\.\\d+)?)`, 'gu');
  const unitBeforeDigit = new RegExp(`(?:${alternatives})\\d`, 'u');
  return (text) => (unitBeforeDigit.test(text) ? split(text, unitThenDigits) : [text]);
}

function split(text: string, unitThenDigits: RegExp): string[] {
  unitThenDigits.lastIndex = 0;
  const out: string[] = [];
  let from = 0;
  for (let m = unitThenDigits.exec(text); m !== null; m = unitThenDigits.exec(text)) {
    const label = text.slice(from, m.index);
    let digits = m[2];
    let end = m.index + m[0].length;
    // `…00` then `2、政府公报公开数`: the next row's number is glued to this row's figures.
    if (/^[、.．]\D/u.test(text.slice(end, end + 2))) {
      const next = String((rowNumber(label) ?? 0) + 1);
      if (digits.length > next.length && digits.endsWith(next)) {
        digits = digits.slice(0, -next.length);
        end -= next.length;
      } else digits += UNREADABLE_RUN;
    }
    if (label) out.push(label);
    out.push(m[1], digits);
    from = end;
    unitThenDigits.lastIndex = end;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}
