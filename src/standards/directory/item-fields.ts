/** The fields of a 标准目录 item as people edit them (a unit's copy, a template): one schema, one check. */
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { parseTimeLimit } from './time-limit.ts';

export const itemFieldsSchema = z.object({
  level1: z.string().trim().min(1, '一级事项不能为空').max(200),
  level2: z.string().trim().min(1, '二级事项不能为空').max(200),
  content: z.string().trim().max(5000),
  basis: z.string().trim().max(2000),
  timeLimit: z.string().trim().min(1, '公开时限不能为空').max(200),
  subject: z.string().trim().max(200),
  channels: z.array(z.string().trim().min(1).max(50)).max(20),
  forPublic: z.boolean(),
  forGroup: z.boolean(),
  proactive: z.boolean(),
  onRequest: z.boolean(),
});
export type ItemFields = z.input<typeof itemFieldsSchema>;

/** Parses and checks the fields, throwing AppError('bad_input') with the problem in Chinese. */
export function parseItemFields(input: unknown): z.output<typeof itemFieldsSchema> {
  const parsed = itemFieldsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_input', `${issue.path.join('.') || '输入'}：${issue.message}`, {
      issues: parsed.error.issues,
    });
  }
  const f = parsed.data;
  if (parseTimeLimit(f.timeLimit).kind === 'unparsed')
    throw new AppError(
      'bad_input',
      '公开时限无法识别：请写成“信息形成或者变更之日起20个工作日内”“批准后20日内”“每年6月底前”或“实时公开”等形式',
      { field: 'timeLimit' },
    );
  if (!f.forPublic && !f.forGroup) throw new AppError('bad_input', '请至少选择一个公开对象', { field: 'forPublic' });
  if (!f.proactive && !f.onRequest) throw new AppError('bad_input', '请至少选择一种公开方式', { field: 'proactive' });
  return f;
}
