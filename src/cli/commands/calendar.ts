import type { Command } from 'commander';
import { WorkingCalendar } from '../../law/calendar.ts';
import { seedCalendarYears } from '../../law/calendar-seed.ts';
import { weekdayName } from '../../law/dates.ts';
import { CliError } from '../run.ts';

export function register(program: Command): void {
  const calendar = program.command('calendar').description('工作日历（节假日与调休）');
  calendar
    .command('show')
    .description('显示某年的放假与调休上班安排')
    .argument('<year>', '年份')
    .action((yearText: string) => {
      const year = Number(yearText);
      const cal = new WorkingCalendar(seedCalendarYears());
      const data = cal.yearData(year);
      if (!data)
        throw new CliError(`工作日历没有${yearText}年的节假日安排（已有：${cal.years()[0]}—${cal.years().at(-1)}）`);
      const line = (d: string) => `${d}（${weekdayName(d)}）${data.names?.[d] ?? ''}`;
      process.stdout.write(
        [
          `${year}年 依据：${data.notice}`,
          '放假：',
          ...data.holidays.map(line),
          '调休上班：',
          ...data.makeupWorkdays.map(line),
        ].join('\n') + '\n',
      );
    });
}
