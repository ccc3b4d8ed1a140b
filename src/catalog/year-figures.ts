/**
 * The 第二十条 figures an agency has entered for a year, by period (全年合计 = month 0, then 1–12), each with
 * the system they were taken from (来源系统) as the newest audit event of that period recorded it.
 */
import { and, asc, eq } from 'drizzle-orm';
import { listAudit } from '../db/audit.ts';
import type { Executor } from '../db/client.ts';
import { catalogMonthlyFigures } from '../db/schema/catalog.ts';
import type { FigureKey } from './figures.ts';

export interface FigurePeriod {
  /** 0 = 全年合计, else the month. */
  month: number;
  values: Partial<Record<FigureKey, number>>;
  source: string | null;
  enteredAt: Date | null;
}

export async function yearFigures(db: Executor, input: { agencyId: number; year: number }): Promise<FigurePeriod[]> {
  const rows = await db
    .select()
    .from(catalogMonthlyFigures)
    .where(and(eq(catalogMonthlyFigures.agencyId, input.agencyId), eq(catalogMonthlyFigures.year, input.year)))
    .orderBy(asc(catalogMonthlyFigures.month), asc(catalogMonthlyFigures.key));
  const periods = new Map<number, FigurePeriod>();
  for (const r of rows) {
    const p = periods.get(r.month) ?? { month: r.month, values: {}, source: null, enteredAt: null };
    p.values[r.key as FigureKey] = Number(r.value);
    periods.set(r.month, p);
  }
  if (periods.size === 0) return [];
  const events = await listAudit(db, {
    entityType: 'catalog_figures',
    action: 'catalog.figures_entered',
    agencyIds: [input.agencyId],
    limit: 1000,
  });
  for (const e of events) {
    const m = /^(\d+)\/(\d+)-(\d+)$/.exec(e.entityId ?? '');
    if (!m || Number(m[1]) !== input.agencyId || Number(m[2]) !== input.year) continue;
    const p = periods.get(Number(m[3]));
    // Newest first: the first event of a period names its current source.
    if (!p || p.enteredAt) continue;
    p.enteredAt = e.at;
    const source = (e.data as { source?: unknown } | null)?.source;
    p.source = typeof source === 'string' ? source : null;
  }
  return [...periods.values()];
}
