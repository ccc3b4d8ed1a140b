/**
 * The fields of a catalog item as staff enter them (console, API, bulk import): one zod schema, and the
 * domain checks that need the database (category in the agency's directory, the 政策解读's policy).
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../db/client.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { agencyStandardItems } from '../db/schema/standards.ts';
import { AppError } from '../errors.ts';
import { parseDate } from '../law/dates.ts';
import { flattenDirectory } from './directory.ts';
import { htmlToText, sanitizeHtml } from './sanitize.ts';
import { documentTokens } from './search-tokens.ts';
import { directoryOf } from './settings.ts';
import { channels, disclosureModes, docTypes, validities } from './vocabulary.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD 格式');

export const itemFieldsSchema = z.object({
  title: z.string().trim().min(1, '标题不能为空').max(500, '标题过长'),
  docNo: z.string().trim().max(100).nullish(),
  writtenOn: isoDate.nullish(),
  theme: z.string().trim().max(100).nullish(),
  genre: z.string().trim().max(50).nullish(),
  docType: z.enum(docTypes).default('other'),
  category: z.string().trim().min(1, '请选择目录分类'),
  disclosure: z.enum(disclosureModes).default('active'),
  disclosureBasis: z.string().trim().max(500).nullish(),
  body: z.string().max(2_000_000).default(''),
  validity: z.enum(validities).nullish(),
  effectiveOn: isoDate.nullish(),
  amendedOn: isoDate.nullish(),
  repealedOn: isoDate.nullish(),
  interpretsId: z.number().int().positive().nullish(),
  /** The unit's adopted 标准目录 事项 the item publishes (null: none; absent: left as it is). */
  standardItemId: z.number().int().positive().nullish(),
  channels: z.array(z.enum(channels)).min(1, '至少选择一个发布渠道').default(['website']),
});
export type ItemFields = z.input<typeof itemFieldsSchema>;
export type ParsedItemFields = z.output<typeof itemFieldsSchema>;

/** Parses fields, throwing AppError('bad_input') with the first problem in Chinese. */
export function parseItemFields(input: unknown): ParsedItemFields {
  const parsed = itemFieldsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_input', `${issue.path.join('.') || '输入'}：${issue.message}`, {
      issues: parsed.error.issues,
    });
  }
  return parsed.data;
}

/** Domain rules of the fields; returns the row values to store (body sanitised, dates checked). */
export async function checkItemFields(db: Executor, agencyId: number, agencyKind: string, f: ParsedItemFields) {
  for (const [key, label] of [
    ['writtenOn', '成文日期'],
    ['effectiveOn', '施行日期'],
    ['amendedOn', '修订日期'],
    ['repealedOn', '废止日期'],
  ] as const) {
    const v = f[key];
    if (v) parseDate(v, label);
  }
  const codes = flattenDirectory(await directoryOf(db, agencyId, agencyKind));
  if (!codes.has(f.category)) throw new AppError('bad_input', `目录分类不存在：${f.category}`, { field: 'category' });
  const regulated = f.docType === 'rule' || f.docType === 'normative';
  if (regulated && !f.writtenOn)
    throw new AppError('bad_input', '规章和行政规范性文件须填写成文日期', { field: 'writtenOn' });
  if (!regulated && (f.validity || f.repealedOn)) {
    throw new AppError('bad_input', '只有规章和行政规范性文件登记有效性', { field: 'validity' });
  }
  const validity = regulated ? (f.validity ?? 'valid') : null;
  if (validity === 'repealed' && !f.repealedOn)
    throw new AppError('bad_input', '废止的文件须填写废止日期', { field: 'repealedOn' });
  if (validity !== 'repealed' && f.repealedOn)
    throw new AppError('bad_input', '填写了废止日期，有效性应为“废止”', { field: 'validity' });
  if (f.repealedOn && f.writtenOn && f.repealedOn < f.writtenOn) {
    throw new AppError('bad_input', '废止日期不能早于成文日期', { field: 'repealedOn' });
  }
  if (f.disclosure !== 'active' && !f.disclosureBasis?.trim()) {
    throw new AppError('bad_input', '依申请公开或不予公开的信息须写明依据', { field: 'disclosureBasis' });
  }
  if (f.docType === 'interpretation') {
    if (!f.interpretsId) throw new AppError('bad_input', '政策解读须关联所解读的政策文件', { field: 'interpretsId' });
    const [policy] = await db
      .select({ id: catalogItems.id })
      .from(catalogItems)
      .where(and(eq(catalogItems.id, f.interpretsId), eq(catalogItems.agencyId, agencyId)));
    if (!policy) throw new AppError('bad_input', `所解读的政策文件不存在或不属于本机关：${f.interpretsId}`);
  } else if (f.interpretsId) {
    throw new AppError('bad_input', '只有政策解读关联政策文件', { field: 'interpretsId' });
  }
  if (f.standardItemId) {
    const [adopted] = await db
      .select({ id: agencyStandardItems.id, retiredAt: agencyStandardItems.retiredAt })
      .from(agencyStandardItems)
      .where(and(eq(agencyStandardItems.id, f.standardItemId), eq(agencyStandardItems.agencyId, agencyId)));
    if (!adopted || adopted.retiredAt)
      throw new AppError('bad_input', '所选标准目录事项不是本机关采用中的事项', { field: 'standardItemId' });
  }
  const body = sanitizeHtml(f.body);
  return {
    title: f.title,
    docNo: f.docNo || null,
    writtenOn: f.writtenOn ?? null,
    theme: f.theme || null,
    genre: f.genre || null,
    docType: f.docType,
    category: f.category,
    disclosure: f.disclosure,
    disclosureBasis: f.disclosureBasis || null,
    body,
    validity,
    effectiveOn: f.effectiveOn ?? null,
    amendedOn: f.amendedOn ?? null,
    repealedOn: f.repealedOn ?? null,
    interpretsId: f.interpretsId ?? null,
    channels: [...new Set(f.channels)],
    ...(f.standardItemId === undefined ? {} : { standardItemId: f.standardItemId ?? null }),
  };
}

/** The search text of an item (title, 文号, body, attachment texts). */
export const itemSearchText = (
  item: { title: string; docNo: string | null; body: string },
  attachmentTexts: string[] = [],
) => documentTokens(item.title, item.docNo, htmlToText(item.body), ...attachmentTexts);
