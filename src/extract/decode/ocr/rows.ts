/**
 * Text boxes → lines in reading order: boxes whose vertical centres lie within half a typical box height of a
 * row's centre make one row; a row's boxes are its cells from left to right, joined by tabs (the reader's cell
 * separator, ../../read/items.ts). Rows go top to bottom, pages one after another. Each cell keeps its
 * character confidences so a value read from it can carry them (./confidence.ts).
 */
import type { OcrBox } from './recognize.ts';

export interface OcrCell {
  text: string;
  charConfidences: number[];
}

export interface OcrRow {
  page: number;
  cells: OcrCell[];
}

/**
 * Letters the recogniser gives for digits in a cell that is otherwise a number (`o` for 0, `l` for 1). They
 * are read as the digit, but such a character counts as uncertain: its confidence is capped at this, below
 * the review threshold (./review.ts), so the value is reviewed.
 */
export const SUBSTITUTED_CHAR_CONFIDENCE = 0.5;
const DIGIT_LOOKALIKES: Record<string, string> = { o: '0', O: '0', D: '0', l: '1', I: '1', '|': '1' };

/** A cell of digits with a look-alike letter among them → the digits, the letters' confidence capped. */
export function repairDigits(cell: OcrCell): OcrCell {
  const chars = [...cell.text];
  if (chars.length > 12 || !chars.some((c) => c in DIGIT_LOOKALIKES)) return cell;
  if (!chars.every((c) => /[0-9.,-]/.test(c) || c in DIGIT_LOOKALIKES)) return cell;
  if (!chars.some((c) => /[0-9]/.test(c)) && chars.length > 1) return cell;
  return {
    text: chars.map((c) => DIGIT_LOOKALIKES[c] ?? c).join(''),
    charConfidences: chars.map((c, i) =>
      c in DIGIT_LOOKALIKES
        ? Math.min(SUBSTITUTED_CHAR_CONFIDENCE, cell.charConfidences[i] ?? 0)
        : (cell.charConfidences[i] ?? 0),
    ),
  };
}

/** A box joins a row when its centre is this fraction of the median box height from the row's centre. */
export const ROW_CENTRE_TOLERANCE = 0.5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

export function boxesToRows(boxes: OcrBox[], page = 1): OcrRow[] {
  if (boxes.length === 0) return [];
  const tolerance = ROW_CENTRE_TOLERANCE * median(boxes.map((b) => b.y1 - b.y0));
  const byCentre = [...boxes].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  const rows: { centre: number; boxes: OcrBox[] }[] = [];
  for (const box of byCentre) {
    const centre = (box.y0 + box.y1) / 2;
    const row = rows.at(-1);
    if (row && Math.abs(centre - row.centre) <= tolerance) {
      row.boxes.push(box);
      row.centre += (centre - row.centre) / row.boxes.length;
    } else rows.push({ centre, boxes: [box] });
  }
  return rows.map((row) => ({
    page,
    cells: row.boxes
      .sort((a, b) => a.x0 - b.x0)
      .map((b) => repairDigits({ text: b.text.replace(/\t/g, ' '), charConfidences: b.charConfidences })),
  }));
}

export function rowsToText(rows: OcrRow[]): string {
  return rows.map((row) => row.cells.map((c) => c.text).join('\t')).join('\n');
}
