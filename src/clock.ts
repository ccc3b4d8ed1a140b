/**
 * Time as a dependency: actions take a Clock so deadlines and sweeps are testable.
 * Dates of the law are calendar dates in China (Asia/Shanghai), written YYYY-MM-DD.
 */
export interface Clock {
  now(): Date;
  /** Today's date in Asia/Shanghai as YYYY-MM-DD. */
  today(): string;
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => shanghaiDate.format(new Date()),
};

/** A clock stopped at `iso` (a date or a full timestamp). */
export function fixedClock(iso: string): Clock {
  const at = new Date(iso.length === 10 ? `${iso}T09:00:00+08:00` : iso);
  return { now: () => new Date(at), today: () => shanghaiDate.format(at) };
}
