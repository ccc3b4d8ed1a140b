/**
 * Query strings as forms send them: a field left empty arrives as `year=` and means "not chosen", not a
 * wrong value (a GET form sends every field, filled or not).
 */
import { z } from 'zod';

export function emptyAsAbsent<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
}
