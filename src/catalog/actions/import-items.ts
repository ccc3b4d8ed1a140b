/**
 * 批量导入目录信息 from CSV or XLSX: every row is checked first and the problems reported row by row (row
 * number, column, message in Chinese); then all rows are written in ONE transaction, so a failure at any row
 * leaves nothing half-imported. Rows with a 发布日期 are historical items, imported as published; rows
 * without one become drafts for review.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { getAgency } from '../../agencies/tree.ts';
import { requirePermission, type SessionUser } from '../../auth/roles.ts';
import { recordAudit } from '../../db/audit.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { AppError } from '../../errors.ts';
import type { CatalogDeps } from '../change.ts';
import { flattenDirectory } from '../directory.ts';
import { readImportFile, type SheetRow } from '../import-parse.ts';
import { formatIndexNo, reserveIndexNos } from '../index-number.ts';
import { checkItemFields, type ItemFields, itemFieldsSchema, itemSearchText } from '../item-fields.ts';
import { directoryOf } from '../settings.ts';
import { CHANNEL_NAMES, DISCLOSURE_NAMES, DOC_TYPE_NAMES, VALIDITY_NAMES } from '../vocabulary.ts';

export interface ImportError {
  row: number;
  column: string;
  message: string;
}

/** Column headers of the import template. */
export const IMPORT_COLUMNS = [
  '标题',
  '文号',
  '成文日期',
  '发布日期',
  '主题分类',
  '体裁',
  '文件类型',
  '目录分类',
  '公开方式',
  '不公开依据',
  '有效性',
  '施行日期',
  '废止日期',
  '发布渠道',
  '正文',
  '解读对象文号',
] as const;

const FIELD_COLUMNS: Record<string, string> = {
  title: '标题',
  docNo: '文号',
  writtenOn: '成文日期',
  theme: '主题分类',
  genre: '体裁',
  docType: '文件类型',
  category: '目录分类',
  disclosure: '公开方式',
  disclosureBasis: '不公开依据',
  validity: '有效性',
  effectiveOn: '施行日期',
  repealedOn: '废止日期',
  channels: '发布渠道',
  body: '正文',
  interpretsId: '解读对象文号',
};

const reverse = <K extends string>(names: Record<K, string>) =>
  new Map(Object.entries(names).map(([k, v]) => [v as string, k as K]));
const DOC_TYPES = reverse(DOC_TYPE_NAMES);
const MODES = reverse(DISCLOSURE_NAMES);
const VALIDITIES = reverse(VALIDITY_NAMES);
const CHANNELS = new Map([
  ...reverse(CHANNEL_NAMES),
  ['网站', 'website'],
  ['微博', 'weibo'],
  ['微信', 'wechat'],
  ['公报', 'gazette'],
  ['其他', 'other'],
]);

/** Excel and people write dates as 2025/3/1, 2025年3月1日, 2025-3-1. */
function normalDate(s: string): string | null {
  if (!s) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s.trim();
}

interface Prepared {
  row: number;
  fields: ItemFields;
  publishedOn: string | null;
  interpretsDocNo: string | null;
}

function prepareRow(r: SheetRow, codesByName: Map<string, string>, errors: ImportError[]): Prepared | null {
  const c = r.cells;
  const bad = (column: string, message: string) => errors.push({ row: r.row, column, message });
  const before = errors.length;
  const pick = <T>(column: string, map: Map<string, T>, fallback: T): T => {
    const v = c[column];
    if (!v) return fallback;
    const found = map.get(v);
    if (found === undefined) bad(column, `无法识别“${v}”，可选：${[...map.keys()].join('、')}`);
    return found ?? fallback;
  };
  const category = c.目录分类 ? (codesByName.get(c.目录分类) ?? c.目录分类) : '';
  const channels = (c.发布渠道 || '政府网站')
    .split(/[、,，;；\s]+/)
    .filter(Boolean)
    .map((n) => {
      const ch = CHANNELS.get(n);
      if (!ch) bad('发布渠道', `无法识别发布渠道“${n}”`);
      return ch ?? 'website';
    });
  const docType = pick('文件类型', DOC_TYPES, 'other');
  const fields: ItemFields = {
    title: c.标题 ?? '',
    docNo: c.文号 || null,
    writtenOn: normalDate(c.成文日期 ?? ''),
    theme: c.主题分类 || null,
    genre: c.体裁 || null,
    docType,
    category,
    disclosure: pick('公开方式', MODES, 'active'),
    disclosureBasis: c.不公开依据 || null,
    validity: c.有效性 ? pick('有效性', VALIDITIES, 'valid') : null,
    effectiveOn: normalDate(c.施行日期 ?? ''),
    repealedOn: normalDate(c.废止日期 ?? ''),
    channels: channels as ItemFields['channels'],
    body: c.正文 ?? '',
  };
  const parsed = itemFieldsSchema.safeParse({ ...fields, interpretsId: undefined });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      bad(FIELD_COLUMNS[String(issue.path[0])] ?? String(issue.path[0]), issue.message);
  }
  const publishedOn = normalDate(c.发布日期 ?? '');
  if (publishedOn && !/^\d{4}-\d{2}-\d{2}$/.test(publishedOn)) bad('发布日期', '日期应为 YYYY-MM-DD 格式');
  if (docType === 'interpretation' && !c.解读对象文号) bad('解读对象文号', '政策解读须填写所解读文件的文号');
  return errors.length === before ? { row: r.row, fields, publishedOn, interpretsDocNo: c.解读对象文号 || null } : null;
}

export async function importItems(
  deps: CatalogDeps,
  input: { user: SessionUser; agencyId: number; filename: string; content: Uint8Array },
): Promise<{ imported: number; published: number; drafts: number; ids: number[] }> {
  requirePermission(input.user, 'catalog.edit', input.agencyId);
  const rows = await readImportFile(input.content, input.filename);
  if (rows.length === 0) throw new AppError('bad_input', '导入文件没有数据行');
  if (rows.length > 50_000) throw new AppError('bad_input', '一次最多导入50000行');
  const agency = await getAgency(deps.db, input.agencyId);
  const codesByName = new Map<string, string>();
  for (const [code, path] of flattenDirectory(await directoryOf(deps.db, agency.id, agency.kind))) {
    codesByName.set(path[path.length - 1], code);
  }
  const errors: ImportError[] = [];
  const prepared = rows.map((r) => prepareRow(r, codesByName, errors));
  const fail = () => new AppError('bad_input', `导入失败：${errors.length}处错误，未导入任何数据`, { errors });
  if (errors.length) throw fail();

  const now = deps.clock.now();
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const ids: number[] = [];
    const byDocNo = new Map<string, number>();
    const docNos = prepared.map((p) => p?.interpretsDocNo).filter((d): d is string => !!d);
    if (docNos.length) {
      const existing = await tx
        .select({ id: catalogItems.id, docNo: catalogItems.docNo })
        .from(catalogItems)
        .where(and(eq(catalogItems.agencyId, agency.id), inArray(catalogItems.docNo, docNos)));
      for (const e of existing) if (e.docNo) byDocNo.set(e.docNo, e.id);
    }
    // Policies first, so an interpretation may point at a policy of the same file.
    const order = [...prepared].sort(
      (a, b) => Number(a?.fields.docType === 'interpretation') - Number(b?.fields.docType === 'interpretation'),
    );
    const counters = new Map<number, { creditCode: string; next: number }>();
    const perYear = new Map<number, number>();
    for (const p of order) {
      const year = Number((p!.fields.writtenOn ?? p!.publishedOn ?? today).slice(0, 4));
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    for (const [year, count] of perYear) {
      const r = await reserveIndexNos(tx, agency.id, year, count);
      counters.set(year, { creditCode: r.creditCode, next: r.first });
    }
    let published = 0;
    for (const p of order) {
      const prep = p!;
      const column = (field: string) => FIELD_COLUMNS[field] ?? field;
      let interpretsId: number | null = null;
      if (prep.interpretsDocNo) {
        interpretsId = byDocNo.get(prep.interpretsDocNo) ?? null;
        if (!interpretsId)
          errors.push({
            row: prep.row,
            column: '解读对象文号',
            message: `找不到文号为“${prep.interpretsDocNo}”的文件`,
          });
      }
      let values: Awaited<ReturnType<typeof checkItemFields>>;
      try {
        values = await checkItemFields(
          tx,
          agency.id,
          agency.kind,
          itemFieldsSchema.parse({ ...prep.fields, interpretsId }),
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'bad_input') {
          const field = (error.details as { field?: string } | undefined)?.field;
          errors.push({ row: prep.row, column: field ? column(field) : '', message: error.message });
          continue;
        }
        throw error;
      }
      if (errors.length) continue;
      const year = Number((values.writtenOn ?? prep.publishedOn ?? today).slice(0, 4));
      const counter = counters.get(year)!;
      const isPublished = prep.publishedOn !== null && values.disclosure === 'active';
      const [row] = await tx
        .insert(catalogItems)
        .values({
          ...values,
          indexNo: formatIndexNo(counter.creditCode, year, counter.next++),
          agencyId: agency.id,
          state: prep.publishedOn ? (isPublished ? 'published' : 'filed') : 'draft',
          publishedOn: isPublished ? prep.publishedOn : null,
          createdBy: input.user.id,
          searchText: itemSearchText(values),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: catalogItems.id });
      if (isPublished) published++;
      if (values.docNo) byDocNo.set(values.docNo, row.id);
      ids.push(row.id);
    }
    // Throwing inside the transaction rolls back every row written so far.
    if (errors.length) throw fail();
    await recordAudit(tx, {
      at: now,
      actorId: input.user.id,
      action: 'catalog.imported',
      entityType: 'catalog_import',
      entityId: input.filename,
      agencyId: agency.id,
      data: { filename: input.filename, rows: ids.length, published, firstId: ids[0], lastId: ids[ids.length - 1] },
    });
    return { imported: ids.length, published, drafts: ids.length - published, ids };
  });
}
