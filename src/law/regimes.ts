/**
 * The law's parameters as data: the two regimes an application can fall under.
 *
 * 2019: 《政府信息公开条例》（国务院令第711号，2019-05-15施行）
 *   第三十条 补正: notify within 7 working days of receipt; the period restarts on receipt of the 补正.
 *   第三十二条/第三十四条 consultation: the consulted party answers within 15 working days; the time is not
 *   counted in the answer period (第三十三条第三款).
 *   第三十三条 answer within 20 working days of receipt; extension ≤ 20 working days with the approval of
 *   the head of the 政府信息公开工作机构, the applicant told.
 * 2007: 《政府信息公开条例》（国务院令第492号，2008-05-01施行）第二十四条: 15 working days, extension
 *   ≤ 15; third-party consultation time not counted; no 7-day 补正 rule.
 * Applications received before 2019-05-15 follow 2007 (transitional handling [UNCONFIRMED], §7 item 10).
 */
import { AppError } from '../errors.ts';

export type RegimeId = '2019' | '2007';

export interface Regime {
  id: RegimeId;
  name: string;
  answerDays: number;
  extensionDays: number;
  correctionNoticeDays: number | null;
  consultationDays: number | null;
  /** Where each rule comes from (article of the regime's 条例), keyed by rule. */
  basis: Record<string, string> & { answer: string; extension: string; pause: string; correction: string };
}

export const REGIME_2019: Regime = {
  id: '2019',
  name: '《中华人民共和国政府信息公开条例》（国务院令第711号）',
  answerDays: 20,
  extensionDays: 20,
  correctionNoticeDays: 7,
  consultationDays: 15,
  basis: {
    answer: '第三十三条第二款',
    extension: '第三十三条第二款',
    pause: '第三十三条第三款',
    correction: '第三十条',
    consultation: '第三十二条、第三十四条',
  },
};

export const REGIME_2007: Regime = {
  id: '2007',
  name: '《中华人民共和国政府信息公开条例》（国务院令第492号）',
  answerDays: 15,
  extensionDays: 15,
  correctionNoticeDays: null,
  consultationDays: null,
  basis: {
    answer: '第二十四条第二款',
    extension: '第二十四条第二款',
    pause: '第二十四条第三款',
    // 第二十一条第（四）项 only says the applicant is told to 更改、补充; that the period then runs from the
    // amended application follows practice, not the text ([UNCONFIRMED]).
    correction: '第二十一条第（四）项',
  },
};

/** The day the revised 条例 took effect. */
export const REVISED_IN_FORCE = '2019-05-15';

export function regimeFor(received: string): Regime {
  return received < REVISED_IN_FORCE ? REGIME_2007 : REGIME_2019;
}

export function regimeById(id: RegimeId): Regime {
  if (id === '2007') return REGIME_2007;
  if (id === '2019') return REGIME_2019;
  throw new AppError('bad_input', `适用条例应为 2019 或 2007，收到“${id}”`);
}
