/**
 * CTC greedy decoding of a PP-OCR recognition output (softmax over the dictionary for each time step): the
 * best class per step, repeats collapsed, blanks (class 0) dropped; each character keeps the probability of
 * the step that gave it, so a value's confidence is that of its least certain character.
 */

export interface RecognizedText {
  text: string;
  /** One probability (0..1) per character of `text`. */
  charConfidences: number[];
}

/** Class 0 of PaddleOCR's CTC head is the blank. */
const BLANK = 0;

/**
 * @param probs the output tensor's data, `steps` rows of `classes` probabilities
 * @param dictionary character of class i+1 (PaddleOCR's ppocr_keys_v1.txt with ' ' appended)
 */
export function ctcDecode(probs: Float32Array, steps: number, classes: number, dictionary: string[]): RecognizedText {
  let text = '';
  const charConfidences: number[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = Number.NEGATIVE_INFINITY;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c];
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== BLANK && best !== previous) {
      const ch = dictionary[best - 1] ?? '';
      if (ch) {
        text += ch;
        charConfidences.push(bestP);
      }
    }
    previous = best;
  }
  return { text, charConfidences };
}
