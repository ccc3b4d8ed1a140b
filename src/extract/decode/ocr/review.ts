/**
 * The OCR confidence of each extracted value, and the values a person must check. A value's confidence is
 * that of its least certain character in the OCR cell it was read from (found through its provenance: the
 * repaired line and the printed text). A value is reported for review, never silently kept, when
 * - its confidence is below OCR_REVIEW_THRESHOLD (`low_confidence`),
 * - its cell cannot be found among the OCR rows (`not_located`),
 * - a 勾稽关系 rule names its cell in a finding (`rule`),
 * - the template prints the cell but nothing was read for it (`not_read`).
 */
import type { CellValue, Finding, Provenance, TemplateId } from '../../../report/model.ts';
import { keysOf } from '../../../report/templates/index.ts';
import type { OcrCell, OcrRow } from './rows.ts';

/**
 * A value whose least certain character the recogniser gives less than this is reviewed. Measured on a seed's
 * tables rendered, scanned and read back (./scan.test.ts, 2026-12): correctly read figures mostly score
 * 0.85–0.99 (a lone digit scores lower than a word), a digit read from a look-alike letter is capped at 0.5
 * (./rows.ts), and a figure taken from the wrong cell is caught by the rules, not by its confidence.
 */
export const OCR_REVIEW_THRESHOLD = 0.8;

export type ReviewReason = 'low_confidence' | 'not_located' | 'rule' | 'not_read';

export interface ReviewItem {
  key: string;
  reason: ReviewReason;
  /** The value's OCR confidence, when it was located. */
  confidence?: number;
  /** The rule that names the cell (reason `rule`). */
  rule?: string;
}

export interface OcrSummary {
  pages: number;
  /** OCR_REVIEW_THRESHOLD, as applied. */
  threshold: number;
  /** Each value's confidence (0..1), null when its cell was not found among the OCR rows. */
  confidence: Record<string, number | null>;
}

interface Chars {
  text: string;
  conf: number[];
}

/** The cell's characters folded as the repair stage folds them (full-width → half-width), spaces dropped. */
function fold(cell: OcrCell): Chars {
  let text = '';
  const conf: number[] = [];
  [...cell.text].forEach((ch, i) => {
    const folded = ch.normalize('NFKC').replace(/\s+/g, '');
    for (const c of folded) {
      text += c;
      conf.push(cell.charConfidences[i] ?? 0);
    }
  });
  return { text, conf };
}

const compact = (s: string) => s.normalize('NFKC').replace(/[\s|｜]+/g, '');

export class OcrConfidenceIndex {
  private readonly rows: { key: string; cells: Chars[] }[];
  constructor(rows: OcrRow[]) {
    this.rows = rows.map((row) => {
      const cells = row.cells.map(fold);
      return { key: cells.map((c) => c.text).join(''), cells };
    });
  }

  /** The OCR rows that printed the repaired `line`: the same text, else one holding it or held in it. */
  private rowsOf(line: string): Chars[][] {
    const target = compact(line);
    const exact = this.rows.filter((r) => r.key === target);
    if (exact.length) return exact.map((r) => r.cells);
    return this.rows
      .filter((r) => r.key.length > 0 && (r.key.includes(target) || (r.key.length >= 2 && target.includes(r.key))))
      .map((r) => r.cells);
  }

  /**
   * The confidences of figures read from one repaired `line`, in the order the reader took them (left to
   * right): each is matched to the next cell of its row that prints it, so a row of zeros gives each zero
   * its own cell's confidence. A figure not found that way takes the least certain cell that prints it in
   * any candidate row; null when none does.
   */
  confidencesOf(line: string, texts: string[]): (number | null)[] {
    const rows = this.rowsOf(line);
    const values = texts.map(compact);
    for (const cells of rows) {
      let at = 0;
      const found: number[] = [];
      for (const value of values) {
        while (at < cells.length && (!value || cells[at].text.indexOf(value) < 0)) at++;
        if (at >= cells.length) break;
        const i = cells[at].text.indexOf(value);
        found.push(Math.min(...cells[at].conf.slice(i, i + value.length)));
        // A cell may print several figures run together; the next one may come from the same cell.
        if (cells[at].text.length === value.length) at++;
      }
      if (found.length === values.length) return found;
    }
    return values.map((value) => {
      let best: number | null = null;
      for (const cells of rows)
        for (const cell of cells) {
          const i = value ? cell.text.indexOf(value) : -1;
          if (i < 0) continue;
          const c = Math.min(...cell.conf.slice(i, i + value.length));
          best = best === null ? c : Math.min(best, c);
        }
      return best;
    });
  }

  /** The confidence of `text` read alone from `line`. */
  confidenceOf(line: string, text: string): number | null {
    return this.confidencesOf(line, [text])[0];
  }
}

export function reviewOcr(input: {
  format: TemplateId;
  hasTable: boolean;
  values: Record<string, CellValue>;
  provenance: Record<string, Provenance>;
  findings: Finding[];
  lines: string[];
  rows: OcrRow[];
  pages: number;
}): { ocr: OcrSummary; review: ReviewItem[] } {
  const index = new OcrConfidenceIndex(input.rows);
  const confidence: Record<string, number | null> = {};
  const review: ReviewItem[] = [];
  // The figures of each line, in the template's order of keys (the reader's left-to-right order of cells).
  const order = new Map(keysOf(input.format).map((key, i) => [key, i]));
  const byLine = new Map<number, string[]>();
  for (const key of Object.keys(input.values)) {
    const line = input.provenance[key]?.line ?? 0;
    byLine.set(line, [...(byLine.get(line) ?? []), key]);
  }
  for (const [line, keys] of byLine) {
    keys.sort((a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER));
    const found =
      line > 0
        ? index.confidencesOf(
            input.lines[line - 1] ?? '',
            keys.map((key) => input.provenance[key].text),
          )
        : keys.map(() => null);
    keys.forEach((key, i) => {
      const c = found[i];
      confidence[key] = c === null ? null : Math.round(c * 1000) / 1000;
    });
  }
  for (const key of Object.keys(input.values)) {
    const c = confidence[key];
    if (c === null) review.push({ key, reason: 'not_located' });
    else if (c < OCR_REVIEW_THRESHOLD) review.push({ key, reason: 'low_confidence', confidence: c });
  }
  const flagged = new Set(review.map((r) => r.key));
  for (const finding of input.findings)
    for (const key of finding.cells ?? []) {
      if (flagged.has(key)) continue;
      flagged.add(key);
      review.push({
        key,
        reason: 'rule',
        rule: finding.rule,
        ...(key in confidence && confidence[key] !== null ? { confidence: confidence[key] as number } : {}),
      });
    }
  if (input.hasTable)
    for (const key of keysOf(input.format))
      if (!(key in input.values) && !flagged.has(key)) {
        flagged.add(key);
        review.push({ key, reason: 'not_read' });
      }
  return { ocr: { pages: input.pages, threshold: OCR_REVIEW_THRESHOLD, confidence }, review };
}
