/**
 * One website report as shown: the platform's computed figures and the stored entered ones, merged into the
 * model with each value's source.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { type WebsiteReportRow, websiteReports } from '../../db/schema/website-report.ts';
import { computeWebsiteFigures } from './compute.ts';
import { ENTERED_ROWS } from './layout.ts';
import type { WebsiteReport, WebsiteSource, WebsiteValue } from './model.ts';

export async function getWebsiteReportRow(
  db: Executor,
  agencyId: number,
  year: number,
  forUpdate = false,
): Promise<WebsiteReportRow | undefined> {
  const q = db
    .select()
    .from(websiteReports)
    .where(and(eq(websiteReports.agencyId, agencyId), eq(websiteReports.year, year)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function loadWebsiteReport(
  db: Executor,
  input: { agencyId: number; year: number },
): Promise<WebsiteReport> {
  const row = await getWebsiteReportRow(db, input.agencyId, input.year);
  const live = await computeWebsiteFigures(db, input);
  // A locked report keeps the platform's figures of the day it was locked.
  const computed = row?.computed
    ? {
        agencyName: live.agencyName,
        values: row.computed.values as Record<string, WebsiteValue>,
        sources: row.computed.sources as Record<string, WebsiteSource>,
      }
    : live;
  const entered = row?.entered ?? {};
  const byIds = [...new Set(Object.values(entered).map((f) => f.by))].filter((id): id is number => id != null);
  const names = new Map(
    byIds.length
      ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, byIds))).map(
          (u) => [u.id, u.name],
        )
      : [],
  );
  const values = { ...computed.values };
  const sources = { ...computed.sources };
  for (const r of ENTERED_ROWS) {
    const f = entered[r.key];
    values[r.key] = f?.value ?? null;
    sources[r.key] = {
      kind: 'entered',
      source: f?.source ?? r.defaultSource ?? '本单位填报',
      by: f?.by ?? null,
      byName: f?.by != null ? (names.get(f.by) ?? null) : null,
      at: f?.at ?? null,
    };
  }
  // 解读信息发布总数: the platform's 解读材料 and the entered 解读产品、媒体评论.
  const parts = ['interpret.materials', 'interpret.products', 'interpret.media'].map((k) => values[k]);
  values['interpret.total'] = parts.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
  return {
    agencyId: input.agencyId,
    agencyName: computed.agencyName,
    year: input.year,
    status: row?.status ?? 'draft',
    version: row?.version ?? 0,
    values,
    sources,
  };
}
