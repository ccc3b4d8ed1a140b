import type { Command } from 'commander';
import { isAppError } from '../../errors.ts';
import { WorkingCalendar } from '../../law/calendar.ts';
import { seedCalendarYears } from '../../law/calendar-seed.ts';
import { computeDeadline } from '../../law/deadline.ts';
import type { RegimeId } from '../../law/regimes.ts';
import { CliError } from '../run.ts';

function parsePause(value: string, previous: { from: string; to: string }[] = []) {
  const [from, to, extra] = value.split(':');
  if (!from || !to || extra !== undefined)
    throw new CliError(`--pause: 应为 FROM:TO（YYYY-MM-DD:YYYY-MM-DD），收到“${value}”`);
  return [...previous, { from, to }];
}

export function register(program: Command): void {
  program
    .command('deadline')
    .description('计算依申请公开的法定答复期限（工作日，含节假日与调休）')
    .requiredOption('--received <date>', '收到申请日期 YYYY-MM-DD（当日不计入）')
    .option('--regime <regime>', '2019 | 2007（默认按收到日期：2019-05-15 之前为 2007）')
    .option('--correction-received <date>', '收到补正日期（期限自此重新计算）')
    .option('--pause <from:to>', '征求意见期间（含首尾），可重复', parsePause)
    .option('--extend', '经批准延长答复期限')
    .action(
      (opts: {
        received: string;
        regime?: string;
        correctionReceived?: string;
        pause?: { from: string; to: string }[];
        extend?: boolean;
      }) => {
        if (opts.regime && opts.regime !== '2019' && opts.regime !== '2007') {
          throw new CliError(`--regime: 应为 2019 或 2007，收到“${opts.regime}”`);
        }
        try {
          const deadline = computeDeadline(
            {
              received: opts.received,
              regime: opts.regime as RegimeId | undefined,
              correctionReceived: opts.correctionReceived,
              pauses: opts.pause,
              extended: opts.extend,
            },
            new WorkingCalendar(seedCalendarYears(), { provisional: true }),
          );
          process.stdout.write(`${JSON.stringify(deadline, null, 2)}\n`);
        } catch (error) {
          if (isAppError(error)) throw new CliError(error.message);
          throw error;
        }
      },
    );
}
