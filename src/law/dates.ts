/**
 * Calendar dates of the law as YYYY-MM-DD strings, computed in UTC so no time zone shifts a day.
 */
import { AppError } from '../errors.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Parses a YYYY-MM-DD date, refusing impossible dates (2025-02-30). */
export function parseDate(text: string, what = '日期'): string {
  const m = ISO.exec(text);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]) return text;
  }
  throw new AppError('bad_input', `${what}应为 YYYY-MM-DD 格式的有效日期，收到“${text}”`);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The day after `date`, by plain arithmetic (the hot path of working-day counting). */
export function nextDay(date: string): string {
  let y = +date.slice(0, 4);
  let m = +date.slice(5, 7);
  let d = +date.slice(8, 10) + 1;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > MONTH_DAYS[m - 1] + (leap ? 1 : 0)) {
    d = 1;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export const weekdayName = (date: string) => WEEKDAYS[weekday(date)];
export const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;
export const yearOf = (date: string) => Number(date.slice(0, 4));

/** Days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
