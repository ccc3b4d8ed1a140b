/**
 * Re-exports for existing callers; each action lives in its own file.
 *
 * 行政复议 and 行政诉讼 about a case: filed (direct suit or after review), then decided — 维持, 纠正, 其他 — or
 * still 尚未审结 at the year's end. They feed section 四 of the annual report.
 */

export { decideAppeal } from './decide-appeal.ts';
export { recordAppeal } from './record-appeal.ts';
