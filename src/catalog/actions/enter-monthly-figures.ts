/**
 * 录入第二十条数据 for section 二: by month (1–12) or for the whole year (month 0, 全年合计: it replaces the
 * months' sum of the same figure, src/catalog/report-section.ts); upserted per agency, year, month and key;
 * audited with the values before and the system the figures were taken from (来源系统).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { requirePermission, type SessionUser } from '../../auth/roles.ts';
import { recordAudit } from '../../db/audit.ts';
import { catalogMonthlyFigures } from '../../db/schema/catalog.ts';
import { AppError } from '../../errors.ts';
import type { CatalogDeps } from '../change.ts';
import { FIGURE_KEYS, isAmount, isFigureKey } from '../figures.ts';

export async function enterMonthlyFigures(
  deps: CatalogDeps,
  input: {
    user: SessionUser;
    agencyId: number;
    year: number;
    /** 1–12, or 0 for the whole year (全年合计). */
    month: number;
    figures: Record<string, number>;
    /** 数据来源系统, e.g. 一体化政务服务平台 or 行政执法信息平台. */
    source?: string;
  },
) {
  requirePermission(input.user, 'catalog.edit', input.agencyId);
  if (!Number.isInteger(input.year) || input.year < 2008 || input.year > 2100)
    throw new AppError('bad_input', `年份无效：${input.year}`, { field: 'year' });
  if (!Number.isInteger(input.month) || input.month < 0 || input.month > 12)
    throw new AppError('bad_input', `月份无效：${input.month}`, { field: 'month' });
  if (`${input.year}-${String(input.month).padStart(2, '0')}` > deps.clock.today().slice(0, 7)) {
    throw new AppError('bad_input', '不能录入未来月份的数据', { field: 'month' });
  }
  const source = input.source?.trim() || undefined;
  if (source && source.length > 100) throw new AppError('bad_input', '来源系统名称过长', { field: 'source' });
  const entries = Object.entries(input.figures);
  if (entries.length === 0) throw new AppError('bad_input', '没有要录入的数据');
  for (const [key, value] of entries) {
    if (!isFigureKey(key)) throw new AppError('bad_input', `数据项不存在：${key}`, { field: key });
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new AppError('bad_input', `${FIGURE_KEYS[key]}应为非负数`, { field: key });
    }
    if (!isAmount(key) && !Number.isInteger(value))
      throw new AppError('bad_input', `${FIGURE_KEYS[key]}应为整数`, { field: key });
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const where = and(
      eq(catalogMonthlyFigures.agencyId, input.agencyId),
      eq(catalogMonthlyFigures.year, input.year),
      eq(catalogMonthlyFigures.month, input.month),
    );
    const before = await tx
      .select({ key: catalogMonthlyFigures.key, value: catalogMonthlyFigures.value })
      .from(catalogMonthlyFigures)
      .where(
        and(
          where,
          inArray(
            catalogMonthlyFigures.key,
            entries.map(([k]) => k),
          ),
        ),
      );
    for (const [key, value] of entries) {
      const row = {
        agencyId: input.agencyId,
        year: input.year,
        month: input.month,
        key,
        value,
        updatedAt: now,
        updatedBy: input.user.id,
      };
      await tx
        .insert(catalogMonthlyFigures)
        .values(row)
        .onConflictDoUpdate({
          target: [
            catalogMonthlyFigures.agencyId,
            catalogMonthlyFigures.year,
            catalogMonthlyFigures.month,
            catalogMonthlyFigures.key,
          ],
          set: { value, updatedAt: now, updatedBy: input.user.id },
        });
    }
    await recordAudit(tx, {
      at: now,
      actorId: input.user.id,
      action: 'catalog.figures_entered',
      entityType: 'catalog_figures',
      entityId: `${input.agencyId}/${input.year}-${input.month}`,
      agencyId: input.agencyId,
      data: {
        figures: input.figures,
        before: Object.fromEntries(before.map((b) => [b.key, b.value])),
        ...(source ? { source } : {}),
      },
    });
    return { year: input.year, month: input.month, figures: input.figures };
  });
}
