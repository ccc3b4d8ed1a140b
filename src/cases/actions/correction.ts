/**
 * Re-exports for existing callers; each action lives in its own file.
 *
 * 补正 (条例第三十条): an unclear application is sent back once, within 7 working days of receipt, with
 * what to correct and a deadline; the 20-day period restarts when the correction arrives; no correction
 * by the deadline without good reason closes the case as 视为放弃 (2021 table 其他处理 1).
 */

export { lapseCorrection } from './lapse-correction.ts';
export { receiveCorrection } from './receive-correction.ts';
export { requestCorrection } from './request-correction.ts';
