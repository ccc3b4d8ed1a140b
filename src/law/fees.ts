/**
 * 信息处理费 under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), 超额累进:
 * 第四条 按件: within one natural month the same applicant's 1–10 件 free; 11–30: 100元/件; from 31, in
 *   bands of 10, each band 100元/件 more than the one before. Reading taken here: 31–40 at 200元/件,
 *   41–50 at 300元/件 … (the first band above 30 as 200 is [UNCONFIRMED], law-and-formats.md §5).
 * 第五条 按量 (paper, e-mail, copies): ≤30 pages free; 31–100: 10元/页; 101–200: 20元/页; 201+: 40元/页.
 * An agency applies one of the two to an application, never both (第三条).
 */
import { AppError } from '../errors.ts';

export interface FeeLine {
  from: number;
  to: number;
  unitYuan: number;
  yuan: number;
}

export interface Fee {
  yuan: number;
  lines: FeeLine[];
}

function wholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new AppError('bad_input', `${what}应为非负整数，收到${n}`);
}

/** Price of the n-th application in the month (1-based). */
function pricePerCase(n: number): number {
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 100 + 100 * Math.ceil((n - 30) / 10);
}

/** Fee for `count` applications on top of `priorInMonth` already filed by the applicant this month. */
export function feeByCount(priorInMonth: number, count: number): Fee {
  wholeNumber(priorInMonth, '本月此前已申请件数');
  wholeNumber(count, '申请件数');
  const lines: FeeLine[] = [];
  for (let n = priorInMonth + 1; n <= priorInMonth + count; n++) {
    const unit = pricePerCase(n);
    const last = lines.at(-1);
    if (last && last.unitYuan === unit) {
      last.to = n;
      last.yuan += unit;
    } else lines.push({ from: n, to: n, unitYuan: unit, yuan: unit });
  }
  const charged = lines.filter((l) => l.unitYuan > 0);
  return { yuan: charged.reduce((s, l) => s + l.yuan, 0), lines: charged };
}

const PAGE_BANDS: [from: number, to: number, unit: number][] = [
  [31, 100, 10],
  [101, 200, 20],
  [201, Number.POSITIVE_INFINITY, 40],
];

export function feeByPages(pages: number): Fee {
  wholeNumber(pages, '页数');
  const lines: FeeLine[] = [];
  for (const [from, to, unit] of PAGE_BANDS) {
    if (pages < from) break;
    const upper = Math.min(pages, to);
    lines.push({ from, to: upper, unitYuan: unit, yuan: (upper - from + 1) * unit });
  }
  return { yuan: lines.reduce((s, l) => s + l.yuan, 0), lines };
}
