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
