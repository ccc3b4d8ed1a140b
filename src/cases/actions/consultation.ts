/**
 * Re-exports for existing callers; each action lives in its own file.
 *
 * 征求意见: a third party (第三十二条) or another agency (第三十四条) is asked; it has 15 working days to
 * answer; the time is not counted in the answer period (第三十三条第三款). Several may run at once.
 */

export { endConsultation } from './end-consultation.ts';
export { startConsultation } from './start-consultation.ts';
