/** The pure parts of OCR: CTC decoding, boxes into rows, digit look-alikes, confidence and review. */
import { describe, expect, it } from 'vitest';
import { ctcDecode } from './ctc.ts';
import type { OcrBox } from './recognize.ts';
import { OCR_REVIEW_THRESHOLD, OcrConfidenceIndex, reviewOcr } from './review.ts';
import { boxesToRows, repairDigits, rowsToText, SUBSTITUTED_CHAR_CONFIDENCE } from './rows.ts';

const DICT = ['a', 'b', '1'];

/** Steps of one-hot-ish probabilities over blank + DICT. */
function steps(classes: number[], p = 0.9): Float32Array {
  const out = new Float32Array(classes.length * 4).fill((1 - p) / 3);
  classes.forEach((c, t) => {
    out[t * 4 + c] = p;
  });
  return out;
}

describe('ctcDecode', () => {
  it('collapses repeats, drops blanks, keeps a repeat split by a blank, with each character’s probability', () => {
    const r = ctcDecode(steps([1, 1, 0, 1, 2, 0, 3, 3]), 8, 4, DICT);
    expect(r.text).toBe('aab1');
    expect(r.charConfidences).toHaveLength(4);
    expect(r.charConfidences[0]).toBeCloseTo(0.9);
  });
});

const box = (x0: number, y0: number, text: string, conf = 0.99): OcrBox => ({
  x0,
  y0,
  x1: x0 + 20 * text.length,
  y1: y0 + 20,
  text,
  charConfidences: [...text].map(() => conf),
});

describe('boxesToRows', () => {
  it('groups boxes into rows by their vertical centres and orders cells left to right', () => {
    const rows = boxesToRows([
      box(300, 103, '5'),
      box(10, 100, '行政许可'),
      box(200, 98, '3'),
      box(10, 140, '行政处罚'),
    ]);
    expect(rowsToText(rows)).toBe('行政许可\t3\t5\n行政处罚');
  });

  it('reads a cell of digits with a look-alike letter as digits, and counts that character as uncertain', () => {
    const cell = repairDigits({ text: '1o', charConfidences: [0.99, 0.98] });
    expect(cell.text).toBe('10');
    expect(cell.charConfidences).toEqual([0.99, SUBSTITUTED_CHAR_CONFIDENCE]);
    expect(repairDigits({ text: 'lo', charConfidences: [1, 1] }).text).toBe('lo'); // no digit: a word
    expect(repairDigits({ text: '行政', charConfidences: [1, 1] }).text).toBe('行政');
  });
});

describe('OCR confidence and review', () => {
  const rows = boxesToRows([box(10, 100, '行政许可'), box(200, 100, '12', 0.99), box(300, 100, '7', 0.6)]);

  it('gives a value the confidence of its least certain character in the cell it was read from', () => {
    const index = new OcrConfidenceIndex(rows);
    expect(index.confidenceOf('行政许可\t12\t7', '12')).toBeCloseTo(0.99);
    expect(index.confidenceOf('行政许可\t12\t7', '7')).toBeCloseTo(0.6);
    expect(index.confidenceOf('别的行', '9')).toBeNull();
  });

  it('reports uncertain, unlocated, rule-breaking and unread cells for review', () => {
    const { ocr, review } = reviewOcr({
      format: 'new2019',
      hasTable: true,
      values: { 's20_5.licensing.prev': 12, 's20_5.licensing.change': 7, 'apply.received.total': 4 },
      provenance: {
        's20_5.licensing.prev': { line: 1, text: '12' },
        's20_5.licensing.change': { line: 1, text: '7' },
        'apply.received.total': { line: 2, text: '4' },
      },
      findings: [
        {
          rule: 'r',
          severity: 'error',
          cells: ['s20_5.licensing.prev'],
          expected: 1,
          actual: 2,
          message: '',
        },
      ],
      lines: ['行政许可\t12\t7', '无此行\t4'],
      rows,
      pages: 1,
    });
    const reason = Object.fromEntries(review.map((r) => [r.key, r.reason]));
    expect(ocr.threshold).toBe(OCR_REVIEW_THRESHOLD);
    expect(reason['s20_5.licensing.change']).toBe('low_confidence');
    expect(reason['apply.received.total']).toBe('not_located');
    expect(reason['s20_5.licensing.prev']).toBe('rule');
    expect(reason['s20_5.licensing.decisions']).toBe('not_read');
    expect(ocr.confidence['apply.received.total']).toBeNull();
  });
});
