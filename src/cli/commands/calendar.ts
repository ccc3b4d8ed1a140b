import type { Command } from 'commander';
import { WorkingCalendar } from '../../law/calendar.ts';
import { seedCalendarYears } from '../../law/calendar-seed.ts';
import { weekdayName } from '../../law/dates.ts';
import { CliError } from '../run.ts';

export function register(program: Command): void {
  const calendar = program.command('calendar').description('工作日历（节假日与调休）');
  calendar
    .command('show')
    .description('显示某年的放假与调休上班安排（内置日历数据）')
    .argument('<year>', '年份')
    .option('--json', '以 JSON 输出（与数据库工作日历同一形状）')
    .action((yearText: string, opts: { json?: boolean }) => {
      const cal = new WorkingCalendar(seedCalendarYears());
      const data = /^\d{4}$/.test(yearText) ? cal.yearData(Number(yearText)) : undefined;
      if (!data) {
        const known = cal.years();
        throw new CliError(`工作日历没有${yearText}年的节假日安排（已有：${known[0]}—${known.at(-1)}年）`);
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        return;
      }
      const line = (d: string) => `${d}（${weekdayName(d)}）${data.names?.[d] ?? ''}`;
      const lines = [
        `${data.year}年 依据：${data.notice}`,
        '放假：',
        ...data.holidays.map(line),
        '调休上班：',
        ...data.makeupWorkdays.map(line),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
