/**
 * Lines → items: the label text of a line and the values that trail it. Every shape met in the wild ends
 * up here the same way: one cell per line (a label line, then its value lines), tab-separated rows from
 * HTML tables (empty cells are blanks), pipe-separated rows, and space-separated text from PDFs.
 */
import { type Token, valueToken } from './cells.ts';

export interface ValueItem {
  token: Token;
  text: string;
  /** Set when the value is gathered under a label of an earlier line. */
  line?: number;
}

export interface Item {
  /** 1-based line number. */
  line: number;
  label: string;
  values: ValueItem[];
  /** Words printed in the last cell of a tab or pipe row (`列入财政预算`), for rows whose cell may hold words. */
  words?: string;
}

const WORDS = /^[\u4e00-\u9fa5]{2,12}$/;

/**
 * Longer lines are narrative, not table rows (the longest row met, a tab row of repeated merged cells, is
 * under 300 characters); they are read only for sentences.
 */
const MAX_LINE = 800;

function splitCells(line: string): { cells: string[]; keepEmpty: boolean } {
  if (line.includes('\t')) return { cells: line.split('\t'), keepEmpty: true };
  // Most lines have no pipe: not split for one.
  const pipes = line.includes('|') || line.includes('｜') ? line.split(/[|｜]/) : [];
  if (pipes.length >= 3) {
    const inner = pipes.slice(line.trim().startsWith('|') ? 1 : 0, line.trim().endsWith('|') ? -1 : undefined);
    return { cells: inner, keepEmpty: true };
  }
  return { cells: line.trim().split(/\s+/), keepEmpty: false };
}

export function lineItem(text: string, line: number): Item | undefined {
  if (!text.trim() || text.length > MAX_LINE) return undefined;
  const { cells, keepEmpty } = splitCells(text);
  // The trailing run of value cells, each cell's token read once.
  const tokens: Token[] = [];
  let start = cells.length;
  while (start > 0) {
    const cell = cells[start - 1];
    if (!keepEmpty && cell === '') break;
    const token = valueToken(cell);
    if (!token) break;
    tokens.push(token);
    start--;
  }
  tokens.reverse();
  let words: string | undefined;
  if (keepEmpty) {
    // A row whose last cell holds words: `（四）政府信息公开专项经费\t万元\t列入财政预算`.
    let last = cells.length - 1;
    while (last > 0 && cells[last].trim() === '') last--;
    const w = cells[last]?.trim() ?? '';
    if (last > 0 && WORDS.test(w) && cells.slice(0, last).some((c) => c.trim() !== '' && !valueToken(c))) words = w;
  }
  const labelCells = cells.slice(0, start).filter((c) => c.trim() !== '');
  const valueCells = cells.slice(start);
  if (keepEmpty && labelCells.length === 0 && valueCells.every((c) => c.trim() === '')) return undefined;
  return {
    line,
    label: labelCells.map((c) => c.trim()).join(' '),
    values: valueCells.map((c, i) => ({ token: tokens[i], text: c.trim() })),
    ...(words ? { words } : {}),
  };
}

export function toItems(lines: string[]): Item[] {
  const items: Item[] = [];
  lines.forEach((text, i) => {
    const item = lineItem(text, i + 1);
    if (item) items.push(item);
  });
  return items;
}
